"""Checking content without building the site, for coordinators and pull requests.

`check(root, settings)` checks the whole tree, exactly as a build reads it; with
`paths`, only those files and the versions they pair with (same place in every
language folder), plus every vocabulary, so a pull request touching a few files is
checked in a moment whatever the size of the hub. Read items come from the same
content cache as builds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from hub_build.errors import Problem
from hub_build.workers import workers
from hub_languages.model import LanguageTable

from . import hub as hub_model
from . import scan
from . import types as content_types
from .cache import ItemCache


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    checked: int = 0


def check(root: Path, settings: dict, paths: list[str] | None = None, cache_folder: Path | None = None) -> Report:
    languages = LanguageTable.from_settings(settings)
    types = content_types.of(settings)
    files, problems = scan.scan(root, languages, types)
    attachments = sorted(f.rel for f in files if f.attachment)
    if paths is not None:
        wanted = expand(paths, files, languages)
        files = [f for f in files if f.rel in wanted or f.is_vocabulary]
        problems = [p for p in problems if p.path in wanted]
        problems += [Problem(rel, 0, "", "does not exist", "check the path and the spelling of the file name")
                     for rel in sorted(paths) if not (root / rel).is_file()]
    reading = hub_model.read(root, files, languages, ItemCache(cache_folder), attachments, types,
                             workers(settings.get("HUB_PROCESSES", 0)))
    warnings = reading.warnings
    if paths is None:
        warnings += hub_model.unused_attachments(reading.items, attachments)
    return Report(sorted(problems + reading.problems, key=_order), sorted(warnings, key=_order), len(files))


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


def _order(problem: Problem):
    return (problem.path, problem.line, problem.field, problem.message)
