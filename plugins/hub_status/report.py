"""Translation status per language: for every original, is each language's version
translated, missing or stale? Pure: from the translation map and a git History."""

from __future__ import annotations

from dataclasses import dataclass, field

from .history import State

STALE_STATES = (State.STALE,)


@dataclass
class LanguageStatus:
    code: str
    translated: list = field(default_factory=list)  # (original item, translation item, TranslationStatus)
    stale: list = field(default_factory=list)
    missing: list = field(default_factory=list)  # original items without a version in this language

    @property
    def total(self) -> int:
        return len(self.translated) + len(self.stale) + len(self.missing)

    @property
    def coverage(self) -> float:
        """Share of originals with an up-to-date version in this language (0..1)."""
        return len(self.translated) / self.total if self.total else 1.0


def relative_to_repo(content_prefix: str, source: str) -> str:
    return f"{content_prefix}{source}" if content_prefix else source


def build(tmap, languages, history, content_prefix: str = "content/") -> dict[str, LanguageStatus]:
    """Status of every language. A version made without recording its source revision counts as
    translated (its state says 'not recorded'); only a proven newer original makes it stale."""
    pairs, places = [], []
    for key in tmap.keys():
        original = tmap.original(key)
        for code, item in tmap.versions(key).items():
            if code != original.lang:
                pairs.append((relative_to_repo(content_prefix, item.source),
                              relative_to_repo(content_prefix, original.source), item.fields.get("source_revision")))
                places.append((original, item))
    statuses = history.statuses(pairs) if pairs else []
    by_version = {item.source: (original, item, status) for (original, item), status in zip(places, statuses)}
    report = {code: LanguageStatus(code) for code in languages.codes}
    for key in tmap.keys():
        original = tmap.original(key)
        versions = tmap.versions(key)
        for code in languages.codes:
            if code == original.lang:
                continue
            if code not in versions:
                report[code].missing.append(original)
                continue
            entry = by_version[versions[code].source]
            (report[code].stale if entry[2].state in STALE_STATES else report[code].translated).append(entry)
    return report


def to_json(report: dict[str, LanguageStatus], history) -> dict:
    def commit(c):
        return {"revision": c.hash, "date": c.date, "subject": c.subject}

    def version(entry):
        original, item, status = entry
        return {"translation": item.source, "original": original.source, "state": str(status.state),
                "recorded": status.recorded, "revision": status.revision, "updated_on": status.updated_on,
                "changes": [commit(c) for c in status.changes], "pending": status.pending,
                "explanation": status.explanation}

    return {
        "history": {"available": history.available, "shallow": history.shallow, "head": history.head,
                    "reason": history.reason},
        "languages": {code: {"coverage": round(status.coverage, 4), "total": status.total,
                             "translated": [version(e) for e in status.translated],
                             "stale": [version(e) for e in status.stale],
                             "missing": [{"original": o.source, "title": o.title} for o in status.missing]}
                      for code, status in report.items()},
    }


def notices(report: dict[str, LanguageStatus]) -> dict[str, tuple]:
    """translation source -> (("stale", updated_on, original source),) for the reader notice."""
    return {item.source: (("stale", status.updated_on, original.source),)
            for language in report.values() for original, item, status in language.stale}
