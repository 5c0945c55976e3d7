"""Pictures that break the rules (hub_images): exact messages, as in test_invalid.py.

Images over a limit or unreadable stop the build; a missing alt text and a PDF that cannot be
rendered are warnings, so strict mode (publishconf.py) stops on them too. Two languages keep the
builds short."""

import io
import re

import pytest
from PIL import Image

from hubtest import build, page, settings_file, write_tree

LANGS = ("en", "sr")
SETTINGS = """
KEEP = ("en", "sr")
HUB_LANGUAGES = [{**entry, "fallbacks": [c for c in entry["fallbacks"] if c in KEEP]}
                 for entry in HUB_LANGUAGES if entry["code"] in KEEP]
HUB_IMAGE_MAX_BYTES = 100000
HUB_IMAGE_MAX_PIXELS = 1000000
HUB_SEARCH = False
HUB_ADMIN = False
"""


def png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (30, 90, 160)).save(out, "PNG")
    return out.getvalue()


def noisy_png() -> bytes:
    out = io.BytesIO()
    Image.effect_noise((400, 400), 120).convert("RGB").save(out, "PNG")
    return out.getvalue()


def news(image_lines: str, body: str = "Body text.") -> str:
    return f"---\ntitle: Team day\ndate: 2024-12-04\n{image_lines}---\n{body}\n"


def logged(result) -> str:
    """What a build logged, as one line: rich wraps long records and puts the logger's place in them."""
    return " ".join(re.sub(r"\S+\.py:\d+", " ", result.stderr + result.stdout).split())


GOOD = {
    "news/team.md": news("image: files/images/team.png\nimage_alt: The team around a table\n"),
    "sr/news/team.md": "---\ntitle: Дан тима\nimage_alt: Тим око стола\n---\nТекст.\n",
    "files/images/team.png": png(800, 400),
}

ERRORS = {
    "image over the byte limit": (
        {"files/images/team.png": noisy_png()},
        "news/team.md:4: image: files/images/team.png is {size} bytes, more than the 100,000 allowed "
        "(HUB_IMAGE_MAX_BYTES) (save it smaller: 2000 pixels wide as JPEG or WebP at quality 80 is plenty for the hub)"),
    "image over the pixel limit": (
        {"files/images/team.png": png(1001, 1000)},
        "news/team.md:4: image: files/images/team.png is 1001×1000 pixels, more than the 1,000,000 allowed "
        "(HUB_IMAGE_MAX_PIXELS) (resize it to at most 2000 pixels wide before adding it)"),
    "image that is not one": (
        {"files/images/team.png": b"\x89PNG\r\n\x1a\n" + b"\0" * 40},
        "news/team.md:4: image: files/images/team.png cannot be read as an image (UnidentifiedImageError) "
        "(open it in an image editor and save it again as JPEG, PNG or WebP)"),
    "body image over the pixel limit": (
        {"news/chart.md": news("", "![A chart](/files/images/chart.png)"), "files/images/chart.png": png(2000, 1000)},
        "news/chart.md:5: body: files/images/chart.png is 2000×1000 pixels, more than the 1,000,000 allowed "
        "(HUB_IMAGE_MAX_PIXELS) (resize it to at most 2000 pixels wide before adding it)"),
}


@pytest.mark.parametrize("case", sorted(ERRORS))
def test_a_picture_over_a_limit_stops_the_build_with_the_exact_message(tmp_path, case):
    files, expected = ERRORS[case]
    if "{size}" in expected:
        expected = expected.format(size=f"{len(files['files/images/team.png']):,}")
    content = write_tree(tmp_path / "content", {**GOOD, **files})
    result = build(content, tmp_path / "output", settings_file(tmp_path, SETTINGS))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[0] == expected, result.stderr
    assert not (tmp_path / "output").exists()


ALT = "(add image_alt: with what the picture shows, in this file's language, or image_decorative: yes if it only decorates)"
WARNINGS = [
    "news/bare.md:4: image_alt: the image files/images/bare.png has no alt text " + ALT,
    "sr/news/team.md: image_alt: the image files/images/team.png has no alt text " + ALT,
    "news/chart.md:7: body: the image /files/images/team.png has no alt text (write what it shows between "
    "the brackets: ![what it shows](/files/images/team.png))",
    "resources/guide.md:5: file: files/guide.pdf cannot be opened as a PDF to make its thumbnail: Failed to load "
    "document (PDFium: Data format error) (open it and save it again as a PDF without a password (e.g. Print > "
    "Save as PDF), or replace it)",
]


def test_missing_alt_texts_and_a_broken_pdf_warn_and_fail_strict_mode(tmp_path):
    content = write_tree(tmp_path / "content", {
        **GOOD,
        "sr/news/team.md": "---\ntitle: Дан тима\n---\nТекст.\n",  # the translation forgot its alt text
        "news/bare.md": news("image: files/images/bare.png\n"),
        "files/images/bare.png": png(300, 200),
        "news/chart.md": news("", "Before.\n\n![](/files/images/team.png)"),
        "news/pattern.md": news("image: files/images/pattern.png\nimage_decorative: yes\n"),
        "files/images/pattern.png": png(640, 100),
        "data/resource-types.yaml": "guide:\n" + "".join(f"  {c}: Guide {c}\n" for c in LANGS),
        "resources/guide.md": "---\ntitle: Guide\ndate: 2026-01-01\nresource_type: guide\nfile: files/guide.pdf\n"
                              "---\nText.\n",
        "files/guide.pdf": b"%PDF-1.4\n%%EOF\n",  # the signature only: PDFium cannot open it
    })
    output = tmp_path / "output"
    lax = build(content, output, settings_file(tmp_path, SETTINGS))
    assert lax.returncode == 0, lax.stderr
    for expected in WARNINGS:
        assert expected in logged(lax)
    assert logged(lax).count("has no alt text") == 3  # the decorative one needs none
    (decorative,) = page(output, "en/news/pattern/").xpath("//img[@class='lead']")
    assert decorative.get("alt") == "" and decorative.get("srcset")
    assert (output / "files/guide.pdf").exists() and not page(output, "en/resources/guide/").xpath("//img")
    strict = build(content, tmp_path / "strict", settings_file(tmp_path, SETTINGS + "HUB_STRICT = True\n"))
    assert strict.returncode == 1
    for expected in WARNINGS:
        assert f"warning in strict mode: {expected}" in logged(strict)
    assert not (tmp_path / "strict").exists()
