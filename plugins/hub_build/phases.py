"""Named points of a build at which a test can stop it, to kill it exactly there.

`reached(phase)` is called when a page is rendered ("render"), when each build stage starts (its
name, e.g. "calendars") and just before the new output is swapped into place ("swap").
With HUB_STOP_AT="<phase>:<n>" in the environment, the n-th arrival at that phase writes
"<phase> <n> <pid>" into the file HUB_STOP_NOTE and stops the process (SIGSTOP), so that
tests/hostile/test_builds.py knows where its kill lands. Without it, nothing happens.
"""

from __future__ import annotations

import os
import signal

_arrivals: dict[str, int] = {}  # per process; only counted when a test asks for a stop


def reached(phase: str) -> None:
    wanted = os.environ.get("HUB_STOP_AT")
    if not wanted or wanted.rpartition(":")[0] != phase:
        return
    _arrivals[phase] = _arrivals.get(phase, 0) + 1
    if _arrivals[phase] == int(wanted.rpartition(":")[2]):
        with open(os.environ["HUB_STOP_NOTE"], "w", encoding="utf-8") as note:
            note.write(f"{phase} {_arrivals[phase]} {os.getpid()}\n")
        os.kill(os.getpid(), signal.SIGSTOP)
