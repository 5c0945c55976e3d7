"""Translation status per language: for every original, is each language's version
translated, missing or stale? Pure: from the translation map and a git History."""

from __future__ import annotations

from dataclasses import dataclass, field

import datetime as dt

from hub_content.hub import build_time
from hub_content.types import load as content_types

from . import worddiff
from .history import State

STALE_STATES = (State.STALE,)


@dataclass
class LanguageStatus:
    code: str
    translated: list = field(default_factory=list)  # (original item, translation item, TranslationStatus)
    stale: list = field(default_factory=list)
    possibly_stale: list = field(default_factory=list)  # no source_revision, and the original changed since
    missing: list = field(default_factory=list)  # original items without a version in this language
    left_out: int = 0  # missing originals not listed: past events, closed opportunities

    @property
    def total(self) -> int:
        return len(self.translated) + len(self.stale) + len(self.possibly_stale) + len(self.missing)

    @property
    def coverage(self) -> float:
        """Share of originals with a version in this language not known to be out of date (0..1)."""
        return len(self.translated) / self.total if self.total else 1.0


def relative_to_repo(content_prefix: str, source: str) -> str:
    return f"{content_prefix}{source}" if content_prefix else source


def build(tmap, languages, history, content_prefix: str = "content/", now=None,
          everything: bool = False, types=None) -> dict[str, LanguageStatus]:
    """Status of every language. A version without source_revision is judged from git (`History`):
    possibly out of date when its original changed after the translation's last commit.

    The missing list leaves out past events and closed opportunities unless `everything`, and is
    ordered by section, newest first. A derived edition (Serbian Latin) has the status of the
    language it is made from: it has no files of its own to translate."""
    now = now or build_time()
    pairs, places = [], []
    for key in tmap.keys():
        original = tmap.original(key)
        for code, item in _written_versions(tmap, key, languages).items():
            if item is not original:
                pairs.append((relative_to_repo(content_prefix, item.source),
                              relative_to_repo(content_prefix, original.source), item.fields.get("source_revision")))
                places.append((original, item))
    statuses = history.with_diffs(history.statuses(pairs)) if pairs else []
    by_version = {item.source: (original, item, status) for (original, item), status in zip(places, statuses)}
    report = {code: LanguageStatus(code) for code in languages.written}
    missing: dict[str, list] = {code: [] for code in languages.written}
    for key in tmap.keys():
        original = tmap.original(key)
        versions = _written_versions(tmap, key, languages)
        for code in languages.written:
            if versions.get(code) is original:
                continue
            if code not in versions:
                missing[code].append(original)
                continue
            entry = by_version[versions[code].source]
            state = entry[2].state
            chosen = (report[code].stale if state in STALE_STATES else
                      report[code].possibly_stale if state == State.POSSIBLY_STALE else report[code].translated)
            chosen.append(entry)
    sections = {t.name: position for position, t in enumerate(types or content_types())}
    for code, originals in missing.items():
        shown = [o for o in originals if everything or _still_current(o, now)]
        report[code].missing = sorted(shown, key=lambda original: _section_then_newest(original, sections))
        report[code].left_out = len(originals) - len(shown)
    for language in languages:
        if language.derived:
            report[language.code] = report[language.derived_from]
    return {code: report[code] for code in languages.codes}


def _written_versions(tmap, key, languages) -> dict:
    """code -> version written in a file, an item typed in a derived edition's script counted as
    its base language's (a Serbian text in Latin is the Serbian version)."""
    found = {}
    for code, item in tmap.versions(key).items():
        if tmap.is_derived(item):
            continue
        found.setdefault(languages[code].derived_from or code, item)
    return found


def _still_current(original, now) -> bool:
    """Not a past event or a closed opportunity: what a translator should still translate."""
    content_type = original.content_type
    if len(content_type.listings) < 2:
        return True
    return content_type.listings[0].selects(original.meta, now)


def _section_then_newest(original, sections: dict) -> tuple:
    """In the hub's order of sections, then newest first: by the date a reader sees (an event's start)."""
    shown_date = original.content_type.shown_date
    moment = shown_date(original.meta) if shown_date else original.meta.get("date")
    position = sections.get(original.type, len(sections))
    day = moment.date() if isinstance(moment, dt.datetime) else moment
    return (position, -day.toordinal() if day else 0, original.source)


def to_json(report: dict[str, LanguageStatus], history) -> dict:
    def commit(c):
        return {"revision": c.hash, "date": c.date, "subject": c.subject}

    def version(entry):
        original, item, status = entry
        return {"translation": item.source, "original": original.source, "state": str(status.state),
                "recorded": status.recorded, "revision": status.revision, "updated_on": status.updated_on,
                "changes": [commit(c) for c in status.changes],
                "minor_changes": [commit(c) for c in status.minor_changes],
                "diff": [{**commit(c), "paragraphs": [[list(segment) for segment in paragraph] for paragraph in found]}
                         for c, found in status.diffs],
                "pending": status.pending, "explanation": status.explanation}

    def missing(original):
        return {"original": original.source, "title": original.title, "type": original.type}

    return {
        "history": {"available": history.available, "shallow": history.shallow, "head": history.head,
                    "reason": history.reason},
        "languages": {code: {"coverage": round(status.coverage, 4), "total": status.total,
                             "translated": [version(e) for e in status.translated],
                             "stale": [version(e) for e in status.stale],
                             "possibly_stale": [version(e) for e in status.possibly_stale],
                             "missing": [missing(o) for o in status.missing],
                             "missing_left_out": status.left_out}
                      for code, status in report.items()},
    }


def diff_text(status) -> str:
    """The word diff of an out-of-date translation's original, per commit, for `invoke status --diff`."""
    lines = []
    for commit, found in status.diffs:
        lines.append(f"{commit.hash[:12]} {commit.date} {commit.subject}")
        lines += [f"  {worddiff.as_text(paragraph)}" for paragraph in found] or ["  (no change in the text)"]
    return "\n".join(lines)


def notices(report: dict[str, LanguageStatus]) -> dict[str, tuple]:
    """translation source -> ((kind, updated_on, original source),) for the reader notice: "stale",
    or "possibly-stale" for a translation without source_revision whose original changed since."""
    found = {}
    for language in report.values():
        for kind, entries in (("stale", language.stale), ("possibly-stale", language.possibly_stale)):
            for original, item, status in entries:
                found[item.source] = ((kind, status.updated_on, original.source),)
    return found


def update_notices(tmap, history, content_prefix: str = "content/") -> dict[str, tuple]:
    """source -> (("updated", date, source),) for every item file whose content changed in git
    after the item was posted (its `date`, and not before the commit that added it): the reader's "Updated on
    DATE", JSON-LD dateModified, the sitemap's lastmod and the feed's updated. A pure rename is
    not a change. Nothing without a history (outside git: see `dates_note`)."""
    if not history.available:
        return {}
    found = {}
    for item in tmap.items():
        changes = [history.commits[t.commit] for t in history._touches(relative_to_repo(content_prefix, item.source))
                   if t.status != "R100" and not t.status.startswith("D")]
        if len(changes) < 2:
            continue  # only the commit that added it (an import may add old items: not an update)
        added = min(c.date for c in changes)
        posted = max(item.meta["date"].isoformat(), added) if item.meta.get("date") else added
        latest = max(c.date for c in changes)
        if latest > posted:
            found[item.source] = (("updated", latest, item.source),)
    return found


def dates_note(history) -> str | None:
    """What the build says, once, when git cannot give the items' update dates."""
    if history.available:
        return None
    return f"Update dates are left out of pages, JSON-LD, sitemaps and feeds: {history.reason}"


def merged(*notice_maps: dict) -> dict[str, tuple]:
    """Notices of several kinds for the same sources, in one map."""
    found: dict[str, tuple] = {}
    for notice_map in notice_maps:
        for source, notices in notice_map.items():
            found[source] = found.get(source, ()) + tuple(notices)
    return found


def updated_on(notices: dict, source: str) -> str | None:
    return next((date for kind, date, _ in notices.get(source, ()) if kind == "updated"), None)
