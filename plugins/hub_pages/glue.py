"""The page plan's steps of the build: plan every page, render them, copy the theme's files and
the attachments. hub_site.build calls them in order."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from pelican.log import console

from hub_build.workers import workers
from hub_content import links

from .cache import PageCache, salt
from .filters import filter_data
from .render import Renderer, copy_attachment, write
from .routes import SitePlan

logger = logging.getLogger(__name__)


def plan_pages(build) -> SitePlan:
    return SitePlan(build.hub, build.settings["HUB_PAGE_SIZE"], build.settings["HUB_FALLBACK_COPIES"])


def render_pages(build, written=None) -> None:
    """Every planned page, then each section's filter data."""
    cache_folder = build.settings.get("HUB_CACHE_PATH")
    cache = PageCache(Path(cache_folder) if cache_folder else None, salt(build.theme, build.hub))
    renderer = Renderer(build.env, build.plan, build.catalogs, build.settings, cache, build.notices, written,
                        build.pictures)
    renderer.render_all(build.output, workers(build.settings["HUB_PROCESSES"]))
    for path, fields, entries, browsed in filters(build):
        write(build.output, path, filter_data(fields, entries, renderer.url, browsed))


def link_problems(build) -> list:
    """Internal links of every item, resolved against the plan of the language each is shown in (every
    page is planned by now, the extensions' too)."""
    planned: dict = {}
    for page in build.plan.pages:
        planned.setdefault(page.lang, set()).add(page.path)
    return links.plan_problems(build.content, build.hub.translations.items(), build.hub.languages, planned)


def filters(build) -> list[tuple]:
    return [found for _, found in sorted(build.plan.filters.items())]


def theme_files(build) -> list[tuple[Path, str]]:
    """(source, output path) of the theme's static files, where Pelican would put them (THEME_STATIC_DIR)."""
    found = []
    for folder in build.settings.get("THEME_STATIC_PATHS", ["static"]):
        root = build.theme / folder
        found += [(path, f"{build.settings.get('THEME_STATIC_DIR', 'theme')}/{path.relative_to(root).as_posix()}")
                  for path in sorted(root.rglob("*")) if path.is_file()]
    return found


def shared_files(build) -> list[tuple[str, str]]:
    """(who writes it, output path) of the files of no language: the theme's and the attachments."""
    return ([("the theme", path) for _, path in theme_files(build)]
            + [(f"the attachment content/{rel}", rel) for rel in build.hub.attachments])


def filter_files(build) -> list[tuple[str, str]]:
    """(who writes it, output path) of each section's filter data, written with the pages."""
    return [(f"the {path.split('/')[-2]} filters", path) for path, *_ in filters(build)]


def copy_theme(build) -> None:
    for source, path in theme_files(build):
        target = build.output / path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)


def copy_attachments(build) -> None:
    for rel in build.hub.attachments:
        copy_attachment(build.content / rel, build.output, rel)


def summary(build) -> None:
    hub, plan = build.hub, build.plan
    fallbacks = sum(1 for page in plan.pages if page.fallback)
    console.print("Hub: %d source files: %d items published, %d drafts, %d vocabularies; "
                  "%d pages in %d languages (%d through fallbacks)" % (
                      len(hub.sources), len(hub.translations.items()), len(hub.drafts),
                      len(hub.vocabularies), len(plan.pages), len(hub.languages), fallbacks))


def register():
    pass  # no signals: hub_site.build calls these steps
