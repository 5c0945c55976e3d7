"""The translation status's part in a build: the git history read once, notices for stale
translations (shown by hub_pages), and a status page per language in the site plan."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pelican.log import console

from hub_build.extensions import Extension
from hub_pages.routes import Page

from . import report
from .history import read_history


def status_for(content: Path, hub):
    """The status report and history of a content folder inside (or outside) a git repository."""
    content = content.resolve()
    history = read_history(content.parent, content.name)
    return report.build(hub.translations, hub.languages, history, f"{content.name}/", hub.build_time,
                        types=hub.types), history


@dataclass(frozen=True)
class HistorySummary:
    """What a status page says about the history it was read from (plain data, for the page's key)."""

    available: bool
    reason: str


def status_path(language) -> str:
    return f"{language.prefix}/translation-status/"


class StatusExtension(Extension):
    name = "status"

    def __init__(self):
        self.status = self.history = None

    def notices(self, build) -> dict[str, tuple]:
        """Stale translations, and "Updated on" dates from the same history (said once when there is none)."""
        self.status, self.history = status_for(build.content, build.hub)
        if report.dates_note(self.history):
            console.print(f"Hub: {report.dates_note(self.history)}")
        return report.merged(report.notices(self.status), report.update_notices(
            build.hub.translations, self.history, f"{build.content.resolve().name}/"))

    def pages(self, build) -> list[Page]:
        if not build.settings["HUB_STATUS_PAGE"]:
            return []
        plan, history = build.plan, HistorySummary(self.history.available, self.history.reason)
        return [Page(language.code, status_path(language), "translation-status", ("translation-status",),
                     "translation-status.html",
                     data={"status": self.status[language.code], "history": history,
                           "repository": build.settings["HUB_REPOSITORY_URL"],
                           "item_paths": {entry.item.source: entry.path for entry in plan.shown(language.code)}})
                for language in plan.languages]
