"""What changed in an original, word by word, paragraph by paragraph: what a translator must redo.

A paragraph of Markdown is one line, so a line diff shows a whole paragraph twice for one changed
word. Here paragraphs (blocks separated by blank lines; a front matter field is a paragraph of its
own) are matched first, then the words of each changed paragraph. Built on the standard library's
difflib (SequenceMatcher): git's own --word-diff would need one git call per commit and file,
where the status reads every blob it needs in one call.
"""

from __future__ import annotations

import difflib
import re
from typing import NamedTuple

TOKENS = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


class Segment(NamedTuple):
    kind: str   # "same", "removed" or "added"
    text: str


Paragraph = tuple  # of Segments


def paragraphs(text: str) -> list[str]:
    """Blocks separated by blank lines; in the front matter, one per line (a field)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks: list[str] = []
    body = text
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            blocks += [line for line in text[4:end].split("\n") if line.strip()]
            body = text[end + 4:]
    blocks += [block.strip() for block in re.split(r"\n\s*\n", body) if block.strip()]
    return blocks


def changes(old: str, new: str) -> list[Paragraph]:
    """The changed paragraphs of `new` against `old`, each as segments; unchanged ones left out."""
    before, after = paragraphs(old), paragraphs(new)
    found: list[Paragraph] = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        removed, added = before[a1:a2], after[b1:b2]
        for position in range(max(len(removed), len(added))):
            found.append(words(removed[position] if position < len(removed) else "",
                               added[position] if position < len(added) else ""))
    return found


def words(old: str, new: str) -> Paragraph:
    """One paragraph's change: the words kept, removed and added, in reading order."""
    a, b = TOKENS.findall(old), TOKENS.findall(new)
    segments: list[Segment] = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            _add(segments, "same", "".join(a[a1:a2]))
            continue
        _add(segments, "removed", "".join(a[a1:a2]))
        _add(segments, "added", "".join(b[b1:b2]))
    return tuple(segments)


def _add(segments: list[Segment], kind: str, text: str) -> None:
    if not text:
        return
    if segments and segments[-1].kind == kind:
        segments[-1] = Segment(kind, segments[-1].text + text)
    else:
        segments.append(Segment(kind, text))


def as_text(paragraph: Paragraph, context: int = 8) -> str:
    """git's --word-diff notation, [-removed-]{+added+}, with at most `context` words kept around
    each change."""
    parts = []
    for position, (kind, text) in enumerate(paragraph):
        if kind == "removed":
            parts.append(f"[-{text}-]")
        elif kind == "added":
            parts.append(f"{{+{text}+}}")
        else:
            parts.append(_trimmed(text, context, first=position == 0, last=position == len(paragraph) - 1))
    return "".join(parts)


def _trimmed(text: str, context: int, first: bool, last: bool) -> str:
    tokens = re.split(r"(\s+)", text)
    keep = context * 2  # words and the spaces between them
    if len(tokens) <= keep * 2 + 1:
        return text
    if first:
        return "… " + "".join(tokens[-keep:])
    if last:
        return "".join(tokens[:keep]) + " …"
    return "".join(tokens[:keep]) + " … " + "".join(tokens[-keep:])
