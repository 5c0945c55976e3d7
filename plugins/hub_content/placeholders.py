"""What `invoke new` writes for a person to replace, and how to tell it is still there.

A scaffold passes the schema on purpose (it is a file one can build at once), so the
schema alone cannot tell an untouched scaffold from a finished item: a summary that
still held the hint "(one or two sentences shown in listings)" was once published in
every language. The scaffold takes its placeholders from here, and the reader refuses
any of them, or any field's hint, left in a file.
"""

from __future__ import annotations

import re

REPLACE = "REPLACE ME"
ADDRESS = "https://example.org/replace-with-the-address"
DOCUMENT = "https://example.org/replace-with-the-document"
BODY = "Write the text here, in Markdown."

_PLACEHOLDER = re.compile(r"REPLACE ME|example\.org/replace-with-|^\.\.\.")  # capitals: "replace" is a word too
LONG_HINT = 20  # a hint this long inside a value was pasted with it, not written


def leftovers(fields: dict, body: str, schema: dict) -> list[tuple[str, str, str]]:
    """(field, message, fix) for each value that is still a placeholder or a field's hint."""
    hints = {_bare(spec.doc): spec for spec in schema.values() if spec.doc}
    found = []
    for name, entry in fields.items():
        spec = schema.get(name)
        if spec is None:
            continue
        for value in entry.value if isinstance(entry.value, list) else [entry.value]:
            text = str(value) if value is not None else ""
            if _PLACEHOLDER.search(text):
                found.append((name, f"still holds the placeholder {text!r}", f"write the real value: {spec.doc}"))
                break
            bare = _bare(text)
            if bare in hints or any(len(hint) >= LONG_HINT and hint in bare for hint in hints):
                found.append((name, f"still holds the hint {text!r}", f"write the real value: {spec.doc}"))
                break
    if BODY in body:
        found.append(("body", f"still holds the placeholder {BODY!r}", "write the item's text after the second '---'"))
    return found


def _bare(text: str) -> str:
    """A hint as a person may leave it: in brackets, quoted, with other capitals or a full stop."""
    return text.strip().strip("()[]\"'").strip().rstrip(".").casefold()
