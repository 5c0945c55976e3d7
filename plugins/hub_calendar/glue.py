"""The calendars' part in a build: each event's .ics and each language's events.ics."""

from hub_build.extensions import Extension
from hub_pages.render import write

from . import ics


def calendar_path(language) -> str:
    return f"{language.prefix}/events.ics"


def event_pages(plan, lang: str) -> list:
    """Item pages of the types whose items are events (ContentType.calendar)."""
    return [page for page in plan.language_pages(lang) if page.kind == "item" and page.content_type.calendar]


def type_label(item, lang: str, vocabularies) -> str:
    """The label of the event's own type (its type field's term), for the calendar's categories."""
    content_type = item.content_type
    field = content_type.type_field
    if not field or field not in item.meta:
        return ""
    return vocabularies[content_type.schema[field].kind.vocabulary].label(item.meta[field], lang)


class CalendarExtension(Extension):
    name = "calendars"

    def files(self, build) -> list[str]:
        return [path for language in build.plan.languages for path in
                [calendar_path(language)] + [f"{page.path}event.ics" for page in event_pages(build.plan, language.code)]]

    def write(self, build) -> None:
        plan, settings = build.plan, build.settings
        siteurl = settings.get("SITEURL", "").rstrip("/")
        for language in plan.languages:
            gettext = build.catalogs[language.code].gettext
            feed = ics.calendar(gettext("%(site)s events") % {"site": settings["SITENAME"]}, language.tag)
            for page in event_pages(plan, language.code):
                entry = ics.event(page.item, f"{siteurl}/{page.path}", settings["HUB_UID_DOMAIN"], plan.hub.build_time,
                                  type_label(page.item, language.code, plan.hub.vocabularies), gettext("Online"))
                one = ics.calendar(page.item.title, language.tag)
                one.add_component(entry)
                write(build.output, f"{page.path}event.ics", ics.to_text(one))
                feed.add_component(entry)
            write(build.output, calendar_path(language), ics.to_text(feed))
