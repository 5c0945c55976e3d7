"""The content types of the hub, declared as data: folder, fields, URL, listings.

Each content type is one folder of `content/` (and of each language folder).
Other plugins iterate over CONTENT_TYPES; nothing elsewhere names a type's fields.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from . import moments
from .fields import (Choice, Date, DateTime, Field, File, Key, LanguageTags, Names, Term, Terms, Text, TimeZone,
                     Url, WholeNumber, Year, YesNo)

COMMON_FIELDS = (
    Field("title", Text(), required=True, translatable=True, doc="the headline, in the file's language"),
    Field("summary", Text(), translatable=True, doc="one or two sentences shown in listings"),
    Field("translation_key", Key(), doc="pairs translations whose file names differ"),
    Field("status", Choice("published", "draft"), doc="draft keeps the file out of the site"),
    Field("source_revision", Text(), doc="the revision of the original this translation was made from"),
)

POSTED = Field("date", Date(), required=True, doc="the day it was posted on the hub, YYYY-MM-DD")
TOPICS = Field("topics", Terms("topics"), browse="topics", doc="topic ids from content/data/topics.yaml")
COUNTRIES = Field("countries", Terms("countries"), browse="countries",
                  doc="country ids from content/data/countries.yaml")
PARTNERS = Field("partners", Terms("partners"), doc="partner ids from content/data/partners.yaml")


@dataclass(frozen=True)
class Listing:
    """One listing of a section: which of its items it shows, in which order."""

    name: str
    path: str  # below the section's folder: "" or e.g. "past/"
    selects: Callable  # (meta, build_time) -> bool
    order: Callable  # meta -> sort key; ties are broken by the item's key


def newest_first(meta):
    return (-meta["date"].toordinal(),)


def everything(meta, now):
    return True


def by_title(meta):
    return (meta["title"].casefold(),)


@dataclass(frozen=True)
class ContentType:
    name: str
    folder: str
    fields: tuple[Field, ...]
    url: str
    listings: tuple[Listing, ...] = ()
    home: int = 0  # how many of the first listing the home page shows
    vocabulary: str | None = None  # each file is the page of one term of this vocabulary
    checks: tuple[Callable, ...] = ()  # meta -> [(field, message, fix)], run on originals
    type_field: str | None = None  # the field saying which type of item it is (the search's "type" filter)

    @property
    def schema(self) -> dict[str, Field]:
        return {f.name: f for f in COMMON_FIELDS + self.fields}

    @property
    def listed(self) -> bool:
        return bool(self.listings)

    @property
    def dated(self) -> bool:
        return "date" in self.schema

    @property
    def browsed(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.browse)

    def url_for(self, slug: str) -> str:
        return self.url.format(slug=slug)


NEWS = ContentType(
    name="news", folder="news", url="news/{slug}/", home=4,
    listings=(Listing("all", "", everything, newest_first),),
    fields=(
        POSTED, TOPICS, COUNTRIES,
        Field("authors", Names(), doc="a list of author names"),
        Field("image", File(images_only=True), doc="a picture in content/files/, e.g. files/images/team.jpg"),
        Field("image_alt", Text(), translatable=True, doc="what the picture shows, for readers who cannot see it"),
    ),
)

RESOURCE = ContentType(
    name="resource", folder="resources", url="resources/{slug}/", home=4, type_field="resource_type",
    listings=(Listing("all", "", everything, newest_first),),
    fields=(
        Field("date", Date(), required=True, doc="the day it was added to the library, YYYY-MM-DD"),
        Field("resource_type", Term("resource-types"), required=True, browse="types",
              doc="a type id from content/data/resource-types.yaml"),
        Field("file", File(), required=True, doc="files/<name> for a file in content/files/, or a web address"),
        Field("authors", Names(), doc="a list of author names"),
        Field("publisher", Text(), doc="the organisation that published it"),
        Field("year", Year(), browse="years", doc="the year it was published"),
        TOPICS, COUNTRIES, PARTNERS,
        Field("document_languages", LanguageTags(), doc="the languages the document itself exists in: [en, sq]"),
        Field("licence", Text(), doc="under which terms readers may share it, e.g. CC BY 4.0"),
    ),
)

EVENT = ContentType(
    name="event", folder="events", url="events/{slug}/", home=3, type_field="event_type",
    listings=(Listing("upcoming", "", moments.upcoming, lambda meta: (moments.start(meta),)),
              Listing("past", "past/", moments.past, lambda meta: (-moments.start(meta).timestamp(),))),
    checks=(moments.check_event,),
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
        TOPICS, COUNTRIES,
    ),
)

COURSE = ContentType(
    name="course", folder="courses", url="courses/{slug}/", home=3, type_field="level",
    listings=(Listing("all", "", everything, newest_first),),
    fields=(
        POSTED,
        Field("provider", Text(), required=True, doc="the organisation that runs the course"),
        Field("level", Term("course-levels"), browse="levels", doc="a level id from content/data/course-levels.yaml"),
        Field("duration_hours", WholeNumber(1, 2000), doc="about how many hours the course takes, 1 to 2000"),
        Field("modules", Names(), translatable=True, doc="the titles of the course's modules, as a list"),
        Field("certificate", YesNo(), doc="yes if participants receive a certificate"),
        Field("enrolment", Url(), required=True, doc="the web address where people enrol"),
        Field("course_languages", LanguageTags(), doc="the languages the course is offered in: [en, ro]"),
        TOPICS, PARTNERS,
    ),
)

OPPORTUNITY = ContentType(
    name="opportunity", folder="opportunities", url="opportunities/{slug}/", home=3, type_field="kind",
    listings=(Listing("open", "", moments.still_open, lambda meta: (meta["deadline"].toordinal(),)),
              Listing("closed", "closed/", moments.closed, lambda meta: (-meta["deadline"].toordinal(),))),
    fields=(
        POSTED,
        Field("kind", Term("opportunity-kinds"), required=True, browse="kinds",
              doc="vacancy, call, tender or consultancy (content/data/opportunity-kinds.yaml)"),
        Field("organisation", Text(), required=True, doc="who offers it"),
        Field("deadline", Date(), required=True, doc="the last day to apply, YYYY-MM-DD"),
        Field("place", Text(), translatable=True, doc="where the work is, e.g. Tirana or remote"),
        Field("how_to_apply", Text(), translatable=True, doc="one line on how to apply"),
        Field("apply", Url(), doc="the web address to apply at"),
        COUNTRIES, TOPICS,
    ),
)

COUNTRY = ContentType(
    name="country", folder="countries", url="countries/{slug}/", vocabulary="countries",
    listings=(Listing("all", "", everything, by_title),),
    fields=(
        Field("coordinators", Names(), doc="the names of the country coordinators"),
        Field("contact", Url(), doc="a web address to reach the coordinators"),
        PARTNERS,
    ),
)

PARTNER = ContentType(
    name="partner", folder="partners", url="partners/{slug}/", vocabulary="partners",
    listings=(Listing("all", "", everything, by_title),),
    fields=(
        Field("website", Url(), doc="the partner's own web site"),
        Field("countries", Terms("countries"), doc="country ids where the partner works"),
    ),
)

PAGE = ContentType(
    name="page", folder="pages", url="{slug}/",
    fields=(
        Field("menu", WholeNumber(1, 99), doc="position in the top navigation, 1 to 99; leave out to keep the page out of it"),
    ),
)

CONTENT_TYPES = (NEWS, RESOURCE, EVENT, COURSE, OPPORTUNITY, COUNTRY, PARTNER, PAGE)
BY_FOLDER = {content_type.folder: content_type for content_type in CONTENT_TYPES}
BY_NAME = {content_type.name: content_type for content_type in CONTENT_TYPES}
SCHEMAS = {content_type.name: content_type.schema for content_type in CONTENT_TYPES}
DATA_FOLDER = "data"
