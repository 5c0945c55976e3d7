"""Courses: online, self-paced learning offered by partners, by level."""

from hub_content.fields import Field, LanguageTags, Names, Term, Text, Url, WholeNumber, YesNo
from hub_content.types import PARTNERS, PICTURE, POSTED, TOPICS, ContentType, Listing, N_, everything, newest_first


def json_ld(meta, absolute, label) -> dict:
    data = {"provider": {"@type": "Organization", "name": meta["provider"]}}
    if meta.get("course_languages"):
        data["availableLanguage"] = list(meta["course_languages"])
    if meta.get("duration_hours"):
        data["timeRequired"] = f"PT{meta['duration_hours']}H"
    return data


CONTENT_TYPE = ContentType(
    name="course", folder="courses", url="courses/{slug}/", label=N_("Courses"), type_field="level",
    home=3, home_labels=(N_("Online courses"), N_("All courses")),
    listings=(Listing("all", "", everything, newest_first, N_("Courses")),),
    headings={"level": N_("Levels")},
    schema_org="Course", json_ld=json_ld,
    fields=(
        POSTED,
        Field("provider", Text(), required=True, doc="the organisation that runs the course"),
        Field("level", Term("course-levels"), browse="levels", doc="a level id from content/data/course-levels.yaml"),
        Field("duration_hours", WholeNumber(1, 2000), doc="about how many hours the course takes, 1 to 2000"),
        Field("modules", Names(), translatable=True, doc="the titles of the course's modules, as a list"),
        Field("certificate", YesNo(), doc="yes if participants receive a certificate"),
        Field("enrolment", Url(), required=True, doc="the web address where people enrol"),
        Field("course_languages", LanguageTags(), doc="the languages the course is offered in: [en, ro]"),
        TOPICS, PARTNERS, *PICTURE,
    ),
)
