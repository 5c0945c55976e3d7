"""Connects the page planner and renderer to Pelican: plan in generate_context (so
address collisions stop the build before anything is written), render in
generate_output."""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals
from pelican.generators import Generator
from pelican.log import console

from hub_build.errors import fail_if
from hub_build.workers import workers
from hub_content import links
from hub_i18n import catalogs

from .cache import PageCache, salt
from .filters import filter_data
from .render import Renderer, copy_attachment, write
from .routes import SitePlan

logger = logging.getLogger(__name__)


class HubPagesGenerator(Generator):
    def generate_context(self):
        hub = self.context["hub"]
        self.context["hub_plan"] = SitePlan(hub, self.settings["HUB_PAGE_SIZE"], self.settings["HUB_FALLBACK_COPIES"])
        found, problems = catalogs.load(Path(self.theme) / "translations", hub.languages)
        for problem in problems:
            logger.warning("%s", problem)
        self.context["hub_catalogs"] = found

    def generate_output(self, writer):
        check_links(self.context["hub_plan"], Path(self.path))  # every page is planned now, search's too
        cache_folder = self.settings.get("HUB_CACHE_PATH")
        cache = PageCache(Path(cache_folder) if cache_folder else None,
                          salt(Path(self.theme), self.settings, self.context["hub"]))
        renderer = Renderer(self.env, self.context["hub_plan"], self.context["hub_catalogs"], self.settings, cache,
                            notices=self.context.get("hub_page_notices"))
        output = Path(self.output_path)
        renderer.render_all(output, workers(self.settings["HUB_PROCESSES"]))
        plan, hub = self.context["hub_plan"], self.context["hub"]
        for (lang, _), (path, fields, entries) in sorted(plan.filters.items()):
            write(output, path, filter_data(fields, entries, renderer.url))
        for rel in hub.attachments:
            copy_attachment(Path(self.path) / rel, output, rel)
        fallbacks = sum(1 for page in plan.pages if page.fallback)
        console.print("Hub: %d source files: %d items published, %d drafts, %d vocabularies; "
                    "%d pages in %d languages (%d through fallbacks)" % (
                    len(hub.sources), len(hub.translations.items()), len(hub.drafts),
                    len(hub.vocabularies), len(plan.pages), len(hub.languages), fallbacks))


def check_links(plan, root: Path) -> None:
    planned: dict = {}
    for page in plan.pages:
        planned.setdefault(page.lang, set()).add(page.path)
    fail_if(links.plan_problems(root, plan.hub.translations.items(), plan.hub.languages, planned))


def get_generators(pelican):
    return HubPagesGenerator


def register():
    signals.get_generators.connect(get_generators)
