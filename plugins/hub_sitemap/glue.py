"""Writes the language sitemaps and the sitemap index."""

from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from hub_pages.render import write

from .sitemap import language_sitemap, sitemap_index, sitemap_path


class HubSitemapGenerator(Generator):
    def generate_output(self, writer):
        plan = self.context["hub_plan"]
        siteurl = self.settings.get("SITEURL", "").rstrip("/")
        output = Path(self.output_path)
        updates = {source: date for source, notices in self.context.get("hub_page_notices", {}).items()
                   for kind, date, _ in notices if kind == "updated"}
        for language in plan.languages:
            write(output, sitemap_path(language), language_sitemap(plan, language.code, siteurl, updates))
        write(output, "sitemap.xml", sitemap_index(plan, siteurl))


def get_generators(pelican):
    return HubSitemapGenerator


def register():
    signals.get_generators.connect(get_generators)
