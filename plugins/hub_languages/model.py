"""Language records and the language table, built from the `HUB_LANGUAGES` setting.

Adding a language is one entry in the table, one content folder and one catalog:
nothing here names a particular language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError

from hub_build.errors import ProblemFound

from .collation import sort_key

FIELDS = ("code", "name", "locale", "tag", "script", "direction", "fallbacks", "prefix")
OPTIONAL = ("derived",)  # {"from": CODE, "transliterate": TABLE}: an edition made from another language
CODE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")
TAG = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2}|-[0-9]{3})?$")
PREFIX = re.compile(r"^[a-z0-9-]+$")
RESERVED_PREFIXES = ("theme",)  # output folders the site uses for itself
SCRIPT = re.compile(r"^[A-Z][a-z]{3}$")


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    locale: str
    tag: str
    script: str
    direction: str
    fallbacks: tuple[str, ...]
    prefix: str
    derived_from: str | None = None  # the language whose content this edition is made from
    transliterate: str | None = None  # how: a cyrtranslit language table, e.g. "sr" (Cyrillic to Latin)

    @property
    def derived(self) -> bool:
        return self.derived_from is not None

    def collation_key(self, text: str) -> bytes:
        """The key that sorts `text` among others in this language's order (ICU, `collation.py`):
        every plugin that sorts labels or titles for readers sorts by it."""
        return sort_key(self.locale)(text)


class LanguageTable:
    """The configured languages in table order, the default one first in importance."""

    def __init__(self, languages: list[Language], default: str):
        self.languages = tuple(languages)
        self.default = default
        self._by_code = {language.code: language for language in languages}

    def __iter__(self):
        return iter(self.languages)

    def __len__(self):
        return len(self.languages)

    def __contains__(self, code):
        return code in self._by_code

    def __getitem__(self, code: str) -> Language:
        return self._by_code[code]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.languages)

    @property
    def default_language(self) -> Language:
        return self._by_code[self.default]

    @property
    def written(self) -> tuple[str, ...]:
        """Languages with content of their own (a content folder, a catalog, vocabulary labels):
        every language but the editions derived from another."""
        return tuple(language.code for language in self.languages if not language.derived)

    def derived_from(self, code: str) -> tuple[Language, ...]:
        """The editions made from `code` (e.g. Serbian Latin from Serbian Cyrillic)."""
        return tuple(language for language in self.languages if language.derived_from == code)

    def chain(self, code: str) -> tuple[str, ...]:
        """Languages to look in, in order, when an item is missing in `code`.

        The default language always ends the chain: every reader can at least
        be shown the hub's original content.
        """
        # An item written in the script of a derived edition lives in that edition only (see
        # hub_content.scripts): the language it was written for shows it first, with a notice.
        chain = [d.code for d in self.derived_from(code)]
        chain += [c for c in self._by_code[code].fallbacks if c != code and c not in chain]
        if code != self.default and self.default not in chain:
            chain.append(self.default)
        return tuple(chain)

    @classmethod
    def from_settings(cls, settings: dict) -> "LanguageTable":
        return parse(settings["HUB_LANGUAGES"], settings["HUB_DEFAULT_LANGUAGE"])


def parse(entries: list, default: str) -> LanguageTable:
    """Build the table, raising ProblemFound naming the first bad entry and field."""
    if not entries:
        raise ProblemFound("no languages configured", "add at least the default language")
    languages = [_language(entry, index) for index, entry in enumerate(entries)]
    _check_unique(languages)
    codes = {language.code for language in languages}
    if default not in codes:
        raise ProblemFound(f"default language {default!r} is not in HUB_LANGUAGES",
                           f"use one of {', '.join(sorted(codes))}")
    for language in languages:
        if len(set(language.fallbacks)) != len(language.fallbacks):
            raise ProblemFound(f"language {language.code!r} lists a fallback twice", "list each language once")
        if language.prefix in RESERVED_PREFIXES:
            raise ProblemFound(f"language {language.code!r}: prefix {language.prefix!r} is used by the site itself",
                               f"choose a prefix other than {', '.join(RESERVED_PREFIXES)}")
        for fallback in language.fallbacks:
            if fallback not in codes:
                raise ProblemFound(f"language {language.code!r}: fallback {fallback!r} is not configured",
                                   f"use one of {', '.join(sorted(codes))}")
            if fallback == language.code:
                raise ProblemFound(f"language {language.code!r} lists itself as a fallback",
                                   "remove it from its own fallbacks")
        _check_derived(language, codes, languages, default)
    return LanguageTable(languages, default)


def _check_derived(language: Language, codes: set, languages: list[Language], default: str) -> None:
    if not language.derived:
        return
    where = f"language {language.code!r}: derived from"
    base = next((other for other in languages if other.code == language.derived_from), None)
    if base is None:
        raise ProblemFound(f"{where} {language.derived_from!r}, which is not configured",
                           f"use one of {', '.join(sorted(codes))}")
    if base.derived or language.code == default:
        raise ProblemFound(f"{where} {language.derived_from!r}: an edition is made from a language written "
                           "in its own folder, and the default language is written, not derived",
                           "derive it from a language that has its own content folder")
    if language.transliterate not in transliteration_tables():
        raise ProblemFound(f"{where} {base.code!r} by transliterate {language.transliterate!r}, which "
                           "cyrtranslit does not know",
                           f"use one of {', '.join(sorted(transliteration_tables()))}")


def transliteration_tables() -> tuple[str, ...]:
    import cyrtranslit

    return tuple(cyrtranslit.supported())


def _language(entry, index: int) -> Language:
    where = f"language #{index + 1}"
    if not isinstance(entry, dict):
        raise ProblemFound(f"{where} is not a dict", "write each language as a dict with " + ", ".join(FIELDS))
    where = f"language {entry.get('code', '#' + str(index + 1))!r}"
    missing = [name for name in FIELDS if name not in entry]
    unknown = sorted(set(entry) - set(FIELDS) - set(OPTIONAL))
    if missing or unknown:
        raise ProblemFound(f"{where}: missing {missing} unknown {unknown}".replace(" missing []", "").replace(" unknown []", ""),
                           "each language has exactly: " + ", ".join(FIELDS) + ", and may have: " + ", ".join(OPTIONAL))
    checks = [
        ("code", CODE.match(str(entry["code"])), "a lowercase ISO 639 code such as 'sq', or with a script "
                                                 "or region such as 'sr-latn'"),
        ("name", isinstance(entry["name"], str) and entry["name"].strip(), "the language's own name, e.g. 'Shqip'"),
        ("tag", TAG.match(str(entry["tag"])), "a BCP 47 tag such as 'sr-Cyrl'"),
        ("script", SCRIPT.match(str(entry["script"])), "an ISO 15924 script code such as 'Latn' or 'Cyrl'"),
        ("direction", entry["direction"] in ("ltr", "rtl"), "'ltr' or 'rtl'"),
        ("fallbacks", isinstance(entry["fallbacks"], (list, tuple)), "a list of language codes, e.g. ['hr', 'en']"),
        ("prefix", PREFIX.match(str(entry["prefix"])), "lowercase letters, digits and hyphens, e.g. 'sq'"),
    ]
    for field, ok, fix in checks:
        if not ok:
            raise ProblemFound(f"{where}: bad {field} {entry[field]!r}", fix)
    try:
        Locale.parse(entry["locale"])
    except (UnknownLocaleError, ValueError, TypeError):
        raise ProblemFound(f"{where}: Babel does not know locale {entry['locale']!r}",
                           "use a CLDR locale such as 'sq', 'sr', 'sr_Latn' or 'uk'") from None
    derived = entry.get("derived")
    if derived is not None and (not isinstance(derived, dict) or set(derived) != {"from", "transliterate"}):
        raise ProblemFound(f"{where}: bad derived {derived!r}",
                           "write it as {'from': 'sr', 'transliterate': 'sr'}: the language it is made from, "
                           "and the cyrtranslit table that turns its script into this one")
    return Language(entry["code"], entry["name"].strip(), entry["locale"], entry["tag"], entry["script"],
                    entry["direction"], tuple(entry["fallbacks"]), entry["prefix"],
                    derived["from"] if derived else None, derived["transliterate"] if derived else None)


def _check_unique(languages: list[Language]) -> None:
    for field in ("code", "prefix", "tag"):
        values = [getattr(language, field) for language in languages]
        repeated = sorted({v for v in values if values.count(v) > 1})
        if repeated:
            raise ProblemFound(f"{field} used by more than one language: {', '.join(repeated)}",
                               f"give every language its own {field}")
