"""Partners: one page per term of partners.yaml, gathering every item tagged with it."""

from hub_content.fields import Field, Terms, Url
from hub_content.types import ContentType, Listing, N_, by_title, everything


def json_ld(meta, absolute, label) -> dict:
    return {"sameAs": meta["website"]} if meta.get("website") else {}


CONTENT_TYPE = ContentType(
    name="partner", folder="partners", url="partners/{slug}/", label=N_("Partners"), vocabulary="partners",
    listings=(Listing("all", "", everything, by_title, N_("Partners"), page_links=(N_("Previous"), N_("Next"))),),
    schema_org="Organization", json_ld=json_ld,
    fields=(
        Field("website", Url(), doc="the partner's own web site"),
        Field("countries", Terms("countries"), doc="country ids where the partner works"),
    ),
)
