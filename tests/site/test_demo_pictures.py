"""The demo's pictures and head meta (hub_images): thumbnails, srcset with width and height, lazy
loading below the fold, a description and OpenGraph tags on every page type, social cards."""

import io

import pytest
from PIL import Image

from hubtest import page

PAGE_TYPES = {  # one page of every type, as an address
    "home": "{lang}/",
    "listing": "{lang}/resources/",
    "listing page 2": "{lang}/resources/page/2/",
    "browse": "{lang}/topics/online-safety/",
    "browse index": "{lang}/topics/",
    "section browse": "{lang}/resources/types/guide/",
    "news item": "{lang}/news/hub-turns-ten/",
    "resource": "{lang}/resources/positive-discipline-guide/",
    "event": "{lang}/events/webinar-safe-online-spaces/",
    "search": "{lang}/search/",
    "translation status": "{lang}/translation-status/",
}


def meta(tree, name: str) -> str | None:
    found = tree.xpath(f"//head/meta[@name='{name}' or @property='{name}']/@content")
    assert len(found) <= 1, f"{name} twice"
    return found[0] if found else None


@pytest.mark.parametrize("lang", ["en", "uk"])
@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_every_page_type_has_a_description_and_opengraph_tags(demo, kind, lang):
    tree = page(demo, PAGE_TYPES[kind].format(lang=lang))
    description = meta(tree, "description")
    assert description and description == meta(tree, "og:description")
    assert meta(tree, "og:title") and meta(tree, "og:url") and meta(tree, "og:locale")
    assert meta(tree, "og:type") == ("article" if kind == "news item" else "website")
    assert meta(tree, "twitter:card") == "summary_large_image"
    image = meta(tree, "og:image")
    assert (demo / image.lstrip("/")).is_file()
    if kind != "news item":
        assert image == f"/pictures/social-{lang}.png"


def test_descriptions_are_in_the_page_s_language(demo):
    assert meta(page(demo, "uk/resources/"), "description").startswith("Бібліотека на ChildHub")
    assert meta(page(demo, "sq/"), "description") != meta(page(demo, "en/"), "description")
    assert meta(page(demo, "en/news/hub-turns-ten/"), "description").startswith("Ten years after its launch")


@pytest.mark.parametrize("path", ["", "404.html"])
def test_root_pages_have_a_description_and_the_default_social_card(demo, path):
    tree = page(demo, path)
    assert meta(tree, "description") and meta(tree, "og:title") == "ChildHub"
    assert meta(tree, "og:image") == "/pictures/social-en.png"


def test_a_social_card_per_language(demo):
    cards = {path.name: path.read_bytes() for path in (demo / "pictures").glob("social-*.png")}
    assert sorted(cards) == sorted(f"social-{code}.png" for code in
                                   ["en", "sq", "bs", "bg", "hr", "ro", "sr", "sr-latn", "uk"])
    assert all(Image.open(io.BytesIO(data)).size == (1200, 630) for data in cards.values())
    assert len(set(cards.values())) == len(cards)  # each with its own tagline


def check_sizes(demo, img):
    """Every size in srcset exists, is WebP of the width it says, and keeps the width:height ratio."""
    sizes = [part.split() for part in img.get("srcset").split(",")]
    assert img.get("src") in [url for url, _ in sizes] and img.get("sizes")
    width, height = int(img.get("width")), int(img.get("height"))
    for url, descriptor in sizes:
        picture = Image.open(demo / url.lstrip("/"))
        assert picture.format == "WEBP" and f"{picture.width}w" == descriptor
        assert abs(picture.height / picture.width - height / width) < 0.01
    assert max(int(d[:-1]) for _, d in sizes) == width


def test_a_news_item_s_lead_image_has_sizes_and_is_not_lazy(demo):
    (lead,) = page(demo, "sq/news/hub-turns-ten/").xpath("//article//img[@class='lead']")
    assert lead.get("alt").startswith("Dhjetë qirinj")  # the translation's own alt text
    assert lead.get("loading") is None
    check_sizes(demo, lead)
    assert meta(page(demo, "en/news/hub-turns-ten/"), "og:image") == "/files/images/hub-turns-ten.jpg"


def test_a_resource_shows_its_pdf_s_first_page(demo):
    (thumbnail,) = page(demo, "en/resources/positive-discipline-guide/").xpath("//article//img[@class='thumbnail']")
    check_sizes(demo, thumbnail)
    assert int(thumbnail.get("height")) > int(thumbnail.get("width"))  # an A4 page stands upright


def test_cards_show_thumbnails_lazily_with_their_sizes(demo):
    cards = [img for number in (2, 3, 4) for img in
             page(demo, f"en/resources/page/{number}/").xpath("//ul[@class='entries']//img")]
    assert cards
    for img in cards:
        assert img.get("loading") == "lazy" and img.get("alt") == ""
        check_sizes(demo, img)
    home = page(demo, "en/").xpath("//ul[@class='entries']//img")
    assert any("card-image" in img.get("class") for img in home)


def test_every_picture_of_every_page_has_width_and_height(demo):
    pages = [path for path in sorted(demo.glob("*/**/index.html")) if "/admin/" not in path.as_posix()]
    seen = 0
    for path in pages[::7]:  # a sample across languages and types keeps this quick
        for img in page(demo, path.relative_to(demo).as_posix()).xpath("//img"):
            seen += 1
            assert img.get("width") and img.get("height"), (path, img.get("src"))
    assert seen
