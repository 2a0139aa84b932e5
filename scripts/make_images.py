#!/usr/bin/env python3
"""Draws the demo illustrations: the originals in content/images/, which `broadsheet build` turns
into the widths the pages use (as it would a publisher's photos).

Everything is generated (flat-colour art and diagrams, no photos) from fixed seeds, so running the
script again gives the same pictures. Each picture is drawn once at twice the original's width and
scaled down with LANCZOS, which anti-aliases the edges; the original is a high-quality WebP, small
enough to keep in the repository.

Most pictures are 3:2; a few gallery pictures are 2:3, 1:1 or 16:9 (a 2:3 original is 1600x2400).

Usage: .build/venv/bin/python scripts/make_images.py [output-dir]
"""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

WIDTHS = (1600,)  # the original's width: the largest the pages use
ASPECT = 3 / 2  # width / height
QUALITY = 90  # an original: the build encodes each width from it again
SUPERSAMPLE = 2

# Logical drawing space: every picture is drawn in these units, whatever the output size.
W, H = 1600, round(1600 / ASPECT)


def height_for(width: int, ratio: tuple[int, int] = (3, 2)) -> int:
    """The height of a picture of the given width and (width, height) ratio."""
    return round(width * ratio[1] / ratio[0])


class Canvas:
    """An RGBA image in logical units (W x height, H by default), SUPERSAMPLE times the largest output
    width. The logical width is always W; pictures of other ratios pass their own logical height."""

    def __init__(self, background: str, height: float = H):
        self.k = SUPERSAMPLE * max(WIDTHS) / W
        self.image = Image.new("RGBA", (self.px(W), self.px(height)), background)
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


# --------------------------------------------------------------------------------------------------
# Gallery of the featured article. Helpers shared by the pictures below.


def logical_height(ratio: tuple[int, int]) -> int:
    """The logical height (for a logical width of W) of a picture with the given ratio."""
    return height_for(W, ratio)


def arrow(c: Canvas, start, end, colour, width, head=None, draw=None):
    """A straight arrow from start to end with a filled triangular head."""
    head = head or width * 3.2
    (x0, y0), (x1, y1) = start, end
    length = math.hypot(x1 - x0, y1 - y0)
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    bx, by = x1 - ux * head, y1 - uy * head
    c.line([(x0, y0), (bx, by)], colour, width, draw=draw)
    c.poly([(x1, y1), (bx - uy * head * 0.6, by + ux * head * 0.6), (bx + uy * head * 0.6, by - ux * head * 0.6)],
           fill=colour, draw=draw)


def arc_points(cx, cy, rx, ry, a0, a1, n=48):
    return [(cx + rx * math.cos(lerp(a0, a1, i / n)), cy + ry * math.sin(lerp(a0, a1, i / n))) for i in range(n + 1)]


def racetrack(cx, cy, half, radius, n=400):
    """Points (x, y, nx, ny, s) round a racetrack (two straights joined by half circles), with the
    outward normal and the position s in [0, 1) along it; s = 0 is the middle of the top straight."""
    straight, bend = 2 * half, math.pi * radius
    total = 2 * straight + 2 * bend
    out = []
    for i in range(n):
        d = (i / n * total + half) % total  # distance from the left end of the top straight
        if d < straight:  # top straight, left to right
            x, y, nx, ny = cx - half + d, cy - radius, 0.0, -1.0
        elif d < straight + bend:  # right half circle, top to bottom
            a = -math.pi / 2 + (d - straight) / radius
            x, y, nx, ny = cx + half + radius * math.cos(a), cy + radius * math.sin(a), math.cos(a), math.sin(a)
        elif d < 2 * straight + bend:  # bottom straight, right to left
            x, y, nx, ny = cx + half - (d - straight - bend), cy + radius, 0.0, 1.0
        else:  # left half circle, bottom to top
            a = math.pi / 2 + (d - 2 * straight - bend) / radius
            x, y, nx, ny = cx - half + radius * math.cos(a), cy + radius * math.sin(a), math.cos(a), math.sin(a)
        out.append((x, y, nx, ny, i / n))
    return out


# Stroke digits for the few years that the timeline shows, in a box 1 wide and 1.8 high.
DIGITS = {
    "0": [arc_points(0.5, 0.9, 0.45, 0.88, 0, 2 * math.pi, 64)],
    "1": [[(0.18, 0.38), (0.6, 0.02), (0.6, 1.78)]],
    "2": [arc_points(0.5, 0.5, 0.43, 0.45, math.pi + 0.35, 2 * math.pi + 0.55, 32) + [(0.05, 1.78), (0.95, 1.78)]],
    "5": [[(0.88, 0.04), (0.22, 0.04), (0.16, 0.82)] + arc_points(0.5, 1.2, 0.46, 0.56, -2.2, 2.45, 40)],
}


def number(c: Canvas, text: str, x, y, height, colour, width):
    """Writes `text` (digits from DIGITS) with its top-left corner at (x, y)."""
    scale = height / 1.8
    for ch in text:
        for stroke in DIGITS[ch]:
            c.line([(x + px * scale, y + py * scale) for px, py in stroke], colour, width)
        x += scale * 1.35


# --------------------------------------------------------------------------------------------------
# nica-collider-layout (16:9): a site plan of the complex: ion source and linac, the booster inside
# the Nuclotron, the transfer line, and the two collider rings with the MPD and SPD detectors.


def nica_collider_layout() -> Image.Image:
    ratio = (16, 9)
    h = logical_height(ratio)
    rng = random.Random(20200827)
    c = Canvas("#e8e3d5", h)

    # Grass plots, roads and trees.
    for x0, y0, x1, y1 in ((0, 0, 660, 150), (0, 700, 640, h), (660, 0, W, 150), (700, 760, W, h)):
        c.rect(x0 + 14, y0 + 14, x1 - 14, y1 - 14, fill="#d6dcc2", radius=18)
    c.rect(0, 150, W, 196, fill="#cfc8b5")
    c.rect(640, 150, 690, h, fill="#cfc8b5")
    c.rect(0, 700, 640, 746, fill="#cfc8b5")
    for _ in range(70):
        x, y = rng.uniform(20, W - 20), rng.choice((rng.uniform(30, 120), rng.uniform(780, h - 30)))
        if 620 < x < 710 or (y > 700 and x < 640 and y < 760):
            continue
        c.circle(x, y, rng.uniform(14, 24), fill=rng.choice(("#a9bd8f", "#9bb183", "#b4c69b")))

    # Buildings: the Nuclotron hall, an experimental hall, the collider tunnel and detector halls.
    shadow = "#c9c2ae"
    for x0, y0, x1, y1 in ((90, 226, 620, 676), (220, 30, 470, 128)):
        c.rect(x0 + 10, y0 + 10, x1 + 10, y1 + 10, fill=shadow, radius=8)
        c.rect(x0, y0, x1, y1, fill="#f4f1e8", outline="#b3ab96", width=3, radius=8)
    cx, cy, half, radius = 1150, 458, 220, 190
    track = racetrack(cx, cy, half, radius)
    for grow, fill, dx in ((36, shadow, 8), (36, "#f4f1e8", 0), (-36, "#e8e3d5", 0)):
        r = radius + grow
        c.rect(cx - half - r + dx, cy - r + dx, cx + half + r + dx, cy + r + dx, fill=fill, radius=r)
    c.rect(cx - half - radius - 36, cy - radius - 36, cx + half + radius + 36, cy + radius + 36,
           outline="#b3ab96", width=3, radius=radius + 36)
    for x0, y0, x1, y1 in ((1030, 200, 1270, 318), (1000, 592, 1300, 736)):
        c.rect(x0 + 10, y0 + 10, x1 + 10, y1 + 10, fill=shadow, radius=8)
        c.rect(x0, y0, x1, y1, fill="#f4f1e8", outline="#b3ab96", width=3, radius=8)

    # Ion source and linear accelerator, bending up into the booster.
    linac, beam = "#7a4fb0", "#5b6b82"
    c.rect(40, 790, 110, 850, fill=linac, radius=10)
    c.line([(110, 820), (300, 820)], beam, 8)
    for x in range(128, 290, 40):
        c.rect(x, 806, x + 26, 834, fill="#a783d4", radius=5)
    c.line([(300, 820), (340, 800), (355, 600), (355, 560)], beam, 8)

    # Nuclotron (square-ish ring with rounded corners) with the booster inside.
    nx0, ny0, nx1, ny1 = 170, 300, 540, 616
    c.rect(nx0, ny0, nx1, ny1, outline="#2f6db3", width=12, radius=90)
    for t in range(4):
        for y in (ny0, ny1):
            x = lerp(nx0 + 115, nx1 - 115, t / 3)
            c.rect(x - 14, y - 11, x + 14, y + 11, fill="#f2a541", radius=3)
    for t in range(3):
        for x in (nx0, nx1):
            y = lerp(ny0 + 110, ny1 - 110, t / 2)
            c.rect(x - 11, y - 14, x + 11, y + 14, fill="#f2a541", radius=3)
    c.rect(250, 380, 460, 540, outline="#2f9e7a", width=10, radius=60)
    for x in (300, 355, 410):
        for y in (380, 540):
            c.rect(x - 10, y - 8, x + 10, y + 8, fill="#f2a541", radius=3)
    c.line([(460, 460), (540, 440)], beam, 6)  # booster to Nuclotron

    # Beam line to the experimental hall above.
    c.line([(355, ny0), (345, 128)], beam, 8)
    for y in (250, 190):
        c.rect(335, y - 12, 361, y + 12, fill="#4fa3d9", radius=3)
    c.rect(305, 56, 385, 100, fill="#8f99a8", radius=6)

    # Transfer line from the Nuclotron to the collider: it splits to inject into both rings.
    left = cx - half - radius
    c.line([(nx1, 470), (690, 470), (left - 40, 470)], beam, 8)
    for x in (590, 665):
        c.rect(x - 12, 458, x + 12, 482, fill="#4fa3d9", radius=3)
    c.line([(left - 40, 470), (left + 6, 440)], beam, 6)
    c.line([(left - 40, 470), (left + 6, 500)], beam, 6)

    # The two collider rings: apart in the arcs, brought together at the two interaction points
    # (the middles of the straights).
    def ring(sign):
        pts = []
        for x, y, nx_, ny_, s in track:
            d = min(abs(s - 0.0), abs(s - 0.5), abs(s - 1.0))
            offset = sign * 9 * min(1.0, d / 0.06)
            pts.append((x + nx_ * offset, y + ny_ * offset))
        return pts + [pts[0]]

    glow = c.overlay(blur=8)
    c.line(ring(1), (232, 92, 64, 120), 18, draw=glow[1])
    c.line(ring(-1), (48, 150, 220, 120), 18, draw=glow[1])
    c.compose(glow)
    c.line(ring(1), "#e85c40", 6)
    c.line(ring(-1), "#2f8fd6", 6)
    for i in range(0, len(track), 16):
        x, y, nx_, ny_, s = track[i]
        if min(abs(s), abs(s - 0.5), abs(1 - s)) > 0.09:
            c.circle(x, y, 7, fill="#f2a541")

    # Detectors at the interaction points: MPD (bottom, larger) and SPD (top), seen from above.
    for x, y, length, depth, colours in ((cx, cy + radius, 150, 96, ("#2a4a6b", "#c99a3a", "#4fb0e8", "#d8f3ff")),
                                         (cx, cy - radius, 110, 74, ("#2a4a6b", "#7a4fb0", "#e8774a", "#ffe3c4"))):
        for j, colour in enumerate(colours):
            inset = j * depth / 9
            c.rect(x - length / 2 + inset, y - depth / 2 + inset, x + length / 2 - inset, y + depth / 2 - inset,
                   fill=colour, radius=10)
    return c.image


# --------------------------------------------------------------------------------------------------
# nica-dipole-magnet (1:1): the cross-section of a twin-aperture superferric dipole: an iron yoke with
# two windows, one above the other (one per ring), hollow superconducting cables round each gap, the
# beam pipes, and opposite fields in the two gaps.


def nica_dipole_magnet() -> Image.Image:
    ratio = (1, 1)
    h = logical_height(ratio)
    c = Canvas("#e9eef3", h)
    ink, iron, iron_dark = "#22304a", "#8a94a3", "#78828f"
    cx = 800

    # Cryostat (vacuum vessel) and thermal shield.
    c.rect(70, 70, 1530, 1530, fill="#f6f8fa", outline=ink, width=10, radius=220)
    c.rect(120, 120, 1480, 1480, outline="#9fb4c8", width=5, radius=180)

    # Helium headers and support posts.
    for x in (250, 1350):
        c.circle(x, 250, 56, fill="#d2e6f4", outline=ink, width=6)
        c.circle(x, 250, 30, fill="#5aa7d8")
    for x in (520, 1080):
        c.rect(x - 44, 1340, x + 44, 1484, fill="#c2cbd6", outline=ink, width=5)

    # The yoke, with laminations.
    x0, y0, x1, y1 = 340, 250, 1260, 1350
    c.rect(x0, y0, x1, y1, fill=iron, outline=ink, width=8, radius=30)
    for y in range(y0 + 40, y1, 40):
        c.line([(x0 + 8, y), (x1 - 8, y)], iron_dark, 2)

    for cy, field_up in ((560, True), (1040, False)):
        # Window, then the poles that shape the gap.
        c.rect(cx - 340, cy - 170, cx + 340, cy + 170, fill="#dde5ee", outline=ink, width=6, radius=6)
        c.rect(cx - 190, cy - 170, cx + 190, cy - 66, fill=iron, outline=ink, width=6)
        c.rect(cx - 190, cy + 66, cx + 190, cy + 170, fill=iron, outline=ink, width=6)

        # The field crosses the gap and returns through the iron on both sides of the window: away
        # from the middle along one bar, along the side legs, and back along the other bar.
        flux, flux_arrow = "#f6d37a", "#d9822b"
        near, far = (cy + 66, cy - 66) if field_up else (cy - 66, cy + 66)  # where the flux enters, leaves the gap
        for sx in (-1, 1):
            c.rect(min(cx + sx * 40, cx + sx * 405), cy - 212, max(cx + sx * 40, cx + sx * 405), cy + 212,
                   outline=flux, width=5, radius=50)
            bar_out = cy - 212 if field_up else cy + 212   # flux leaves the gap into this bar
            bar_back = cy + 212 if field_up else cy - 212
            arrow(c, (cx + sx * 200, bar_out), (cx + sx * 270, bar_out), flux_arrow, 7, head=24)
            arrow(c, (cx + sx * 405, lerp(bar_out, bar_back, 0.42)), (cx + sx * 405, lerp(bar_out, bar_back, 0.58)),
                  flux_arrow, 7, head=24)
            arrow(c, (cx + sx * 270, bar_back), (cx + sx * 200, bar_back), flux_arrow, 7, head=24)
        for dx in (-165, -125, 125, 165):
            arrow(c, (cx + dx, near), (cx + dx, far), flux_arrow, 6, head=20)

        # Hollow superconducting cables: a ring of strands round a helium channel, in four blocks.
        for sx in (-1, 1):
            for sy in (-1, 1):
                for col in range(3):
                    for row in range(2):
                        x = cx + sx * (222 + col * 48)
                        y = cy + sy * (48 + row * 54)
                        c.circle(x, y, 23, fill="#2b3a55")
                        c.circle(x, y, 19, fill="#c98a3a")
                        for k in range(10):
                            a = k * math.pi / 5
                            c.circle(x + 15 * math.cos(a), y + 15 * math.sin(a), 3.2, fill="#8c5a22")
                        c.circle(x, y, 9, fill="#5aa7d8")

        # Beam pipe, and the beam: out of the picture in one ring, into it in the other.
        c.ellipse(cx, cy, 104, 40, fill="#c7ced8", outline=ink, width=6)
        c.ellipse(cx, cy, 88, 27, fill="#1f2a3d")
        glow = c.overlay(blur=6)
        c.circle(cx, cy, 22, fill=(255, 220, 120, 200), draw=glow[1])
        c.compose(glow)
        if field_up:
            c.circle(cx, cy, 14, outline="#ffe9a8", width=4)
            c.circle(cx, cy, 5, fill="#ffe9a8")
        else:
            c.circle(cx, cy, 14, outline="#ffe9a8", width=4)
            c.line([(cx - 9, cy - 9), (cx + 9, cy + 9)], "#ffe9a8", 4)
            c.line([(cx - 9, cy + 9), (cx + 9, cy - 9)], "#ffe9a8", 4)
    return c.image


# --------------------------------------------------------------------------------------------------
# nica-cryogenic-plant (3:2): gas storage and compressors (warm), a cold box with heat exchangers and
# expansion turbines, a liquid-helium dewar, and a transfer line to a string of magnets.


def nica_cryogenic_plant() -> Image.Image:
    rng = random.Random(4221)
    c = Canvas("#edf1ef")
    ink = "#23364d"
    warm, cold, gas = "#e0684a", "#2f8fd6", "#8fb3cf"

    # Floor line and a faint grid.
    for x in range(0, W + 1, 80):
        c.line([(x, 0), (x, H)], "#e4e9e7", 2)
    c.rect(0, 960, W, H, fill="#dde3e0")

    # Pipes first, so the equipment sits on top of them.
    c.line([(300, 330), (300, 560)], gas, 14)                         # storage <-> compressors
    c.line([(520, 700), (660, 700), (660, 250), (800, 250)], warm, 16)  # high pressure, warm
    c.line([(800, 320), (600, 320), (600, 780), (520, 780)], gas, 16)   # low pressure return
    c.line([(960, 820), (960, 900), (1080, 900)], cold, 14)            # cold box -> dewar
    c.line([(1290, 720), (1400, 720), (1400, 500)], "#9aa7b8", 30)     # transfer line (double wall)
    c.line([(1290, 720), (1400, 720), (1400, 500)], cold, 12)
    c.line([(1400, 300), (1400, 200), (1040, 200), (1040, 300)], gas, 14)  # cold gas back to the box
    for start, end in (((540, 700), (610, 700)), ((620, 780), (560, 780)), ((300, 500), (300, 420)),
                       ((980, 900), (1040, 900)), ((1400, 660), (1400, 590)), ((1280, 200), (1180, 200))):
        arrow(c, start, end, ink, 6, head=22)

    # Gas storage tanks.
    for i, y in enumerate((90, 170, 250)):
        c.rect(90, y, 520, y + 64, fill="#cfd8e1", outline=ink, width=5, radius=32)
        for x in (170, 440):
            c.line([(x, y + 64), (x, y + 80)], ink, 5)
    c.rect(90, 330, 520, 340, fill=ink)

    # Two compressors with motors and cooling fins.
    for y in (560, 740):
        c.rect(80, y, 520, y + 150, fill="#f4e4dc", outline=ink, width=5, radius=14)
        c.rect(110, y + 30, 260, y + 120, fill=warm, outline=ink, width=4, radius=40)
        for x in range(290, 500, 24):
            c.rect(x, y + 28, x + 12, y + 122, fill="#c7b2a6")
    # Aftercooler and oil removal on the warm line.
    c.rect(630, 420, 690, 600, fill="#f4e4dc", outline=ink, width=5, radius=26)
    for y in (470, 510, 550):
        c.line([(642, y), (678, y)], "#c7b2a6", 5)

    # Cold box: heat exchangers from warm (top) to cold (bottom), two turbines, a valve at the bottom.
    c.rect(800, 110, 1120, 840, fill="#e2ebf3", outline=ink, width=8, radius=30)
    for j in range(4):
        y = 160 + j * 150
        colour = mix("#f2a27e", "#7fc1ec", j / 3)
        c.rect(840, y, 980, y + 118, fill=colour, outline=ink, width=4, radius=8)
        zig = [(860 + k * 10, y + (18 if k % 2 == 0 else 100)) for k in range(11)]
        c.line(zig, "#ffffff", 4)
    for j, y in enumerate((300, 520)):
        c.circle(1050, y, 46, fill="#c2d3e4", outline=ink, width=5)
        for k in range(6):
            a = k * math.pi / 3 + j * 0.3
            c.line([(1050, y), (1050 + 36 * math.cos(a), y + 36 * math.sin(a))], ink, 5)
        c.circle(1050, y, 10, fill=ink)
        c.line([(980, y - 40 + j * 10), (1004, y)], ink, 4)
    c.poly([(935, 770), (985, 800), (985, 740)], fill=ink)
    c.poly([(985, 770), (935, 800), (935, 740)], fill=ink)

    # Liquid-helium dewar.
    c.rect(1080, 560, 1290, 930, fill="#f6f8fa", outline=ink, width=8, radius=80)
    c.rect(1100, 700, 1270, 910, fill="#8cc8ee", radius=60)
    c.rect(1100, 700, 1270, 760, fill="#8cc8ee")
    c.line([(1100, 700), (1270, 700)], cold, 5)
    for _ in range(16):
        c.circle(rng.uniform(1120, 1250), rng.uniform(720, 890), rng.uniform(4, 9), outline="#e8f6ff", width=2)

    # A string of superconducting magnets, frosted by the cold.
    for k in range(4):
        x = 1230 + k * 88
        c.rect(x - 38, 300, x + 38, 500, fill="#cfe4f4", outline=ink, width=5, radius=12)
        c.rect(x - 22, 330, x + 22, 470, fill=cold, radius=8)
    c.line([(1192, 400), (1532, 400)], "#e8f6ff", 4)
    return c.image


# --------------------------------------------------------------------------------------------------
# nica-ion-bunches (3:2): two beams, one in each ring, brought together at an interaction point inside
# a detector, bunches travelling in opposite directions; below, bunches sitting in the RF wave.


def nica_ion_bunches() -> Image.Image:
    c = Canvas("#0f1626")
    orange, blue = (255, 150, 70), (70, 180, 255)
    pipe, pipe_edge = "#1d2a42", "#3a4f73"

    # Detector outline round the interaction point.
    c.rect(600, 150, 1000, 510, fill="#141f35", outline="#2c3f63", width=4, radius=30)
    for r in (60, 110, 160):
        c.rect(800 - r * 1.2, 330 - r, 800 + r * 1.2, 330 + r, outline="#1f2e4d", width=3, radius=20)

    # Beam pipes: one per ring, brought to a common straight through the detector.
    upper = [(0, 160), (420, 160), (600, 330), (1000, 330), (1180, 160), (W, 160)]
    lower = [(0, 500), (420, 500), (600, 330), (1000, 330), (1180, 500), (W, 500)]
    for path in (upper, lower):
        c.line(path, pipe_edge, 54)
    for path in (upper, lower):
        c.line(path, pipe, 40)

    # Bunches: orange ones in the upper ring go right, blue ones in the lower ring go left.
    glow = c.overlay(blur=10)
    cores = []
    for x in (70, 250):
        cores.append((x, 160, orange))
    cores.append((1300, 160, orange))
    cores.append((1480, 160, orange))
    for x in (1530, 1350):
        cores.append((x, 500, blue))
    cores.append((300, 500, blue))
    cores.append((120, 500, blue))
    cores.append((745, 330, orange))
    cores.append((855, 330, blue))
    for x, y, colour in cores:
        c.ellipse(x, y, 90, 34, fill=colour + (120,), draw=glow[1])
    c.compose(glow)
    for x, y, colour in cores:
        hex_colour = "#%02x%02x%02x" % colour
        for j, (rx, ry) in enumerate(((60, 16), (40, 11), (20, 6))):
            c.ellipse(x, y, rx, ry, fill=mix(hex_colour, "#fff6e0", j / 2.5))
    for y, colour, direction in ((90, "#ff9646", 1), (570, "#46b4ff", -1)):
        for x in (160, 1390):
            arrow(c, (x - direction * 70, y), (x + direction * 70, y), colour, 7, head=24)

    # The collision: a small burst at the interaction point.
    burst = c.overlay(blur=5)
    c.circle(800, 330, 34, fill=(255, 250, 220, 220), draw=burst[1])
    c.compose(burst)
    for k in range(12):
        a = k * math.pi / 6 + 0.13
        c.line([(800 + 22 * math.cos(a), 330 + 22 * math.sin(a)), (800 + 64 * math.cos(a), 330 + 64 * math.sin(a))],
               "#fff3c8", 3)
    c.circle(800, 330, 14, fill="#ffffff")

    # Below: the RF voltage along the ring, with a bunch held at each stable point.
    c.rect(60, 650, 1540, 1010, fill="#131d31", radius=20)
    axis = 860
    c.line([(100, axis), (1500, axis)], "#3a4f73", 3)
    period = 350
    wave = [(x, axis - 120 * math.sin(2 * math.pi * (x - 100) / period)) for x in range(100, 1501, 5)]
    c.line(wave, "#6f84a8", 4)
    for k in range(4):
        centre = 100 + period / 2 + k * period
        for j, colour in enumerate(("#b4531f", "#e27a2e", "#ffb15c")):
            spread = 46 - j * 12
            height = 150 - j * 30
            hump = [(centre + u, axis - height * math.exp(-(u / spread) ** 2 / 2)) for u in range(-150, 151, 6)]
            c.poly(hump + [(centre + 150, axis), (centre - 150, axis)], fill=colour)
    c.line([(100, axis), (1500, axis)], "#3a4f73", 3)
    return c.image


# --------------------------------------------------------------------------------------------------
# nica-mpd-tracks (3:2): the MPD detector seen along the beam (left) and from the side (right), with
# the tracks of charged particles from one collision curving in the magnetic field.


def nica_mpd_tracks() -> Image.Image:
    rng = random.Random(9102)
    c = Canvas("#0c1120")
    cx, cy = 540, 533

    # Layers, from outside in: yoke, solenoid, calorimeter, time-of-flight, TPC, inner tracker, pipe.
    sides = 24
    outer = [ring_point(cx, cy, 515, 515, 2 * math.pi * (k + 0.5) / sides) for k in range(sides)]
    c.poly(outer, fill="#3d4454")
    for k in range(sides):
        a = 2 * math.pi * (k + 0.5) / sides
        c.line([ring_point(cx, cy, 470, 470, a), ring_point(cx, cy, 510, 510, a)], "#2b303c", 4)
    c.circle(cx, cy, 470, fill="#b8892f")
    c.circle(cx, cy, 446, fill="#18223a")
    towers = 72
    for k in range(towers):
        a = 2 * math.pi * k / towers
        c.line([ring_point(cx, cy, 372, 372, a), ring_point(cx, cy, 446, 446, a)], "#0c1120", 3)
    c.circle(cx, cy, 446, outline="#2c4770", width=3)
    c.circle(cx, cy, 372, outline="#2c4770", width=3)
    c.circle(cx, cy, 362, fill="#27508a")
    c.circle(cx, cy, 346, fill="#101a2e")
    c.circle(cx, cy, 346, outline="#2c4770", width=4)
    c.circle(cx, cy, 100, outline="#2c4770", width=4)
    for r in (62, 80):
        c.circle(cx, cy, r, outline="#385e94", width=4)
    c.circle(cx, cy, 20, fill="#1b2a46", outline="#5b7fb5", width=4)

    # Tracks: circles through the vertex; fast particles are nearly straight, slow ones curl up.
    hits_colour = "#e9f4ff"
    lit = set()
    side_tracks = []
    for _ in range(18):
        phi = rng.uniform(0, 2 * math.pi)
        cos_theta = rng.uniform(-0.8, 0.8)
        bend_radius = math.exp(rng.uniform(math.log(150), math.log(2400)))
        sign = rng.choice((-1, 1))
        colour = mix("#ffd36e", "#ff5fa2", min(1.0, 300 / bend_radius))
        ox, oy = cx + sign * bend_radius * math.cos(phi + math.pi / 2), cy + sign * bend_radius * math.sin(phi + math.pi / 2)
        start = math.atan2(cy - oy, cx - ox)
        pts, hits = [], []
        for step in range(400):
            a = start - sign * step * 4 / bend_radius
            x, y = ox + bend_radius * math.cos(a), oy + bend_radius * math.sin(a)
            r = math.hypot(x - cx, y - cy)
            if r > 362 or step * 4 / bend_radius > math.pi * 0.95:
                if r > 362:
                    lit.add(round((math.atan2(y - cy, x - cx) % (2 * math.pi)) / (2 * math.pi) * towers - 0.5) % towers)
                break
            pts.append((x, y))
            if 100 < r < 346 and step % 10 == 0:
                hits.append((x, y))
        if len(pts) > 2:
            c.line(pts, colour, 3.5)
            for x, y in hits:
                c.circle(x, y, 4, fill=hits_colour)
        side_tracks.append((phi, cos_theta, colour))

    # Energy deposits in the calorimeter towers that the tracks reach.
    for k in sorted(lit):
        a0, a1 = 2 * math.pi * k / towers, 2 * math.pi * (k + 1) / towers
        cell = arc_points(cx, cy, 376, 376, a0 + 0.01, a1 - 0.01, 4) + arc_points(cx, cy, 442, 442, a1 - 0.01, a0 + 0.01, 4)
        c.poly(cell, fill="#f2a541")
    c.circle(cx, cy, 7, fill="#ffffff")

    # Side view: the same layers in half scale along the beam, with straight projected tracks.
    sx, sy, half_length = 1290, 533, 200
    for r, colour in ((257, "#3d4454"), (235, "#b8892f"), (223, "#18223a"), (181, "#27508a"), (173, "#101a2e")):
        extra = 10 if r == 257 else 0
        c.rect(sx - half_length - extra, sy - r, sx + half_length + extra, sy + r, fill=colour, radius=6 + extra)
    for z in range(-150, 151, 50):
        c.line([(sx + z, sy - 173), (sx + z, sy - 50)], "#162440", 2)
        c.line([(sx + z, sy + 50), (sx + z, sy + 173)], "#162440", 2)
    c.rect(sx - 214, sy - 8, sx + 214, sy + 8, fill="#1b2a46", outline="#5b7fb5", width=3)
    for y in (sy - 181, sy + 181):
        c.line([(sx - half_length, y), (sx + half_length, y)], "#2c4770", 3)
    for phi, cos_theta, colour in side_tracks:
        # Along the beam (x) and the vertical projection of the transverse direction (y).
        tx, ty = cos_theta, math.sqrt(1 - cos_theta ** 2) * math.sin(phi)
        t_end = min(half_length / max(abs(tx), 1e-6), 173 / max(abs(ty), 1e-6))
        c.line([(sx, sy), (sx + tx * t_end, sy + ty * t_end)], colour, 2.5)
    for start, end in (((sx - 290, sy), (sx - 226, sy)), ((sx + 290, sy), (sx + 226, sy))):
        arrow(c, start, end, "#8fe6ff", 6, head=20)
    c.circle(sx, sy, 7, fill="#ffffff")
    return c.image


# --------------------------------------------------------------------------------------------------
# nica-control-room (3:2): a video wall with a ring diagram and beam plots, a curved console with
# monitors, and two operators seen from behind.


def nica_control_room() -> Image.Image:
    rng = random.Random(1024)
    c = Canvas("#172033")

    # Ceiling lights and wall panels.
    for x in range(0, W, 100):
        c.rect(x, 0, x + 100, 720, fill="#182235" if (x // 100) % 2 else "#1a2539")
    for x in (200, 600, 1000, 1400):
        c.rect(x - 120, 18, x + 120, 34, fill="#cfe3ff", radius=8)

    # The video wall: four screens.
    c.rect(110, 70, 1490, 500, fill="#0a0e17", radius=14)
    screens = [(130, 90, 455, 480), (475, 90, 800, 480), (820, 90, 1145, 480), (1165, 90, 1470, 480)]
    for x0, y0, x1, y1 in screens:
        c.rect(x0, y0, x1, y1, fill="#0f2340", radius=6)
    # 1: the collider rings.
    x0, y0, x1, y1 = screens[0]
    c.rect(x0 + 50, y0 + 100, x1 - 50, y1 - 100, outline="#e85c40", width=6, radius=95)
    c.rect(x0 + 62, y0 + 112, x1 - 62, y1 - 112, outline="#2f8fd6", width=6, radius=85)
    for x, y in (((x0 + x1) / 2, y0 + 106), ((x0 + x1) / 2, y1 - 106)):
        c.circle(x, y, 18, fill="#f2a541")
    # 2: beam intensity rising in injection steps, then flat.
    x0, y0, x1, y1 = screens[1]
    for y in range(int(y0) + 60, int(y1), 60):
        c.line([(x0 + 20, y), (x1 - 20, y)], "#183459", 2)
    steps = [(x0 + 30, y1 - 40)]
    level = y1 - 40
    for k in range(6):
        x = x0 + 30 + k * 40
        level -= 45
        steps += [(x, steps[-1][1]), (x, level)]
    steps += [(x1 - 30, level)]
    c.line(steps, "#ffd36e", 6)
    # 3: bars (magnet currents).
    x0, y0, x1, y1 = screens[2]
    for k in range(10):
        bar = rng.uniform(0.45, 0.9)
        bx = x0 + 30 + k * 28
        c.rect(bx, y1 - 40 - bar * (y1 - y0 - 100), bx + 18, y1 - 40, fill="#3fbf8a")
    c.line([(x0 + 20, y1 - 40), (x1 - 20, y1 - 40)], "#5b7fb5", 3)
    # 4: status tiles.
    x0, y0, x1, y1 = screens[3]
    for row in range(5):
        for col in range(4):
            colour = "#3fbf8a" if rng.random() > 0.12 else "#f2a541"
            tx, ty = x0 + 30 + col * 64, y0 + 40 + row * 74
            c.rect(tx, ty, tx + 50, ty + 56, fill=colour, radius=6)

    # Glow of the wall on the room.
    glow = c.overlay(blur=40)
    c.rect(140, 120, 1460, 470, fill=(80, 150, 230, 60), draw=glow[1])
    c.compose(glow)

    # Floor.
    bands(c, 0, 720, W, H, "#1c2638", "#0d121d", 5)

    # The console: a gently curved desk with monitors.
    desk_top = [(x, 760 + 0.00012 * (x - 800) ** 2) for x in range(60, 1541, 20)]
    c.poly(desk_top + [(1540, 1000), (60, 1000)], fill="#222c40")
    c.line(desk_top, "#3b4a66", 8)
    for k in range(7):
        x = 170 + k * 210
        base = 760 + 0.00012 * (x - 800) ** 2
        c.rect(x - 16, base - 40, x + 16, base, fill="#2b3548")
        c.rect(x - 96, base - 170, x + 96, base - 40, fill="#0a0e17", radius=8)
        c.rect(x - 86, base - 160, x + 86, base - 50, fill="#0f2340", radius=4)
        wave = [(x - 76 + u, base - 105 - 30 * math.sin(u / (12 + k * 2)) * math.exp(-u / 160)) for u in range(0, 153, 4)]
        c.line(wave, ("#8fe6ff", "#ffd36e", "#3fbf8a")[k % 3], 3)
    screen_glow = c.overlay(blur=16)
    for k in range(7):
        x = 170 + k * 210
        base = 760 + 0.00012 * (x - 800) ** 2
        c.ellipse(x, base + 8, 110, 20, fill=(90, 160, 240, 70), draw=screen_glow[1])
    c.compose(screen_glow)

    # Two operators in silhouette, seen from behind.
    for x in (560, 1000):
        c.rect(x - 80, 760, x + 80, 1000, fill="#080b12", radius=40)
        c.ellipse(x, 800, 110, 70, fill="#0d111b")
        c.circle(x, 700, 50, fill="#0d111b")
        c.line([(x - 60, 668), (x - 60, 700)], "#1d2a42", 6)  # headset
        c.line(arc_points(x, 700, 60, 60, math.pi, 2 * math.pi, 24), "#1d2a42", 6)
        c.rect(x - 10, 1000, x + 10, 1067, fill="#080b12")
    return c.image


# --------------------------------------------------------------------------------------------------
# hefei-dubna-map (3:2): a map of Eurasia (equirectangular, coarse coastlines) with the route
# from Dubna (JINR) to Hefei (Institute of Plasma Physics) along the great circle.

LON0, LON1, LAT0, LAT1 = 10.0, 150.0, 12.0, 76.0
MAP_XSCALE = math.cos(math.radians(47))

# Hand-simplified outlines in degrees (longitude, latitude): only roughly right, as befits a diagram.
EURASIA = [
    (0, 0), (0, 58), (5, 58), (5, 62), (10, 63.5), (12.5, 65.5), (14.5, 67.3), (16, 68.5), (19, 69.8),
    (23.5, 70.6), (25.8, 71.1), (28.5, 70.9), (31, 70.3), (33, 69.3), (36, 69), (41, 67.3), (41, 66.5),
    (44, 68.4), (47, 67.8), (53, 68.6), (55, 68.3), (58, 68.9), (61, 69.8), (66, 69.4), (67, 70.8),
    (68.5, 72.6), (69.5, 73.2), (72, 72.8), (73.5, 68.5), (72.5, 66.6), (74.5, 66.2), (74.8, 68), (73.5, 71.5),
    (76, 72), (80, 72.3), (80.5, 73.5), (87, 74), (95, 76), (100, 76.8), (104.3, 77.7), (108, 76.7),
    (113, 75.5), (113.5, 73.6), (120, 73), (126.5, 73.4), (130, 71), (140, 72.5), (150, 71.6), (160, 69.7),
    (170, 70), (180, 69), (180, 62), (165, 61), (163, 58), (161, 56), (156.7, 51), (156, 53), (155.5, 57),
    (152, 59.2), (148, 59.3), (143, 59.4), (140.5, 57.5), (137, 54.5), (138.5, 53.8), (141, 53), (141.3, 50),
    (140.5, 48), (138.5, 46.5), (135, 43.5), (132.5, 42.8), (131, 42.5), (129.7, 40.8), (129.5, 38.5),
    (129.4, 36), (129, 35.1), (127.5, 34.6), (126.3, 34.4), (126.6, 36.3), (126.1, 37.6), (125.2, 37.9),
    (124.7, 39.6), (122.3, 40), (121.3, 40.9), (120, 40.1), (118.5, 39.1), (117.6, 38.4), (118.7, 37.5),
    (119.8, 37.2), (120.8, 37.8), (122.5, 37.4), (121.5, 36.8), (120.2, 36), (119.2, 35), (120.7, 32.6),
    (121.9, 31.7), (121.9, 30.9), (121.5, 30.1), (122, 29.8), (121.4, 28.1), (120.5, 27.2), (119.6, 25.8),
    (118.6, 24.6), (117, 23.5), (115.3, 22.8), (114, 22.3), (112.5, 21.8), (110.5, 21.2), (110.3, 20.3),
    (109.7, 21.5), (108.3, 21.6), (106.7, 20.7), (105.7, 18.9), (106.6, 17.4), (108.3, 15.6), (109.2, 13.5),
    (109.2, 11.8), (108.5, 11), (107, 10.4), (105, 8.6), (104.8, 10.4), (103.5, 10.5), (102.5, 12),
    (101, 12.7), (100.3, 13.5), (99.2, 10.5), (99.5, 8), (100.5, 6.5), (103.4, 1.3), (101.3, 2.8), (98.5, 8),
    (98.3, 10), (98.6, 13), (97.7, 16.5), (97.2, 17), (95.4, 15.8), (94.3, 16), (94.5, 18), (93.7, 19.7),
    (92.3, 21), (91.8, 22.3), (90.5, 22.2), (89.1, 21.9), (87, 21.5), (86.9, 20.7), (85, 19.3), (82.3, 16.6),
    (80.3, 15.6), (80.2, 13.2), (79.9, 10.3), (78.9, 9.2), (77.5, 8.1), (76.3, 9.6), (75.4, 11.8), (74.6, 14),
    (73.5, 16), (72.8, 19), (72.9, 21), (72.6, 21.4), (70.3, 20.9), (69.1, 22.2), (70.3, 22.9), (68.8, 23.7),
    (67.4, 24.5), (66.7, 25.2), (64.5, 25.2), (61.6, 25.1), (59, 25.4), (57.3, 25.9), (56.7, 27.0),
    (56.3, 26.4), (56.4, 24.9), (57.8, 23.8), (59.8, 22.5), (58.6, 20.4), (57.7, 19), (55.7, 17.9),
    (52.2, 15.9), (49, 14.3), (45, 12.8), (43.5, 12.6), (43.3, 11.8), (44, 10.4), (51.2, 11.8), (50, 5),
    (45, 0),
]
WATERS = [
    # Mediterranean
    [(10, 37.3), (11, 37), (10.2, 34), (11, 33.2), (15, 32.3), (19.5, 30.3), (20, 32), (22, 32.9), (25, 31.8),
     (29.5, 31), (32.3, 31.3), (34.3, 31.3), (35, 33), (35.9, 35.5), (36, 36.8), (32.5, 36.1), (30.6, 36.7),
     (28.5, 36.8), (27.5, 37.5), (26.5, 39), (26.2, 40.3), (26.7, 40.8), (24, 40.8), (22.7, 40.5), (23.6, 39.3),
     (22.8, 37), (21.6, 37.1), (21.1, 38.2), (20, 39.6), (19.4, 41.5), (18.5, 42.5), (16, 43.5), (13.6, 45.8),
     (12.3, 45.3), (12.4, 44), (13.6, 43.5), (14.2, 42.1), (16, 41.4), (18.5, 40.1), (17.1, 40.5), (16.6, 38.9),
     (15.6, 38), (15.7, 39.8), (14.8, 40.6), (13.8, 41.2), (12.2, 41.8), (10.5, 42.9), (10.2, 43.9), (9, 44.4),
     (5, 43), (0, 40), (0, 37)],
    # Black Sea and the Sea of Azov
    [(28, 41.3), (29, 41.2), (31.2, 41.1), (33.3, 42), (35.2, 42), (36.5, 41.3), (38.3, 40.9), (40, 40.9),
     (41.5, 41.5), (41.6, 42.6), (40, 43.4), (38.2, 44.4), (37, 45), (35.4, 45.1), (33.5, 44.4), (32.5, 45.4),
     (33.6, 46.1), (31.7, 46.6), (30.7, 46.5), (29.7, 45.3), (28.7, 44.3), (27.9, 42.7)],
    [(35, 45.5), (36.6, 45.4), (38, 46.2), (39.2, 47.2), (37.6, 47.1), (35, 46.3)],
    # Caspian Sea
    [(47, 46.8), (49, 46.5), (51, 47), (53, 46.8), (53.2, 45.4), (51.3, 44.5), (50.3, 44.6), (51.3, 43.2),
     (52.7, 42), (52.9, 41), (53.9, 40.8), (53.3, 39.5), (53.9, 37.3), (51, 36.8), (49.5, 37.5), (48.9, 38.5),
     (49.4, 40.2), (50.3, 40.4), (49.2, 41), (47.6, 42.9), (47.5, 43.9), (46.8, 44.6), (46.7, 45.5), (47.6, 46)],
    # Red Sea
    [(43.5, 12.7), (42.7, 15.3), (41.7, 17.5), (40.5, 19.8), (39.1, 21.7), (38.2, 24.1), (36.6, 26), (35.1, 28.1),
     (34.9, 29.5), (34.3, 27.8), (32.6, 30), (32.5, 29.5), (33.6, 27.3), (35.5, 23.9), (37.3, 21), (37.6, 18.8),
     (38.9, 16.3), (40.1, 15), (42, 13.6), (43.3, 12.5)],
    # Persian Gulf
    [(48, 30.2), (49.7, 30), (50.3, 29.2), (51.5, 27.9), (53.6, 26.7), (55.6, 26.8), (56.9, 26.9), (56.9, 26.2),
     (56.2, 25.7), (55, 25), (54, 24.2), (52, 24), (51.3, 24.4), (51.6, 25.9), (51, 26), (50.5, 25), (50.1, 25.9),
     (49.3, 27.1), (48.4, 28.5), (48, 29.5)],
    # Baltic Sea, Gulf of Bothnia and Kattegat
    [(10, 54.5), (10.8, 54), (12.5, 54.4), (14, 54), (16.5, 54.6), (18.5, 54.7), (20, 54.5), (21.2, 55.2),
     (21, 56.8), (22.6, 57.7), (24.3, 57.3), (24, 58.3), (23.4, 59), (25.5, 59.6), (28, 59.5), (30.2, 59.9),
     (29, 60.2), (26.5, 60.4), (22.9, 59.9), (21.4, 60.7), (21.5, 62.5), (21.2, 63.2), (22.3, 63.9), (25, 65),
     (25.3, 65.6), (24, 65.8), (22.2, 65.6), (21.3, 64.5), (19.8, 63.5), (18, 62.6), (17.3, 61.5), (17.2, 60.7),
     (18.9, 60), (18.3, 59.3), (16.7, 58.6), (16.5, 57), (15.9, 56.1), (14.2, 55.4), (12.9, 55.8), (12.6, 56.6),
     (11.9, 57.5), (11.2, 58.9), (10.5, 59.3), (10, 59), (10.6, 57.7), (10.3, 56.5), (10.9, 56.2), (9.9, 55.3),
     (10.2, 54.9)],
    # Lake Baikal
    [(103.8, 51.6), (105.5, 51.6), (106.8, 52.5), (108.3, 53.5), (109.5, 55.5), (109.3, 55.8), (108.5, 55),
     (107, 53.8), (105.5, 53), (104.2, 52)],
]
ISLANDS = [
    [(130.9, 34), (131.5, 34.5), (133, 35.5), (135.5, 35.6), (136.1, 36.5), (137, 37), (138.5, 37.9),
     (139.5, 38.6), (140, 40), (140, 41.3), (141.5, 41.4), (141.8, 40), (141.6, 38.5), (140.9, 37.5), (141, 36.2),
     (140.8, 35.2), (139.8, 35.2), (139.2, 35.3), (138.8, 34.7), (137.2, 34.6), (136.8, 34.3), (136, 33.5),
     (135.2, 33.8), (135.2, 34.6), (134.3, 34.7), (133, 34.4), (132.3, 34.1), (131, 33.9)],  # Honshu
    [(129.8, 33.4), (130.9, 33.9), (131.7, 33.3), (131.5, 31.5), (130.7, 31), (130.2, 31.4), (130.1, 32.6),
     (129.6, 33.1)],  # Kyushu
    [(132.5, 33), (133, 34), (134.5, 34.2), (134.7, 33.8), (134.2, 33.2), (133, 32.8)],  # Shikoku
    [(140, 41.5), (139.8, 42.5), (141.5, 45.4), (143, 44.3), (145.5, 43.4), (145.2, 43), (143.3, 42),
     (141.5, 42.5), (140.5, 41.7)],  # Hokkaido
    [(142, 46), (141.7, 48), (142.2, 51), (141.7, 53.3), (142.7, 54.4), (143.3, 52.5), (143.3, 50), (144, 48.9),
     (143, 47.5), (143.5, 46.3), (142.5, 46.6)],  # Sakhalin
    [(120.1, 23), (120.7, 24.5), (121.5, 25.3), (122, 25), (121.4, 23), (120.8, 21.9)],  # Taiwan
    [(108.6, 19.1), (109.3, 20), (110.6, 20.1), (111, 19.6), (110, 18.3), (109.3, 18.2)],  # Hainan
    [(79.8, 6), (79.9, 8.5), (80.2, 9.8), (81.3, 8.5), (81.9, 7.3), (81.5, 6.2), (80.5, 5.9)],  # Sri Lanka
    [(120.5, 18.5), (122.2, 18.5), (122, 16.5), (121.5, 15), (122, 14), (124, 13.2), (123.5, 12.8),
     (122.5, 13.6), (121.6, 13.8), (120.6, 14.3), (120.3, 16)],  # Luzon
    [(12.4, 37.9), (13.3, 38.2), (15.6, 38.3), (15.1, 36.7), (14.3, 37), (12.6, 37.6)],  # Sicily
    [(23.5, 35.5), (26.3, 35.3), (26.2, 35), (24, 35), (23.5, 35.2)],  # Crete
    [(32.3, 34.7), (32.4, 35.1), (33, 35.4), (34.6, 35.7), (33.9, 35.1), (33, 34.6)],  # Cyprus
    [(52, 71.5), (53, 73.5), (55, 75.5), (59, 76.5), (66, 77), (68.5, 76.5), (60, 75), (57, 73), (58, 71.5),
     (56, 70.6)],  # Novaya Zemlya
]


def inside(point, polygon) -> bool:
    x, y = point
    result = False
    for (x0, y0), (x1, y1) in zip(polygon, polygon[1:] + polygon[:1]):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            result = not result
    return result


def hefei_dubna_map() -> Image.Image:
    c = Canvas("#0f2236")
    span_x = (LON1 - LON0) * MAP_XSCALE
    scale = min(W / span_x, H / (LAT1 - LAT0))

    def project(lon, lat):
        return (W / 2 + (lon - (LON0 + LON1) / 2) * MAP_XSCALE * scale, H / 2 - (lat - (LAT0 + LAT1) / 2) * scale)

    # Land (flat, with a sparse dot texture), then the coasts and a graticule every 10 degrees.
    land, water, coast = "#24476a", "#0f2236", "#3b6a94"
    c.poly([project(*p) for p in EURASIA], fill=land)
    for polygon in WATERS:
        c.poly([project(*p) for p in polygon], fill=water)
    for polygon in ISLANDS:
        c.poly([project(*p) for p in polygon], fill=land)
    step = 1.6  # degrees of latitude between rows of dots; columns are spaced alike on screen
    lon_step = step / MAP_XSCALE * 1.15
    row, lat = 0, LAT1
    while lat > LAT0 - step:
        lon = LON0 + (lon_step / 2 if row % 2 else 0)
        while lon < LON1 + lon_step:
            p = (lon, lat)
            if (inside(p, EURASIA) and not any(inside(p, w) for w in WATERS)) or any(inside(p, i) for i in ISLANDS):
                c.circle(*project(lon, lat), 3.5, fill="#2d5478")
            lon += lon_step
        lat -= step
        row += 1
    for polygon in [EURASIA] + WATERS + ISLANDS:
        points = [project(*p) for p in polygon]
        c.line(points + points[:1], coast, 3)
    grid = c.overlay()
    for lon in range(10, 151, 10):
        c.line([project(lon, LAT0 - 2), project(lon, LAT1 + 2)], (140, 180, 220, 40), 2, draw=grid[1])
    for lat in range(10, 81, 10):
        c.line([project(LON0 - 2, lat), project(LON1 + 2, lat)], (140, 180, 220, 40), 2, draw=grid[1])
    c.compose(grid)

    # The great circle from Dubna to Hefei.
    dubna, hefei = (37.17, 56.74), (117.23, 31.82)

    def unit(lon, lat):
        lo, la = math.radians(lon), math.radians(lat)
        return (math.cos(la) * math.cos(lo), math.cos(la) * math.sin(lo), math.sin(la))

    a, b = unit(*dubna), unit(*hefei)
    omega = math.acos(sum(p * q for p, q in zip(a, b)))
    route = []
    for i in range(81):
        t = i / 80
        k0, k1 = math.sin((1 - t) * omega) / math.sin(omega), math.sin(t * omega) / math.sin(omega)
        x, y, z = (k0 * p + k1 * q for p, q in zip(a, b))
        route.append(project(math.degrees(math.atan2(y, x)), math.degrees(math.asin(z))))
    glow = c.overlay(blur=10)
    c.line(route, (242, 165, 65, 150), 22, draw=glow[1])
    c.compose(glow)
    c.line(route, "#f2a541", 7)
    for i in range(8, 80, 8):
        c.circle(*route[i], 7, fill="#ffe3b0")

    # Pins, and a badge by each: an accelerator ring for Dubna, a tokamak cross-section for Hefei.
    for (lon, lat), colour, dx, dy in ((dubna, "#e85c40", -150, -130), (hefei, "#4fb0e8", 120, 110)):
        x, y = project(lon, lat)
        halo = c.overlay(blur=8)
        c.circle(x, y, 34, fill=(255, 255, 255, 90), draw=halo[1])
        c.compose(halo)
        c.circle(x, y, 20, fill="#ffffff")
        c.circle(x, y, 12, fill=colour)
        bx, by = x + dx, y + dy
        c.line([(x, y), (bx, by)], "#8fb3cf", 3)
        c.circle(bx, by, 62, fill="#17324f", outline=colour, width=6)
        if colour == "#e85c40":
            c.ellipse(bx, by, 38, 24, outline="#f2a541", width=6)
            c.circle(bx + 38, by, 8, fill="#ffffff")
        else:
            c.ellipse(bx - 14, by, 10, 30, outline="#8fb3cf", width=4)
            c.ellipse(bx + 14, by, 10, 30, outline="#8fb3cf", width=4)
            c.ellipse(bx - 14, by, 5, 18, fill="#f2a541")
            c.ellipse(bx + 14, by, 5, 18, fill="#f2a541")
    return c.image


# --------------------------------------------------------------------------------------------------
# cooperation-timeline (2:3): a vertical timeline from 2011 to 2020 with three milestones: the
# memorandum on EAST and NICA (2011), the joint superconducting proton centre (2015), and the
# implementation agreement (2020).


def cooperation_timeline() -> Image.Image:
    ratio = (2, 3)
    h = logical_height(ratio)
    c = Canvas("#f4efe6", h)
    ink = "#1d3557"
    first, last = 2011, 2020

    def year_y(year):
        return 340 + (year - first) * 188

    # Spine with a tick for every year.
    c.line([(800, 120), (800, year_y(last) + 180)], ink, 12)
    c.poly([(770, year_y(last) + 170), (830, year_y(last) + 170), (800, year_y(last) + 230)], fill=ink)
    for year in range(first, last + 1):
        y = year_y(year)
        c.line([(770, y), (830, y)], ink, 6)

    milestones = [(2011, 1, "#2f6db3"), (2015, -1, "#2f9e7a"), (2020, 1, "#c8312f")]
    for year, side, accent in milestones:
        y = year_y(year)
        x0, x1 = (880, 1530) if side > 0 else (70, 720)
        y0, y1 = y - 250, y + 250
        c.line([(800, y), (x0 if side > 0 else x1, y)], accent, 8)
        c.rect(x0 + 14, y0 + 16, x1 + 14, y1 + 16, fill="#e2dacb", radius=26)
        c.rect(x0, y0, x1, y1, fill="#fffdf8", outline=accent, width=5, radius=26)
        c.rect(x0, y0, x1, y0 + 34, fill=accent, radius=26)
        c.rect(x0, y0 + 18, x1, y0 + 34, fill=accent)
        c.circle(800, y, 46, fill="#fffdf8", outline=accent, width=12)
        c.circle(800, y, 20, fill=accent)
        number(c, str(year), x0 + 60, y0 + 76, 120, ink, 16)
        icon_y = y0 + 236

        if year == 2011:
            # A memorandum with two signatures, and the two machines it named: a ring and a tokamak.
            c.rect(x0 + 60, icon_y, x0 + 300, icon_y + 220, fill="#ffffff", outline=ink, width=5, radius=8)
            for k in range(4):
                c.line([(x0 + 90, icon_y + 40 + k * 34), (x0 + 270 - (k % 2) * 50, icon_y + 40 + k * 34)], "#9aa7ba", 6)
            for sx in (x0 + 95, x0 + 200):
                squiggle = [(sx + u, icon_y + 190 - 12 * math.sin(u / 9)) for u in range(0, 76, 3)]
                c.line(squiggle, accent, 4)
            rx_, ry_ = x0 + 392, icon_y + 110
            c.circle(rx_, ry_, 66, outline=accent, width=13)
            for k in range(8):
                a = k * math.pi / 4 + math.pi / 8
                c.circle(rx_ + 66 * math.cos(a), ry_ + 66 * math.sin(a), 9, fill="#f2a541")
            c.circle(rx_ + 66, ry_, 8, fill="#ffffff")
            # A small tokamak cross-section beside it (d_shape centres on x = 800).
            tx_ = x0 + 555 - 800
            for side_ in (-1, 1):
                vessel = [(x + tx_, y_) for x, y_ in d_shape(34, ry_, 26, 1.6, 0.35, side_, 60)]
                plasma = [(x + tx_, y_) for x, y_ in d_shape(36, ry_, 15, 1.6, 0.35, side_, 60)]
                c.poly(vessel, fill="#e3e7ef", outline=ink, width=6)
                c.poly(plasma, fill="#e8512f")
            c.rect(x0 + 547, ry_ - 48, x0 + 563, ry_ + 48, fill="#d7dde8", outline=ink, width=3)
        elif year == 2015:
            # A joint centre (a building) and the superconducting cyclotron it set out to develop.
            bx0 = x0 + 50
            c.poly([(bx0, icon_y + 50), (bx0 + 160, icon_y - 10), (bx0 + 320, icon_y + 50)], fill=accent)
            c.rect(bx0 + 20, icon_y + 50, bx0 + 300, icon_y + 230, fill="#ffffff", outline=ink, width=5)
            for k in range(4):
                c.rect(bx0 + 45 + k * 66, icon_y + 80, bx0 + 85 + k * 66, icon_y + 200, fill="#d4e2ee")
            c.rect(bx0 + 5, icon_y + 225, bx0 + 315, icon_y + 245, fill=ink)
            ccx, ccy = x1 - 140, icon_y + 110
            c.circle(ccx, ccy, 100, fill="#1b2233")
            c.circle(ccx, ccy, 84, fill="#2f9fb8")
            c.circle(ccx, ccy, 72, fill="#1f2738")
            spiral = [(ccx + r * math.cos(r / 8), ccy + r * math.sin(r / 8)) for r in (i * 0.5 for i in range(8, 130))]
            c.line(spiral, "#ffe37a", 4)
        else:
            # The agreement: two bound copies with pens, and the globe with two arcs from the ceremony.
            for k, fill in enumerate(("#203a66", "#8c2a28")):
                ox = x0 + 60 + k * 90
                oy = icon_y + k * 40
                c.rect(ox, oy, ox + 200, oy + 180, fill=fill, outline=ink, width=4, radius=8)
                c.rect(ox + 30, oy + 30, ox + 170, oy + 70, fill="#e4b43a", radius=4)
                c.line([(ox + 50, oy + 150), (ox + 150, oy + 110)], "#c9a45a", 10)
                c.circle(ox + 50, oy + 150, 5, fill=ink)
            gx, gy = x1 - 150, icon_y + 105
            c.circle(gx, gy, 95, fill="#5db6e6", outline=ink, width=6)
            c.ellipse(gx, gy, 44, 95, outline="#eaf4fb", width=5)
            c.line([(gx - 95, gy), (gx + 95, gy)], "#eaf4fb", 5)
            left = [(gx - 120 + t * 120, gy + 100 - 105 * math.sin(t * math.pi / 2)) for t in (i / 20 for i in range(21))]
            right = [(gx + 120 - t * 120, gy + 100 - 105 * math.sin(t * math.pi / 2)) for t in (i / 20 for i in range(21))]
            c.line(left, "#e2453c", 12)
            c.line(right, ink, 16)
            c.line(right, "#ffffff", 10)
    return c.image


# name -> (drawing function, (width, height) ratio)
PICTURES = {
    "nica-ceremony": (nica_ceremony, (3, 2)),
    "plasma-institute": (plasma_institute, (3, 2)),
    "east-tokamak": (east_tokamak, (3, 2)),
    "proton-therapy": (proton_therapy, (3, 2)),
    # The gallery of the featured article (nica-agreement).
    "nica-collider-layout": (nica_collider_layout, (16, 9)),
    "nica-dipole-magnet": (nica_dipole_magnet, (1, 1)),
    "nica-cryogenic-plant": (nica_cryogenic_plant, (3, 2)),
    "nica-ion-bunches": (nica_ion_bunches, (3, 2)),
    "nica-mpd-tracks": (nica_mpd_tracks, (3, 2)),
    "nica-control-room": (nica_control_room, (3, 2)),
    "hefei-dubna-map": (hefei_dubna_map, (3, 2)),
    "cooperation-timeline": (cooperation_timeline, (2, 3)),
}


def main() -> int:
    root = Path(__file__).resolve().parent.parent
    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "content" / "images"
    out_dir.mkdir(parents=True, exist_ok=True)
    total = 0
    for name, (draw, ratio) in PICTURES.items():
        master = draw().convert("RGB")
        expected = (SUPERSAMPLE * max(WIDTHS), SUPERSAMPLE * height_for(max(WIDTHS), ratio))
        assert master.size == expected, f"{name}: drawn at {master.size}, expected {expected}"
        for width in WIDTHS:
            size = (width, height_for(width, ratio))
            path = out_dir / f"{name}.webp"
            master.resize(size, Image.Resampling.LANCZOS).save(path, "WEBP", quality=QUALITY, method=6)
            nbytes = path.stat().st_size
            total += nbytes
            shown = path.relative_to(root) if path.is_relative_to(root) else path
            print(f"{shown}  {size[0]}x{size[1]}  {nbytes} bytes")
    print(f"{len(PICTURES) * len(WIDTHS)} originals, {total} bytes in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
