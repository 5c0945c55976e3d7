"""Starting files for coordinators and translators: a new item with every required
field filled in with a placeholder (placeholders.py; the check refuses any left in a
file) and the optional ones as comments, and a translation stub holding only what a
translator translates.

Pure: returns (relative path, text); the caller refuses to overwrite anything."""

from __future__ import annotations

import datetime as dt

from . import frontmatter, placeholders
from .fields import Date, DateTime, File, Term, Terms, Url, YesNo
from .reader import suggest_slug
from .types import ContentType

TRANSLATION_FIELDS_SKIPPED = ("translation_key", "status", "source_revision")


def item_path(content_type: ContentType, lang: str, slug: str, default_lang: str) -> str:
    folder = content_type.folder
    return f"{folder}/{slug}.md" if lang == default_lang else f"{lang}/{folder}/{slug}.md"


def new_item(content_type: ContentType, lang: str, title: str, today: dt.date, vocabularies: dict,
             default_lang: str) -> tuple[str, str]:
    lines = ["---", f"title: {_quoted(title)}"]
    optional = []
    for spec in content_type.schema.values():
        if spec.name in ("title", "source_revision", "translation_key", "status"):
            continue
        if spec.required or spec.name in content_type.scaffold:
            lines.append(f"{spec.name}: {_placeholder(spec, today, vocabularies)}  # {spec.doc}{_choices(spec, vocabularies)}")
        else:
            optional.append(f"# {spec.name}: {_example(spec, vocabularies)}  ({spec.doc})")
    lines += ["# Optional fields: remove the '# ' in front of a line to use it."] + optional + ["---", "",
              placeholders.BODY, ""]
    slug = suggest_slug(title)
    return item_path(content_type, lang, slug, default_lang), "\n".join(lines)


def translation_stub(original_text: str, content_type: ContentType, revision: str | None) -> str:
    """The original's translatable fields and body, for the translator to translate in place."""
    document = frontmatter.parse(frontmatter.normalise(original_text))
    schema = content_type.schema
    lines = ["---", "# Translate the values below and the text after the second '---'.",
             "# Dates, places in time, files, topics and addresses come from the original: do not add them."]
    for name, entry in document.fields.items():
        spec = schema.get(name)
        if spec is None or not spec.translatable or name in TRANSLATION_FIELDS_SKIPPED:
            continue
        lines.append(f"{name}: {_yaml_value(entry.value)}")
    if revision:
        lines.append(f"source_revision: {revision}  # the original's version this translation follows")
    return "\n".join(lines + ["---", document.body.rstrip("\n"), ""])


def _placeholder(spec, today: dt.date, vocabularies: dict) -> str:
    kind = spec.kind
    if isinstance(kind, DateTime):
        return f"{today + dt.timedelta(days=14)} {'16:00' if spec.name == 'end' else '15:00'}"
    if isinstance(kind, Date):
        return str(today + dt.timedelta(days=30) if spec.name == "deadline" else today)
    if isinstance(kind, File):
        return placeholders.DOCUMENT
    if isinstance(kind, Url):
        return placeholders.ADDRESS
    if isinstance(kind, YesNo):
        return "yes"
    return placeholders.REPLACE


def _choices(spec, vocabularies: dict) -> str:
    known = vocabularies.get(spec.kind.vocabulary) if isinstance(spec.kind, Term) else None
    return f"; one of: {', '.join(sorted(known.labels))}" if known else ""


def _example(spec, vocabularies: dict) -> str:
    kind = spec.kind
    if isinstance(kind, Term):
        return _first_term(kind.vocabulary, vocabularies)
    if isinstance(kind, Terms):
        return f"[{_first_term(kind.vocabulary, vocabularies)}]"
    if isinstance(kind, YesNo):
        return "yes"
    return {"timezone": "Europe/Budapest", "online": "yes"}.get(spec.name, "...")


def _first_term(vocabulary: str, vocabularies: dict) -> str:
    known = vocabularies.get(vocabulary)
    return sorted(known.labels)[0] if known and known.labels else "term-id"


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _yaml_value(value) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_quoted(str(v)) for v in value) + "]"
    return _quoted(str(value))

