"""Recording in a translation which revision of its original it follows (`invoke translate --done`).

A line edit of the front matter, not a YAML round trip: the translator's file keeps its comments,
its order and its quoting; only the `source_revision:` line is replaced, or added before the
closing `---`.
"""

from __future__ import annotations

import re

LINE = re.compile(r"^source_revision[ \t]*:[^\r\n]*", re.MULTILINE)


def with_source_revision(text: str, revision: str) -> str:
    """`text` (a content file) with `source_revision: REVISION` in its front matter."""
    newline = "\r\n" if "\r\n" in text else "\n"
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom):]
    if not body.startswith("---"):
        raise ValueError("the file has no front matter (it must start with a line ---)")
    closing = _closing(body)
    if closing is None:
        raise ValueError("the front matter is never closed (a line --- must end it)")
    head, tail = body[:closing], body[closing:]
    line = f"source_revision: {revision}"
    if LINE.search(head):
        head = LINE.sub(line, head, count=1)
    else:
        head = head + line + newline
    return bom + head + tail


def _closing(body: str) -> int | None:
    """The offset of the `---` line that closes the front matter."""
    first = body.find("\n")
    if first == -1:
        return None
    for match in re.finditer(r"^---[ \t]*\r?$", body[first + 1:], re.MULTILINE):
        return first + 1 + match.start()
    return None
