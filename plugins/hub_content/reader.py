"""Reading one content file into an Item: decode, split, validate, render.

Pure: takes the file's bytes and where it lives; returns the item or every
problem found in it (all of them, so a coordinator fixes a file in one go).
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from unidecode import unidecode

from hub_build.errors import Problem, ProblemFound

from . import frontmatter, placeholders, render
from .fields import SLUG
from .scan import SourceFile

MAX_BYTES = 1_000_000


@dataclass(frozen=True)
class Item:
    source: str
    lang: str
    type: str
    slug: str
    key: str
    fields: dict[str, Any]
    lines: dict[str, int]
    body_html: str
    digest: str
    meta: dict[str, Any] = field(default_factory=dict)  # own fields plus inherited facts

    @property
    def draft(self) -> bool:
        return self.fields.get("status") == "draft"

    @property
    def title(self) -> str:
        return self.meta.get("title") or self.fields["title"]


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode(rel: str, data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise ProblemFound(f"the file is {len(data):,} bytes, more than the {MAX_BYTES:,} allowed",
                           "split it into smaller items, or link large documents instead of pasting them")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ProblemFound("is saved as UTF-16", "save the file as UTF-8 in your editor", line=1)
    if b"\x00" in data:
        offset = data.index(b"\x00")
        raise ProblemFound(f"contains a NUL byte at byte {offset}",
                           "save the file again as UTF-8 text", line=data.count(b"\n", 0, offset) + 1)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ProblemFound(f"is not valid UTF-8 (byte {error.start})",
                           "save the file as UTF-8 in your editor",
                           line=data.count(b"\n", 0, error.start) + 1) from None


def read(source: SourceFile, data: bytes, converter=None) -> tuple[Item | None, list[Problem]]:
    """One content file as an item, or its problems; `converter` (render.converter()) is reused
    across a build's files when given."""
    rel = source.rel
    try:
        document = frontmatter.parse(decode(rel, data))
    except ProblemFound as found:
        return None, [found.at(rel)]
    problems = _slug_problems(rel)
    values, lines, field_problems = validate(rel, document.fields, source.content_type)
    problems += field_problems + _leftovers(rel, document, source.content_type)
    try:
        body_html = render.to_html(document.body, converter)
    except ProblemFound as found:
        line = document.body_line + max(found.line, 1) - 1  # the body's line in the file
        problems.append(Problem(rel, line, "body", found.message, found.fix))
    if problems:
        return None, problems
    slug = PurePosixPath(rel).stem
    key = f"{source.content_type.folder}:{values.get('translation_key') or _path_in_section(rel, source.lang)}"
    return Item(rel, source.lang, source.content_type.name, slug, key, values, lines,
                body_html, digest(data)), []


def salvage(source: SourceFile, data: bytes, converter=None, with_body: bool = True) -> Item | None:
    """What can still be read of a file that has problems: its valid fields and its body, so that the
    checks made on whole items (terms, attachments, links) report on it in the same run. Without
    `with_body` (its rendering failed already: it may take seconds) the body is left out."""
    try:
        text = decode(source.rel, data)
    except ProblemFound:
        return None
    try:
        document = frontmatter.parse(text)
    except ProblemFound:
        try:  # front matter that is not YAML: its body can still be checked
            _, _, body, body_line = frontmatter.split(frontmatter.normalise(text))
        except ProblemFound:
            return None
        document = frontmatter.Document({}, body, body_line)
    left = {name for name, _, _ in _leftover_fields(document, source.content_type)}
    values, lines, _ = validate(source.rel, {k: v for k, v in document.fields.items() if k not in left},
                                source.content_type)
    try:
        body_html = render.to_html(document.body, converter) if with_body else ""
    except ProblemFound:
        body_html = ""
    return Item(source.rel, source.lang, source.content_type.name, PurePosixPath(source.rel).stem, "", values,
                lines, body_html, digest(data))


def _leftover_fields(document, content_type):
    return placeholders.leftovers(document.fields, document.body, content_type.schema)


def _leftovers(rel, document, content_type) -> list[Problem]:
    return [Problem(rel, document.fields[name].line if name in document.fields else document.body_line,
                    name, message, fix) for name, message, fix in _leftover_fields(document, content_type)]


def validate(rel, fields, content_type) -> tuple[dict, dict, list[Problem]]:
    schema = content_type.schema
    values, lines, problems = {}, {}, []
    for name, entry in fields.items():
        if name not in schema:
            problems.append(_unknown(rel, name, entry.line, schema, content_type))
            continue
        try:
            values[name] = schema[name].kind.parse(entry.value)
            lines[name] = entry.line
        except ProblemFound as found:
            problems.append(found.at(rel, entry.line, name))
    for spec in schema.values():
        if spec.required and spec.translatable and spec.name not in fields:
            problems.append(Problem(rel, 1, spec.name, "is missing",
                                    f"add a line '{spec.name}: ...' to the front matter ({spec.doc})"))
    return values, lines, problems


def _unknown(rel, name, line, schema, content_type) -> Problem:
    close = difflib.get_close_matches(name, schema, n=1)
    fix = f"did you mean '{close[0]}'?" if close else \
        f"fields of {content_type.folder}/ are: {', '.join(sorted(schema))}"
    return Problem(rel, line, name, f"is not a field of {content_type.folder}/", fix)


def _slug_problems(rel: str) -> list[Problem]:
    stem = PurePosixPath(rel).stem
    if SLUG.match(stem):
        return []
    suggestion = suggest_slug(stem)
    return [Problem(rel, 0, "", "the file name is used in the web address and may only hold "
                    "lowercase letters, digits and single hyphens",
                    f"rename the file to {suggestion}.md, and its translations too")]


def suggest_slug(text: str) -> str:
    """A valid file name for any text: transliterated, lowercase, hyphenated, never empty."""
    return re.sub(r"[^a-z0-9]+", "-", unidecode(text).lower()).strip("-") or "item"


def _path_in_section(rel: str, lang: str) -> str:
    parts = rel.removesuffix(".md").split("/")
    if parts[0] == lang:
        parts = parts[1:]
    return "/".join(parts[1:])
