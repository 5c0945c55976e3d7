"""Offline reading's part in a build: an offline page per language in the plan (hub_pages renders
it), and the service worker at the hub's root, written after rendering so that its version covers
the offline pages as rendered."""

from __future__ import annotations

from hub_build.extensions import Extension
from hub_pages.render import write
from hub_pages.routes import Page

from .worker import WORKER_PATH, offline_path, retiring_script, script, shell, version


def offline_page(language) -> Page:
    return Page(language.code, offline_path(language.prefix), "offline", ("offline",), "offline.html")


def _theme_files(build) -> dict[str, object]:
    """Output path -> source of the theme's static files (where hub_pages copies them)."""
    found = {}
    theme_dir = build.settings.get("THEME_STATIC_DIR", "theme")
    for folder in build.settings.get("THEME_STATIC_PATHS", ["static"]):
        root = build.theme / folder
        found.update({f"{theme_dir}/{path.relative_to(root).as_posix()}": path
                      for path in sorted(root.rglob("*")) if path.is_file()})
    return found


class OfflineExtension(Extension):
    name = "offline"

    def pages(self, build) -> list[Page]:
        if not build.settings["HUB_OFFLINE"]:
            return []
        return [offline_page(language) for language in build.plan.languages]

    def files(self, build) -> list[str]:
        return [WORKER_PATH]

    def write(self, build) -> None:
        # Live reload, or a hub that turned offline reading off, publishes a worker that removes
        # itself: a browser still holding an earlier worker for this address then drops it.
        if not build.settings["HUB_OFFLINE"] or build.settings.get("HUB_LIVERELOAD"):
            write(build.output, WORKER_PATH, retiring_script())
            return
        languages = build.plan.languages
        default = languages.default
        ordered = sorted(languages, key=lambda language: language.code != default)
        offline = [offline_path(language.prefix) for language in ordered]
        theme_dir = build.settings.get("THEME_STATIC_DIR", "theme")
        theme = _theme_files(build)
        kept = shell(list(theme), theme_dir)
        files = {path: theme[path].read_bytes() for path in kept}
        files.update({path: (build.output / path / "index.html").read_bytes() for path in offline})
        write(build.output, WORKER_PATH, script(kept, offline, version(files), theme_dir))
