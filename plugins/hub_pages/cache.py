"""A cache of rendered pages, keyed by everything a page is rendered from.

A page's key hashes exactly the data its template receives (item digests and facts,
listed entries, switcher, hreflang, canonical, navigation, settings) with a salt
covering what every page shares (templates, catalogs, the page code, vocabularies,
languages).
A page whose inputs did not change is written from the cache without Jinja.
"""

from __future__ import annotations

import hashlib
import sqlite3
import sys
from pathlib import Path

import babel
import jinja2

from hub_build.staging import folder_tag

CODE = Path(__file__).parent
FLUSH_PAGES = 500  # rendered pages held before they are stored: bounds a worker's memory on a large hub


def tree_digest(*folders: Path) -> str:
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def salt(theme: Path, hub) -> str:
    """What every page shares and no page's data holds: templates, catalogs, code (the content types'
    modules too, wherever they are), vocabularies, languages (the settings templates see are in each
    page's data, hub_pages.render.Renderer.page_data)."""
    shared = (
        tree_digest(theme / "templates", theme / "translations", CODE, CODE.parent / "hub_i18n",
                    CODE.parent / "hub_content", CODE.parent / "hub_languages"),  # scripts.py: derived catalogs
        repr(sorted((name, sorted(v.labels.items())) for name, v in hub.vocabularies.items())),
        [(t.module, Path(sys.modules[t.module].__file__).read_bytes()) for t in hub.types if t.module],
        repr(hub.languages.languages), babel.__version__, jinja2.__version__,
    )
    return hashlib.sha256(repr(shared).encode()).hexdigest()


class PageCache:
    """Rendered pages in one SQLite file per language (one file, not one per page: writing
    thousands of small files costs more than rendering them). Each language is rendered by
    one process, so the files never see two writers.

    Each file also records which page (by output path) was written with which key into which
    output folder, so that a page whose key did not change is hard-linked from the published
    output rather than written again (plugins/hub_pages/render.py)."""

    def __init__(self, folder: Path | None, shared_salt: str):
        self.folder = folder / "pages" if folder else None
        self.salt = shared_salt

    def key(self, fingerprint: tuple) -> str:
        return hashlib.sha256((self.salt + repr(fingerprint)).encode()).hexdigest()

    def language(self, code: str, published: Path | None = None, staging: Path | None = None) -> "LanguagePages":
        return LanguagePages(self.folder / f"{code}.sqlite" if self.folder else None,
                             folder_tag(published) if published else None, folder_tag(staging) if staging else None)


class LanguagePages:
    def __init__(self, path: Path | None, published: str | None = None, staging: str | None = None):
        self.connection = None
        self.used: set[str] = set()
        self.new: dict[str, str] = {}
        self.written: dict[str, str] = {}  # output path -> key, this build
        self.published: dict[str, str] = {}  # output path -> key, in the published output
        self.staging = staging
        if path:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.connection = sqlite3.connect(path)
            self.connection.execute("CREATE TABLE IF NOT EXISTS pages (key TEXT PRIMARY KEY, html TEXT)")
            self.connection.execute("CREATE TABLE IF NOT EXISTS written (folder TEXT, path TEXT, key TEXT)")
            if published:
                self.published = dict(self.connection.execute(
                    "SELECT path, key FROM written WHERE folder = ?", (published,)))

    def get(self, key: str) -> str | None:
        self.used.add(key)
        if not self.connection:
            return None
        row = self.connection.execute("SELECT html FROM pages WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def put(self, key: str, html: str) -> None:
        self.new[key] = html
        if len(self.new) >= FLUSH_PAGES:  # a language's new pages would otherwise all wait in memory
            self.flush()

    def flush(self) -> None:
        if self.connection and self.new:
            with self.connection:
                self.connection.executemany("INSERT OR REPLACE INTO pages VALUES (?, ?)", self.new.items())
        self.new.clear()

    def published_as(self, path: str, key: str) -> bool:
        """Whether the published output holds this page with this key (its bytes are then the page's)."""
        return self.published.get(path) == key

    def wrote(self, path: str, key: str) -> None:
        self.used.add(key)
        self.written[path] = key

    def close(self) -> None:
        """Store new pages and forget pages this build no longer has, so the file stays small."""
        if not self.connection:
            return
        self.flush()
        with self.connection:
            self.connection.execute("CREATE TEMP TABLE used (key TEXT PRIMARY KEY)")
            self.connection.executemany("INSERT INTO used VALUES (?)", ((k,) for k in self.used))
            self.connection.execute("DELETE FROM pages WHERE key NOT IN (SELECT key FROM used)")
            self.connection.execute("DELETE FROM written")
            if self.staging:
                self.connection.executemany("INSERT INTO written VALUES (?, ?, ?)",
                                            ((self.staging, path, key) for path, key in self.written.items()))
        self.connection.close()
