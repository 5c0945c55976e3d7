"""Dates and numbers through Babel (CLDR) in a language's locale; no OS locales."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date
from babel.numbers import format_decimal


class Localizer:
    def __init__(self, locale: str):
        self.locale = locale

    def date(self, value: dt.date, style: str = "long") -> str:
        return format_date(value, format=style, locale=self.locale)

    def number(self, value) -> str:
        return format_decimal(value, locale=self.locale)

    def language_name(self, locale: str) -> str:
        """The name of another language as this locale writes it ("hrvatski" in Bosnian)."""
        from babel import Locale

        return Locale.parse(locale).get_language_name(self.locale)
