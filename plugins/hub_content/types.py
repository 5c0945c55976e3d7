"""The content types of the hub, declared as data: folder, fields, URL and listing.

Each content type is one folder of `content/` (and of each language folder).
Other plugins iterate over CONTENT_TYPES; nothing elsewhere names a type's fields.
"""

from __future__ import annotations

from dataclasses import dataclass

from .fields import Choice, Date, Field, Key, Names, Terms, Text, WholeNumber

COMMON_FIELDS = (
    Field("title", Text(), required=True, translatable=True, doc="the headline, in the file's language"),
    Field("summary", Text(), translatable=True, doc="one or two sentences shown in listings"),
    Field("translation_key", Key(), doc="pairs translations whose file names differ"),
    Field("status", Choice("published", "draft"), doc="draft keeps the file out of the site"),
    Field("source_revision", Text(), doc="the revision of the original this translation was made from"),
)


@dataclass(frozen=True)
class ContentType:
    name: str
    folder: str
    fields: tuple[Field, ...]
    url: str
    listed: bool
    dated: bool
    page_size_setting: str = "HUB_PAGE_SIZE"

    @property
    def schema(self) -> dict[str, Field]:
        return {f.name: f for f in COMMON_FIELDS + self.fields}

    def url_for(self, slug: str) -> str:
        return self.url.format(slug=slug)


NEWS = ContentType(
    name="news", folder="news", url="news/{slug}/", listed=True, dated=True,
    fields=(
        Field("date", Date(), required=True, doc="publication date, YYYY-MM-DD"),
        Field("topics", Terms("topics"), doc="topic ids from content/data/topics.yaml"),
        Field("countries", Terms("countries"), doc="country ids from content/data/countries.yaml"),
        Field("authors", Names(), doc="a list of author names"),
    ),
)

PAGE = ContentType(
    name="page", folder="pages", url="{slug}/", listed=False, dated=False,
    fields=(
        Field("menu", WholeNumber(), doc="position in the top navigation; leave out to keep the page out of it"),
    ),
)

CONTENT_TYPES = (NEWS, PAGE)
BY_FOLDER = {content_type.folder: content_type for content_type in CONTENT_TYPES}
SCHEMAS = {content_type.name: content_type.schema for content_type in CONTENT_TYPES}
DATA_FOLDER = "data"
