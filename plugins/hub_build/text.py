"""The one text gate: every text value a build reads (content bodies and fields, data files,
settings) passes `refused_character` before anything uses it.

Refused, never silently changed, because a coordinator cannot see any of them and each
has broken something downstream: C0 and C1 control characters (a bell or NUL breaks the
XML of feeds and sitemaps), carriage returns and NEL, line and paragraph separators
(U+2028/U+2029 end lines in some calendar clients and JavaScript), lone surrogates (not
encodable as UTF-8: the page cache and every writer fail), bidirectional embeddings,
overrides and isolates (they reorder what readers see: "Trojan source"), and a byte-order
mark anywhere but the very start of a file. Tabs and line feeds are text. Our own code,
because no library draws this line: `unicodedata` names the characters, the policy is ours.
"""

from __future__ import annotations

import re
import unicodedata

from .errors import ProblemFound

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
REFUSED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff" + BIDI_CONTROLS + "]")
NAMES = {"\r": "carriage return", "\x85": "next line, NEL", "\ufeff": "byte-order mark",
         "\u2028": "line separator", "\u2029": "paragraph separator", "\x00": "NUL", "\x07": "bell",
         "\x08": "backspace", "\x0b": "vertical tab", "\x0c": "form feed", "\x1b": "escape", "\x7f": "delete"}
FIX = "delete it; if you cannot see it, retype the line, since copying from other programs can add such characters"
# Format characters (zero-width spaces and joiners, soft hyphens, direction marks) and whitespace
# show nothing on their own: a title made only of them is an empty heading.
INVISIBLE = {"Cf", "Zs", "Zl", "Zp", "Cc", "Mn", "Me"}


def describe(character: str) -> str:
    """How a message names a character nobody can see: its code point and its name."""
    code = f"U+{ord(character):04X}"
    name = NAMES.get(character)
    if name is None:
        if 0xD800 <= ord(character) <= 0xDFFF:
            name = "a lone surrogate, which is not a character"
        else:
            name = unicodedata.name(character, "control character").lower()
    return f"{code} ({name})"


def refused_character(text: str) -> tuple[int, str] | None:
    """The (index, character) of the first character the gate refuses, or None."""
    found = REFUSED.search(text)
    return (found.start(), found.group()) if found else None


def check(text: str) -> str:
    """`text` unchanged, or ProblemFound naming the first refused character."""
    found = refused_character(text)
    if found:
        raise ProblemFound(f"contains the invisible character {describe(found[1])}", FIX)
    return text


def check_lines(text: str, first_line: int = 1) -> None:
    """Check a whole text; the problem gives the line (counted from `first_line`) of the character."""
    found = refused_character(text)
    if found:
        line = first_line + text.count("\n", 0, found[0])
        raise ProblemFound(f"contains the invisible character {describe(found[1])}", FIX, line=line)


def invisible_only(text: str) -> bool:
    """True when nothing in `text` would show on a page."""
    return all(unicodedata.category(character) in INVISIBLE for character in text)
