"""Staged output: build into a fresh sibling folder, swap it into place on success.

A failed or killed build never touches the published folder; withdrawn content
disappears because every build starts from an empty folder. Unchanged files are
hard-linked from the published folder into the new one (link_unchanged), never
changed in place, so the published folder stays as it was until the swap.
"""

from __future__ import annotations

import fcntl
import logging
import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from . import phases

logger = logging.getLogger(__name__)

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


def folder_tag(folder: Path) -> str | None:
    """Who a folder is: its device and inode, which a build's staging folder keeps when it is swapped
    into place. Pages recorded under the staging folder's tag are those of the published output only
    once that build was published; a failed build's records never match the output's tag."""
    try:
        found = folder.stat()
    except OSError:
        return None
    return f"{found.st_dev}:{found.st_ino}"


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


def previous_path(output: Path) -> Path:
    """A new name for a folder to be removed (a previous output, a killed build's staging folder)."""
    return output.parent / f".{output.name}{PREVIOUS_MARK}{os.getpid()}-{time.monotonic_ns()}"


def remove_in_background(folders: list[Path]) -> None:
    """Remove folders by a process of their own: tens of thousands of files take longer to remove
    than a warm build, and nobody waits for them. What a stopped removal leaves, the next build's
    remove_leftovers hands to another."""
    if folders:
        subprocess.Popen([sys.executable, "-c", "import shutil, sys\nfor folder in sys.argv[1:]: "
                          "shutil.rmtree(folder, ignore_errors=True)", *map(str, folders)],
                         start_new_session=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)


def remove_leftovers(output: Path) -> None:
    """Remove folders of earlier builds: staging folders of builds killed before their swap (renamed
    first, so that none is left under a staging name) and previous outputs not yet removed."""
    if not output.parent.exists():
        return
    for leftover in output.parent.glob(f".{output.name}{STAGING_MARK}*"):
        os.replace(leftover, previous_path(output))
    remove_in_background(sorted(output.parent.glob(f".{output.name}{PREVIOUS_MARK}*")))


def refusal(output: Path, content: Path) -> str | None:
    """Why the hub must not replace `output`, or None when it may."""
    output, content, here = output.resolve(), content.resolve(), Path.cwd().resolve()
    if output == content or output in content.parents or output == here or output in here.parents:
        return f"the output folder {output} contains the content or the current folder"
    if output.exists() and (not output.is_dir() or (any(output.iterdir()) and not (output / MARKER).exists())):
        return f"the output folder {output} exists and was not made by the hub"
    return None


@contextmanager
def exclusive(output: Path):
    """Hold the output's lock for a whole build. A second build of the same output (a live server's
    rebuild and a build from the command line, two CI jobs on one runner) waits for the first to
    publish, rather than taking its staging folder for a killed build's leftover. The kernel drops
    the lock when the process ends, killed or not, so a killed build never blocks the next."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    with open(output.parent / f".{output.name}.lock", "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            logger.warning("another build is writing %s: this one starts when it has finished", output)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def start(output: Path) -> Path:
    output = output.resolve()
    remove_leftovers(output)
    staging = staging_path(output)
    staging.mkdir(parents=True)
    (staging / MARKER).write_text("Built by the ChildHub static hub; replaced whole by every build.\n")
    return staging


def publish(staging: Path, output: Path) -> None:
    """Swap the finished build into place; the previous output is removed after, in the background."""
    output = output.resolve()
    previous = previous_path(output)
    phases.reached("swap")
    if output.exists() and exchange(staging, output):
        os.replace(staging, previous)  # the staging name now holds the previous output
    elif output.exists():  # no atomic exchange here: a kill between these two leaves no output
        os.replace(output, previous)
        os.replace(staging, output)
    else:
        os.replace(staging, output)
    if previous.exists():
        remove_in_background([previous])


def exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one atomic step (Linux renameat2 with RENAME_EXCHANGE), so that a reader,
    or a build killed at this moment, finds the previous output or the new one, never none. False
    where the system cannot (then publish renames twice)."""
    import ctypes

    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    at_cwd, rename_exchange = -100, 2
    return renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), rename_exchange) == 0


def contained(root: Path, relative: str) -> Path:
    """The path of `relative` inside `root`, refusing anything that would leave it."""
    if not relative or relative.startswith(("/", "\\")) or "\\" in relative:
        raise ValueError(f"output path {relative!r} is not a relative path")
    parts = relative.split("/")
    if any(part in ("", ".", "..") for part in parts[:-1]) or parts[-1] in ("", ".", ".."):
        raise ValueError(f"output path {relative!r} leaves the output folder")
    return root.joinpath(*parts)
