"""Feeds and calendars hold what the listings show, fallbacks included, each entry in its own
language; every topic and country page has its own feed, linked from the page. Checked on the
built demo with feedparser and icalendar."""

from __future__ import annotations

import re

import feedparser
import icalendar
import pytest

from hubtest import demo_languages, page

LISTING = re.compile(r"^((closed|past)/)?(page/\d+/)?index\.html$")


def listed(demo, folder: str) -> set[str]:
    """Addresses of the items every listing page of a section shows (all pages, all listings)."""
    found = set()
    for index in (demo / folder).rglob("index.html"):
        if LISTING.match(index.relative_to(demo / folder).as_posix()):
            found |= set(page(demo, index.parent.relative_to(demo).as_posix()).xpath("//ul[@class='entries']/li/*[self::h2 or self::h3]/a/@href"))
    return found


def browsed(demo, folder: str) -> set[str]:
    found = set()
    for index in (demo / folder).rglob("index.html"):
        if re.match(r"^(page/\d+/)?index\.html$", index.relative_to(demo / folder).as_posix()):
            found |= set(page(demo, index.parent.relative_to(demo).as_posix()).xpath("//ul[@class='entries']/li/*[self::h2 or self::h3]/a/@href"))
    return found


def feed(demo, path: str):
    parsed = feedparser.parse((demo / path).read_bytes())
    assert not parsed.bozo, (path, parsed.bozo_exception)
    return parsed


@pytest.mark.parametrize("lang", demo_languages().codes)
def test_the_opportunity_feed_lists_what_the_listing_shows(demo, lang):
    prefix = demo_languages()[lang].prefix
    shown = listed(demo, f"{prefix}/opportunities")
    entries = feed(demo, f"{prefix}/opportunities/feed.atom").entries
    assert shown and {entry.link for entry in entries} == shown
    tags = {language.tag for language in demo_languages()}
    for entry in entries:
        assert entry.title_detail.language in tags
        item = page(demo, entry.link.strip("/"))
        assert item.xpath("//article/@lang") == [entry.title_detail.language]


@pytest.mark.parametrize("lang", demo_languages().codes)
def test_the_events_calendar_lists_what_the_listings_show(demo, lang):
    prefix = demo_languages()[lang].prefix
    shown = listed(demo, f"{prefix}/events")
    calendar = icalendar.Calendar.from_ical((demo / prefix / "events.ics").read_bytes())
    events = calendar.walk("VEVENT")
    assert shown and {str(event["URL"]) for event in events} == shown
    for event in events:
        item = page(demo, str(event["URL"]).strip("/"))
        assert event["SUMMARY"].params["LANGUAGE"] == item.xpath("//article/@lang")[0]


def test_bosnian_feeds_hold_items_shown_through_the_chain(demo):
    languages = [entry.title_detail.language for entry in feed(demo, "bs/opportunities/feed.atom").entries]
    assert languages and set(languages) - {"bs"}, "bs has no opportunities of its own: all are fallbacks"


@pytest.mark.parametrize("lang", ["en", "sq", "sr-latn"])
def test_every_topic_and_country_page_links_its_own_feed(demo, lang):
    prefix = demo_languages()[lang].prefix
    topics = sorted(p.name for p in (demo / prefix / "topics").iterdir() if p.is_dir())
    assert topics
    for term in topics:
        html = page(demo, f"{prefix}/topics/{term}")
        link = html.xpath("//link[@rel='alternate'][@type='application/atom+xml'][contains(@href, '/topics/')]/@href")
        assert link == [f"/{prefix}/topics/{term}/feed.atom"]
        entries = feed(demo, link[0].strip("/")).entries
        assert entries
        for entry in entries:  # the topic page shows a few of each section; its feed, the newest of all
            item = page(demo, entry.link.strip("/"))
            assert f"/{prefix}/topics/{term}/" in item.xpath("//nav[@class='tags']//a/@href")
        shown = browsed(demo, f"{prefix}/topics/{term}")
        assert shown and {entry.link for entry in entries} >= {path for path in shown if "/courses/" not in path}
        assert html.xpath("//h1")[0].text_content().strip() in feed(demo, link[0].strip("/")).feed.title
    moldova = page(demo, f"{prefix}/countries/moldova")
    link = moldova.xpath("//link[@rel='alternate'][@type='application/atom+xml'][contains(@href, '/countries/')]/@href")
    assert link == [f"/{prefix}/countries/moldova/feed.atom"]
    entries = feed(demo, link[0].strip("/")).entries
    assert entries
    for entry in entries:
        item = page(demo, entry.link.strip("/"))
        assert f"/{prefix}/countries/moldova/" in item.xpath("//nav[@class='tags']//a/@href")
