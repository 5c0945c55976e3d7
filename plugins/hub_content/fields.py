"""Field kinds of the front-matter schema: each turns the text a coordinator wrote
into a typed value, or raises ProblemFound with a plain fix."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from hub_build import text as text_gate
from hub_build.errors import ProblemFound

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Device names Windows refuses as file names, with any extension: a repository holding con.md or
# files/aux.pdf cannot be checked out there, and coordinators use Windows.
WINDOWS_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)),
                              *(f"lpt{n}" for n in range(1, 10))})
# Every date a field accepts converts across time zones, into calendars and feeds, without an
# exception: the years 1 and 9999 overflow when shifted by a zone's offset, and icalendar's time-zone
# tables reach a year before and two after. The hub's items fall well inside these.
FIRST_DAY, LAST_DAY = dt.date(1900, 1, 1), dt.date(2199, 12, 31)


def _in_range(value: str, day: dt.date, fix: str) -> None:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ProblemFound(f"{value!r} is outside the dates the hub accepts "
                           f"({FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()})", fix)


def _text(raw: Any) -> str:
    if isinstance(raw, (list, dict)):
        raise ProblemFound("expected a single value, got a list or a group of fields",
                           "write the value on the same line as the field name")
    if raw is None or not str(raw).strip():
        raise ProblemFound("is empty", "write a value after the colon, or remove the line")
    if text_gate.invisible_only(str(raw)):
        raise ProblemFound("holds only invisible characters (such as zero-width spaces)",
                           "write the value in letters, or remove the line")
    return str(raw).strip()


def _list(raw: Any) -> list[str]:
    if raw is None:
        return []
    items = raw if isinstance(raw, list) else [raw]
    for item in items:
        if isinstance(item, (list, dict)) or item is None or not str(item).strip():
            raise ProblemFound("has an empty or nested entry",
                               "write a simple list, e.g. [first, second]")
    return [str(item).strip() for item in items]


class Text:
    label = "text"

    def parse(self, raw: Any) -> str:
        value = _text(raw)
        if "\n" in value:
            raise ProblemFound("must be a single line", "join the lines into one")
        return value


class Date:
    label = "date"
    fix = "write the date as YYYY-MM-DD, for example 2024-12-04"

    def parse(self, raw: Any) -> dt.date:
        value = _text(raw)
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ProblemFound(f"{value!r} is not a date in the form YYYY-MM-DD", self.fix)
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            raise ProblemFound(f"{value!r} is not a real date", self.fix) from None
        _in_range(value, day, self.fix)
        return day


class WholeNumber:
    """A whole number in a declared range: a course of -12 hours or menu position 10^9 is a typo."""

    label = "whole number"

    def __init__(self, minimum: int, maximum: int):
        self.minimum, self.maximum = minimum, maximum

    def parse(self, raw: Any) -> int:
        value = _text(raw)
        if not re.fullmatch(r"[-+]?\d+", value):
            raise ProblemFound(f"{value!r} is not a whole number", "write digits only, for example 3")
        if not self.minimum <= int(value) <= self.maximum:
            raise ProblemFound(f"{value!r} is not between {self.minimum} and {self.maximum}",
                               f"write a whole number from {self.minimum} to {self.maximum}")
        return int(value)


class Choice:
    def __init__(self, *choices: str):
        self.choices = choices
        self.label = " or ".join(choices)

    def parse(self, raw: Any) -> str:
        value = _text(raw)
        if value not in self.choices:
            raise ProblemFound(f"{value!r} is not allowed", f"write one of: {', '.join(self.choices)}")
        return value


class Key:
    label = "key"

    def parse(self, raw: Any) -> str:
        value = _text(raw)
        if not SLUG.match(value):
            raise ProblemFound(f"{value!r} is not a valid key",
                               "use lowercase letters, digits and single hyphens, e.g. hub-turns-ten")
        return value


class Names:
    label = "list of names"

    def parse(self, raw: Any) -> tuple[str, ...]:
        return tuple(_list(raw))


class Terms:
    """Ids of a vocabulary (content/data/<vocabulary>.yaml), checked against it later."""

    def __init__(self, vocabulary: str):
        self.vocabulary = vocabulary
        self.label = f"list of {vocabulary}"

    def parse(self, raw: Any) -> tuple[str, ...]:
        values = _list(raw)
        repeated = sorted({v for v in values if values.count(v) > 1})
        if repeated:
            raise ProblemFound(f"lists {', '.join(repeated)} more than once", "keep each term once")
        return tuple(values)


class Url:
    label = "web address"

    def parse(self, raw: Any) -> str:
        value = _text(raw)
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ProblemFound(f"{value!r} is not a web address",
                               "write a full address starting with https://")
        return value


@dataclass(frozen=True)
class Field:
    name: str
    kind: Any
    required: bool = False
    translatable: bool = False
    doc: str = ""
    browse: str | None = None  # address segment of this field's browse pages, e.g. "topics"
    # a field the listings' filter form offers without browse pages: its name in the address, e.g.
    # "languages" (?languages=sq); a browsed field is offered under its browse segment
    filter: str | None = None


class Term(Terms):
    """One id of a vocabulary, e.g. a resource's type."""

    def __init__(self, vocabulary: str):
        super().__init__(vocabulary)
        self.label = f"one of {vocabulary}"

    def parse(self, raw: Any) -> str:
        if isinstance(raw, list):
            raise ProblemFound("takes one term, not a list", "keep a single term id")
        return _text(raw)


def terms_of(kind: Any, value: Any) -> tuple[str, ...]:
    """The vocabulary terms a field value holds, for Term and Terms alike."""
    if isinstance(kind, Term):
        return (value,)
    return tuple(value) if isinstance(kind, Terms) else ()


class DateTime:
    label = "date and time"
    fix = "write the local date and time as YYYY-MM-DD HH:MM, for example 2026-03-26 15:00"

    def parse(self, raw: Any) -> dt.datetime:
        value = _text(raw)
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}", value):
            raise ProblemFound(f"{value!r} is not a date and time in the form YYYY-MM-DD HH:MM", self.fix)
        try:
            moment = dt.datetime.fromisoformat(value.replace("T", " "))
        except ValueError:
            raise ProblemFound(f"{value!r} is not a real date and time", self.fix) from None
        _in_range(value, moment.date(), self.fix)
        return moment


class TimeZone:
    """An IANA zone name, from the tzdata package's list: the same on every machine. `localtime`
    and `posixrules` are files of the build machine's zone folder, not names of places, and an
    offset (`UTC+1`) knows nothing of daylight saving time."""

    label = "time zone"
    fix = "write an IANA time zone such as Europe/Budapest, Europe/Kyiv or UTC"

    def parse(self, raw: Any) -> str:
        value = _text(raw)
        if value in ("localtime", "posixrules", "Factory"):
            raise ProblemFound(f"{value!r} is the zone of the machine that builds the hub, not a time zone name",
                               self.fix)
        if re.fullmatch(r"(UTC|GMT)\s*[+-].*", value):
            raise ProblemFound(f"{value!r} is an offset, not a time zone name",
                               self.fix + "; an offset does not follow daylight saving time")
        if value not in iana_zones():
            raise ProblemFound(f"{value!r} is not a time zone name", self.fix)
        return value


def iana_zones() -> frozenset[str]:
    from importlib import resources

    global _ZONES
    if _ZONES is None:
        listed = resources.files("tzdata").joinpath("zones").read_text("utf-8")
        _ZONES = frozenset(line.strip() for line in listed.splitlines() if line.strip())
    return _ZONES


_ZONES = None


class YesNo:
    label = "yes or no"

    def parse(self, raw: Any) -> bool:
        value = _text(raw).lower()
        if value in ("yes", "true"):
            return True
        if value in ("no", "false"):
            return False
        raise ProblemFound(f"{value!r} is not yes or no", "write yes or no")


class Year:
    label = "year"

    def parse(self, raw: Any) -> int:
        value = _text(raw)
        if not re.fullmatch(r"(19|20)\d{2}", value):
            raise ProblemFound(f"{value!r} is not a year", "write four digits, for example 2024")
        return int(value)


LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$")


class LanguageTags:
    """Languages a document or event is in, as BCP 47 tags: en, sq, sr-Latn..."""

    label = "list of language codes"

    def parse(self, raw: Any) -> tuple[str, ...]:
        from babel import Locale, UnknownLocaleError

        values = _list(raw)
        for value in values:
            try:
                if not LANGUAGE_TAG.match(value):
                    raise ValueError
                Locale.parse(value.replace("-", "_"))
            except (ValueError, UnknownLocaleError):
                raise ProblemFound(f"{value!r} is not a language code",
                                   "write codes such as en, sq, bs, sr-Latn, uk, as a list: [en, sq]") from None
        return tuple(values)


@dataclass(frozen=True)
class Attachment:
    """A document an item offers: a local file under content/files/ or a web address.

    `size` is filled in at build time from the file itself."""

    target: str
    local: bool
    size: int | None = None

    @property
    def format(self) -> str:
        suffix = self.target.rsplit("/", 1)[-1].rpartition(".")[2]
        return suffix.upper() if suffix and len(suffix) <= 5 else ""


FILES_FOLDER = "files"


class File:
    label = "file"
    fix = "write a path inside content/files/ such as files/guide.pdf, or a full https:// address"

    def __init__(self, images_only: bool = False):
        self.images_only = images_only

    def parse(self, raw: Any) -> Attachment:
        value = _text(raw)
        if "://" in value:
            return Attachment(Url().parse(value), local=False)
        parts = value.split("/")
        if parts[0] != FILES_FOLDER or len(parts) < 2 or any(p in ("", ".", "..") for p in parts) or "\\" in value:
            raise ProblemFound(f"{value!r} is not a file in content/files/", self.fix)
        if self.images_only and not re.search(r"\.(png|jpe?g|gif|webp|svg)$", value, re.IGNORECASE):
            raise ProblemFound(f"{value!r} is not an image", "use a .png, .jpg, .gif, .webp or .svg file")
        return Attachment(value, local=True)
