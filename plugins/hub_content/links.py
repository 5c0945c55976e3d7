"""Links in a body to another item or to an attached file must lead somewhere."""

from __future__ import annotations

import re
from pathlib import Path

from hub_build.errors import Problem

from .fields import FILES_FOLDER

LINK = re.compile(r'href="(/[^"#?]*)')


def link_problems(root: Path, items, languages) -> list[Problem]:
    """Links in a body to another item (/<lang>/<section>/<slug>/) or a file (/files/...) must lead somewhere."""
    problems = []
    for item in items:
        for target in sorted(set(LINK.findall(item.body_html))):
            if not _exists(root, target, languages):
                problems.append(Problem(item.source, _line_of(root / item.source, target), "body",
                                        f"links to {target}, which does not exist",
                                        "check the address; items are at /<language>/<section>/<file name>/ "
                                        "and attachments at /files/<name>"))
    return problems


def _exists(root: Path, target: str, languages) -> bool:
    parts = [p for p in target.split("/") if p]
    if parts and parts[0] == FILES_FOLDER:
        return (root / "/".join(parts)).is_file()
    if not parts or parts[0] not in {language.prefix for language in languages}:
        return True  # not an address of an item; the page checker of the built site covers the rest
    rest = parts[1:]
    if len(rest) != 2:
        return True  # a home, listing, browse or plain page: planned, not a file
    relative = f"{rest[0]}/{rest[1]}.md"
    folders = [root] + [root / code for code in languages.codes if code != languages.default]
    return any((folder / relative).is_file() for folder in folders)


def _line_of(path: Path, target: str) -> int:
    try:
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            if target in line:
                return number
    except (OSError, UnicodeDecodeError):
        pass
    return 0
