"""Pictures made once, kept by the hash of their source file: `HUB_CACHE_PATH/pictures/`.

A picture's files are named by its recipe digest (the source's hash and how it is made), so a
changed file gets new names and an unchanged one is never made again. Hashing every attachment on
every build would read the whole library: a file's hash is kept with its size, modification time
and inode, and read again only when one of them changed (the output never depends on them: the
hash does). Without a cache folder, pictures are made in a temporary folder for the one build.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from .pictures import Variant


class PictureStore:
    def __init__(self, folder: Path | None):
        self._temporary = None
        if folder is None:
            self._temporary = tempfile.TemporaryDirectory(prefix="hub-pictures-")
            folder = Path(self._temporary.name)
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self._hashes_file = folder / "hashes.json"
        try:
            self._hashes = json.loads(self._hashes_file.read_text())
        except (OSError, ValueError):
            self._hashes = {}
        self._changed = False

    def file_digest(self, path: Path) -> str:
        stat = path.stat()
        seen = [stat.st_size, stat.st_mtime_ns, stat.st_ino]
        known = self._hashes.get(str(path))
        if known and known[:3] == seen:
            return known[3]
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        self._hashes[str(path)] = seen + [digest]
        self._changed = True
        return digest

    def variants(self, recipe: str) -> list[Variant] | None:
        """The sizes made for `recipe` before (their width and height; the bytes stay on disk), or None."""
        try:
            sizes = json.loads((self.folder / f"{recipe}.json").read_text())
        except (OSError, ValueError):
            return None
        if not all(self.path(recipe, w).is_file() for w, _ in sizes):
            return None
        return [Variant(w, h) for w, h in sizes]

    def put(self, recipe: str, variants: list[Variant]) -> None:
        for variant in variants:
            _write(self.path(recipe, variant.width), variant.data)
        _write(self.folder / f"{recipe}.json", json.dumps([[v.width, v.height] for v in variants]).encode())

    def path(self, recipe: str, width: int) -> Path:
        return self.folder / f"{recipe[:20]}-{width}.webp"

    def close(self) -> None:
        if self._changed and self._temporary is None:
            _write(self._hashes_file, json.dumps(self._hashes, sort_keys=True).encode())
        if self._temporary is not None:
            self._temporary.cleanup()


def _write(path: Path, data: bytes) -> None:
    """Whole or not at all: a killed build never leaves half a picture in the cache."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    temporary.write_bytes(data)
    os.replace(temporary, path)
