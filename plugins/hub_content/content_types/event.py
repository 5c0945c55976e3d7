"""Events: webinars, conferences, trainings; upcoming until they end, then past; in iCalendar too."""

from hub_content import moments
from hub_content.fields import DateTime, Field, LanguageTags, Term, Terms, Text, TimeZone, Url, YesNo
from hub_content.types import COUNTRIES, PICTURE, POSTED, TOPICS, ContentType, Listing, N_


def json_ld(meta, absolute, label) -> dict:
    online = bool(meta.get("online"))
    data = {"startDate": moments.start(meta).isoformat(), "endDate": moments.end(meta).isoformat(),
            "eventAttendanceMode": "https://schema.org/" + (
                "MixedEventAttendanceMode" if online and meta.get("venue") else
                "OnlineEventAttendanceMode" if online else "OfflineEventAttendanceMode"),
            "eventStatus": "https://schema.org/EventScheduled"}
    if meta.get("venue"):
        data["location"] = {"@type": "Place", "name": meta["venue"]}
    elif online:
        data["location"] = {"@type": "VirtualLocation", "url": meta.get("registration") or absolute("")}
    if meta.get("organisers"):
        data["organizer"] = [{"@type": "Organization", "name": label("partners", t)} for t in meta["organisers"]]
    return data


def soonest(meta, collate=None):
    return (moments.start(meta),)


def latest(meta, collate=None):
    return (-moments.start(meta).timestamp(),)


def ends(meta):
    return moments.end(meta) if "end" in meta else None


CONTENT_TYPE = ContentType(
    name="event", folder="events", url="events/{slug}/", label=N_("Events"), type_field="event_type",
    home=3, home_labels=(N_("Upcoming events"), N_("All upcoming events")),
    listings=(Listing("upcoming", "", moments.upcoming, soonest, N_("Upcoming events"),
                      page_links=(N_("Earlier"), N_("Later"))),
              Listing("past", "past/", moments.past, latest, N_("Past events"))),
    headings={"event_type": N_("Types of event"), "organisers": N_("Organisers")},
    checks=(moments.check_event,), changes_at=ends, calendar=True, scaffold=("online",),
    scripts=("js/local-time.js",), shown_date=lambda meta: moments.start(meta).date(),
    schema_org="Event", json_ld=json_ld,
    fields=(
        POSTED,
        Field("start", DateTime(), required=True, doc="local start, YYYY-MM-DD HH:MM, in the event's time zone"),
        Field("end", DateTime(), required=True, doc="local end, YYYY-MM-DD HH:MM, in the event's time zone"),
        Field("timezone", TimeZone(), doc=f"IANA time zone of start and end (default {moments.DEFAULT_TIME_ZONE})"),
        Field("event_type", Term("event-types"), required=True, browse="types",
              doc="a type id from content/data/event-types.yaml"),
        Field("online", YesNo(), doc="yes if people take part online"),
        Field("venue", Text(), translatable=True, doc="where it takes place: venue and city"),
        Field("registration", Url(), doc="the web address where people register"),
        Field("recording", Url(), doc="the web address of the recording, once there is one"),
        Field("event_languages", LanguageTags(), doc="the languages spoken at the event: [en, sr]"),
        Field("organisers", Terms("partners"), doc="partner ids from content/data/partners.yaml"),
        TOPICS, COUNTRIES, *PICTURE,
    ),
)
