"""The default social card of a language: the picture a link preview shows for a page without its
own (og:image). 1200×630, our own design: the hub's name and tagline in that language on the
theme's colours, with a mark drawn from shapes. Drawn by Pillow; the font is a file (Debian's
DejaVu Sans, which has Latin and Cyrillic), so the card reads in every language of the hub."""

from __future__ import annotations

import io

from hub_build.errors import ProblemFound

SIZE = (1200, 630)
INK = (255, 255, 255)
GROUND = (22, 70, 122)  # the theme's link blue, darkened
ACCENT = (244, 177, 52)


def card(name: str, tagline: str, font_path: str) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    try:
        title_font = ImageFont.truetype(font_path, 112)
        tagline_font = ImageFont.truetype(font_path, 46)
    except OSError:
        raise ProblemFound(f"cannot read the social card's font {font_path}",
                           "install Debian's fonts-dejavu-core (./hub setup does), or set HUB_SOCIAL_CARD_FONT "
                           "to a TrueType font with Latin and Cyrillic letters") from None
    image = Image.new("RGB", SIZE, GROUND)
    draw = ImageDraw.Draw(image)
    # The mark: a sheltering arc over a dot, a child under a roof.
    draw.ellipse((80, 90, 240, 250), outline=ACCENT, width=18)
    draw.rectangle((70, 170, 250, 260), fill=GROUND)
    draw.ellipse((135, 175, 185, 225), fill=ACCENT)
    draw.text((80, 300), name, font=title_font, fill=INK)
    lines = _wrap(tagline, tagline_font, draw, SIZE[0] - 160)
    for number, line in enumerate(lines[:3]):
        draw.text((80, 450 + number * 60), line, font=tagline_font, fill=INK)
    draw.rectangle((0, SIZE[1] - 16, SIZE[0], SIZE[1]), fill=ACCENT)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def _wrap(text: str, font, draw, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=font) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return lines + ([line] if line else [])
