"""Script transforms: a language edition made from another by transliteration (Serbian Latin from
Serbian Cyrillic, Montenegrin Latin from Montenegrin Cyrillic...).

The letters are cyrtranslit's (a maintained library with a table per language): the hub keeps no
table of its own. What this module adds is what must not be transliterated: code (`<code>`,
`<pre>`, `<kbd>`, `<samp>`), elements marked as another language (`lang="en"`) or as not to be
translated (`translate="no"`), web and e-mail addresses, and attribute values other than the
texts readers see (`alt`, `title`). Only one direction exists: Latin to Cyrillic is not safe to
automate (foreign words, digraphs such as "nj" that are two letters in "konjugacija").
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import cyrtranslit

# Addresses, e-mail addresses and words with a digit or in a non-Cyrillic script are copied as they
# are; cyrtranslit would leave Latin letters alone anyway, but not the Cyrillic look-alikes in a URL.
UNTOUCHED = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
WORD = re.compile(r"\w+")
CODE_ELEMENTS = frozenset({"code", "pre", "kbd", "samp", "var", "script", "style"})
TEXT_ATTRIBUTES = frozenset({"alt", "title"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                  "wbr"})
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
CYRILLIC_RUNS = re.compile(r"[\u0400-\u04ff]+")
CAPITALS = re.compile(r"[\u0400-\u042f]{2}")  # two Cyrillic capitals in a row: a word in capitals
LATIN_RUNS = re.compile(r"[A-Za-z\u00c0-\u024f]+")


def may_hold_address(value: str) -> bool:
    """False when `value` certainly holds no address (UNTOUCHED needs "://", "www." or "@"): most
    texts, which then skip UNTOUCHED's search, slow on long text."""
    return "@" in value or "://" in value or "www." in value.lower()


def without_addresses(value: str) -> str:
    """`value` with each address and e-mail address replaced by a space."""
    return UNTOUCHED.sub(" ", value) if may_hold_address(value) else value


def text(value: str, table: str) -> str:
    """`value` in the Latin script, addresses left alone. A word in capitals stays in capitals
    (cyrtranslit writes "ЉУБАВ" as "LjUBAV"; a heading in capitals reads "LJUBAV")."""
    if not may_hold_address(value):
        return _words(value, table)
    parts, last = [], 0
    for found in UNTOUCHED.finditer(value):
        parts.append(_words(value[last:found.start()], table))
        parts.append(found.group())
        last = found.end()
    parts.append(_words(value[last:], table))
    return "".join(parts)


def _words(value: str, table: str) -> str:
    if not CYRILLIC.search(value):
        return value
    converted = cyrtranslit.to_latin(value, table)
    return WORD.sub(lambda m: _capitals(m, value), converted) if _has_capital_word(value) else converted


def _has_capital_word(value: str) -> bool:
    return CAPITALS.search(value) is not None


def _capitals(match, original: str) -> str:
    word = match.group()
    # Digraphs (Lj, Nj, Dž) make the Latin word longer, never shorter: a word that is upper case
    # apart from its second letter came from a word in capitals.
    if len(word) > 2 and word[0].isupper() and word[2:].isupper() and word[1].islower():
        return word.upper()
    return word


def value(data, table: str):
    """Text, or lists of texts (authors, modules), transliterated; anything else as it is."""
    if isinstance(data, str):
        return text(data, table)
    if isinstance(data, (list, tuple)) and all(isinstance(part, str) for part in data):
        return type(data)(text(part, table) for part in data)
    return data


def html_text(markup: str, table: str) -> str:
    """Sanitised HTML with its text transliterated: tags, attributes (but alt and title), code and
    elements in another language or marked translate="no" stay as they are."""
    converter = _HtmlTransliterator(table)
    converter.feed(markup)
    converter.close()
    return "".join(converter.out)


class _HtmlTransliterator(HTMLParser):
    def __init__(self, table: str):
        super().__init__(convert_charrefs=True)
        self.table = table
        self.out: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, keep its text as it is)

    @property
    def keeping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        keep = self.keeping or tag in CODE_ELEMENTS or _foreign(attrs, self.table)
        self.out.append(self._tag(tag, attrs, keep))
        if tag not in VOID:
            self.stack.append((tag, keep))

    def handle_startendtag(self, tag, attrs):
        keep = self.keeping or _foreign(attrs, self.table)
        self.out.append(self._tag(tag, attrs, keep, close="/"))

    def handle_endtag(self, tag):
        for position in range(len(self.stack) - 1, -1, -1):
            if self.stack[position][0] == tag:
                del self.stack[position:]
                break
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        self.out.append(html.escape(data if self.keeping else text(data, self.table), quote=False))

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def _tag(self, tag, attrs, keep, close="") -> str:
        parts = [tag]
        for name, found in attrs:
            if found is None:
                parts.append(name)
                continue
            shown = found if keep or name not in TEXT_ATTRIBUTES else text(found, self.table)
            parts.append(f'{name}="{html.escape(shown, quote=True)}"')
        return f"<{' '.join(parts)}{close}>"


def _foreign(attrs, table: str) -> bool:
    found = dict(attrs)
    if (found.get("translate") or "").lower() == "no":
        return True
    lang = (found.get("lang") or "").lower()
    return bool(lang) and lang.split("-")[0] != _language_of(table)


def _language_of(table: str) -> str:
    return {"rs": "sr", "ua": "uk", "by": "be"}.get(table, table)


def written_in(sample: str) -> str | None:
    """"Cyrl" or "Latn": the script most of the letters of `sample` are in (None without letters)."""
    # Counted by runs of letters (a match per word, not per letter).
    cyrillic, latin = sum(map(len, CYRILLIC_RUNS.findall(sample))), sum(map(len, LATIN_RUNS.findall(sample)))
    if not cyrillic and not latin:
        return None
    return "Cyrl" if cyrillic >= latin else "Latn"
