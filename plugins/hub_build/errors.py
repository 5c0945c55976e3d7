"""Problems found in content or settings, and the exception that stops a build.

Every problem names where it is (file and line), what field it concerns, what is
wrong and how to fix it, so that a coordinator can act on it without reading code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A problem is one line: a file name or a quoted value holding a line break or another invisible
# character is shown with that character escaped, so that the report can be read and parsed.
UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    return UNPRINTABLE.sub(lambda found: repr(found.group())[1:-1], text)


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str
    fix: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        return visible(f"{text} ({self.fix})" if self.fix else text)


class ProblemFound(Exception):
    """Raised by a pure core for a single problem; collected by the caller."""

    def __init__(self, message: str, fix: str = "", line: int = 0, field: str = ""):
        super().__init__(message)
        self.message = message
        self.fix = fix
        self.line = line
        self.field = field

    def at(self, path: str, line: int = 0, field: str = "") -> Problem:
        return Problem(path, self.line or line, self.field or field, self.message, self.fix)


def report(problems: list[Problem]) -> str:
    count = len(problems)
    noun = "problem" if count == 1 else "problems"
    lines = [str(p) for p in sorted(set(problems))]
    lines.append(f"Build stopped: {count} {noun} found; nothing was published.")
    return "\n".join(lines)


class ProblemsFound(Exception):
    """Problems that stop a build (or a command), raised by the step that found them; the build's
    top (hub_site.HubPelican.run, or a command's entry point) turns it into BuildFailed."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(report(self.problems))


class BuildFailed(SystemExit):
    """Stops the program with a readable report instead of a traceback.

    A SystemExit subclass because Pelican's command line catches Exception and
    prints a traceback; coordinators need the plain list of problems instead.
    The message is printed to stderr and the exit status is 1. Raised only at the
    top of a build or a command, never by a step.
    """

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(report(self.problems))


def fail_if(problems: list[Problem]) -> None:
    if problems:
        raise ProblemsFound(problems)
