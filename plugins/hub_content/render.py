"""Markdown to safe HTML: Python-Markdown, then an allow-list sanitiser (nh3).

Content arrives by pull request, so the body is untrusted: only the tags and
attributes below survive, and links may only use http(s), mailto, relative or
fragment addresses.
"""

from __future__ import annotations

import re
import signal
import threading
from contextlib import contextmanager
from urllib.parse import urlsplit

import markdown
import nh3

from hub_build import text as text_gate
from hub_build.errors import ProblemFound

EXTENSIONS = ["extra", "sane_lists", "toc"]
EXTENSION_CONFIGS = {"toc": {"permalink": False}}

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl",
    "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd",
    "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}
ATTRIBUTES = {
    "*": {"id", "lang", "dir", "title"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start"},
    "abbr": {"title"},
}
URL_SCHEMES = {"http", "https", "mailto"}


MAX_DEPTH = 32  # lists, quotes or brackets nested deeper than this are not real writing
MAX_SECONDS = 5


def converter() -> markdown.Markdown:
    """A Markdown converter for one build's bodies: building one costs more than converting a
    typical body, so a build makes one and to_html resets it before each use."""
    return markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS, output_format="html")


def to_html(text: str, using: markdown.Markdown | None = None) -> str:
    check_depth(text)
    using = using or converter()
    with time_limit(MAX_SECONDS):
        html = using.reset().convert(text)
    html = sanitise(html)
    if text_gate.refused_character(html):
        refused_reference(text)
    return html


REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")


def refused_reference(text: str) -> None:
    """A character reference (`&#7;`, `&#x202E;`) makes a character the text gate refuses once the
    text is HTML: name the line that writes it."""
    for number, line in enumerate(text.split("\n"), start=1):
        for found in REFERENCE.finditer(line):
            code = int(found.group(1), 16) if found.group(1) else int(found.group(2))
            character = chr(code) if code < 0x110000 else "\ufffd"
            if text_gate.refused_character(character):
                raise ProblemFound(f"{found.group()} writes the invisible character {text_gate.describe(character)}",
                                   "delete the reference", line=number)
    raise ProblemFound("the text makes an invisible character that is not allowed", text_gate.FIX, line=1)


BRACKETS = re.compile(r"[\[\]]")


def check_depth(text: str) -> None:
    """Refuse pathological nesting before Python-Markdown spends minutes on it."""
    brackets = deepest = 0
    for number, line in enumerate(text.split("\n"), start=1):
        expanded = line.expandtabs(4)
        indent = (len(expanded) - len(expanded.lstrip(" "))) // 4
        quotes = line[:len(line) - len(line.lstrip("> \t"))].count(">")
        for bracket in BRACKETS.findall(line) if "[" in line or "]" in line else ():
            brackets += 1 if bracket == "[" else -1
            deepest = max(deepest, brackets)
        if max(indent, quotes, deepest) > MAX_DEPTH:
            raise ProblemFound(f"the text is nested more than {MAX_DEPTH} levels deep (lists, quotes or brackets)",
                               "flatten the nesting; no real text needs this many levels", line=number)


@contextmanager
def time_limit(seconds: int):
    """Stop a render that takes too long; only the main thread can set the alarm."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum, frame):
        raise ProblemFound(f"the text took more than {seconds} s to render",
                           "simplify the Markdown: very long or deeply nested constructs")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def sanitise(html: str) -> str:
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES,
                     link_rel="noopener noreferrer", attribute_filter=_local_images)


def _local_images(tag: str, attribute: str, value: str) -> str | None:
    """Images come from the hub itself: no third-party request, nothing to track readers."""
    if tag == "img" and attribute == "src" and (urlsplit(value).scheme or value.startswith("//")):
        return None
    return value
