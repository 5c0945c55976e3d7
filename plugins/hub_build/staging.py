"""Staged output: build into a fresh sibling folder, swap it into place on success.

A failed or killed build never touches the published folder; withdrawn content
disappears because every build starts from an empty folder. Unchanged files are
hard-linked from the published folder into the new one (link_unchanged), never
changed in place, so the published folder stays as it was until the swap.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

MARKER = ".hub-output"  # written into every build, so a later build knows the folder is its own
STAGING_MARK = ".staging-"
PREVIOUS_MARK = ".previous-"


def staging_path(output: Path) -> Path:
    return output.parent / f".{output.name}{STAGING_MARK}{os.getpid()}"


def published_path(staging: Path) -> Path | None:
    """The output folder a staging folder will replace (None if `staging` is not one)."""
    name = staging.name
    if not name.startswith(".") or STAGING_MARK not in name:
        return None
    return staging.parent / name[1:].rsplit(STAGING_MARK, 1)[0]


def link_unchanged(previous: Path, output: Path, relative: str) -> bool:
    """Hard-link `relative` from the previous output into the new one; False if it cannot be.

    A warm build reuses every unchanged page this way: linking costs a fraction of writing, and
    removing the previous output then frees no data."""
    target = contained(output, relative)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(contained(previous, relative), target)
    except OSError:
        return False
    return True


def remove_leftovers(output: Path) -> None:
    """Remove folders of earlier builds that were killed before their swap."""
    if not output.parent.exists():
        return
    for mark in (STAGING_MARK, PREVIOUS_MARK):
        for leftover in output.parent.glob(f".{output.name}{mark}*"):
            shutil.rmtree(leftover, ignore_errors=True)


def refusal(output: Path, content: Path) -> str | None:
    """Why the hub must not replace `output`, or None when it may."""
    output, content, here = output.resolve(), content.resolve(), Path.cwd().resolve()
    if output == content or output in content.parents or output == here or output in here.parents:
        return f"the output folder {output} contains the content or the current folder"
    if output.exists() and (not output.is_dir() or (any(output.iterdir()) and not (output / MARKER).exists())):
        return f"the output folder {output} exists and was not made by the hub"
    return None


def start(output: Path) -> Path:
    output = output.resolve()
    remove_leftovers(output)
    staging = staging_path(output)
    staging.mkdir(parents=True)
    (staging / MARKER).write_text("Built by the ChildHub static hub; replaced whole by every build.\n")
    return staging


def publish(staging: Path, output: Path) -> None:
    """Swap the finished build into place; the previous output is removed after, by a process of
    its own: on a large hub removing tens of thousands of files takes longer than a warm build, and
    nobody waits for it. A removal that does not finish (the machine stops) is finished by the next
    build's remove_leftovers."""
    output = output.resolve()
    previous = output.parent / f".{output.name}{PREVIOUS_MARK}{os.getpid()}-{time.monotonic_ns()}"
    if output.exists():
        os.replace(output, previous)
    os.replace(staging, output)
    if previous.exists():
        subprocess.Popen([sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)",
                          str(previous)], start_new_session=True, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def contained(root: Path, relative: str) -> Path:
    """The path of `relative` inside `root`, refusing anything that would leave it."""
    if not relative or relative.startswith(("/", "\\")) or "\\" in relative:
        raise ValueError(f"output path {relative!r} is not a relative path")
    parts = relative.split("/")
    if any(part in ("", ".", "..") for part in parts[:-1]) or parts[-1] in ("", ".", ".."):
        raise ValueError(f"output path {relative!r} leaves the output folder")
    return root.joinpath(*parts)
