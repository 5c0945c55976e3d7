"""Built indexes kept between builds: a language whose records did not change is not rebuilt.

A language's index depends only on its records, its code and the search code (index, pipeline,
languages.json, and the pinned PACKAGES below), so the key hashes exactly those. Building a
large hub's indexes takes minutes (tools/bench_search.py); a rebuild after editing one item in one
language rebuilds that language's index and the languages that show it through fallbacks.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from pathlib import Path

from importlib.metadata import version

from .index import Terms

CODE = Path(__file__).parent
# What an index's bytes depend on besides our code: analysis (stemmers, romanisation), the lunr format,
# the weights' arithmetic (numpy), and the members' JSON and gzip.
PACKAGES = ("lunr", "snowballstemmer", "PyStemmer", "cyrtranslit", "deflate", "orjson", "numpy")


def code_digest() -> str:
    digest = hashlib.sha256("\0".join(version(package) for package in PACKAGES).encode())
    for path in sorted(CODE.glob("*.py")) + [CODE / "languages.json"]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def key(lang: str, records: list[dict], code: str, text_digests: dict | None = None) -> str:
    """A digest of the records. Languages share most body texts (an item shown through fallbacks is
    the same string in each language's records), so each text is hashed once, through
    `text_digests` (id of the text -> digest, for one build), not encoded again with every language."""
    text_digests = {} if text_digests is None else text_digests
    digest = hashlib.sha256(f"{lang}\0{code}\0".encode())
    for record in records:
        text = record.get("body_text", "")
        if id(text) not in text_digests:
            text_digests[id(text)] = (text, hashlib.sha256(text.encode()).hexdigest())
        shown = {name: value for name, value in record.items() if name != "body_text"}
        digest.update(json.dumps(shown, ensure_ascii=False, sort_keys=True).encode())
        digest.update(text_digests[id(text)][1].encode())
    return digest.hexdigest()[:32]


class IndexCache:
    """One file per language: <folder>/<lang>-<key>.pickle; older keys of the language are removed.

    Beside it, <folder>/terms/<lang>.pickle keeps the analysed pieces of the language's last build
    (index.Terms: lowercased piece -> its terms), tagged with the code digest. An edit changes a few
    records, but the records change every weight, so the language's index is built again; its text is
    not analysed again: stemming and folding were most of an index build's time.
    """

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.code = code_digest() if folder else ""
        self.text_digests: dict[int, tuple] = {}  # keeps each text alive, so that its id stays its own

    def files(self, lang: str, records: list[dict], build) -> dict[str, bytes]:
        """The language's files, from the cache or from `build(terms)`, given an index.Terms that knows
        the pieces of the last build (None without a cache folder)."""
        if self.folder is None:
            return build(None)
        path = self.folder / f"{lang}-{key(lang, records, self.code, self.text_digests)}.pickle"
        try:
            return pickle.loads(path.read_bytes())
        except Exception:  # missing, or damaged in any of the many ways unpickling reports: rebuild
            pass
        terms = Terms(lang, self.known_terms(lang))
        files = build(terms)
        self.folder.mkdir(parents=True, exist_ok=True)
        # Exactly this language's keys: "sr-*" would also match sr-latn's.
        for old in self.folder.glob(f"{lang}-{'?' * len(path.stem.rsplit('-', 1)[1])}.pickle"):
            old.unlink(missing_ok=True)
        store(path, files)
        store(self.folder / "terms" / f"{lang}.pickle", (self.code, terms.memo))
        return files

    def known_terms(self, lang: str) -> dict:
        try:
            code, memo = pickle.loads((self.folder / "terms" / f"{lang}.pickle").read_bytes())
        except Exception:  # none yet, or damaged: analyse every piece
            return {}
        return memo if code == self.code and isinstance(memo, dict) else {}


def store(path: Path, value) -> None:
    """Write a pickle whole or not at all (a build killed while writing leaves the old file). The
    partial file is named by the process, as hub_content's cache does: two builds sharing one cache
    (each output has its own lock, not its cache) never write the same partial file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    with open(partial, "wb") as handle:  # streamed, not first made whole in memory as one bytes
        pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
    partial.replace(path)
