"""Writes each language's Atom feed after the pages are planned."""

from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from hub_pages.render import write

from .atom import atom, feed_path


class HubFeedsGenerator(Generator):
    def generate_output(self, writer):
        plan = self.context["hub_plan"]
        catalogs = self.context["hub_catalogs"]
        siteurl = self.settings.get("SITEURL", "").rstrip("/")
        sitename = self.settings["SITENAME"]
        for language in plan.languages:
            title = catalogs[language.code].gettext("%(site)s news") % {"site": sitename}
            write(Path(self.output_path), feed_path(language), atom(plan, language, siteurl, sitename, title))


def get_generators(pelican):
    return HubFeedsGenerator


def register():
    signals.get_generators.connect(get_generators)
