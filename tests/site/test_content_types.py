"""The hub's content types in the built demo: feeds, calendars, browse pages and
their counts, closed opportunities, structured data. Real parsers throughout."""

import datetime as dt
import json
import re

import feedparser
import icalendar
import yaml

from hubtest import ROOT, demo_languages, page

from hub_languages import scripts

LANGUAGES = demo_languages()
UTC = dt.timezone.utc


def listed(output, path: str) -> list[str]:
    """Every entry's address on a listing, following its pagination."""
    found = []
    while path:
        tree = page(output, path)
        found += tree.xpath("//div[@id='entries']//ul[@class='entries']/li/*[self::h2 or self::h3]/a/@href"
                            " | //main/ul[@class='entries']/li/*[self::h2 or self::h3]/a/@href")
        following = tree.xpath("//a[@rel='next']/@href")
        path = following[0].strip("/") if following else None
    return found


def in_blocks(output, path: str) -> list[str]:
    """Every entry a page's section blocks stand for (a topic's page): those of a block with a link to
    all of them are the ones that section's own page of the term lists."""
    found = []
    for block in page(output, path).xpath("//main/section[@class='block']"):
        more = block.xpath("p/a[@class='more']/@href")
        found += listed(output, more[0].strip("/")) if more else block.xpath("ul/li/h3/a/@href")
    return found


def labels(vocabulary: str) -> dict:
    return yaml.safe_load((ROOT / "content" / "data" / f"{vocabulary}.yaml").read_text("utf-8"))


def label(vocabulary: str, term: str, language) -> str:
    """A term's label as the file gives it; a derived edition's is its base's, transliterated."""
    given = labels(vocabulary)[term]
    if language.code in given or not language.derived:
        return given[language.code]
    return scripts.text(given[language.derived_from], language.transliterate)


def test_every_atom_feed_parses(demo):
    feeds = sorted(demo.rglob("*.atom"))
    sections = [path for path in feeds if len(path.relative_to(demo).parts) <= 3]
    assert len(sections) == len(LANGUAGES) * 6  # everything new, plus five dated sections
    assert len(feeds) > len(sections)  # and a feed per topic and per country
    for path in feeds:
        feed = feedparser.parse(path.read_bytes())
        assert feed.bozo == 0, (path, feed.bozo_exception)
        prefix = path.relative_to(demo).parts[0]
        assert all(f"/{prefix}/" in entry.link for entry in feed.entries), path
    resources = feedparser.parse((demo / "en/resources/feed.atom").read_bytes())
    assert resources.entries and all("/en/resources/" in e.link for e in resources.entries)


def events(path):
    return [c for c in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")]


def test_every_calendar_parses_with_uid_stamp_and_zoned_start(demo):
    calendars = sorted(demo.rglob("*.ics"))
    assert len(calendars) > len(LANGUAGES) * 8
    for path in calendars:
        found = events(path)
        assert found, path
        for event in found:
            assert event.get("UID") and event.get("DTSTAMP"), path
            start = event.get("DTSTART")
            assert start.params.get("TZID") or start.dt.tzinfo == UTC, path
            assert start.dt.tzinfo is not None


def test_calendar_instants_follow_daylight_saving(demo):
    by_uid = {str(e["UID"]): e for e in events(demo / "en" / "events.ics")}

    def instant(slug, name="DTSTART"):
        return by_uid[f"events-{slug}@childhub.org"].decoded(name).astimezone(UTC)

    # 15:00 in Budapest: after the October change it is UTC+1, after the March change UTC+2
    assert instant("webinar-safe-online-spaces") == dt.datetime(2026, 10, 29, 14, 0, tzinfo=UTC)
    assert instant("webinar-supervision-for-caseworkers") == dt.datetime(2027, 3, 30, 13, 0, tzinfo=UTC)
    # a conference across the March change starts in winter time and ends in summer time
    assert instant("regional-conference-child-participation") == dt.datetime(2027, 3, 26, 8, 0, tzinfo=UTC)
    assert instant("regional-conference-child-participation", "DTEND") == dt.datetime(2027, 3, 29, 11, 0, tzinfo=UTC)
    assert instant("kyiv-training-psychosocial-support") == dt.datetime(2027, 2, 10, 8, 0, tzinfo=UTC)


def test_an_event_has_the_same_uid_in_every_language(demo):
    uids = {language.code: sorted(str(e["UID"]) for e in events(demo / language.prefix / "events.ics"))
            for language in LANGUAGES}
    assert len({tuple(v) for v in uids.values()}) == 1
    assert len(uids["en"]) == len(set(uids["en"])) >= 8
    single = events(demo / "sq/events/webinar-safe-online-spaces/event.ics")
    assert str(single[0]["UID"]) == "events-webinar-safe-online-spaces@childhub.org"


def test_event_page_shows_its_zone_and_offset(demo):
    tree = page(demo, "en/events/kyiv-training-psychosocial-support/")
    when = tree.xpath("string(//dl[@class='facts']/dd[1])")
    assert "(Eastern European Time, UTC+02:00)" in when and "10:00" in when
    ukrainian = page(demo, "uk/events/kyiv-training-psychosocial-support/")
    assert "(за східноєвропейським часом, UTC+02:00)" in ukrainian.xpath("string(//dl[@class='facts']/dd[1])")
    assert tree.xpath("//time[@data-local-time]/@datetime") == ["2027-02-10T08:00:00+00:00"]
    across = page(demo, "en/events/regional-conference-child-participation/")
    assert "UTC+01:00 → UTC+02:00" in across.xpath("string(//dl[@class='facts']/dd[1])")


def test_upcoming_and_past_events_are_decided_by_the_build_time(demo):
    upcoming = listed(demo, "en/events")
    past = listed(demo, "en/events/past")
    assert "/en/events/sarajevo-workshop-juvenile-justice/" in upcoming
    assert "/en/events/webinar-safe-online-spaces/" in past
    assert not set(upcoming) & set(past)
    assert upcoming.index("/en/events/sarajevo-workshop-juvenile-justice/") == 0  # soonest first


def test_every_browse_page_counts_what_it_lists_with_labels_in_its_language(demo):
    checked = 0
    for language in LANGUAGES:
        for index in sorted((demo / language.prefix).rglob("index.html")):
            tree = html_of(index)
            terms = tree.xpath("//ul[@class='terms']/li")
            if not terms:
                continue
            for entry in terms:
                target = entry.xpath("a/@href")[0].strip("/")
                count = int(re.sub(r"\D", "", entry.xpath("string(span[@class='count'])")))
                assert count == len(listed(demo, target)) + len(in_blocks(demo, target)), target
                checked += 1
                vocabulary = vocabulary_of(target)
                if vocabulary:
                    term = target.rsplit("/", 1)[-1]
                    assert entry.xpath("string(a)") == label(vocabulary, term, language), target
    assert checked > 200


def vocabulary_of(target: str):
    field = target.split("/")[-2]
    section = target.split("/")[1]
    return {"topics": "topics", "countries": "countries", "kinds": "opportunity-kinds", "levels": "course-levels",
            "types": {"resources": "resource-types", "events": "event-types"}.get(section)}.get(field)


def html_of(path):
    from lxml import html

    return html.fromstring(path.read_bytes())


def test_every_term_used_in_a_section_has_its_browse_page(demo):
    compared = 0
    for language in LANGUAGES:
        data_files = sorted((demo / language.prefix).glob("*/filter.json"))
        assert len(data_files) >= 4, f"{language.code}: filter data of only {data_files}"
        for data_file in data_files:
            section = data_file.parent.name
            data = json.loads(data_file.read_text("utf-8"))
            assert set(data["browse"]) <= set(data["fields"])
            for field, segment in data["browse"].items():
                used = {t for item in data["items"] for t in item["terms"].get(field, ())}
                index = page(demo, f"{language.prefix}/{section}/{segment}/")
                shown = {href.strip("/").rsplit("/", 1)[-1] for href in index.xpath("//ul[@class='terms']//a/@href")}
                assert shown == used, (data_file, field)
                compared += bool(used)
    assert compared >= 10 * len(LANGUAGES), "too few sections with terms were compared"


def test_a_closed_opportunity_leaves_the_open_listing_but_keeps_its_page(demo):
    closed = [path for path in (ROOT / "content" / "opportunities").glob("*.md")
              if re.search(r"^deadline: (\S+)", path.read_text("utf-8"), re.M).group(1) < "2026-11-21"]
    assert closed
    for language in LANGUAGES:
        open_now = listed(demo, f"{language.prefix}/opportunities")
        closed_now = listed(demo, f"{language.prefix}/opportunities/closed")
        for path in closed:
            address = f"/{language.prefix}/opportunities/{path.stem}/"
            assert address not in open_now and address in closed_now
            tree = page(demo, address.strip("/"))
            assert tree.xpath("//p[contains(@class, 'closed')]"), address
            assert not tree.xpath("//a[@class='button' and contains(@href, 'apply')]")
    today = [p.stem for p in (ROOT / "content" / "opportunities").glob("*.md")
             if "deadline: 2026-11-21" in p.read_text("utf-8")]
    for stem in today:  # open through its whole last day
        assert f"/en/opportunities/{stem}/" in listed(demo, "en/opportunities")


SCHEMA_TYPES = {"news": "NewsArticle", "events": "Event", "courses": "Course", "resources": "CreativeWork",
                "opportunities": "JobPosting"}


def test_json_ld_parses_with_type_dates_and_language(demo):
    seen = set()
    for language in LANGUAGES:
        for section, schema_type in SCHEMA_TYPES.items():
            for index in sorted((demo / language.prefix / section).glob("*/index.html")):
                scripts = html_of(index).xpath("//script[@type='application/ld+json']/text()")
                if not scripts:
                    continue  # browse indexes
                data = json.loads(scripts[0])
                assert data["@type"] == schema_type and data["inLanguage"] == language.tag, index
                date = {"NewsArticle": "datePublished", "Event": "startDate", "Course": None,
                        "CreativeWork": "dateCreated", "JobPosting": "validThrough"}[schema_type]
                if date:
                    dt.datetime.fromisoformat(data[date])
                seen.add(schema_type)
    assert seen == set(SCHEMA_TYPES.values())
    event = json.loads(page(demo, "sr/events/webinar-safe-online-spaces/").xpath(
        "//script[@type='application/ld+json']/text()")[0])
    assert event["startDate"] == "2026-10-29T15:00:00+01:00" and event["inLanguage"] == "sr-Cyrl"


def test_resources_show_file_size_format_and_document_languages(demo):
    for path in sorted((ROOT / "content" / "resources").glob("*.md")):
        text = path.read_text("utf-8")
        local = re.search(r"^file: (files/\S+)", text, re.M)
        if not local:
            continue
        tree = page(demo, f"en/resources/{path.stem}")
        download = tree.xpath("//p[@class='download']")[0]
        assert download.xpath("a/@href") == [f"/{local.group(1)}"]
        assert (demo / local.group(1)).read_bytes() == (ROOT / "content" / local.group(1)).read_bytes()
        assert re.search(r"\((PDF|CSV|TXT), [\d.]+ (kB|MB)\)", download.text_content()), path.stem


def test_country_and_partner_pages_gather_their_items(demo):
    serbia = page(demo, "en/countries/serbia")
    assert serbia.xpath("//dl[@class='facts']")
    assert len(serbia.xpath("//section[@class='block']")) >= 2
    partners = listed(demo, "en/partners")
    assert len(partners) == 6
    home = page(demo, "sr/")
    assert len(home.xpath("//section[@class='block']")) == 5


def test_related_items_share_terms_and_stay_in_the_language(demo):
    seen = 0
    for language in LANGUAGES:
        for index in sorted((demo / language.prefix / "resources").glob("*/index.html")):
            tree = html_of(index)
            for link in tree.xpath("//section[@aria-labelledby='block-related']//li"):
                assert link.get("lang") is None, index  # no fallbacks among related items
                seen += 1
    assert seen > 50


PODCAST_TYPE = '''
"""Podcasts: a content type added by a hub in one module, for the test."""
from hub_content.fields import Field, Terms, Url, WholeNumber
from hub_content.types import POSTED, TOPICS, ContentType, Listing, N_, everything, newest_first


def json_ld(meta, absolute, label):
    return {"datePublished": meta["date"].isoformat(), "associatedMedia": {"contentUrl": meta["audio"]}}


CONTENT_TYPE = ContentType(
    name="podcast", folder="podcasts", url="podcasts/{slug}/", label=N_("Podcasts"), home=2,
    home_labels=(N_("New episodes"), N_("All episodes")),
    listings=(Listing("all", "", everything, newest_first, N_("Podcasts")),),
    schema_org="PodcastEpisode", json_ld=json_ld, byline=True,
    fields=(POSTED, TOPICS, Field("audio", Url(), required=True, doc="the episode's audio file"),
            Field("minutes", WholeNumber(1, 600), doc="how long it is, in minutes")),
)
'''


def test_a_content_type_added_in_one_module_gets_listings_pages_feeds_and_search(tmp_path):
    from hubtest import build, settings_file, write_tree

    write_tree(tmp_path / "types", {"podcast.py": PODCAST_TYPE})
    write_tree(tmp_path / "templates" / "facts", {"podcast.html": '<p class="minutes">{{ meta.minutes }} min</p>'})
    content = write_tree(tmp_path / "content", {
        "podcasts/episode-one.md": "---\ntitle: Episode one\ndate: 2026-01-05\naudio: https://example.org/1.mp3\n"
                                   "minutes: 31\ntopics: [online-safety]\n---\nWhat we talked about.\n",
        "sr/podcasts/episode-one.md": "---\ntitle: Епизода један\n---\nО чему смо причали.\n",
        "data/topics.yaml": "online-safety:\n" + "".join(f"  {language.code}: Safety {language.code}\n"
                                                         for language in LANGUAGES),
    })
    settings = settings_file(tmp_path, f"""
        sys.path.insert(0, {str(tmp_path / 'types')!r})
        from hub_content.types import BUILT_IN
        HUB_CONTENT_TYPES = [*BUILT_IN, "podcast"]
        THEME_TEMPLATES_OVERRIDES = [{str(tmp_path / 'templates')!r}]
    """)
    output = tmp_path / "output"
    result = build(content, output, settings)
    assert result.returncode == 0, result.stderr
    assert listed(output, "en/podcasts/") == ["/en/podcasts/episode-one/"]
    assert listed(output, "sr/podcasts/") == ["/sr/podcasts/episode-one/"]
    item = page(output, "en/podcasts/episode-one/")
    assert item.xpath("string(//p[@class='minutes'])") == "31 min"
    data = json.loads(item.xpath("string(//script[@type='application/ld+json'])"))
    assert data["@type"] == "PodcastEpisode" and data["associatedMedia"]["contentUrl"] == "https://example.org/1.mp3"
    assert page(output, "en/").xpath("string(//section[@aria-labelledby='block-podcast']/h2)") == "New episodes"
    feed = feedparser.parse((output / "en/podcasts/feed.atom").read_bytes())
    assert [entry.title for entry in feed.entries] == ["Episode one"]
    assert page(output, "sr/podcasts/topics/online-safety/").xpath("//a[@href='/sr/podcasts/episode-one/']")
    search = page(output, "en/search/")
    assert search.xpath("//select[@name='section']/option[@value='podcasts']/text()") == ["Podcasts (1)"]
