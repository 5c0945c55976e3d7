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
from .fields import SLUG, WINDOWS_RESERVED
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
    content_type: Any = field(default=None, compare=False, repr=False)  # its ContentType (`type` is its name)

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


def read(source: SourceFile, data: bytes, converter=None,
         taken: frozenset = frozenset()) -> tuple[Item | None, list[Problem]]:
    """One content file as an item, or its problems; `converter` (render.converter()) is reused
    across a build's files when given; `taken` holds the file names of its folder, which a
    suggested new name must not repeat."""
    rel = source.rel
    try:
        document = frontmatter.parse(decode(rel, data))
    except ProblemFound as found:
        return None, [found.at(rel)]
    problems = _slug_problems(rel, taken)
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
    key = f"{source.content_type.folder}:{_key_in_section(rel, source.lang, values.get('translation_key'))}"
    return Item(rel, source.lang, source.content_type.name, slug, key, values, lines,
                body_html, digest(data), content_type=source.content_type), []


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
                lines, body_html, digest(data), content_type=source.content_type)


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


# Fields other hubs and generators use, and what this hub writes instead: a spelling suggestion
# ("draft" -> "date") would point the wrong way.
MEANT = {
    "draft": "to keep the file out of the site, write 'status: draft'",
    "published": "write 'status: published' or 'status: draft'",
    "tags": "write the topic ids as 'topics: [...]'",
    "category": "the section comes from the file's folder",
    "lang": "the language comes from the file's folder (content/<language>/...)",
    "language": "the language comes from the file's folder (content/<language>/...)",
    "slug": "the address comes from the file name: rename the file",
}


def _unknown(rel, name, line, schema, content_type) -> Problem:
    close = difflib.get_close_matches(name, schema, n=1)
    if name in MEANT:
        fix = MEANT[name]
    elif close:
        fix = f"did you mean '{close[0]}'?"
    else:
        fix = f"fields of {content_type.folder}/ are: {', '.join(sorted(schema))}"
    return Problem(rel, line, name, f"is not a field of {content_type.folder}/", fix)


def valid_name(rel: str) -> bool:
    """Whether a file's name and folders are valid as they are (no new name to suggest)."""
    path = PurePosixPath(rel)
    return (SLUG.match(path.stem) is not None and path.stem not in WINDOWS_RESERVED
            and not any(part.split(".")[0].lower() in WINDOWS_RESERVED for part in path.parts[:-1]))


def _slug_problems(rel: str, taken: frozenset = frozenset()) -> list[Problem]:
    stem = PurePosixPath(rel).stem
    folders = [part for part in PurePosixPath(rel).parts[:-1] if part.split(".")[0].lower() in WINDOWS_RESERVED]
    if folders:
        return [Problem(rel, 0, "", f"the folder '{folders[0]}' has a device name on Windows, so the repository "
                        "could not be checked out there", f"rename the folder to {suggest_slug(folders[0])}")]
    if SLUG.match(stem) and stem not in WINDOWS_RESERVED:
        return []
    suggestion = suggest_slug(stem, taken)
    if stem in WINDOWS_RESERVED:
        return [Problem(rel, 0, "", f"'{stem}' is a device name on Windows, so the repository could not be "
                        "checked out there", f"rename the file to {suggestion}.md, and its translations too")]
    return [Problem(rel, 0, "", "the file name is used in the web address and may only hold "
                    "lowercase letters, digits and single hyphens",
                    f"rename the file to {suggestion}.md, and its translations too")]


def suggest_slug(text: str, taken=frozenset()) -> str:
    """A valid file name for any text: transliterated, lowercase, hyphenated, never empty, never a
    Windows device name, and none of `taken` (the names beside it: `First.md` next to `first.md`
    must not be told to become `first.md`)."""
    base = re.sub(r"[^a-z0-9]+", "-", unidecode(text).lower()).strip("-") or "item"
    if base in WINDOWS_RESERVED:
        base = f"{base}-page"
    suggestion, number = base, 2
    while suggestion in taken:
        suggestion, number = f"{base}-{number}", number + 1
    return suggestion


def _key_in_section(rel: str, lang: str, translation_key: str | None) -> str:
    """The file's place in its section; `translation_key` names a file of the same subfolder
    (news/2024/report.md and sq/news/2024/raport.md with translation_key: report)."""
    place = _path_in_section(rel, lang)
    if not translation_key:
        return place
    folder = place.rpartition("/")[0]
    return f"{folder}/{translation_key}" if folder else translation_key


def _path_in_section(rel: str, lang: str) -> str:
    parts = rel.removesuffix(".md").split("/")
    if parts[0] == lang:
        parts = parts[1:]
    return "/".join(parts[1:])
