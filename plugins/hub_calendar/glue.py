"""Writes each event's .ics and each language's events.ics (what its listings show, fallbacks
included) after the pages are planned."""

from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from hub_pages.render import write

from . import ics


def calendar_path(language) -> str:
    return f"{language.prefix}/events.ics"


class HubCalendarGenerator(Generator):
    def generate_output(self, writer):
        plan = self.context["hub_plan"]
        catalogs = self.context["hub_catalogs"]
        siteurl = self.settings.get("SITEURL", "").rstrip("/")
        domain = self.settings["HUB_UID_DOMAIN"]
        output = Path(self.output_path)
        for language in plan.languages:
            gettext = catalogs[language.code].gettext
            name = gettext("%(site)s events") % {"site": self.settings["SITENAME"]}
            feed = ics.calendar(name, language.tag)
            prefix = f"{language.prefix}/"
            # What the language's listings show, fallbacks included; each event says its own language.
            for shown in plan.shown(language.code):
                item = shown.item
                if item.type != "event":
                    continue
                entry = ics.event(item, f"{siteurl}/{shown.path}", domain, plan.hub.build_time,
                                  plan.hub.vocabularies["event-types"].label(item.meta["event_type"], language.code),
                                  gettext("Online"),
                                  plan.languages[item.lang].tag)
                if shown.path.startswith(prefix):  # a page of this language (not a link to another's)
                    one = ics.calendar(item.title, language.tag)
                    one.add_component(entry)
                    write(output, f"{shown.path}event.ics", ics.to_text(one))
                feed.add_component(entry)
            write(output, calendar_path(language), ics.to_text(feed))


def get_generators(pelican):
    return HubCalendarGenerator


def register():
    signals.get_generators.connect(get_generators)
