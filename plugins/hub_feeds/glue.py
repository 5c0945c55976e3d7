"""Writes each language's Atom feeds (everything, sections, topics, countries) after the pages are planned."""

from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from hub_pages.messages import SECTIONS
from hub_pages.render import write

from .atom import atom, feed_path, feed_types, term_feeds


class HubFeedsGenerator(Generator):
    def generate_output(self, writer):
        plan = self.context["hub_plan"]
        catalogs = self.context["hub_catalogs"]
        siteurl = self.settings.get("SITEURL", "").rstrip("/")
        sitename = self.settings["SITENAME"]
        output = Path(self.output_path)
        updates = {source: date for source, notices in self.context.get("hub_page_notices", {}).items()
                   for kind, date, _ in notices if kind == "updated"}
        for language in plan.languages:
            gettext = catalogs[language.code].gettext
            title = gettext("%(site)s: everything new") % {"site": sitename}
            write(output, feed_path(language), atom(plan, language, siteurl, sitename, title, updates=updates))
            for content_type in feed_types(plan):
                title = f"{sitename}: {gettext(SECTIONS[content_type.name])}"
                write(output, feed_path(language, content_type),
                      atom(plan, language, siteurl, sitename, title, content_type, updates=updates))
            for vocabulary, term, path, shown in term_feeds(plan, language.code):
                title = f"{sitename}: {plan.hub.vocabularies[vocabulary].label(term, language.code)}"
                write(output, path, atom(plan, language, siteurl, sitename, title, path=path,
                                         home=path.removesuffix("feed.atom"), shown=shown, updates=updates))


def get_generators(pelican):
    return HubFeedsGenerator


def register():
    signals.get_generators.connect(get_generators)
