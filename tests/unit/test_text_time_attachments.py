"""Pure cores of issue 16: the text gate, time that cannot go wrong, the attachment policy, and
calendars that keep every property on its line."""

import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from hub_build import text
from hub_build.errors import ProblemFound
from hub_calendar import ics
from hub_content import attachments, fields, moments


@pytest.mark.parametrize("character", ["\x00", "\x07", "\x1b", "\r", "\x7f", "\x85", "\x9b", "\u2028", "\u2029",
                                       "\ud800", "\udfff", "\u202e", "\u2066", "\ufeff"])
def test_the_gate_refuses_each_invisible_character_and_names_it(character):
    with pytest.raises(ProblemFound) as refused:
        text.check(f"a{character}b")
    assert f"U+{ord(character):04X}" in refused.value.message


def test_the_gate_lets_text_tabs_line_feeds_and_direction_marks_through():
    sample = "Čuvanje\tдеце\nחינוך \u200f(RLM) — 😀"
    assert text.check(sample) == sample


def test_the_gate_gives_the_line_of_the_character():
    with pytest.raises(ProblemFound) as refused:
        text.check_lines("one\ntwo\nth\x07ree\n", first_line=5)
    assert refused.value.line == 7


@pytest.mark.parametrize("value", ["\u200b", "\u200b\u200d\u2060", "\u00ad", " \u200e "])
def test_a_text_field_of_invisible_characters_only_is_refused(value):
    with pytest.raises(ProblemFound, match="only invisible characters"):
        fields.Text().parse(value)


@pytest.mark.parametrize("value, message", [
    ("localtime", "'localtime' is the zone of the machine that builds the hub, not a time zone name"),
    ("UTC+1", "'UTC+1' is an offset, not a time zone name"),
    ("GMT-3", "'GMT-3' is an offset, not a time zone name"),
    ("posixrules", "'posixrules' is the zone of the machine that builds the hub, not a time zone name"),
    ("Europe/Budapset", "'Europe/Budapset' is not a time zone name"),
    ("../../etc/passwd", "'../../etc/passwd' is not a time zone name"),
])
def test_only_iana_zone_names_are_time_zones(value, message):
    with pytest.raises(ProblemFound) as refused:
        fields.TimeZone().parse(value)
    assert refused.value.message == message


@pytest.mark.parametrize("zone", ["Europe/Budapest", "Europe/Kyiv", "UTC", "America/Argentina/Buenos_Aires"])
def test_iana_zone_names_are_accepted(zone):
    assert fields.TimeZone().parse(zone) == zone


@pytest.mark.parametrize("zone, local, before, after", [
    ("Europe/Budapest", "2026-03-29 02:30", "2026-03-29 01:59", "2026-03-29 03:00"),
    ("Europe/Kyiv", "2026-03-29 03:00", "2026-03-29 02:59", "2026-03-29 04:00"),
    ("Pacific/Apia", "2011-12-30 12:00", "2011-12-29 23:59", "2011-12-31 00:00"),
])
def test_a_time_in_a_daylight_saving_gap_is_refused_with_the_nearest_valid_times(zone, local, before, after):
    moment = dt.datetime.fromisoformat(local)
    meta = {"start": moment, "end": moment + dt.timedelta(hours=2), "timezone": zone, "online": True}
    problems = moments.check_event(meta)
    assert problems[0][0] == "start" and f"{local} does not exist in {zone}" in problems[0][1]
    assert problems[0][2] == f"write {before} or {after}"


def test_a_repeated_hour_exists_and_is_not_refused():
    meta = {"start": dt.datetime(2026, 10, 25, 2, 30), "end": dt.datetime(2026, 10, 25, 3, 30), "online": True}
    assert moments.check_event(meta) == []


@pytest.mark.parametrize("value", ["0001-01-01", "1899-12-31", "2200-01-01", "9999-12-31"])
def test_dates_outside_the_accepted_range_are_refused(value):
    with pytest.raises(ProblemFound, match="outside the dates the hub accepts"):
        fields.Date().parse(value)
    with pytest.raises(ProblemFound, match="outside the dates the hub accepts"):
        fields.DateTime().parse(value + " 00:00")


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Pacific/Niue", "Europe/Budapest", "America/Los_Angeles"])
@pytest.mark.parametrize("local", ["1900-01-01 00:00", "2199-12-31 23:59"])
def test_every_accepted_moment_converts_across_zones_and_into_a_calendar(zone, local):
    moment = fields.DateTime().parse(local)
    meta = {"start": moment, "end": moment, "timezone": zone, "online": True, "date": moment.date()}
    assert moments.utc(moments.start(meta)).tzinfo is dt.timezone.utc
    moments.deadline_end({"deadline": moment.date()})
    cal = ics.calendar("Events", "en")
    item = SimpleNamespace(key="events:x", title="T", meta=meta)
    cal.add_component(ics.event(item, "https://example.org/", "example.org",
                                dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc), "Webinar", "Online"))
    assert "BEGIN:VEVENT" in ics.to_text(cal)


@pytest.mark.parametrize("value", ["-12", "0", "2001", "99999999999999999999"])
def test_durations_have_a_declared_range(value):
    with pytest.raises(ProblemFound) as refused:
        fields.WholeNumber(1, 2000).parse(value)
    assert refused.value.message == f"{value!r} is not between 1 and 2000"


def test_calendar_property_values_hold_no_bare_cr_or_lf_in_the_raw_bytes():
    """Whatever reaches the calendar (the gate refuses these in content), the raw text has CRLF only
    between properties: a client that ends lines at a bare CR sees no injected property."""
    meta = {"start": dt.datetime(2026, 5, 1, 10), "end": dt.datetime(2026, 5, 1, 11), "online": False,
            "summary": "one\rATTENDEE:mailto:x@example.org\u2028two\nthree", "venue": "Hall\r\nDTEND:19990101"}
    item = SimpleNamespace(key="events:x", title="A\rDTSTART:19990101T000000\x85B", meta=meta)
    cal = ics.calendar("Events\rX-INJECTED:1", "en")
    cal.add_component(ics.event(item, "https://example.org/", "example.org",
                                dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc), "Web\rinar", "Online"))
    raw = ics.to_text(cal).encode("utf-8")
    lines = raw.split(b"\r\n")
    assert lines[-1] == b"" and len(lines) > 20
    for line in lines:
        assert b"\r" not in line and b"\n" not in line, line
        assert "\u2028".encode() not in line and "\x85".encode() not in line, line
    unfolded = raw.replace(b"\r\n ", b"")
    names = [line.split(b":")[0].split(b";")[0] for line in unfolded.split(b"\r\n") if line]
    assert b"X-INJECTED" not in names and b"ATTENDEE" not in names
    # one DTSTART per time-zone rule (each has a TZOFFSETFROM) and the event's own: none injected
    assert names.count(b"DTSTART") == names.count(b"TZOFFSETFROM") + 1 and names.count(b"DTEND") == 1


@pytest.mark.parametrize("name, suggestion", [
    ("files/My Guide.pdf", "files/my-guide.pdf"),
    ("files/Guide.PDF", "files/guide-2.pdf"),
    ("files/con.pdf", "files/con-file.pdf"),
    ("files/Reports 2024/Ankete Škola.csv", "files/reports-2024/ankete-skola.csv"),
    ("files/a.b.pdf", "files/a-b.pdf"),
])
def test_bad_attachment_names_get_a_free_valid_name(name, suggestion):
    problem = attachments.name_problem(name, {name, "files/guide.pdf"})
    assert problem is not None and f"rename it to {suggestion} " in problem.fix


@pytest.mark.parametrize("name", ["files/guide.pdf", "files/images/team_photo-2.jpg", "files/data-2025.csv"])
def test_good_attachment_names_pass(name):
    assert attachments.name_problem(name, {name}) is None


@pytest.mark.parametrize("drawing", [
    '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    '<svg xmlns="http://www.w3.org/2000/svg"><rect ONCLICK="alert(1)"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink"><a x:href="javascript:alert(1)"><text>x</text></a></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><animate attributeName="href" to="javascript:alert(1)"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><set attributeName="onmouseover" to="alert(1)"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:alert(1)"/></foreignObject></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script></svg>',
    '<?xml-stylesheet href="evil.xsl" type="text/xsl"?><svg xmlns="http://www.w3.org/2000/svg"/>',
    '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://tracker.example/x.png"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://evil.example/x.css);</style></svg>',
    '<!DOCTYPE svg [<!ENTITY e SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg"><text>&e;</text></svg>',
    '<svg><script>alert(1)</script></svg>',
    'not xml at all <script>',
])
def test_active_or_unreadable_svg_is_refused(drawing):
    assert attachments.svg_problem("files/x.svg", drawing.encode()) is not None


def test_a_plain_drawing_passes():
    drawing = ('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
               'viewBox="0 0 10 10"><defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs>'
               '<!-- a comment --><title>Logo</title><g fill="url(#g)"><rect width="10" height="10"/>'
               '<use xlink:href="#g"/><text>Hub</text></g><style>rect { fill: url(#g) }</style></svg>')
    assert attachments.svg_problem("files/x.svg", drawing.encode()) is None


@pytest.mark.parametrize("rel, fix", [
    ("news/con.md", "rename the file to con-page.md, and its translations too"),
    ("pages/LPT1.md", "rename the file to lpt1-page.md, and its translations too"),
    ("news/aux/first.md", "rename the folder to aux-page"),
    ("news/First.md", "rename the file to first-2.md, and its translations too"),
])
def test_names_windows_cannot_hold_or_that_collide_get_a_free_name(rel, fix):
    from hub_content.reader import _slug_problems

    problems = _slug_problems(rel, frozenset({"first", "First"}))
    assert len(problems) == 1 and problems[0].fix == fix


def test_links_resolve_against_the_plan_of_their_language(tmp_path):
    """plan_problems without Pelican: every address under a prefix must be a page of that language."""
    from types import SimpleNamespace as Item

    from hub_content import links
    from hubtest import demo_languages

    languages = demo_languages()
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.md").write_text("x\n[1](/en/abuot/)\n[2](/sq/news/b/)\n[3](/en/news/page/2/)\n"
                                            "[4](/en/feed.atom)\n[5](/about/)\n[6](/en/about/)\n")
    body = "".join(f'<a href="{target}">x</a>' for target in
                   ("/en/abuot/", "/sq/news/b/", "/en/news/page/2/", "/en/feed.atom", "/about/", "/en/about/",
                    "/", "/files/x.pdf"))
    item = Item(source="news/a.md", body_html=body, draft=False)
    planned = {"en": {"en/", "en/about/", "en/news/", "en/news/page/2/"}, "sq": {"sq/"}}
    found = [(p.line, p.message) for p in links.plan_problems(tmp_path, [item], languages, planned)]
    assert found == [(6, "links to /about/, which does not exist"), (2, "links to /en/abuot/, which does not exist"),
                     (3, "links to /sq/news/b/, which does not exist")]
