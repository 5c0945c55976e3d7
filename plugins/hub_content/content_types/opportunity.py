"""Opportunities: vacancies, calls, tenders and consultancies; open through their deadline day."""

from hub_content import moments
from hub_content.fields import Date, Field, Term, Text, Url
from hub_content.types import COUNTRIES, POSTED, TOPICS, ContentType, Listing, N_


def json_ld(meta, absolute, label) -> dict:
    data = {"datePosted": meta["date"].isoformat(), "validThrough": meta["deadline"].isoformat(),
            "hiringOrganization": {"@type": "Organization", "name": meta["organisation"]},
            "employmentType": label("opportunity-kinds", meta["kind"])}
    if meta.get("place"):
        data["jobLocation"] = {"@type": "Place", "name": meta["place"]}
    return data


def deadline_first(meta, collate=None):
    return (meta["deadline"].toordinal(),)


def latest_deadline(meta, collate=None):
    return (-meta["deadline"].toordinal(),)


def closes(meta):
    return moments.deadline_end(meta) if "deadline" in meta else None


CONTENT_TYPE = ContentType(
    name="opportunity", folder="opportunities", url="opportunities/{slug}/", label=N_("Opportunities"),
    type_field="kind", home=3, home_labels=(N_("Open opportunities"), N_("All open opportunities")),
    listings=(Listing("open", "", moments.still_open, deadline_first, N_("Open opportunities"),
                      page_links=(N_("Earlier"), N_("Later"))),
              Listing("closed", "closed/", moments.closed, latest_deadline, N_("Closed opportunities"))),
    headings={"kind": N_("Kinds of opportunity")}, changes_at=closes,
    schema_org="JobPosting", json_ld=json_ld,
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
