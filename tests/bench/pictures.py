#!/usr/bin/env python3
"""Benchmark of the picture pipeline (`broadsheet build --timings`): 20 generated 4000x3000
photos, time per picture, total bytes before and after.

The photos are made deterministically (seeded) to look like camera JPEGs to an encoder: smooth
colour fields with edges, shapes and fine sensor grain, saved as JPEG quality 92 with EXIF (every
fourth one says "rotate 90°", as a phone held upright does, and all carry a GPS position). They are
kept in .build/bench-pictures/ between runs. The build runs twice: once with an empty picture
cache (every picture processed, on every core), once again (every picture from the cache).

Usage: .build/venv/bin/python tests/bench/pictures.py   (make bench runs it)
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parents[2]
WORK = ROOT / ".build" / "bench-pictures"
COUNT, WIDTH, HEIGHT = 20, 4000, 3000


def photo(seed: int) -> Image.Image:
    rng = random.Random(seed)
    # Smooth light and colour: low-resolution noise scaled up.
    channels = [Image.effect_noise((64, 48), rng.uniform(40, 90)).resize((WIDTH, HEIGHT), Image.Resampling.BICUBIC) for _ in range(3)]
    base = Image.merge("RGB", channels)
    sky = Image.linear_gradient("L").resize((WIDTH, HEIGHT)).convert("RGB")
    base = Image.blend(base, ImageChops.multiply(sky, Image.new("RGB", (WIDTH, HEIGHT), (rng.randint(120, 255), rng.randint(120, 255), rng.randint(150, 255)))), 0.35)
    # Objects with edges: what makes a photo cost bytes.
    draw = ImageDraw.Draw(base)
    for _ in range(60):
        x, y = rng.randrange(WIDTH), rng.randrange(HEIGHT)
        w, h = rng.randint(40, 900), rng.randint(40, 700)
        colour = tuple(rng.randint(0, 255) for _ in range(3))
        if rng.random() < 0.5:
            draw.ellipse([x, y, x + w, y + h], fill=colour)
        else:
            draw.rectangle([x, y, x + w, y + h], fill=colour)
    base = base.filter(ImageFilter.GaussianBlur(2))
    # Sensor grain.
    grain = Image.effect_noise((WIDTH, HEIGHT), 18).convert("RGB")
    return Image.blend(base, grain, 0.08)


def originals() -> list[Path]:
    folder = WORK / "content" / "images"
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(COUNT):
        path = folder / f"photo-{i + 1:02d}.jpg"
        if not path.exists():
            exif = Image.Exif()
            exif[0x0112] = 6 if i % 4 == 0 else 1
            exif[0x010F] = "BenchCam"
            exif[0x8825] = {1: "N", 2: (55.0, 45.0, float(i)), 3: "E", 4: (37.0, 37.0, 0.0)}
            photo(i).save(path, "JPEG", quality=92, exif=exif.tobytes())
        paths.append(path)
    return paths


def main() -> int:
    started = time.time()
    paths = originals()
    print(f"pictures: {COUNT} originals of {WIDTH}x{HEIGHT} in {paths[0].parent} ({time.time() - started:.1f} s to make or find)")
    content = WORK / "content"
    figures = "\n\n".join(f"![Bench photo {i + 1}](images/{p.name} \"Photo: generated\")" for i, p in enumerate(paths))
    (content / "bench.md").write_text(f'+++\ntitle = "Bench"\npublished = 2020-01-01\n+++\n\n{figures}\n')
    cache, dist = WORK / "cache", WORK / "dist"
    shutil.rmtree(cache, ignore_errors=True)
    for run in ("empty cache: every picture processed", "again: every picture from the cache"):
        shutil.rmtree(dist, ignore_errors=True)
        clock = time.time()
        out = subprocess.run([str(ROOT / "scripts" / "broadsheet"), "build", "--content-only", "--timings",
                              "--content", str(content), "--dist", str(dist), "--cache", str(cache)],
                             capture_output=True, text=True, check=True).stdout
        wall = time.time() - clock
        print(f"\n== pictures, {run} (wall clock {wall:.2f} s)")
        print(out.rstrip())
    # Nothing of the originals' EXIF (camera, GPS) reaches the output.
    leaks = [p.name for p in (dist / "images").iterdir() if b"BenchCam" in p.read_bytes() or b"Exif" in p.read_bytes()]
    print(f"\nmetadata left in the output: {len(leaks)} files {leaks if leaks else ''}")
    return 1 if leaks else 0


if __name__ == "__main__":
    sys.exit(main())
