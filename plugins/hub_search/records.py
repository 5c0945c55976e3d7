"""What a language's search index holds: one record per item page of that language.

Pure: from the items a language shows (with their addresses) to the records `index.build` takes.
A language's index holds every item its site shows, its own translations and the items it shows
through its fallback chain (in their own language, which the record's `lang` tag says), because a
reader of that language finds those in its listings too. Addresses are relative to the site root:
the search page resolves them against its own `SITEURL`, so a moved site keeps its indexes.
"""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser

from hub_content.fields import Names, Text, terms_of

from .index import section_rank

TERM_FIELDS = ("topics", "countries")
# Words readers look for beyond the title, summary and body: who made it, where it happens.
SKIPPED_TEXT = {"title", "summary", "translation_key", "status", "source_revision"}


# Markup inside a line of text: its edges do not separate words ("keep<em>ing</em>" is one word).
INLINE = {"a", "abbr", "b", "cite", "code", "del", "em", "i", "ins", "kbd", "mark", "q", "s", "small", "span",
          "strong", "sub", "sup", "u"}


class _Text(HTMLParser):
    """The words of sanitised body HTML; the edges of blocks (paragraphs, items, cells) separate words."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)

    def handle_starttag(self, tag, attrs):
        if tag not in INLINE:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag not in INLINE:
            self.parts.append(" ")


def plain_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split())


def fact_text(item) -> str:
    """The item's free-text facts (publisher, authors, organisation, venue...), in schema order."""
    parts = []
    for name, spec in item.content_type.schema.items():
        if name in SKIPPED_TEXT or name not in item.meta or not isinstance(spec.kind, (Text, Names)):
            continue
        value = item.meta[name]
        parts.extend(value if isinstance(value, (list, tuple)) else [value])
    return " ".join(str(part) for part in parts)


def shown_date(item) -> str:
    """The date a result shows: the type's own (an event's local start day), else the day it was posted."""
    if item.content_type.shown_date:
        return item.content_type.shown_date(item.meta).isoformat()
    date = item.meta.get("date")
    return date.isoformat() if date else ""


def item_terms(item) -> dict[str, list[str]]:
    schema = item.content_type.schema
    terms = {}
    for name in TERM_FIELDS:
        if name in schema and name in item.meta:
            terms[name] = list(terms_of(schema[name].kind, item.meta[name]))
    field = item.content_type.type_field
    if field and field in item.meta:
        terms["type"] = list(terms_of(schema[field].kind, item.meta[field]))
    return {name: ids for name, ids in terms.items() if ids}


def body_text(item) -> str:
    return " ".join(part for part in (plain_text(item.body_html), fact_text(item)) if part)


def label_text(item, terms: dict[str, list[str]], label_of) -> str:
    """The labels of the item's topics, type and countries in the index's language, as one text:
    readers search for "violence" and mean the items tagged "Violence against children".
    `label_of(vocabulary, value)` gives a value's label in the index's language."""
    parts = []
    for field, ids in terms.items():
        vocabulary = vocabulary_of(item.content_type, field)
        parts.extend(label_of(vocabulary, value) for value in ids)
    return " ".join(parts)


def vocabulary_of(content_type, field: str) -> str:
    name = content_type.type_field if field == "type" else field
    return content_type.schema[name].kind.vocabulary


def record(number: int, item, path: str, fallback: bool, tag_of, texts: dict | None = None,
           label_of=None) -> dict:
    """The record of an item shown at `path`; `tag_of(code)` gives a language's tag, for fallbacks.
    `texts` remembers items' body texts across the languages that show them (one dict per build);
    `label_of(vocabulary, value)` the labels of the index's language, indexed with the item."""
    if texts is None:
        text = body_text(item)
    elif (item.source, item.lang) in texts:  # a derived edition's version shares its base's source
        text = texts[item.source, item.lang]
    else:
        text = texts[item.source, item.lang] = body_text(item)
    terms = item_terms(item)
    found = {
        "id": number, "url": path, "title": item.title, "summary": item.meta.get("summary", ""),
        "body_text": text,
        "section": item.content_type.folder, "date": shown_date(item), "terms": terms,
    }
    if label_of is not None and terms:
        found["labels"] = label_text(item, terms, label_of)
    if fallback:
        found["lang"] = tag_of(item.lang)
    return found


def language_records(shown, tag_of, texts: dict | None = None, label_of=None) -> list[dict]:
    """Records of a language's items, numbered in the order given: (item, path, fallback) triples."""
    return [record(number, item, path, fallback, tag_of, texts, label_of)
            for number, (item, path, fallback) in enumerate(shown)]


def shown_items(entries) -> list[tuple]:
    """(item, path, fallback) of every item a language shows (SitePlan.shown), in plan order."""
    return [(entry.item, entry.path, entry.fallback) for entry in entries]


def facets(found: list[dict], sort_key, types) -> tuple:
    """The search page's filters: (field, vocabulary, ((value, count), ...)) for the sections, then
    each section's type field (resource_type, event_type...: their values are the "type" filter's),
    the topics and the countries. Values are ordered by `sort_key(vocabulary, value)`."""
    counts: dict[tuple, Counter] = {}
    for entry in found:
        counts.setdefault(("section", None), Counter())[entry["section"]] += 1
        for field, ids in entry["terms"].items():
            key = type_field(types, entry["section"]) if field == "type" else (field, field)
            counts.setdefault(key, Counter()).update(ids)
    order = [("section", None)]
    order += [type_field(types, folder) for folder in sorted(
        {entry["section"] for entry in found if "type" in entry["terms"]}, key=section_rank)]
    order += [(field, field) for field in TERM_FIELDS]
    return tuple((field, vocabulary, tuple(sorted(counts[(field, vocabulary)].items(),
                                                  key=lambda pair: sort_key(vocabulary, pair[0]))))
                 for field, vocabulary in order if (field, vocabulary) in counts)


def type_field(types, folder: str) -> tuple[str, str]:
    """(field, vocabulary) of a section's type; `types` are the hub's content types."""
    content_type = types.by_folder[folder]
    return content_type.type_field, content_type.schema[content_type.type_field].kind.vocabulary
