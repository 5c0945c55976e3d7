"""Countries: one page per term of countries.yaml, gathering every item tagged with it."""

from hub_content.fields import Field, Names, Url
from hub_content.types import PARTNERS, ContentType, Listing, N_, by_title, everything

CONTENT_TYPE = ContentType(
    name="country", folder="countries", url="countries/{slug}/", label=N_("Countries"), vocabulary="countries",
    listings=(Listing("all", "", everything, by_title, N_("Countries"), page_links=(N_("Previous"), N_("Next"))),),
    schema_org="Place",
    fields=(
        Field("coordinators", Names(), doc="the names of the country coordinators"),
        Field("contact", Url(), doc="a web address to reach the coordinators"),
        PARTNERS,
    ),
)
