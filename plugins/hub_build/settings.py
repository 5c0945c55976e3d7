"""Settings declared once, with a type, a default and a check, validated at start-up.

Each hub plugin lists its settings in its own `settings.py` as `SETTINGS`; the
build glue validates every declared setting of every loaded plugin together, so
one run reports all bad settings at once, and warns about unknown `HUB_` names
(a typo must not silently fall back to a default).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from . import text as text_gate
from .errors import BuildFailed, Problem, ProblemFound

PREFIX = "HUB_"
# Settings that say how a build runs, not what it publishes: no cache key or input digest holds them.
RUN_ONLY = frozenset({"HUB_PROCESSES", "HUB_CACHE_PATH", "HUB_SKIP_UNCHANGED"})


@dataclass(frozen=True)
class Setting:
    name: str
    kind: type | tuple[type, ...]
    default: Any
    doc: str
    check: Callable[[Any, dict], None] | None = None
    choices: tuple = field(default=())


def apply_defaults(settings: dict, declared: list[Setting]) -> None:
    for setting in declared:
        if setting.name not in settings:
            settings[setting.name] = setting.default


def validate(settings: dict, declared: list[Setting], source: str) -> list[Problem]:
    problems: list[Problem] = []
    known = {s.name for s in declared}
    for name in sorted(k for k in settings if k.startswith(PREFIX) and k not in known):
        problems.append(Problem(source, 0, name, "unknown setting",
                                "check the spelling; docs/developers.md lists every HUB_ setting"))
    for setting in declared:
        value = settings.get(setting.name, setting.default)
        problem = _check_one(setting, value, settings) or _gate(value)
        if problem:
            problems.append(Problem(source, 0, setting.name, problem[0], problem[1]))
    for name in GATED_PELICAN_SETTINGS:
        problem = _gate(settings.get(name, ""))
        if problem:
            problems.append(Problem(source, 0, name, problem[0], problem[1]))
    return problems


GATED_PELICAN_SETTINGS = ("SITENAME", "SITEURL", "AUTHOR")  # Pelican's own texts that pages show


def _gate(value: Any) -> tuple[str, str] | None:
    """Settings' texts pass the same text gate as content (the language table's names, the UID domain...)."""
    texts = [value] if isinstance(value, str) else []
    if isinstance(value, (list, tuple)):
        texts = [t for entry in value for t in (entry.values() if isinstance(entry, dict) else [entry])
                 for t in (t if isinstance(t, (list, tuple)) else [t]) if isinstance(t, str)]
    for text in texts:
        try:
            text_gate.check(text)
        except ProblemFound as found:
            return (found.message, found.fix)
    return None


def read_file(path: str, override: dict | None = None) -> dict:
    """Pelican's settings from a settings file, or BuildFailed with one line naming the file and line:
    a settings file is Python, and a typo in it must not end in a traceback."""
    from pelican.settings import read_settings

    try:
        return read_settings(str(path), override=override)
    except SyntaxError as error:
        raise BuildFailed([file_problem(error)]) from None


def file_problem(error: SyntaxError) -> Problem:
    import os

    where = os.path.relpath(error.filename) if error.filename else "settings"
    where = error.filename if where.startswith("..") else where
    return Problem(where, error.lineno or 0, "settings",
                   f"is not valid Python: {error.msg}",
                   "check the quotes, brackets and indentation there; each setting is NAME = value")


def _check_one(setting: Setting, value: Any, settings: dict) -> tuple[str, str] | None:
    kinds = setting.kind if isinstance(setting.kind, tuple) else (setting.kind,)
    if bool not in kinds and isinstance(value, bool) and int in kinds:
        return (f"expected a number, got {value!r}", setting.doc)
    if not isinstance(value, kinds):
        names = " or ".join(k.__name__ for k in kinds)
        return (f"expected {names}, got {type(value).__name__} {value!r}", setting.doc)
    if setting.choices and value not in setting.choices:
        return (f"{value!r} is not one of {', '.join(map(repr, setting.choices))}", setting.doc)
    if setting.check:
        try:
            setting.check(value, settings)
        except ProblemFound as found:
            return (found.message, found.fix or setting.doc)
    return None


SETTINGS = [
    Setting("HUB_STRICT", bool, False,
            "True or False: when True, any warning fails the build (publishconf.py sets it)"),
    Setting("HUB_CACHE_PATH", str, ".cache/hub",
            "a folder path for the content cache, relative to the working directory"),
    Setting("HUB_SKIP_UNCHANGED", bool, True,
            "True or False: when True (and HUB_CACHE_PATH is set), a build whose inputs are all the same as "
            "those of the build that made the published output, with no event ended and no deadline passed "
            "since, keeps that output and stops"),
]
