"""A build none of whose inputs changed since the published output was built is skipped.

The inputs are everything a build reads: the content tree's bytes, the theme, the hub's plugin
code, the settings, the versions of the libraries that shape the output, the git commit (the
translation status reads history) and SOURCE_DATE_EPOCH. Time is an input too: an event ends, a
deadline passes, and the listings change. So the record of a build also says when the first such
moment after it comes; until then, and only for the output folder that build published (its
device and inode, which the staging folder keeps when it is swapped into place), the build is
skipped. A nightly rebuild on a day when nothing was merged and nothing closed then costs a few
seconds instead of a full build.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from hub_build.settings import RUN_ONLY
from hub_languages import collation


LIBRARIES = ("pelican", "jinja2", "babel", "markdown", "nh3", "pyyaml", "lunr", "snowballstemmer", "pystemmer",
             "icalendar", "feedgenerator", "tzdata", "pyicu", "pillow", "pypdfium2")
RECORD = "last-build.json"


def stable_repr(value) -> str:
    """repr() without memory addresses: a function is named by its module and name."""
    if callable(value) and hasattr(value, "__qualname__"):
        return f"<{getattr(value, '__module__', '')}.{value.__qualname__}>"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{stable_repr(k)}: {stable_repr(v)}" for k, v in sorted(value.items(), key=str)) + "}"
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return type(value).__name__ + "[" + ", ".join(stable_repr(v) for v in items) + "]"
    return repr(value)


class FileHashes:
    """Each file's hash, remembered with its size, modification time and inode, as git's index does, so
    that a build with nothing changed reads no file: at 30,000 items, reading and hashing every
    content file took longer than the rest of a skipped build.

    A remembered hash is trusted only when the file's status is the same and the file was last
    modified more than `RACY` seconds before the hashes were saved: a file changed again within
    the same clock tick as its last hashing would otherwise keep its old hash (git calls these
    "racily clean" and checks them again too). A cache restored onto a fresh clone has new times, so
    every file is read once there.
    """

    RACY = 2_000_000_000  # nanoseconds

    def __init__(self, saved: dict | None = None):
        saved = saved or {}
        self.saved_at = saved.get("saved_at", 0)
        self.known: dict = saved.get("files", {})
        self.seen: dict = {}
        self.read = 0  # files read this time (for tests and curiosity)

    def digest(self, path: str, status: os.stat_result) -> bytes:
        mark = [status.st_size, status.st_mtime_ns, status.st_ino]
        found = self.known.get(path)
        if found and found[:3] == mark and status.st_mtime_ns < self.saved_at - self.RACY:
            value = bytes.fromhex(found[3])
        else:
            with open(path, "rb") as handle:
                value = hashlib.file_digest(handle, "sha256").digest()
            self.read += 1
        self.seen[path] = mark + [value.hex()]
        return value

    def as_json(self, now_ns: int) -> dict:
        return {"saved_at": now_ns, "files": self.seen}


def files(folder: Path):
    """(relative posix path, absolute path, status) of every file below `folder`, in a stable order."""
    found = []
    stack = [(folder, "")]
    while stack:
        where, prefix = stack.pop()
        with os.scandir(where) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=True):
                    if entry.name != "__pycache__":
                        stack.append((entry.path, prefix + entry.name + "/"))
                elif entry.is_file(follow_symlinks=True):
                    found.append((prefix + entry.name, entry.path, entry.stat(follow_symlinks=True)))
    return sorted(found)


def tree(digest, folder: Path, hashes: FileHashes | None = None) -> None:
    """Every file's place and bytes, in a stable order."""
    hashes = hashes or FileHashes()
    for relative, path, status in files(folder):
        digest.update(relative.encode() + b"\0")
        digest.update(hashes.digest(path, status))


def git_commit(folder: Path) -> str:
    try:
        found = subprocess.run(["git", "rev-parse", "HEAD"], cwd=folder, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return ""
    return found.stdout.strip() if found.returncode == 0 else ""


def library_versions() -> str:
    found = []
    for name in LIBRARIES:
        try:
            found.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            found.append(f"{name}=-")
    # PyICU is built against the system's ICU, whose collation rules may change without PyICU's version
    return " ".join(found) + f" icu={collation.icu_version()} python={sys.version}"


def inputs(content: Path, theme: Path, code: Path, settings: dict, hashes: FileHashes | None = None) -> str:
    digest = hashlib.sha256()
    for folder in (content, theme, code):
        digest.update(f"\0{folder.name}\0".encode())
        tree(digest, folder, hashes)
    shown = {k: v for k, v in settings.items() if k not in RUN_ONLY}
    digest.update(stable_repr(shown).encode())
    digest.update(library_versions().encode())
    digest.update(git_commit(content).encode())
    digest.update(os.environ.get("SOURCE_DATE_EPOCH", "").encode())
    return digest.hexdigest()


def next_change(items, now: dt.datetime) -> dt.datetime | None:
    """The first moment after `now` when an item changes listing (its type's `changes_at`): an event
    ends, an opportunity's deadline day ends (in the hub's home time zone)."""
    found = [item.content_type.changes_at(item.meta) for item in items if item.content_type.changes_at]
    later = [moment.astimezone(dt.timezone.utc) for moment in found if moment is not None and moment > now]
    return min(later) if later else None


def unchanged(folder: Path, digest: str, output_tag: str | None, now: dt.datetime) -> bool:
    """Whether the build recorded in `folder` had these inputs, published this output folder, and
    nothing has changed listing since."""
    try:
        record = json.loads((folder / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    until = record.get("until")
    return (record.get("inputs") == digest and output_tag is not None and record.get("output") == output_tag
            and (until is None or now < dt.datetime.fromisoformat(until)))


def remember(folder: Path, digest: str, staging_tag: str | None, until: dt.datetime | None) -> None:
    """Record this build (its staging folder's tag: the output's once it is published)."""
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / (RECORD + ".partial")
    partial.write_text(json.dumps({"inputs": digest, "output": staging_tag,
                                   "until": until.isoformat() if until else None}), encoding="utf-8")
    partial.replace(folder / RECORD)


HASHES = "file-hashes.json"


def load_hashes(folder: Path) -> FileHashes:
    try:
        return FileHashes(json.loads((folder / HASHES).read_text(encoding="utf-8")))
    except (OSError, ValueError, AttributeError):
        return FileHashes()


def save_hashes(folder: Path, hashes: FileHashes, now_ns: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / (HASHES + ".partial")
    partial.write_text(json.dumps(hashes.as_json(now_ns)), encoding="utf-8")
    partial.replace(folder / HASHES)
