"""iCalendar (RFC 5545) for events, with the `icalendar` library.

Pure: from the events a language shows to calendar text. Times keep their IANA
zone (DTSTART;TZID=...) with the VTIMEZONE definitions added, so calendar apps
convert across DST changes themselves. An event's UID is derived from its
translation key, so every language's calendar names the same event the same way
and a reader who subscribed in two languages sees it once.
"""

from __future__ import annotations

import datetime as dt
import re

from icalendar import Calendar, Event, Timezone

from hub_content import moments

PRODUCT = "-//ChildHub//Static hub//EN"


def uid(item, domain: str) -> str:
    return f"{item.key.replace(':', '-').replace('/', '-')}@{domain}"


def calendar(name: str, lang_tag: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODUCT)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", one_line(name))
    cal.add("x-wr-timezone", moments.DEFAULT_TIME_ZONE)
    cal["x-wr-calname"].params["LANGUAGE"] = lang_tag
    return cal


def one_line(text: str) -> str:
    """Text for a property value with every line break made a space. icalendar leaves a bare CR
    (and NEL, U+2028/U+2029) as it is, and a client that ends lines there would read the rest as
    properties of its own. The text gate refuses these in content; this keeps calendars whole
    whatever reaches them."""
    return re.sub("[\r\n\x85\u2028\u2029\x0b\x0c]+", " ", text)


def event(item, url: str, domain: str, stamp, type_label: str, online_label: str, lang_tag: str | None = None) -> Event:
    """An event; `lang_tag` marks its texts' language (RFC 5545 LANGUAGE), e.g. a fallback's."""
    meta = item.meta
    entry = Event()
    entry.add("uid", uid(item, domain))
    entry.add("dtstamp", moments.utc(stamp))
    entry.add("dtstart", moments.start(meta))
    entry.add("dtend", moments.end(meta))
    entry.add("summary", one_line(item.title))
    description = "\n\n".join(one_line(part) for part in (meta.get("summary"), url) if part)
    entry.add("description", description)  # icalendar escapes these LFs as \\n
    entry.add("url", url)
    where = [part for part in (meta.get("venue"), online_label if meta.get("online") else None) if part]
    if where:
        entry.add("location", one_line(" · ".join(where)))
    if type_label:
        entry.add("categories", [one_line(type_label)])
    entry.add("status", "CONFIRMED")
    entry.add("transp", "OPAQUE")
    if lang_tag:
        for name in ("summary", "description", "location"):
            if name in entry:
                entry[name].params["LANGUAGE"] = lang_tag
    return entry


def to_text(cal: Calendar) -> str:
    """Serialise with a VTIMEZONE per zone used, in a stable order, covering only the
    years the events span (a whole 1970-2038 table would bloat every file)."""
    starts = [component.start for component in cal.walk("VEVENT")]
    ends = [component.end for component in cal.walk("VEVENT")]
    if starts:
        first = dt.date(min(s.year for s in starts) - 1, 1, 1)
        last = dt.date(max(e.year for e in ends) + 2, 1, 1)
        zones = [Timezone.from_tzid(tzid, first_date=first, last_date=last)
                 for tzid in sorted(cal.get_missing_tzids())]
        cal.subcomponents[0:0] = zones
    return cal.to_ical().decode("utf-8")
