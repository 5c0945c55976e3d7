"""Pictures as pages show them: an image resized into WebP sizes, a PDF's first page as a thumbnail.

Pure: bytes in, bytes and plain data out; no Pelican, no files. Resizing and encoding are Pillow's,
rendering a PDF page is PDFium's (pypdfium2): maintained libraries, nothing drawn by hand. What a
template receives for a picture (`picture`) is plain data, so it can be part of a page's cache key.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from html.parser import HTMLParser

from hub_build.errors import ProblemFound

OUTPUT_FOLDER = "pictures"  # below the output folder, beside the languages, the theme and files/
RECIPE = "webp-q80-m6"  # how pictures are made (method 6: the slowest encoder, 4% smaller files, made once per picture): a change gives every picture a new name and cache entry
QUALITY = 80
RASTER = (".png", ".jpg", ".jpeg", ".gif", ".webp")


@dataclass(frozen=True)
class Limits:
    max_bytes: int
    max_pixels: int


@dataclass(frozen=True)
class Variant:
    width: int
    height: int
    data: bytes = b""


def widths_for(original: int, widths) -> tuple[int, ...]:
    """The widths an image of `original` pixels is made in: each wanted one below it, and the largest
    wanted one, or the original's if it is narrower. Never wider than the original."""
    wanted = sorted(set(widths))
    found = [w for w in wanted if w < original]
    top = min(original, wanted[-1])
    return tuple(found if top in found else found + [top])


def height_for(width: int, original: tuple[int, int]) -> int:
    return max(1, round(original[1] * width / original[0]))


def recipe_digest(file_digest: str, kind: str, widths) -> str:
    """Names a picture's files: the source file's bytes (by their hash), and how it is made."""
    return hashlib.sha256(repr((file_digest, kind, tuple(widths), RECIPE)).encode()).hexdigest()


def file_name(recipe: str, width: int) -> str:
    return f"{OUTPUT_FOLDER}/{recipe[:20]}-{width}.webp"


def picture(kind: str, recipe: str, variants) -> dict:
    """What a template receives: the largest size's width and height (the box the browser reserves),
    the file to use without srcset, and every size for srcset, as (output path, width) pairs."""
    largest = max(variants, key=lambda v: v.width)
    middle = sorted(variants, key=lambda v: v.width)[(len(variants) - 1) // 2]
    return {"kind": kind, "width": largest.width, "height": largest.height,
            "src": file_name(recipe, middle.width),
            "srcset": tuple((file_name(recipe, v.width), v.width) for v in sorted(variants, key=lambda v: v.width))}


def limit_problem(target: str, size: int, pixels: tuple[int, int] | None, limits: Limits) -> tuple[str, str] | None:
    """(message, fix) when an image is over a limit; None when it fits."""
    if size > limits.max_bytes:
        return (f"{target} is {size:,} bytes, more than the {limits.max_bytes:,} allowed (HUB_IMAGE_MAX_BYTES)",
                "save it smaller: 2000 pixels wide as JPEG or WebP at quality 80 is plenty for the hub")
    if pixels and pixels[0] * pixels[1] > limits.max_pixels:
        return (f"{target} is {pixels[0]}×{pixels[1]} pixels, more than the {limits.max_pixels:,} allowed "
                "(HUB_IMAGE_MAX_PIXELS)", "resize it to at most 2000 pixels wide before adding it")
    return None


def unreadable(error: Exception) -> ProblemFound:
    """The problem of bytes Pillow opened or decoded with an error (it raises many kinds)."""
    return ProblemFound(f"cannot be read as an image ({type(error).__name__})",
                        "open it in an image editor and save it again as JPEG, PNG or WebP")


def open_image(data: bytes):
    """The image, or ProblemFound for bytes Pillow cannot read as one. Only the header is read here."""
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            image.size  # noqa: B018 (the header is read)
            return image
    except Exception as error:  # Pillow raises many kinds for broken files
        raise unreadable(error) from None


def image_size(data: bytes) -> tuple[int, int]:
    return open_image(data).size


def resize(data: bytes, widths) -> list[Variant]:
    """The image in each of `widths_for` its width, as WebP; turned upright by its EXIF orientation
    first, so that a phone's photo is not shown on its side."""
    from PIL import Image, ImageOps

    image = open_image(data)
    try:
        image = ImageOps.exif_transpose(image)
        image = image.convert("RGBA" if image.mode in ("RGBA", "LA", "P", "PA") else "RGB")
    except Exception as error:
        raise unreadable(error) from None
    return [_webp(image.resize((w, height_for(w, image.size)), Image.Resampling.LANCZOS) if w != image.width else image)
            for w in widths_for(image.width, widths)]


def pdf_thumbnail(data: bytes, widths) -> list[Variant]:
    """The PDF's first page in each of `widths`, as WebP on white; ProblemFound when PDFium cannot
    open it (broken, or protected by a password)."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        reason = "it needs a password" if "password" in str(error).lower() else str(error).rstrip(".")
        raise ProblemFound(f"cannot be opened as a PDF to make its thumbnail: {reason}",
                           "open it and save it again as a PDF without a password (e.g. Print > Save as PDF), "
                           "or replace it") from None
    try:
        if len(document) == 0:
            raise ProblemFound("is a PDF without pages", "replace it with the complete document")
        page = document[0]
        points = page.get_width()
        variants = []
        for width in sorted(set(widths)):
            image = page.render(scale=width / points, fill_color=(255, 255, 255, 255)).to_pil().convert("RGB")
            variants.append(_webp(image))
        return variants
    except pdfium.PdfiumError as error:  # opened, but its first page cannot be drawn
        raise ProblemFound(f"cannot be drawn to make its thumbnail: {str(error).rstrip('.')}",
                           "open it and save it again as a PDF (e.g. Print > Save as PDF), or replace it") from None
    finally:
        document.close()


def _webp(image) -> Variant:
    out = io.BytesIO()
    image.save(out, "WEBP", quality=QUALITY, method=6)
    return Variant(image.width, image.height, out.getvalue())


class _Images(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            attributes = dict(attrs)
            self.found.append((attributes.get("src") or "", (attributes.get("alt") or "").strip()))


def body_images(body_html: str) -> list[tuple[str, str]]:
    """(src, alt) of every image in a rendered body, in order."""
    if "<img" not in body_html:  # most bodies: every build checks every item, so skip the parser
        return []
    parser = _Images()
    parser.feed(body_html)
    parser.close()
    return parser.found


def alt_problems(meta: dict, body_html: str) -> list[tuple[str, str, str, str]]:
    """(field, picture's path, message, fix) for each picture of an item without alt text: its `image` unless
    `image_decorative` says it only decorates, and every image of its body."""
    found = []
    image = meta.get("image")
    if image is not None and not meta.get("image_decorative") and not (meta.get("image_alt") or "").strip():
        found.append(("image_alt", image.target, f"the image {image.target} has no alt text",
                      "add image_alt: with what the picture shows, in this file's language, "
                      "or image_decorative: yes if it only decorates"))
    for src, alt in body_images(body_html):
        if not alt:
            found.append(("body", src, f"the image {src} has no alt text",
                          "write what it shows between the brackets: ![what it shows](" + src + ")"))
    return found
