"""A content-hash cache of read items, so unchanged files are not parsed again.

Keys are hashes of the file's bytes, its place, and the code that reads it, never
modification times: a cache restored onto a fresh clone is still valid.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

import markdown
import nh3

CODE_FILES = ("reader.py", "render.py", "frontmatter.py", "fields.py", "types.py", "scan.py",
              "../hub_build/text.py")  # the text gate decides what a read item may hold


def code_version() -> str:
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for name in CODE_FILES:
        digest.update((here / name).read_bytes())
    digest.update(f"{markdown.__version__} {getattr(nh3, '__version__', '')}".encode())
    return digest.hexdigest()[:16]


class ItemCache:
    def __init__(self, folder: Path | None):
        self.folder = folder / code_version() if folder else None

    def _path(self, rel: str, lang: str, data: bytes) -> Path:
        key = hashlib.sha256(rel.encode() + b"\0" + lang.encode() + b"\0" + data).hexdigest()
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, rel: str, lang: str, data: bytes):
        if not self.folder:
            return None
        try:
            with open(self._path(rel, lang, data), "rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.PickleError, EOFError, AttributeError):
            return None

    def put(self, rel: str, lang: str, data: bytes, item) -> None:
        if not self.folder:
            return
        path = self._path(rel, lang, data)
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written whole under a name of this process's own, then renamed: readers never see half a
        # file, and two builds sharing the cache never write the same partial file. (tempfile's
        # safe random names cost 5% of a cold read.)
        partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
        partial.write_bytes(pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(partial, path)
