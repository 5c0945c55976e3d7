"""The calendars' part in a build: each event's .ics and each language's events.ics (what its
listings show, fallbacks included)."""

from hub_build.extensions import Extension
from hub_pages.render import write

from . import ics


def calendar_path(language) -> str:
    return f"{language.prefix}/events.ics"


def shown_events(plan, language) -> list:
    """(entry, own page?) for every item a language's listings show whose type is an event type
    (ContentType.calendar); an own page is one published under the language's prefix."""
    prefix = f"{language.prefix}/"
    return [(shown, shown.path.startswith(prefix)) for shown in plan.shown(language.code)
            if shown.item.content_type.calendar]


def type_label(item, lang: str, vocabularies) -> str:
    """The label of the event's own type (its type field's term), for the calendar's categories."""
    content_type = item.content_type
    field = content_type.type_field
    if not field or field not in item.meta:
        return ""
    vocabulary = vocabularies.get(content_type.schema[field].kind.vocabulary)
    return vocabulary.label(item.meta[field], lang) if vocabulary else item.meta[field]


class CalendarExtension(Extension):
    name = "calendars"

    def files(self, build) -> list[str]:
        return [path for language in build.plan.languages for path in
                [calendar_path(language)] + [f"{shown.path}event.ics" for shown, own
                                             in shown_events(build.plan, language) if own]]

    def write(self, build) -> None:
        plan, settings = build.plan, build.settings
        siteurl = settings.get("SITEURL", "").rstrip("/")
        for language in plan.languages:
            gettext = build.catalogs[language.code].gettext
            feed = ics.calendar(gettext("%(site)s events") % {"site": settings["SITENAME"]}, language.tag)
            for shown, own in shown_events(plan, language):
                item = shown.item  # each event says its own language
                entry = ics.event(item, f"{siteurl}/{shown.path}", settings["HUB_UID_DOMAIN"], plan.hub.build_time,
                                  type_label(item, language.code, plan.hub.vocabularies), gettext("Online"),
                                  plan.languages[item.lang].tag)
                if own:
                    one = ics.calendar(item.title, language.tag)
                    one.add_component(entry)
                    write(build.output, f"{shown.path}event.ics", ics.to_text(one))
                feed.add_component(entry)
            write(build.output, calendar_path(language), ics.to_text(feed))
