"""Interface catalogs: `theme/translations/<code>/LC_MESSAGES/messages.po`.

Compiled in memory at build time (no .mo files in the repository). A catalog with
an untranslated or fuzzy entry, or with plural forms that disagree with CLDR, is
reported; the build then shows the English text for that entry.
"""

from __future__ import annotations

import io
from pathlib import Path

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from hub_build.errors import Problem
from hub_languages import scripts

DOMAIN = "messages"
SOURCE_LANGUAGE = "en"  # the language msgids are written in needs no catalog


def catalog_path(folder: Path, code: str) -> Path:
    return folder / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def needs_catalog(language) -> bool:
    """A catalog file of its own: not for the language msgids are written in, nor for an edition
    derived from another language (its catalog is made from that language's)."""
    return Locale.parse(language.locale).language != SOURCE_LANGUAGE and not language.derived


def load(folder: Path, languages) -> tuple[dict[str, NullTranslations], list[Problem]]:
    found: dict[str, NullTranslations] = {}
    problems: list[Problem] = []
    for language in languages:
        if language.derived:  # made from its base's catalog; the base's problems are reported there
            base = languages[language.derived_from]
            path = catalog_path(folder, base.code)
            found[language.code] = (compile_catalog(transliterated(read(path, base), language.transliterate))
                                    if needs_catalog(base) and path.exists() else NullTranslations())
            continue
        if not needs_catalog(language):
            found[language.code] = NullTranslations()
            continue
        path = catalog_path(folder, language.code)
        if not path.exists():
            problems.append(Problem(str(path), 0, "", f"no interface catalog for {language.code}",
                                    f"run: invoke catalogs --init {language.code}, then translate it"))
            found[language.code] = NullTranslations()
            continue
        catalog = read(path, language)
        problems += check(catalog, path, language)
        found[language.code] = compile_catalog(catalog)
    return found, problems


def read(path: Path, language):
    with open(path, "rb") as handle:
        return read_po(handle, locale=language.locale, domain=DOMAIN)


def check(catalog, path: Path, language) -> list[Problem]:
    problems = []
    expected = get_plural(language.locale).plural_forms
    if catalog.num_plurals != get_plural(language.locale).num_plurals:
        problems.append(Problem(str(path), 0, "Plural-Forms",
                                f"has {catalog.num_plurals} plural forms, CLDR has "
                                f"{get_plural(language.locale).num_plurals}",
                                f"set the header to '{expected}'"))
    for message in catalog:
        if not message.id:
            continue
        msgid = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        if message.fuzzy:
            problems.append(Problem(str(path), message.lineno, "msgid", f"{msgid!r} is marked fuzzy",
                                    "check the translation, then remove the '#, fuzzy' line"))
        elif not all(strings) or len(strings) < (catalog.num_plurals if message.pluralizable else 1):
            problems.append(Problem(str(path), message.lineno, "msgid", f"{msgid!r} is not translated",
                                    "write the translation in msgstr"))
    return problems


def transliterated(catalog, table: str):
    """The catalog with every translation transliterated (placeholders such as %(date)s are ASCII
    and stay as they are)."""
    for message in catalog:
        if message.id and message.string:
            message.string = scripts.value(message.string, table)
    return catalog


def compile_catalog(catalog) -> Translations:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)
