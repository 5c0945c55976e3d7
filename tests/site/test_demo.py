"""The demo content built with pelicanconf.py, checked page by page."""

import datetime as dt
import re
import sys
from pathlib import Path

import feedparser
import pytest
from babel.dates import format_date
from lxml import etree, html

from hub_content import frontmatter
from hub_i18n import catalogs
from hubtest import ROOT, demo_languages, page

sys.path.insert(0, str(ROOT / "tools"))
import check_output  # noqa: E402

LANGUAGES = demo_languages()


def html_pages(output: Path):
    return sorted(p for p in output.rglob("*.html"))


def test_every_language_has_a_home_with_its_tag(demo):
    for language in LANGUAGES:
        root = page(demo, f"{language.prefix}/")
        assert root.get("lang") == language.tag
        assert root.get("dir") == language.direction


def test_hreflang_sets_are_reciprocal_include_themselves_and_match_html_lang(demo):
    assert check_output.check_hreflang(demo) == []
    assert check_output.hreflang_pages(demo) > 100


def test_hreflang_of_an_item_matches_the_files_that_exist(demo):
    slug = "offline-reading-packs"
    # a derived edition (sr-latn) has the item when the language it is made from (sr) has it
    having = {l.tag for l in LANGUAGES if (ROOT / "content" / ("" if l.code == "en" else l.derived_from or l.code) /
                                           "news" / f"{slug}.md").exists()}
    tree = page(demo, f"en/news/{slug}/")
    tags = {l.get("hreflang") for l in tree.xpath("//link[@hreflang]")} - {"x-default"}
    assert tags == having and "uk" not in tags


def test_fallback_page_shows_the_croatian_text_with_a_bosnian_notice(demo):
    tree = page(demo, "bs/news/croatian-helpline-volunteers/")
    source = frontmatter.parse((ROOT / "content/hr/news/croatian-helpline-volunteers.md").read_text())
    article = tree.xpath("//article")[0]
    assert article.get("lang") == "hr"
    assert article.xpath("string(h1)") == source.fields["title"].value
    assert tree.xpath("//link[@rel='canonical']/@href") == ["/hr/news/croatian-helpline-volunteers/"]
    assert not tree.xpath("//link[@hreflang]")
    bosnian = catalogs.compile_catalog(catalogs.read(
        ROOT / "theme/translations/bs/LC_MESSAGES/messages.po", LANGUAGES["bs"]))
    expected = bosnian.gettext("This page is not available in %(language)s yet. "
                               "You are reading the %(original)s version.") % {
        "language": "bosanski", "original": "hrvatski"}
    assert tree.xpath("string(//p[@class='notice'])") == expected
    assert tree.get("lang") == "bs"


def test_fallback_items_are_listed_and_marked_with_their_language(demo):
    tree = page(demo, "uk/news/")
    fallback = tree.xpath("//ul[@class='entries']/li[@lang='en']")
    assert fallback, "the English-only items should appear in the Ukrainian listing"
    local = page(demo, "en/news/")
    assert "takim" not in etree.tostring(local, encoding=str), "a local Albanian item stays local"


@pytest.mark.parametrize("code", ["sq", "uk", "sr"])
def test_dates_are_written_in_the_page_language(demo, code):
    date = dt.date(2024, 12, 4)
    tree = page(demo, f"{code}/news/hub-turns-ten/")
    shown = tree.xpath("string(//article//time)")
    assert shown == format_date(date, format="long", locale=LANGUAGES[code].locale)
    assert re.search(r"[^\x00-\x7f]|dhjetor", shown), shown


def test_no_interface_string_stays_in_english(demo):
    for language in LANGUAGES:
        if not catalogs.needs_catalog(language):
            continue
        catalog = catalogs.read(ROOT / f"theme/translations/{language.code}/LC_MESSAGES/messages.po", language)
        english = [m.id for m in catalog if isinstance(m.id, str) and m.id and m.string != m.id]
        probes = [re.split(r"%\(", text)[0].strip() for text in english]
        probes = [p for p in probes if len(p) >= 4]
        for file in (demo / language.prefix).rglob("index.html"):
            tree = html.fromstring(file.read_bytes())
            for foreign in tree.xpath(f"//*[@lang and @lang!='{language.tag}']"):
                foreign.getparent().remove(foreign)
            for link in tree.xpath("//link|//script|//style"):
                link.getparent().remove(link)
            text = " ".join(tree.itertext()) + " " + " ".join(tree.xpath("//@aria-label|//@title"))
            found = [p for p in probes if re.search(rf"(?<!\w){re.escape(p)}(?!\w)", text)]
            assert not found, f"{file}: untranslated {found}"


def test_every_feed_parses_and_holds_its_language(demo):
    for language in LANGUAGES:
        feed = feedparser.parse((demo / language.prefix / "feed.atom").read_bytes())
        assert feed.bozo == 0, feed.bozo_exception
        assert feed.entries
        assert all(f"/{language.prefix}/" in entry.link for entry in feed.entries)


def test_sitemaps_list_canonical_pages_with_alternates(demo):
    index = etree.parse(str(demo / "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locations = index.xpath("//s:loc/text()", namespaces=ns)
    assert len(locations) == len(LANGUAGES)
    bosnian = etree.parse(str(demo / "bs" / "sitemap.xml"))
    urls = bosnian.xpath("//s:url/s:loc/text()", namespaces=ns)
    assert "/bs/news/croatian-helpline-volunteers/" not in urls  # a fallback: canonical elsewhere
    assert "/bs/news/hub-turns-ten/" in urls
    for url in bosnian.xpath("//s:url", namespaces=ns):
        loc = url.xpath("string(s:loc)", namespaces=ns)
        assert loc in url.xpath("x:link/@href", namespaces=ns)


def test_root_chooser_works_without_javascript_and_404_speaks_every_language(demo):
    chooser = html.fromstring((demo / "index.html").read_bytes())
    links = chooser.xpath("//ul[@class='chooser']//a")
    assert [a.get("href") for a in links] == [f"/{l.prefix}/" for l in LANGUAGES]
    assert [a.xpath("string(span[@class='name'])") for a in links] == [l.name for l in LANGUAGES]
    missing = html.fromstring((demo / "404.html").read_bytes())
    sections = missing.xpath("//ul[@class='not-found']/li")
    assert [s.get("lang") for s in sections] == [l.tag for l in LANGUAGES]
    assert len({s.xpath("string(.//span[@class='lost'])") for s in sections}) >= 6  # really translated
    # each language's block has a search box and its main sections, in that language
    assert all(s.xpath(".//form[@role='search']/@action") == [f"/{l.prefix}/search/"] for s, l in zip(sections, LANGUAGES))
    assert all(f"/{l.prefix}/resources/" in s.xpath(".//nav//a/@href") for s, l in zip(sections, LANGUAGES))


def test_pagination_and_topic_pages(demo):
    first = page(demo, "en/news/")
    assert first.xpath("//a[@rel='next']/@href") == ["/en/news/page/2/"]
    second = page(demo, "en/news/page/2/")
    assert second.xpath("//a[@rel='prev']/@href") == ["/en/news/"]
    topics = page(demo, "sr/topics/")
    assert len(topics.xpath("//ul[@class='terms']/li")) >= 10


def test_calendars_hold_no_bare_line_break_inside_a_property(demo):
    """Read as bytes, not through a parser: every CR is the start of a CRLF that ends a content line,
    and no property value holds another line end (a client ending lines at CR would see injected
    properties)."""
    calendars = sorted(demo.rglob("*.ics"))
    assert len(calendars) > 10
    for calendar in calendars:
        raw = calendar.read_bytes()
        assert raw.endswith(b"END:VCALENDAR\r\n"), calendar
        for line in raw.split(b"\r\n")[:-1]:
            assert line and b"\r" not in line and b"\n" not in line, (calendar, line)
            assert "\u2028".encode() not in line and "\x85".encode() not in line, (calendar, line)
            assert line.startswith(b" ") or re.match(rb"^[A-Z][A-Z0-9-]*[;:]", line), (calendar, line)


def test_every_page_below_a_home_has_breadcrumbs_and_its_section_marked(demo):
    """Issue 13 (a): wayfinding on every page of every language, not only the ones a browser test opens."""
    checked = 0
    for language in LANGUAGES:
        for file in sorted((demo / language.prefix).rglob("index.html")):
            tree = html.fromstring(file.read_bytes())
            address = check_output.url_of(demo, file)
            crumbs = tree.xpath("//nav[@class='crumbs']/ol/li")
            marked = tree.xpath("//nav[@class='sections']//a[@aria-current]/@href")
            if address == f"/{language.prefix}/":
                assert crumbs == [] and marked == [address], address
                continue
            assert len(crumbs) >= 2 and crumbs[0].xpath("a/@href") == [f"/{language.prefix}/"], address
            assert len(tree.xpath("//nav[@class='crumbs']//*[@aria-current='page']")) == 1, address
            in_footer = tree.xpath("//footer//a[@aria-current='page']/@href")
            if address.endswith(("/search/", "/translation-status/", "/offline/")):
                assert marked == [], address
            elif in_footer:  # contact, privacy...: marked where they are linked
                assert marked == [] and in_footer == [address], address
            else:
                assert len(marked) == 1 and address.startswith(marked[0]), (address, marked)
            checked += 1
    assert checked > 100


def test_the_footer_links_contact_privacy_funders_partners_and_feeds(demo):
    for language in LANGUAGES:
        footer = page(demo, f"{language.prefix}/").xpath("//footer")[0]
        links = footer.xpath(".//a/@href")
        prefix = f"/{language.prefix}/"
        assert [prefix + name + "/" for name in ("contact", "privacy", "funders")] == links[:3]
        assert len([link for link in links if link.startswith(prefix + "partners/")]) == 6
        assert prefix + "feed.atom" in links and prefix + "events.ics" in links


def test_the_language_menu_says_which_languages_show_another_text(demo):
    menu = page(demo, "bs/news/croatian-helpline-volunteers/").xpath("//nav[@class='languages']//a")
    shows = {a.get("data-language"): a.xpath("string(small[@class='shows'])") for a in menu}
    assert shows["hr"] == "" and shows["bs"] == shows["sr"] == shows["sr-latn"] == "tekst na jeziku: hrvatski"
    assert shows["sq"] == "tekst na jeziku: engleski"
    own = page(demo, "en/news/hub-turns-ten/").xpath("//nav[@class='languages']//small")
    assert own == []  # every language has its own text of this one


def test_a_resource_card_shows_its_icon_format_size_and_date(demo):
    cards = page(demo, "en/resources/").xpath("//ul[@class='entries']/li[@class='card']")
    assert cards and all(card.xpath("svg/use/@href") == ["/theme/img/icons.svg#i-resource"] for card in cards)
    lines = [card.xpath("string(p[@class='meta'])") for card in cards]
    assert any(re.search(r"[A-Z]{2,5}, [\d.,]+\s?[kM]B · \w+ \d+, \d{4}", line) for line in lines), lines
