"""Draws the demo content's pictures with Pillow: our own, so the demo holds no one else's images.

    .venv/bin/python tools/demo_pictures.py

writes content/files/images/*.jpg|png. The drawings are shapes only (no text, so one picture serves
every language; the alt texts say what they show). Run it again after changing a drawing; the
output is the same bytes for the same Pillow version.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw

FOLDER = Path(__file__).resolve().parents[1] / "content" / "files" / "images"
BLUE, SKY, SUN, LEAF, ROSE, INK = (22, 70, 122), (196, 224, 246), (244, 177, 52), (76, 150, 90), (214, 92, 92), (40, 40, 50)


def people(draw, x, y, scale, colours):
    """A row of figures, grown-ups and children holding hands."""
    for number, colour in enumerate(colours):
        small = number % 2 == 1
        size = scale * (0.7 if small else 1.0)
        cx = x + number * scale * 1.1
        top = y + (scale - size) * 1.6
        draw.ellipse((cx - size * 0.22, top, cx + size * 0.22, top + size * 0.44), fill=colour)
        draw.rounded_rectangle((cx - size * 0.32, top + size * 0.5, cx + size * 0.32, top + size * 1.6),
                               radius=int(size * 0.2), fill=colour)
        if number:
            draw.line((cx - scale * 0.78, y + scale * 1.05, cx - size * 0.3, top + size * 0.9), fill=colour,
                      width=max(3, int(size * 0.08)))


def ten_years() -> Image.Image:
    """Ten candles of light over a region map of dots, and people joined hand in hand."""
    image = Image.new("RGB", (1600, 900), SKY)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 640, 1600, 900), fill=LEAF)
    for n in range(10):
        x = 260 + n * 120
        draw.rectangle((x - 14, 260, x + 14, 430), fill=(255, 255, 255), outline=BLUE, width=4)
        draw.ellipse((x - 16, 200, x + 16, 250), fill=SUN)
    draw.rounded_rectangle((200, 420, 1400, 500), radius=30, fill=ROSE)
    people(draw, 320, 520, 110, [BLUE, SUN, INK, ROSE, BLUE, SUN, INK, ROSE, BLUE, SUN])
    return image


def five_steps() -> Image.Image:
    """An infographic without words: five numbered-by-size circles on a path, a phone and a shield."""
    image = Image.new("RGB", (1200, 1600), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((430, 80, 770, 560), radius=40, fill=INK)
    draw.rounded_rectangle((455, 130, 745, 500), radius=12, fill=SKY)
    draw.polygon([(600, 190), (700, 230), (690, 360), (600, 430), (510, 360), (500, 230)], fill=BLUE)
    for step in range(5):
        y = 700 + step * 180
        x = 300 + 600 * (step % 2)
        draw.ellipse((x - 70, y - 70, x + 70, y + 70), fill=[SUN, LEAF, ROSE, BLUE, SUN][step])
        for dot in range(step + 1):
            a = 2 * math.pi * dot / (step + 1)
            draw.ellipse((x + 35 * math.cos(a) - 12, y + 35 * math.sin(a) - 12,
                          x + 35 * math.cos(a) + 12, y + 35 * math.sin(a) + 12), fill=(255, 255, 255))
        if step < 4:
            draw.line((x, y + 70, 300 + 600 * ((step + 1) % 2), y + 110), fill=INK, width=8)
    return image


def pattern() -> Image.Image:
    """A quiet pattern of rounded squares: decoration only (the news item marks it image_decorative)."""
    image = Image.new("RGB", (1600, 600), (250, 246, 238))
    draw = ImageDraw.Draw(image)
    for row in range(6):
        for column in range(16):
            colour = [SKY, SUN, LEAF, ROSE][(row + column) % 4]
            draw.rounded_rectangle((column * 100 + 12, row * 100 + 12, column * 100 + 88, row * 100 + 88),
                                   radius=18, fill=colour)
    return image


def main() -> None:
    FOLDER.mkdir(parents=True, exist_ok=True)
    ten_years().save(FOLDER / "hub-turns-ten.jpg", quality=82, optimize=True)
    five_steps().save(FOLDER / "five-steps-against-cyberbullying.png", optimize=True)
    pattern().save(FOLDER / "offline-packs-pattern.jpg", quality=82, optimize=True)
    for path in sorted(FOLDER.iterdir()):
        print(f"{path.relative_to(FOLDER.parents[2])}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
