#!/usr/bin/env python3
"""Draws the demo illustrations and writes them to public/images/ as WebP.

Everything is generated (flat-colour art and diagrams, no photos) from fixed seeds, so running the
script again gives the same pictures. Each picture is drawn once at twice the largest width and
scaled down with LANCZOS for every width, which anti-aliases the edges.

Usage: .build/venv/bin/python scripts/make_images.py [output-dir]
"""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

WIDTHS = (480, 960, 1600)
ASPECT = 3 / 2  # width / height
QUALITY = 70
SUPERSAMPLE = 2

# Logical drawing space: every picture is drawn in these units, whatever the output size.
W, H = 1600, round(1600 / ASPECT)


def height_for(width: int) -> int:
    return round(width / ASPECT)


class Canvas:
    """An RGBA image in logical units (W x H), SUPERSAMPLE times the largest output width."""

    def __init__(self, background: str):
        self.k = SUPERSAMPLE * max(WIDTHS) / W
        self.image = Image.new("RGBA", (self.px(W), self.px(H)), background)
        self.draw = ImageDraw.Draw(self.image)

    def px(self, value: float) -> int:
        return round(value * self.k)

    def pts(self, points):
        return [(x * self.k, y * self.k) for x, y in points]

    def box(self, x0, y0, x1, y1):
        return [x0 * self.k, y0 * self.k, x1 * self.k, y1 * self.k]

    def rect(self, x0, y0, x1, y1, fill=None, outline=None, width=0, radius=0, draw=None):
        d = draw or self.draw
        if radius:
            d.rounded_rectangle(self.box(x0, y0, x1, y1), self.px(radius), fill=fill, outline=outline,
                                width=self.px(width))
        else:
            d.rectangle(self.box(x0, y0, x1, y1), fill=fill, outline=outline, width=self.px(width))

    def ellipse(self, cx, cy, rx, ry, fill=None, outline=None, width=0, draw=None):
        (draw or self.draw).ellipse(self.box(cx - rx, cy - ry, cx + rx, cy + ry), fill=fill,
                                    outline=outline, width=self.px(width))

    def circle(self, cx, cy, r, **kw):
        self.ellipse(cx, cy, r, r, **kw)

    def poly(self, points, fill=None, outline=None, width=0, draw=None):
        (draw or self.draw).polygon(self.pts(points), fill=fill, outline=outline, width=self.px(width))

    def line(self, points, fill, width, draw=None):
        (draw or self.draw).line(self.pts(points), fill=fill, width=max(1, self.px(width)), joint="curve")
        # Round the ends so thick strokes do not look cut off.
        r = width / 2
        for x, y in (points[0], points[-1]):
            (draw or self.draw).ellipse(self.box(x - r, y - r, x + r, y + r), fill=fill)

    def overlay(self, blur: float = 0):
        """A transparent layer to draw translucent shapes on; call `.compose(layer)` when done."""
        layer = Image.new("RGBA", self.image.size, (0, 0, 0, 0))
        return layer, ImageDraw.Draw(layer), blur

    def compose(self, overlay):
        layer, _, blur = overlay
        if blur:
            layer = layer.filter(ImageFilter.GaussianBlur(self.px(blur)))
        self.image.alpha_composite(layer)


def lerp(a, b, t):
    return a + (b - a) * t


def mix(c1, c2, t):
    """Mixes two '#rrggbb' colours."""
    a = [int(c1[i:i + 2], 16) for i in (1, 3, 5)]
    b = [int(c2[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(lerp(x, y, t)):02x}" for x, y in zip(a, b))


def bands(c: Canvas, x0, y0, x1, y1, top, bottom, steps):
    """A vertical gradient in a few flat bands (flat colour compresses far better than a smooth ramp)."""
    for i in range(steps):
        ya = lerp(y0, y1, i / steps)
        yb = lerp(y0, y1, (i + 1) / steps)
        c.rect(x0, ya, x1, yb + 0.5, fill=mix(top, bottom, i / max(1, steps - 1)))


def star(cx, cy, r, points=5, inner=0.42, rotation=-math.pi / 2):
    out = []
    for i in range(points * 2):
        radius = r if i % 2 == 0 else r * inner
        a = rotation + i * math.pi / points
        out.append((cx + radius * math.cos(a), cy + radius * math.sin(a)))
    return out


# --------------------------------------------------------------------------------------------------
# nica-ceremony: a stage with a big screen, a signing table on a podium, two lecterns, an audience.


def nica_ceremony() -> Image.Image:
    rng = random.Random(20200826)
    c = Canvas("#1b2746")

    # Back wall: slim vertical panels.
    for i, x in enumerate(range(0, W, 80)):
        c.rect(x, 0, x + 80, 700, fill="#1e2b4d" if i % 2 else "#1a2644")
    c.rect(0, 0, W, 36, fill="#131c35")

    # Tall banners at the sides.
    for x0, colours in ((110, ("#c8312f", "#e4b43a")), (1370, ("#f3f1ea", "#2f5fae", "#c8312f"))):
        c.rect(x0, 70, x0 + 120, 600, fill="#0f1830")
        for j, colour in enumerate(colours):
            c.rect(x0 + 10, 80 + j * 510 / len(colours), x0 + 110, 80 + (j + 1) * 510 / len(colours), fill=colour)
    c.poly(star(170, 170, 34), fill="#e4b43a")

    # The big screen: a globe with two arcs that meet, on a blue field.
    c.rect(380, 70, 1220, 500, fill="#0c1226", radius=10)
    bands(c, 400, 90, 1200, 480, "#2d66b0", "#4aa3dc", 6)
    c.circle(800, 285, 150, fill="#5db6e6", outline="#eaf4fb", width=5)
    c.ellipse(800, 285, 70, 150, outline="#eaf4fb", width=4)
    c.line([(800, 135), (800, 435)], "#eaf4fb", 4)
    for y, half in ((235, 140), (285, 150), (335, 140)):
        c.line([(800 - half, y), (800 + half, y)], "#eaf4fb", 3)
    arc_left = [(430 + t * 370, 420 - 170 * math.sin(t * math.pi / 2)) for t in (i / 40 for i in range(41))]
    arc_right = [(1170 - t * 370, 420 - 170 * math.sin(t * math.pi / 2)) for t in (i / 40 for i in range(41))]
    c.line(arc_left, "#e2453c", 14)
    c.line(arc_right, "#f3f1ea", 14)
    for _ in range(26):
        x, y = rng.uniform(420, 1180), rng.uniform(105, 200)
        if abs(x - 800) > 170:
            c.poly(star(x, y, rng.uniform(4, 9), points=4, inner=0.35), fill="#d9ecfa")

    # Stage: floor, carpet, front face.
    c.poly([(0, 640), (W, 640), (W, 880), (0, 880)], fill="#5c3b2e")
    for i, y in enumerate(range(640, 880, 30)):
        c.rect(0, y, W, y + 15, fill="#61402f")
    c.poly([(700, 640), (900, 640), (1010, 880), (590, 880)], fill="#a3262a")
    c.rect(0, 880, W, 930, fill="#3a241c")
    c.rect(0, 876, W, 884, fill="#c9a45a")

    # Podium: a raised platform in the middle with a step.
    c.poly([(470, 700), (1130, 700), (1170, 760), (430, 760)], fill="#7a5240")
    c.rect(430, 760, 1170, 800, fill="#4d3126")
    c.rect(470, 800, 1130, 826, fill="#402820")

    # Signing table with a cloth, two folders, pens and desk flags.
    c.rect(560, 600, 1040, 626, fill="#f3efe4", radius=4)
    c.poly([(560, 620), (1040, 620), (1050, 712), (550, 712)], fill="#e6e0d1")
    for x in (600, 700, 800, 900, 1000):
        c.line([(x, 630), (x + 6, 706)], "#d6cfbd", 3)
    for x in (620, 880):
        c.rect(x, 586, x + 110, 602, fill="#203a66", radius=3)
        c.line([(x + 96, 584), (x + 70, 598)], "#c9a45a", 3)
    c.line([(800, 520), (800, 604)], "#a8a8a8", 3)
    c.rect(762, 520, 800, 546, fill="#c8312f")
    c.poly(star(772, 530, 6), fill="#e4b43a")
    c.rect(800, 520, 838, 529, fill="#f3f1ea")
    c.rect(800, 529, 838, 537, fill="#2f5fae")
    c.rect(800, 537, 838, 546, fill="#c8312f")

    # Two chairs behind the table.
    for x in (640, 900):
        c.rect(x, 520, x + 60, 600, fill="#2a1a14", radius=10)

    # Two lecterns with microphones.
    for x in (260, 1240):
        c.poly([(x, 560), (x + 110, 560), (x + 96, 800), (x + 14, 800)], fill="#6e4634")
        c.poly([(x - 10, 540), (x + 120, 540), (x + 110, 566), (x, 566)], fill="#8c5b43")
        c.rect(x + 30, 610, x + 80, 660, fill="#c9a45a", radius=25)
        c.line([(x + 55, 540), (x + 55, 500), (x + 70, 480)], "#303030", 4)
        c.circle(x + 72, 478, 7, fill="#202020")

    # Flowers along the front of the stage.
    for x in range(60, W, 120):
        c.rect(x - 26, 840, x + 26, 876, fill="#2b3a2f", radius=6)
        c.ellipse(x, 830, 52, 26, fill="#2f6b3f")
        for _ in range(7):
            fx, fy = x + rng.uniform(-40, 40), 826 + rng.uniform(-16, 10)
            c.circle(fx, fy, rng.uniform(6, 10), fill=rng.choice(["#f2c14e", "#e85d75", "#f7f3e8", "#e07a3f"]))

    # Spotlight cones.
    light = c.overlay(blur=6)
    for x_top, x_hit in ((260, 700), (1340, 900), (800, 800)):
        c.poly([(x_top - 20, 0), (x_top + 20, 0), (x_hit + 170, 760), (x_hit - 170, 760)],
               fill=(255, 244, 214, 26), draw=light[1])
    c.compose(light)

    # The audience, in silhouette.
    for row, (y, colour) in enumerate(((960, "#141a2c"), (1010, "#0f1424"), (1060, "#0a0e1a"))):
        x = -30 + row * 35
        while x < W + 60:
            jitter = rng.uniform(-6, 6)
            r = rng.uniform(24, 30) + row * 3
            c.ellipse(x, y + 60 + jitter, r * 2.1, r * 1.9, fill=colour)
            c.circle(x, y + jitter - r * 0.4, r, fill=colour)
            x += rng.uniform(80, 100) + row * 10
    return c.image


# --------------------------------------------------------------------------------------------------
# plasma-institute: a collider ring with a booster, an injector, beam lines and a detector.


def ring_point(cx, cy, rx, ry, a):
    return cx + rx * math.cos(a), cy + ry * math.sin(a)


def plasma_institute() -> Image.Image:
    c = Canvas("#0e2540")
    for x in range(0, W + 1, 50):
        c.line([(x, 0), (x, H)], "#13304f", 2)
    for y in range(0, H + 1, 50):
        c.line([(0, y), (W, y)], "#13304f", 2)

    cx, cy, rx, ry = 820, 560, 560, 300

    # Experimental halls at the ends of two beam lines.
    c.rect(1250, 60, 1540, 230, fill="#163a5f", outline="#5aa9d6", width=3, radius=12)
    c.rect(60, 60, 330, 230, fill="#163a5f", outline="#5aa9d6", width=3, radius=12)
    for x0 in (1290, 100):
        for j in range(4):
            c.rect(x0 + j * 55, 120, x0 + j * 55 + 36, 176, fill="#224e78", radius=4)

    # Tunnel of the main ring.
    c.ellipse(cx, cy, rx + 34, ry + 34, fill="#16395e")
    c.ellipse(cx, cy, rx - 34, ry - 34, fill="#0e2540")

    # Booster ring inside, and the injector (a linac with RF cavities) feeding it.
    bx, by, brx, bry = 700, 600, 200, 105
    c.ellipse(bx, by, brx, bry, outline="#3f86bd", width=10)
    c.line([(130, 900), (560, 900)], "#3f86bd", 10)
    for x in range(160, 540, 56):
        c.rect(x, 884, x + 36, 916, fill="#f2a541", radius=6)
    c.line([(560, 900), (640, 880), (700, by + bry)], "#3f86bd", 8)
    c.line([(bx + brx, by), (bx + brx + 60, by - 70), (cx + rx * math.cos(-0.9) - 10, cy + ry * math.sin(-0.9) + 40)],
           "#3f86bd", 8)

    # Beam lines leaving the ring tangentially towards the halls.
    for a, hall in ((-1.15, (1395, 230)), (-2.0, (195, 230))):
        x, y = ring_point(cx, cy, rx, ry, a)
        c.line([(x, y), hall], "#5aa9d6", 8)
        for t in (0.35, 0.65):
            qx, qy = lerp(x, hall[0], t), lerp(y, hall[1], t)
            c.rect(qx - 14, qy - 14, qx + 14, qy + 14, fill="#7bc8f0", radius=3)

    # Glow of the circulating beam, then the beam itself.
    glow = c.overlay(blur=14)
    c.ellipse(cx, cy, rx, ry, outline=(110, 220, 255, 150), width=26, draw=glow[1])
    c.compose(glow)
    c.ellipse(cx, cy, rx, ry, outline="#8fe6ff", width=7)

    # Magnets around the ring: dipoles (orange) and quadrupoles (blue).
    steps = 36
    for i in range(steps):
        a = 2 * math.pi * i / steps
        x, y = ring_point(cx, cy, rx, ry, a)
        tx, ty = -rx * math.sin(a), ry * math.cos(a)
        n = math.hypot(tx, ty)
        tx, ty = tx / n, ty / n
        nx, ny = -ty, tx
        length, depth = (44, 26) if i % 2 == 0 else (18, 34)
        colour = "#f2a541" if i % 2 == 0 else "#4fb0e8"
        corners = [
            (x + tx * length / 2 + nx * depth / 2, y + ty * length / 2 + ny * depth / 2),
            (x - tx * length / 2 + nx * depth / 2, y - ty * length / 2 + ny * depth / 2),
            (x - tx * length / 2 - nx * depth / 2, y - ty * length / 2 - ny * depth / 2),
            (x + tx * length / 2 - nx * depth / 2, y + ty * length / 2 - ny * depth / 2),
        ]
        c.poly(corners, fill=colour)

    # A detector at the collision point at the bottom of the ring.
    dx, dy = cx, cy + ry
    for r, colour in ((96, "#203f66"), (80, "#e8774a"), (62, "#f2a541"), (44, "#4fb0e8"), (24, "#d8f3ff")):
        c.circle(dx, dy, r, fill=colour)
    for k in range(8):
        a = k * math.pi / 4
        c.line([(dx + 28 * math.cos(a), dy + 28 * math.sin(a)), (dx + 92 * math.cos(a), dy + 92 * math.sin(a))],
               "#0e2540", 4)
    c.line([(dx - 130, dy), (dx + 130, dy)], "#8fe6ff", 5)
    return c.image


# --------------------------------------------------------------------------------------------------
# east-tokamak: a poloidal cross-section of a torus (both sides of the central solenoid).


def d_shape(r0, z0, a, kappa, delta, side=1, n=160):
    pts = []
    for i in range(n):
        t = 2 * math.pi * i / n
        r = r0 + a * math.cos(t + delta * math.sin(t))
        z = z0 + kappa * a * math.sin(t)
        pts.append((r, z))
    return [(800 + side * r, z) for r, z in pts]


def east_tokamak() -> Image.Image:
    c = Canvas("#f3efe6")
    ink = "#1d3557"
    z0 = 530

    # Axis of symmetry.
    for y in range(20, H - 20, 40):
        c.line([(800, y), (800, y + 20)], "#8a95a8", 3)

    # Cryostat outline.
    c.rect(90, 40, 1510, 1025, outline="#9aa7ba", width=4, radius=60)

    # Central solenoid: a stack of coil modules.
    c.rect(745, 150, 855, 910, fill="#d7dde8", outline=ink, width=4)
    for y in range(150 + 126, 910, 126):
        c.line([(745, y), (855, y)], ink, 4)

    for side in (-1, 1):
        # Toroidal field coil and vacuum vessel: nested D outlines.
        c.poly(d_shape(420, z0, 300, 1.52, 0.35, side), outline=ink, width=26)
        c.poly(d_shape(420, z0, 300, 1.52, 0.35, side), outline="#5d7bb0", width=10)
        c.poly(d_shape(425, z0, 248, 1.6, 0.4, side), fill="#e3e7ef", outline=ink, width=8)

        # Plasma: flux surfaces from the edge (pale) to the core (hot).
        surfaces = 7
        for j in range(surfaces):
            f = 1 - j / surfaces
            colour = mix("#ffe9b8", "#e8512f", j / (surfaces - 1))
            c.poly(d_shape(430 + 28 * (1 - f), z0 + 10 * (1 - f), 200 * f, 1.65, 0.42 * f, side), fill=colour)
        c.circle(800 + side * 458, z0 + 10, 12, fill="#fff4e0")

        # Divertor: the separatrix legs below the plasma, to two target plates.
        xp = 800 + side * 385
        yp = z0 + 1.65 * 200 + 6
        c.line([(xp - side * 10, yp - 20), (xp, yp), (xp - side * 60, yp + 70)], "#e8512f", 5)
        c.line([(xp, yp), (xp + side * 70, yp + 60)], "#e8512f", 5)
        for px, py, dx in ((xp - side * 72, yp + 80, -1), (xp + side * 82, yp + 70, 1)):
            c.poly([(px - 26, py - 8), (px + 26, py - 8 + side * dx * 12), (px + 26, py + 6 + side * dx * 12),
                    (px - 26, py + 6)], fill="#4a5568")

        # Poloidal field coils: conductor cross-sections.
        for r, z in ((300, 110), (560, 150), (700, 380), (700, 690), (560, 915), (300, 955)):
            x = 800 + side * r
            c.rect(x - 34, z - 26, x + 34, z + 26, fill="#f2a541", outline=ink, width=4)

    return c.image


# --------------------------------------------------------------------------------------------------
# proton-therapy: a cyclotron with spiral sectors and a scalloped spiral orbit, the extracted beam
# going to a treatment room, and a Bragg-peak curve.


def proton_therapy() -> Image.Image:
    c = Canvas("#141925")
    cx, cy, radius = 560, 533, 400

    # Superconducting coil and yoke.
    c.circle(cx, cy, radius + 70, fill="#222a3b")
    c.circle(cx, cy, radius + 40, fill="#2f9fb8")
    c.circle(cx, cy, radius + 22, fill="#1b2233")
    c.circle(cx, cy, radius, fill="#1f2738")

    # Four spiral sectors ("hills") that focus the beam.
    twist = 1.25

    def sector_edge(base, r):
        return base + twist * (r / radius) ** 1.6

    for s in range(4):
        base = s * math.pi / 2
        width = 0.62
        rs = [(radius - 12) * (0.08 + 0.92 * i / 60) for i in range(61)]
        edge_a = [(cx + r * math.cos(sector_edge(base, r)), cy + r * math.sin(sector_edge(base, r))) for r in rs]
        edge_b = [(cx + r * math.cos(sector_edge(base + width, r)), cy + r * math.sin(sector_edge(base + width, r)))
                  for r in reversed(rs)]
        a0, a1 = sector_edge(base, rs[-1]), sector_edge(base + width, rs[-1])
        rim = [(cx + rs[-1] * math.cos(lerp(a0, a1, t / 12)), cy + rs[-1] * math.sin(lerp(a0, a1, t / 12)))
               for t in range(1, 12)]
        c.poly(edge_a + rim + edge_b, fill="#2e4570")

    # The orbit: a spiral that grows with every turn, scalloped by the sectors; cool to hot.
    turns = 7
    n = turns * 180
    previous = None
    for i in range(n + 1):
        theta = 2 * math.pi * turns * i / n
        base_r = 22 + (radius - 50) * (i / n) ** 0.62
        phase = theta - twist * (base_r / radius) ** 1.6
        r = base_r * (1 + 0.035 * math.cos(4 * phase))
        point = (cx + r * math.cos(theta), cy + r * math.sin(theta))
        if previous is not None and i % 3 == 0:
            colour = mix("#ffe37a", "#ff4d3d", i / n)
            c.line([previous, point], colour, 4)
            previous = point
        elif previous is None:
            previous = point
    exit_x, exit_y = previous

    # The ion source at the centre.
    c.circle(cx, cy, 14, fill="#ffe37a")

    # Extraction and the beam line to the treatment room.
    room_x, room_y = 1290, 360
    beam = [(exit_x, exit_y), (cx + radius + 90, exit_y - 10), (1010, room_y + 20), (room_x - 150, room_y)]
    c.line(beam, "#ff4d3d", 8)
    for t in (0.25, 0.6):
        qx = lerp(beam[1][0], beam[2][0], t)
        qy = lerp(beam[1][1], beam[2][1], t)
        c.rect(qx - 18, qy - 26, qx + 18, qy + 26, fill="#2f9fb8", radius=4)

    # Gantry (a ring), nozzle and couch.
    c.circle(room_x, room_y, 190, outline="#3b4a66", width=30)
    c.circle(room_x, room_y, 150, fill="#1b2233")
    c.rect(room_x - 150, room_y - 14, room_x - 70, room_y + 14, fill="#7b8aa6", radius=4)
    c.line([(room_x - 70, room_y), (room_x + 10, room_y)], "#ff4d3d", 5)
    c.rect(room_x - 110, room_y + 36, room_x + 130, room_y + 60, fill="#cfd6e3", radius=10)
    c.ellipse(room_x + 10, room_y + 10, 70, 26, fill="#9fb0cc")
    c.circle(room_x + 100, room_y + 8, 22, fill="#9fb0cc")
    c.circle(room_x + 10, room_y + 4, 9, fill="#ffe37a")

    # Inset: depth-dose curve of a proton beam, flat then a sharp Bragg peak.
    x0, y0, x1, y1 = 1060, 640, 1530, 960
    c.rect(x0, y0, x1, y1, fill="#1b2233", radius=16)
    c.line([(x0 + 40, y0 + 30), (x0 + 40, y1 - 40), (x1 - 30, y1 - 40)], "#7b8aa6", 4)
    curve = []
    for i in range(121):
        d = i / 120
        dose = 0.28 + 0.18 * d + 0.62 * math.exp(-((d - 0.8) / 0.045) ** 2) if d < 0.8 else \
            (0.28 + 0.18 * 0.8 + 0.62) * math.exp(-((d - 0.8) / 0.03) ** 2)
        curve.append((lerp(x0 + 50, x1 - 40, d), lerp(y1 - 46, y0 + 46, min(dose, 1.0))))
    c.line(curve, "#ff4d3d", 6)
    c.rect(lerp(x0 + 50, x1 - 40, 0.74), y0 + 30, lerp(x0 + 50, x1 - 40, 0.86), y1 - 44,
           outline="#ffe37a", width=3, radius=6)
    return c.image


PICTURES = {
    "nica-ceremony": nica_ceremony,
    "plasma-institute": plasma_institute,
    "east-tokamak": east_tokamak,
    "proton-therapy": proton_therapy,
}


def main() -> int:
    root = Path(__file__).resolve().parent.parent
    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "public" / "images"
    out_dir.mkdir(parents=True, exist_ok=True)
    total = 0
    for name, draw in PICTURES.items():
        master = draw().convert("RGB")
        for width in WIDTHS:
            size = (width, height_for(width))
            path = out_dir / f"{name}-{width}.webp"
            master.resize(size, Image.Resampling.LANCZOS).save(path, "WEBP", quality=QUALITY, method=6)
            nbytes = path.stat().st_size
            total += nbytes
            shown = path.relative_to(root) if path.is_relative_to(root) else path
            print(f"{shown}  {size[0]}x{size[1]}  {nbytes} bytes")
    print(f"{len(PICTURES) * len(WIDTHS)} images, {total} bytes in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
