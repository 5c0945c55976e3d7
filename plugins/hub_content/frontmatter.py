"""Splitting a content file into front matter and body, and loading the front matter.

The YAML is read without implicit typing: every scalar stays the text the
coordinator wrote (`no`, `12:30`, `012` remain strings) and the schema decides
what a field means. Duplicate keys, anchors and aliases are refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from hub_build import text as text_gate
from hub_build.errors import ProblemFound

FENCE = "---"
MAX_DEPTH = 32  # the same limit as Markdown bodies' (render.MAX_DEPTH); real fields need two
DEPTH_FIX = "flatten the nesting; no real text needs this many levels"
KEY_AT_START = re.compile(r"\s*-?\s*([^\s:#]+)\s*:")
FIX_FENCE = "start the file with a line '---', then the fields, then a line '---', then the text"


@dataclass(frozen=True)
class Value:
    """A front-matter value with the line it was written on (1-based, in the file)."""

    value: Any
    line: int


@dataclass(frozen=True)
class Document:
    fields: dict[str, Value]
    body: str
    body_line: int


def normalise(text: str) -> str:
    """A BOM and CRLF line ends must give the same result as the clean file."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


FAST_LOADER = getattr(yaml, "CSafeLoader", None)

def split(text: str) -> tuple[str, int, str, int]:
    """Return (yaml_text, yaml_first_line, body, body_first_line)."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FENCE:
        raise ProblemFound("the file does not start with front matter", FIX_FENCE, line=1)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in (FENCE, "..."):
            return "\n".join(lines[1:index]), 2, "\n".join(lines[index + 1:]), index + 2
    raise ProblemFound("the front matter is never closed", "add a line '---' after the last field", line=1)


def parse(text: str) -> Document:
    yaml_text, yaml_line, body, body_line = split(normalise(text))
    fields = load(yaml_text, yaml_line)
    try:
        text_gate.check_lines(body, body_line)
    except ProblemFound as found:
        found.field = "body"
        raise
    return Document(fields, body, body_line)


def gate_lines(yaml_text: str, first_line: int) -> None:
    """The text gate over the YAML as written, naming the field of the line that holds the character
    (without its invisible characters, so that the name can be read)."""
    try:
        text_gate.check_lines(yaml_text, first_line)
    except ProblemFound as found:
        line = yaml_text.split("\n")[found.line - first_line]
        key = KEY_AT_START.match(line)
        if key:
            found.field = "".join(c for c in key.group(1) if not text_gate.refused_character(c))
        raise


def check_depth(yaml_text: str, first_line: int) -> None:
    """Refuse nesting beyond MAX_DEPTH before any recursive code sees it: YAML's composer and
    `plain` recurse once per level. The event stream is flat, so counting on it cannot overflow."""
    depth, field, key_next = 0, "", True
    try:
        for event in yaml.parse(yaml_text, Loader=FAST_LOADER or yaml.SafeLoader):
            if depth == 1 and key_next and isinstance(event, yaml.ScalarEvent):
                field, key_next = event.value, False  # a field's name, at the top level
                continue
            if depth == 1 and isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.SequenceStartEvent,
                                                 yaml.MappingStartEvent)):
                key_next = True  # a field's value starts; the one after it is a name again
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH + 1:  # the front matter itself is the first mapping
                    raise ProblemFound(f"is nested more than {MAX_DEPTH} levels deep (lists or groups of fields)",
                                       DEPTH_FIX, line=first_line + event.start_mark.line, field=field)
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return  # compose reports it, with the message the hub's checks quote


def compose(yaml_text: str):
    """The YAML node tree, by libyaml when PyYAML has it (ten times faster on a large hub); a text it
    refuses is parsed again by PyYAML's own parser, whose error messages the hub's checks quote."""
    if FAST_LOADER is not None:
        try:
            return yaml.compose(yaml_text, Loader=FAST_LOADER)
        except yaml.YAMLError:
            pass
    return yaml.compose(yaml_text, Loader=yaml.SafeLoader)


def load(yaml_text: str, first_line: int = 1) -> dict[str, Value]:
    """Load a YAML mapping into {key: Value}; lines are counted from `first_line`. Every key and
    text passes the text gate, as written and as YAML's escapes ("\\r", "\\u0007") make it."""
    gate_lines(yaml_text, first_line)
    check_depth(yaml_text, first_line)
    try:
        node = compose(yaml_text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = first_line + mark.line if mark else first_line
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ProblemFound(f"invalid YAML: {problem}",
                           "check quotes, colons and indentation; put text containing ': ' in quotes",
                           line=line) from None
    if node is None:
        return {}
    if not isinstance(node, yaml.MappingNode):
        raise ProblemFound("the front matter is not a list of 'field: value' lines",
                           "write one 'field: value' per line", line=first_line + node.start_mark.line)
    seen: set[int] = set()
    fields = {}
    for key, value in _pairs(node, first_line):
        line = first_line + value.start_mark.line
        fields[key] = Value(plain(value, first_line, seen), line)
        try:
            _gate_value(fields[key].value)
        except ProblemFound as found:
            raise ProblemFound(found.message, found.fix, line=line, field=key) from None
    return fields


def _gate_value(value: Any) -> None:
    if isinstance(value, str):
        text_gate.check(value)
    elif isinstance(value, list):
        for item in value:
            _gate_value(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            text_gate.check(key)
            _gate_value(item)


def _pairs(node: yaml.MappingNode, first_line: int):
    seen: dict[str, int] = {}
    for key_node, value_node in node.value:
        line = first_line + key_node.start_mark.line
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
            raise ProblemFound("a field name must be plain text", "write 'field: value'", line=line)
        key = key_node.value
        try:
            text_gate.check(key)
        except ProblemFound as found:
            raise ProblemFound(found.message, found.fix, line=line,
                               field="".join(c for c in key if not text_gate.refused_character(c))) from None
        if key in seen:
            raise ProblemFound(f"field written twice (first on line {seen[key]})",
                               "keep only one of the two lines", line=line, field=key)
        seen[key] = line
        yield key, value_node


def plain(node: yaml.Node, first_line: int, seen: set[int]) -> Any:
    """Convert a node to str / None / list / dict without implicit typing."""
    if id(node) in seen:
        raise ProblemFound("YAML anchors and aliases (& and *) are not supported",
                           "write the value out in full", line=first_line + node.start_mark.line)
    seen.add(id(node))
    if isinstance(node, yaml.ScalarNode):
        if not node.style and node.value in ("", "~", "null", "Null", "NULL"):  # plain: None, or "" from libyaml
            return None
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [plain(item, first_line, seen) for item in node.value]
    return {key: plain(value, first_line, seen) for key, value in _pairs(node, first_line)}

