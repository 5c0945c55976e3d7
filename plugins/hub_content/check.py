"""Checking content without building the site, for coordinators and pull requests.

`check(root, settings)` checks the whole tree, exactly as a build reads it; with
`paths`, only those files and the versions they pair with (same place in every
language folder), plus every vocabulary, so a pull request touching a few files is
checked in a moment whatever the size of the hub. Read items come from the same
content cache as builds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from hub_build.errors import Problem
from hub_languages.model import LanguageTable

from . import hub as hub_model
from . import scan, translations
from .cache import ItemCache
from .fields import FILES_FOLDER


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    checked: int = 0


def check(root: Path, settings: dict, paths: list[str] | None = None, cache_folder: Path | None = None) -> Report:
    languages = LanguageTable.from_settings(settings)
    files, problems = scan.scan(root, languages)
    if paths is not None:
        wanted = expand(paths, files, languages)
        files = [f for f in files if f.rel in wanted or f.is_vocabulary]
        problems = [p for p in problems if p.path in wanted]
        problems += [Problem(rel, 0, "", "does not exist", "check the path and the spelling of the file name")
                     for rel in sorted(paths) if not (root / rel).is_file()]
    vocabularies, vocabulary_problems = hub_model._vocabularies(root, files, languages)
    items, item_problems = hub_model._items(root, files, ItemCache(cache_folder))
    attachments = sorted(rel for rel in _attachments(root))
    items, attachment_problems = hub_model._measure_attachments(root, items, set(attachments))
    tmap, drafts, errors, warnings = translations.build(items, languages)
    problems += vocabulary_problems + item_problems + hub_model._term_problems(items, vocabularies)
    problems += attachment_problems + errors + hub_model._type_checks(tmap)
    problems += hub_model._vocabulary_pages(items, vocabularies) + link_problems(root, items, languages)
    if paths is None:
        warnings += hub_model._unused_attachments(items, attachments)
    return Report(sorted(problems, key=_order), sorted(warnings, key=_order), len(files))


def expand(paths: list[str], files, languages) -> set[str]:
    """The given files plus their versions in every language folder (pairing by place)."""
    wanted = set(paths)
    for rel in paths:
        tail = _tail(rel, languages)
        wanted |= {f.rel for f in files if _tail(f.rel, languages) == tail}
    return wanted


def _tail(rel: str, languages) -> str:
    first, _, rest = rel.partition("/")
    return rest if first in languages and first != languages.default and rest else rel


def _attachments(root: Path):
    folder = root / FILES_FOLDER
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.is_symlink() and not path.name.startswith("."):
                yield path.relative_to(root).as_posix()


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
    prefixes = {language.prefix: language.code for language in languages}
    if not parts or parts[0] not in prefixes:
        return True  # not an address of an item; the page checker of the built site covers the rest
    rest = parts[1:]
    if len(rest) < 2:
        return True  # a language's home, listing or page: planned, not a file
    relative = "/".join(rest[:-1]) + f"/{rest[-1]}.md"
    folders = [root] + [root / code for code in languages.codes if code != languages.default]
    return any((folder / relative).is_file() for folder in folders) or len(rest) > 2


def _line_of(path: Path, target: str) -> int:
    try:
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            if target in line:
                return number
    except (OSError, UnicodeDecodeError):
        pass
    return 0


def _order(problem: Problem):
    return (problem.path, problem.line, problem.field, problem.message)
