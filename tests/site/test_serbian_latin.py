"""Serbian in both scripts from one source: the demo's /sr-latn/ edition is made from the Cyrillic
content by transliteration (cyrtranslit), with its own hreflang, dates, feeds, calendar, sitemap and
search; and a small site checks what must stay as it is (code, addresses, foreign words) and a
source typed in Latin."""

from __future__ import annotations

import io
import re

import cyrtranslit
import feedparser
import icalendar
from babel.dates import format_date
from lxml import etree
from PIL import Image

from hub_content import frontmatter
from hubtest import ROOT, build, page, settings_file, write_tree

SOURCE = ROOT / "content/sr/news/offline-reading-packs.md"
ITEM = "news/offline-reading-packs"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def paragraphs(text: str) -> list[str]:
    return [block.strip() for block in re.split(r"\n\s*\n", text) if block.strip()]


def test_the_latin_page_is_the_transliterated_cyrillic_source(demo):
    document = frontmatter.parse(SOURCE.read_text("utf-8"))
    latin = page(demo, f"sr-latn/{ITEM}")
    assert latin.xpath("/html/@lang") == ["sr-Latn"]
    assert latin.xpath("//h1")[0].text_content() == cyrtranslit.to_latin(document.fields["title"].value, "sr")
    first = paragraphs(document.body)[0]
    shown = [p.text_content() for p in latin.xpath("//div[@class='body']/p")]
    assert cyrtranslit.to_latin(first, "sr") in shown
    assert first not in shown  # not the Cyrillic text
    assert latin.xpath("//div[@class='body']//pre/code")[0].text_content() == "пакет-вођење-случаја.zip\n"
    link = latin.xpath("//div[@class='body']//a[starts-with(@href, 'https://')]")[0]
    assert link.get("href") == "https://example.org/childhub/offline-packs"
    cyrillic = page(demo, f"sr/{ITEM}")
    assert cyrillic.xpath("//h1")[0].text_content() == document.fields["title"].value


def test_dates_and_interface_are_serbian_latin(demo):
    latin = page(demo, f"sr-latn/{ITEM}")
    shown = latin.xpath("//article//time")[0]
    day = __import__("datetime").date.fromisoformat(shown.get("datetime"))
    assert shown.text_content() == format_date(day, format="long", locale="sr_Latn")
    assert shown.text_content() != format_date(day, format="long", locale="sr")
    assert latin.xpath("//nav[@class='tags']/h2")[0].text_content() == "Teme"  # the catalog, transliterated
    assert "Obrazovanje" in [a.text_content() for a in latin.xpath("//nav[@class='tags']//a")]  # a label


def test_hreflang_is_reciprocal_across_both_scripts(demo):
    def alternates(path):
        return {link.get("hreflang"): link.get("href")
                for link in page(demo, path).xpath("//link[@rel='alternate'][@hreflang]")}

    latin, cyrillic = alternates(f"sr-latn/{ITEM}"), alternates(f"sr/{ITEM}")
    assert latin["sr-Latn"] == cyrillic["sr-Latn"] == f"/sr-latn/{ITEM}/"
    assert latin["sr-Cyrl"] == cyrillic["sr-Cyrl"] == f"/sr/{ITEM}/"
    assert latin == cyrillic
    switcher = {a.get("hreflang"): a.get("href") for a in page(demo, f"sr/{ITEM}").xpath("//a[@hreflang]")}
    assert switcher.get("sr-Latn") == f"/sr-latn/{ITEM}/"


def test_the_latin_edition_has_its_sitemap_feeds_and_calendar(demo):
    sitemap = etree.parse(str(demo / "sr-latn/sitemap.xml"))
    url = next(u for u in sitemap.iter(f"{SITEMAP}url") if u.findtext(f"{SITEMAP}loc").endswith(f"/sr-latn/{ITEM}/"))
    langs = {link.get("hreflang") for link in url.iter(f"{XHTML}link")}
    assert {"sr-Cyrl", "sr-Latn"} <= langs
    index = etree.parse(str(demo / "sitemap.xml"))
    assert any(loc.text.endswith("/sr-latn/sitemap.xml") for loc in index.iter(f"{SITEMAP}loc"))
    feed = feedparser.parse((demo / "sr-latn/feed.atom").read_bytes())
    assert not feed.bozo
    titles = [entry.title for entry in feed.entries]
    assert cyrtranslit.to_latin(frontmatter.parse(SOURCE.read_text("utf-8")).fields["title"].value, "sr") in titles
    assert not any(re.search("[\u0400-\u04ff]", title) for title in titles)
    calendar = icalendar.Calendar.from_ical((demo / "sr-latn/events.ics").read_bytes())
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert summaries and not any(re.search("[\u0400-\u04ff]", s) for s in summaries)


def test_bosnian_and_croatian_fall_back_to_serbian_latin(demo):
    # An item only Serbian has reaches bs through its chain (hr, sr-latn, en): in Latin.
    bosnian = page(demo, "bs/resources/foster-care-standards-report")
    article = bosnian.xpath("//article")[0]
    assert article.get("lang") == "sr-Latn"
    assert not re.search("[\u0400-\u04ff]", bosnian.xpath("//h1")[0].text_content())


LABELS = "".join(f"  {c}: Label {c}\n" for c in "en sq bs bg hr ro sr uk".split())


def _picture() -> bytes:
    """A real PNG: pictures are read and resized."""
    out = io.BytesIO()
    Image.new("RGB", (2, 1), "white").save(out, "PNG")
    return out.getvalue()


SITE = {
    "news/first.md": "---\ntitle: First news\ndate: 2024-12-04\n---\nBody.\n",
    "sr/news/first.md": "---\ntitle: Прва вест\n---\n"
                        "Позовите нас на office@example.org или https://example.org/пут, "
                        "реч <span lang=\"en\">Љ-safe</span> и <i lang=\"ru\">Щука</i> "
                        "остају; `код` такође.\n\n"
                        "```\nштампај('здраво')\n```\n\n![Слика деце](files/photo.png \"Наслов\")\n",
    "sr/news/typed-in-latin.md": "---\ntitle: Vest pisana latinicom\ndate: 2024-12-05\n---\n"
                                 "Ovaj tekst je napisan latinicom i nema ćirilične verzije.\n",
    "files/photo.png": _picture(),
    "data/topics.yaml": "online-safety:\n" + LABELS,
    "data/resource-types.yaml": "guide:\n" + LABELS,
    "data/event-types.yaml": "webinar:\n" + LABELS,
    "data/opportunity-kinds.yaml": "vacancy:\n" + LABELS,
    "data/course-levels.yaml": "introductory:\n" + LABELS,
}


def test_code_addresses_and_foreign_words_stay_and_latin_sources_are_served_as_latin(tmp_path):
    site = dict(SITE)
    site["news/first.md"] = site["news/first.md"].replace("Body.", "Body. ![Children](files/photo.png)")
    write_tree(tmp_path / "content", site)
    result = build(tmp_path / "content", tmp_path / "output", settings_file(tmp_path))
    assert result.returncode == 0, result.stderr + result.stdout
    latin = page(tmp_path / "output", "sr-latn/news/first")
    body = latin.xpath("//div[@class='body']")[0]
    text = body.text_content()
    assert "office@example.org" in text and "https://example.org/пут" in text
    assert body.xpath(".//span[@lang='en']")[0].text_content() == "Љ-safe"
    assert body.xpath(".//i[@lang='ru']")[0].text_content() == "Щука"
    assert body.xpath(".//p/code")[0].text_content() == "код"
    assert body.xpath(".//pre/code")[0].text_content() == "штампај('здраво')\n"
    assert "Pozovite nas na" in text and "ostaju" in text
    image = body.xpath(".//img")[0]
    assert (image.get("alt"), image.get("title")) == ("Slika dece", "Naslov")

    # Typed in Latin in content/sr/: the Latin edition's own; /sr/ shows it as Latin, with a notice.
    own = page(tmp_path / "output", "sr-latn/news/typed-in-latin")
    assert own.xpath("//h1")[0].text_content() == "Vest pisana latinicom"
    assert not own.xpath("//p[@class='notice']")
    shown = page(tmp_path / "output", "sr/news/typed-in-latin")
    assert shown.xpath("//article/@lang") == ["sr-Latn"]
    notice = shown.xpath("//p[@class='notice']")[0].text_content()
    assert "латиница" in notice
    assert shown.xpath("//link[@rel='canonical']/@href")[0].endswith("/sr-latn/news/typed-in-latin/")


def test_a_folder_for_the_derived_edition_is_refused(tmp_path):
    site = {**SITE, "sr-latn/news/first.md": "---\ntitle: Prva vest\n---\nTekst.\n"}
    write_tree(tmp_path / "content", site)
    result = build(tmp_path / "content", tmp_path / "output", settings_file(tmp_path))
    assert result.returncode != 0
    assert ("sr-latn/news/first.md: 'sr-latn' is made from content/sr/ by transliteration and has no folder of "
            "its own (move the file to content/sr/news/first.md: a text typed in Srpski's script is served as it "
            "is in both editions)") in result.stdout + result.stderr
