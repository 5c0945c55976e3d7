"""Field kinds of the front-matter schema: each turns the text a coordinator wrote
into a typed value, or raises ProblemFound with a plain fix."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from hub_build.errors import ProblemFound

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def _text(raw: Any) -> str:
    if isinstance(raw, (list, dict)):
        raise ProblemFound("expected a single value, got a list or a group of fields",
                           "write the value on the same line as the field name")
    if raw is None or not str(raw).strip():
        raise ProblemFound("is empty", "write a value after the colon, or remove the line")
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
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ProblemFound(f"{value!r} is not a real date", self.fix) from None


class WholeNumber:
    label = "whole number"

    def parse(self, raw: Any) -> int:
        value = _text(raw)
        if not re.fullmatch(r"-?\d{1,9}", value):
            raise ProblemFound(f"{value!r} is not a whole number", "write digits only, for example 3")
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
