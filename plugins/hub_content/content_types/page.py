"""Pages: plain pages (about, contact...) at the top of a language; `menu` puts one in the navigation,
`footer` in the footer."""

from hub_content.fields import Field, WholeNumber
from hub_content.types import ContentType, N_

CONTENT_TYPE = ContentType(
    name="page", folder="pages", url="{slug}/", label=N_("Pages"), schema_org="WebPage",
    fields=(
        Field("menu", WholeNumber(1, 99), doc="position in the top navigation, 1 to 99; leave out to keep the page out of it"),
        Field("footer", WholeNumber(1, 99), doc="position among the footer's links (contact, privacy...), 1 to 99; leave out to keep the page out of it"),
    ),
)
