"""Editions derived by a script transform: the Serbian Latin versions made from the Serbian
Cyrillic ones (or any pair the language table declares with `derived`).

A derived edition has no files of its own. Each item written in its base language gets a version
in the edition: the same item with its texts (translatable fields, text facts, body) transliterated
by `hub_languages.scripts`. It is then planned, listed, fed, indexed and mapped like a version
written by hand. An item of the base language written in the edition's script (a Serbian text typed
in Latin) belongs to the edition itself: the base language shows it through its fallback chain,
with a notice, since Latin to Cyrillic cannot be automated safely.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from importlib.metadata import version
from pathlib import Path

from hub_languages import scripts

from .fields import Names, Text
from .reader import Item

MARKUP = re.compile(r"<(pre|code|kbd|samp)\b.*?</\1>|<[^>]*>", re.DOTALL)
TRANSFORM = hashlib.sha256((Path(scripts.__file__).read_bytes() + version("cyrtranslit").encode())).hexdigest()


def written_in_edition(item: Item, languages) -> Item:
    """`item`, moved to the derived edition of its language whose script it is written in."""
    for edition in languages.derived_from(item.lang):
        if edition.script != languages[item.lang].script and scripts.written_in(_sample(item)) == edition.script:
            return replace(item, lang=edition.code)
    return item


def _sample(item: Item) -> str:
    """The words a reader reads: titles and the body's text, without markup, code or addresses."""
    texts = [value for name, value in item.fields.items() if isinstance(value, str) and _is_text(item, name)]
    prose = MARKUP.sub(" ", item.body_html)
    return scripts.without_addresses(" ".join(texts) + " " + prose)


def derive(group: dict[str, Item], languages, cache=None) -> dict[str, Item]:
    """The versions of one group that derived editions add: made from their base's version, for
    each edition without a version of its own. `cache` (an ItemCache) keeps transliterated bodies
    across builds: the body is most of the work."""
    added = {}
    for edition in languages:
        if edition.derived and edition.code not in group and edition.derived_from in group:
            added[edition.code] = transliterated(group[edition.derived_from], edition, cache,
                                                 languages[edition.derived_from].prefix)
    return added


def transliterated(item: Item, edition, cache=None, base_prefix: str | None = None) -> Item:
    table = edition.transliterate
    fields = {name: scripts.value(value, table) if _is_text(item, name) else value
              for name, value in item.fields.items()}
    meta = {name: scripts.value(value, table) if _is_text(item, name) else value
            for name, value in item.meta.items()}
    digest = hashlib.sha256(f"{item.digest} {edition.code} {table} {TRANSFORM}".encode()).hexdigest()
    return replace(item, lang=edition.code, fields=fields, meta=meta, digest=digest,
                   body_html=_body(item, edition, cache, base_prefix))


def _body(item: Item, edition, cache, base_prefix: str | None) -> str:
    """The body transliterated; its links to the base language's pages (/sr/...) lead to the
    edition's (/sr-latn/...), so that a Latin reader stays in Latin."""
    key = f"{edition.transliterate} {TRANSFORM} {base_prefix} {edition.prefix}\0{item.body_html}".encode()
    found = cache.get(item.source, edition.code, key) if cache else None
    if found is None:
        found = scripts.html_text(item.body_html, edition.transliterate)
        if base_prefix:
            found = found.replace(f'href="/{base_prefix}/', f'href="/{edition.prefix}/')
        if cache:
            cache.put(item.source, edition.code, key, found)
    return found


def _is_text(item: Item, name: str) -> bool:
    """Texts people read: titles, summaries, names, places (not addresses, terms or dates)."""
    spec = item.content_type.schema.get(name)
    return spec is not None and isinstance(spec.kind, (Text, Names)) and name not in (
        "translation_key", "status", "source_revision")
