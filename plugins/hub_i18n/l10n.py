"""Dates, times, numbers and sizes through Babel (CLDR) in a language's locale; no OS locales."""

from __future__ import annotations

import datetime as dt

from functools import cache

from babel import Locale
from babel.core import get_global
from babel.dates import format_date, format_time
from babel.numbers import format_decimal, format_percent
from babel.units import format_unit


def utc_offset(moment: dt.datetime) -> str:
    """UTC+01:00: the same in every language, and what readers compare with their own clock."""
    minutes = int(moment.utcoffset().total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


@cache
def zone_names(zone: str) -> tuple[str, ...]:
    """Every name CLDR may know an IANA zone by: Babel's alias table calls Europe/Kyiv canonical
    while its metazone table knows only Europe/Kiev, so a zone is looked up under each of them."""
    aliases = get_global("zone_aliases")
    canonical = aliases.get(zone, zone)
    return tuple(dict.fromkeys([zone, canonical] + sorted(n for n, target in aliases.items() if target == canonical)))


def zone_name(moment: dt.datetime, locale: str) -> str:
    """The zone of an aware moment as a reader of `locale` names it. CLDR's generic long name
    ("Central European Time", "srednjoeuropsko vrijeme") holds in summer and winter alike; a zone
    without one gets the name of its time at that moment ("British Summer Time"); a zone CLDR
    does not name, its UTC offset."""
    names = zone_names(getattr(moment.tzinfo, "key", ""))
    cldr = Locale.parse(locale)
    meta_zones = get_global("meta_zones")
    tables = [cldr.time_zones.get(name, {}).get("long", {}) for name in names]
    tables += [cldr.meta_zones.get(meta_zones[name], {}).get("long", {}) for name in names if name in meta_zones]
    for variant in ("generic", "daylight" if moment.dst() else "standard"):
        for table in tables:
            name = table.get(variant)
            if name and name != "\u2205\u2205\u2205":  # CLDR's no-inheritance marker
                return name
    return utc_offset(moment)


class Localizer:
    """A locale's formats. One is made per language and build: it remembers the dates and names it
    formatted, since a listing shows the same ones on many pages and Babel parses its locale on
    every call."""

    def __init__(self, locale: str):
        self.locale = locale
        self._dates: dict[tuple, str] = {}
        self._names: dict[str, str] = {}
        self._samples: list[tuple[str, int]] | None = None

    def date(self, value: dt.date, style: str = "long") -> str:
        key = (value.isoformat(), style)  # isoformat: two moments equal in UTC may fall on different days
        if key not in self._dates:
            self._dates[key] = format_date(value, format=style, locale=self.locale)
        return self._dates[key]

    def time(self, value: dt.datetime) -> str:
        return format_time(value, format="short", locale=self.locale)

    def zone_name(self, moment: dt.datetime) -> str:
        return zone_name(moment, self.locale)

    def number(self, value) -> str:
        return format_decimal(value, locale=self.locale)

    def percent(self, value: float) -> str:
        return format_percent(value, locale=self.locale)

    def file_size(self, size: int) -> str:
        if size >= 1_000_000:
            return format_unit(round(size / 1_000_000, 1), "digital-megabyte", "short", locale=self.locale)
        return format_unit(max(1, round(size / 1000)), "digital-kilobyte", "short", locale=self.locale)

    def plural_samples(self) -> list[tuple[str, int]]:
        """(CLDR plural category, a whole number in it) for each category of the locale's integers:
        scripts choose a translated count by Intl.PluralRules' category, and the page gives them
        each category's string, translated with that number (gettext's own plural rule). Worked out
        once per localizer: every listing page asks, and it takes a thousand calls of the rule."""
        if self._samples is None:
            rule = Locale.parse(self.locale).plural_form
            samples: dict[str, int] = {}
            for number in range(0, 1001):
                samples.setdefault(rule(number), number)
            self._samples = sorted(samples.items())
        return self._samples

    def language_name(self, locale: str) -> str:
        """The name of another language as this locale writes it ("hrvatski" in Bosnian)."""
        if locale not in self._names:
            self._names[locale] = Locale.parse(locale).get_language_name(self.locale)
        return self._names[locale]

    def script_name(self, script: str) -> str:
        """An ISO 15924 script as this locale names it ("латиница" in Serbian)."""
        return Locale.parse(self.locale).scripts.get(script, script)

    def tag_name(self, tag: str) -> str:
        """A BCP 47 tag from content, with its script when it has one: "Serbian (Latin)"."""
        return Locale.parse(tag.replace("-", "_")).get_display_name(self.locale)
