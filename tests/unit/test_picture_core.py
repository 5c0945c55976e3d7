"""hub_images' pure core and its cache, without Pelican: real Pillow and PDFium on pictures made here."""

import io
import os

import pytest
from PIL import Image

from hub_build.errors import ProblemFound
from hub_content.fields import Attachment
from hub_images import pictures as core
from hub_images.social import card
from hub_images.store import PictureStore

WIDTHS = [320, 640, 960, 1280]


def jpeg(width, height, colour=(200, 40, 40)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "JPEG")
    return out.getvalue()


def pdf(width=300, height=400) -> bytes:
    page = Image.new("RGB", (width, height), (255, 255, 255))
    page.paste((20, 60, 120), (0, 0, width, height // 4))  # a dark band across the top of the cover
    out = io.BytesIO()
    page.save(out, "PDF", resolution=72)
    return out.getvalue()


@pytest.mark.parametrize("original, expected", [
    (2000, (320, 640, 960, 1280)),  # every size, never the original's 2000
    (1280, (320, 640, 960, 1280)),
    (700, (320, 640, 700)),  # the original's own width as the largest: never enlarged
    (200, (200,)),
])
def test_sizes_never_exceed_the_original(original, expected):
    assert core.widths_for(original, WIDTHS) == expected


def test_resized_pictures_are_webp_of_each_width_keeping_the_ratio():
    variants = core.resize(jpeg(1000, 500), WIDTHS)
    assert [(v.width, v.height) for v in variants] == [(320, 160), (640, 320), (960, 480), (1000, 500)]
    for variant in variants:
        decoded = Image.open(io.BytesIO(variant.data))
        assert decoded.format == "WEBP" and decoded.size == (variant.width, variant.height)


def test_a_photo_is_turned_upright_by_its_exif_orientation():
    image = Image.new("RGB", (400, 200), (0, 0, 0))
    exif = image.getexif()
    exif[0x0112] = 6  # rotated 90°: shown 200 wide and 400 high
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    assert [(v.width, v.height) for v in core.resize(out.getvalue(), [100])] == [(100, 200)]  # not 100×50


def test_the_picture_data_lists_every_size_for_srcset():
    variants = [core.Variant(320, 180), core.Variant(640, 360), core.Variant(1280, 720)]
    made = core.picture("image", "a" * 64, variants)
    assert made == {"kind": "image", "width": 1280, "height": 720, "src": "pictures/" + "a" * 20 + "-640.webp",
                    "srcset": (("pictures/" + "a" * 20 + "-320.webp", 320), ("pictures/" + "a" * 20 + "-640.webp", 640),
                               ("pictures/" + "a" * 20 + "-1280.webp", 1280))}


def test_limits_name_the_file_the_setting_and_the_fix():
    limits = core.Limits(max_bytes=1000, max_pixels=10_000)
    assert core.limit_problem("files/a.jpg", 999, (100, 100), limits) is None
    assert core.limit_problem("files/a.jpg", 1001, (10, 10), limits) == (
        "files/a.jpg is 1,001 bytes, more than the 1,000 allowed (HUB_IMAGE_MAX_BYTES)",
        "save it smaller: 2000 pixels wide as JPEG or WebP at quality 80 is plenty for the hub")
    assert core.limit_problem("files/a.jpg", 10, (101, 100), limits) == (
        "files/a.jpg is 101×100 pixels, more than the 10,000 allowed (HUB_IMAGE_MAX_PIXELS)",
        "resize it to at most 2000 pixels wide before adding it")


def test_a_file_that_is_not_an_image_is_a_problem_not_a_traceback():
    with pytest.raises(ProblemFound, match="cannot be read as an image"):
        core.resize(b"\x89PNG\r\n\x1a\nbroken", WIDTHS)


def test_a_pdf_thumbnail_shows_its_first_page():
    variants = core.pdf_thumbnail(pdf(300, 400), [150, 300])
    assert [(v.width, v.height) for v in variants] == [(150, 200), (300, 400)]
    thumbnail = Image.open(io.BytesIO(variants[1].data)).convert("RGB")
    assert thumbnail.getpixel((150, 20))[2] > 80 > thumbnail.getpixel((150, 20))[0]  # the cover's blue band
    assert thumbnail.getpixel((150, 350)) > (240, 240, 240)  # white below it


def test_a_pdf_pdfium_cannot_open_is_a_problem_with_the_fix():
    with pytest.raises(ProblemFound) as refused:
        core.pdf_thumbnail(b"%PDF-1.4\n%%EOF\n", [160])
    assert refused.value.message.startswith("cannot be opened as a PDF to make its thumbnail")
    assert "save it again as a PDF" in refused.value.fix


@pytest.mark.parametrize("meta, body, fields", [
    ({"image": Attachment("files/a.jpg", True), "image_alt": "Two children reading"}, "", []),
    ({"image": Attachment("files/a.jpg", True), "image_decorative": True}, "", []),
    ({"image": Attachment("files/a.jpg", True)}, "", ["image_alt"]),
    ({"image": Attachment("files/a.jpg", True), "image_alt": "  "}, "", ["image_alt"]),
    ({}, '<p><img src="/files/b.png" alt="A chart"></p>', []),
    ({}, '<p><img src="/files/b.png" alt=""><img src="/files/c.png"></p>', ["body", "body"]),
])
def test_alt_text_is_required_unless_the_image_is_decorative(meta, body, fields):
    assert [found[0] for found in core.alt_problems(meta, body)] == fields


def test_a_body_image_without_alt_is_told_how_to_write_it():
    (found,) = core.alt_problems({}, '<img src="/files/b.png" alt="">')
    assert found == ("body", "/files/b.png", "the image /files/b.png has no alt text",
                     "write what it shows between the brackets: ![what it shows](/files/b.png)")


def test_pictures_are_cached_by_the_hash_of_their_file(tmp_path):
    photo = tmp_path / "a.jpg"
    photo.write_bytes(jpeg(800, 400))
    store = PictureStore(tmp_path / "cache")
    first = core.recipe_digest(store.file_digest(photo), "image", WIDTHS)
    assert store.variants(first) is None
    store.put(first, core.resize(photo.read_bytes(), WIDTHS))
    store.close()
    again = PictureStore(tmp_path / "cache")  # a later build
    os.utime(photo, (1, 1))  # touched, not changed: the same hash, the same picture
    assert core.recipe_digest(again.file_digest(photo), "image", WIDTHS) == first
    assert [(v.width, v.height) for v in again.variants(first)] == [(320, 160), (640, 320), (800, 400)]
    photo.write_bytes(jpeg(800, 400, colour=(0, 90, 0)))  # new bytes: a new name, nothing cached for it
    changed = core.recipe_digest(again.file_digest(photo), "image", WIDTHS)
    assert changed != first and again.variants(changed) is None
    assert core.recipe_digest(again.file_digest(photo), "image", [500]) != changed  # other sizes, other files


def test_without_a_cache_folder_pictures_live_for_one_build():
    store = PictureStore(None)
    folder = store.folder
    store.put("b" * 64, [core.Variant(10, 10, b"x")])
    assert store.variants("b" * 64) == [core.Variant(10, 10)]
    store.close()
    assert not folder.exists()


def test_the_social_card_is_1200_by_630_and_draws_cyrillic():
    font = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
    latin = Image.open(io.BytesIO(card("ChildHub", "Child Protection Hub", font)))
    cyrillic = Image.open(io.BytesIO(card("ChildHub", "Центар за заштиту деце", font)))
    assert latin.size == cyrillic.size == (1200, 630)
    assert latin.tobytes() != cyrillic.tobytes()
    with pytest.raises(ProblemFound, match="cannot read the social card's font /nowhere.ttf"):
        card("ChildHub", "x", "/nowhere.ttf")
