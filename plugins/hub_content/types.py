"""What a content type is, and the registry of a hub's types.

A content type is one module (the built-in ones are in `hub_content/content_types/`) that
declares `CONTENT_TYPE`, a `ContentType`: its folder of `content/` (and of each language
folder), address, fields, listings, browse fields, home block, labels, JSON-LD mapping, calendar
export, search type field, scaffold hints and the moments when its items change listing. With
its facts template (`theme/templates/facts/<name>.html`), its entry line
(`theme/templates/lines/<name>.html`, optional) and its catalog strings, that is all a new type
needs: `HUB_CONTENT_TYPES` lists the modules a hub uses. Nothing outside a type's module names
its fields; other code asks the type.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from typing import Callable

from hub_build.errors import ProblemFound

from .fields import Choice, Date, Field, File, Key, Terms, Text, YesNo

COMMON_FIELDS = (
    Field("title", Text(), required=True, translatable=True, doc="the headline, in the file's language"),
    Field("summary", Text(), translatable=True, doc="one or two sentences shown in listings"),
    Field("translation_key", Key(), doc="pairs translations whose file names differ"),
    Field("status", Choice("published", "draft"), doc="draft keeps the file out of the site"),
    Field("source_revision", Text(), doc="the revision of the original this translation was made from"),
)

# Fields several types share: declared once, so a topic or a country means the same everywhere.
POSTED = Field("date", Date(), required=True, doc="the day it was posted on the hub, YYYY-MM-DD")
TOPICS = Field("topics", Terms("topics"), browse="topics", doc="topic ids from content/data/topics.yaml")
COUNTRIES = Field("countries", Terms("countries"), browse="countries",
                  doc="country ids from content/data/countries.yaml")
PARTNERS = Field("partners", Terms("partners"), doc="partner ids from content/data/partners.yaml")
# A picture shown with the item (resized by hub_images): its alt text is required unless it only decorates.
PICTURE = (
    Field("image", File(images_only=True), doc="a picture in content/files/, e.g. files/images/team.jpg"),
    Field("image_alt", Text(), translatable=True,
          doc="what the picture shows, for readers who cannot see it (required unless image_decorative)"),
    Field("image_decorative", YesNo(), doc="yes if the picture only decorates and says nothing: no alt text then"),
)

BUILT_IN = tuple(f"hub_content.content_types.{name}" for name in
                 ("news", "resource", "event", "course", "opportunity", "country", "partner", "page"))
DATA_FOLDER = "data"


def N_(message: str) -> str:
    """Marks an interface string for `invoke catalogs`; templates translate it per language."""
    return message


@dataclass(frozen=True)
class Listing:
    """One listing of a section: which of its items it shows, in which order."""

    name: str
    path: str  # below the section's folder: "" or e.g. "past/"
    selects: Callable  # (meta, build_time) -> bool
    order: Callable  # (meta, collate) -> sort key; ties are broken by the item's key. `collate` is the
    # listing language's collation key (hub_languages): text in a key goes through it
    label: str = ""  # its heading (N_)
    # the links to its previous and next page (N_): which way the order runs, e.g. Earlier and Later
    page_links: tuple = (N_("Newer"), N_("Older"))


def newest_first(meta, collate=None):
    return (-meta["date"].toordinal(),)


def everything(meta, now):
    return True


def by_title(meta, collate=str.casefold):
    return (collate(meta["title"]),)


def people(names) -> list[dict]:
    """schema.org persons, for the JSON-LD of types with authors."""
    return [{"@type": "Person", "name": name} for name in names]


@dataclass(frozen=True)
class ContentType:
    name: str
    folder: str
    fields: tuple[Field, ...]
    url: str
    label: str = ""  # what the section is called, in the navigation and headings (N_)
    listings: tuple[Listing, ...] = ()
    home: int = 0  # how many of the first listing the home page shows
    home_labels: tuple[str, str] = ("", "")  # the home block's heading and its link to the listing (N_)
    headings: dict = field(default_factory=dict, hash=False)  # field -> heading of its browse pages and tags (N_)
    vocabulary: str | None = None  # each file is the page of one term of this vocabulary
    checks: tuple[Callable, ...] = ()  # meta -> [(field, message, fix)], run on originals
    type_field: str | None = None  # the field saying which type of item it is (the search's "type" filter)
    schema_org: str = "WebPage"  # the JSON-LD @type of its item pages
    json_ld: Callable | None = None  # (meta, absolute address function, label function) -> more JSON-LD
    og_type: str = "website"  # OpenGraph type of its item pages
    byline: bool = False  # its item pages show the date and authors under the title
    calendar: bool = False  # its items are events: iCalendar files, from start, end and timezone
    changes_at: Callable | None = None  # meta -> when the item next changes listing (an aware datetime), or None
    shown_date: Callable | None = None  # meta -> the date a search result shows (default: the posted date)
    scaffold: tuple[str, ...] = ()  # optional fields `invoke new` writes out as if required
    scripts: tuple[str, ...] = ()  # theme scripts its item pages need, below the theme's folder
    icon: str = ""  # the theme's icon of its cards (theme/templates/parts/icons.html); "" is the type's name
    module: str = ""  # the module that declares it (set by `load`)

    def __reduce__(self):
        # Items keep their type; cached items are pickled, the type is found again by its module.
        return (load_one, (self.module,)) if self.module else super().__reduce__()

    @cached_property  # asked for every field of every item: built once
    def schema(self) -> dict[str, Field]:
        return {f.name: f for f in COMMON_FIELDS + self.fields}

    @property
    def listed(self) -> bool:
        return bool(self.listings)

    @property
    def dated(self) -> bool:
        return "date" in self.schema

    @cached_property
    def browsed(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.browse)

    @cached_property
    def filtered(self) -> tuple[Field, ...]:
        """The fields its listings' filter form offers: the browsed ones, then those only filtered."""
        return self.browsed + tuple(f for f in self.fields if f.filter and not f.browse)

    def url_for(self, slug: str) -> str:
        return self.url.format(slug=slug)


@dataclass(frozen=True)
class ContentTypes:
    """A hub's content types, in the order of HUB_CONTENT_TYPES (the order of sections everywhere)."""

    all: tuple[ContentType, ...]

    def __iter__(self):
        return iter(self.all)

    def __len__(self):
        return len(self.all)

    @property
    def by_folder(self) -> dict[str, ContentType]:
        return {t.folder: t for t in self.all}

    @property
    def by_name(self) -> dict[str, ContentType]:
        return {t.name: t for t in self.all}


@cache
def load_one(module: str) -> ContentType:
    try:
        declared = importlib.import_module(module).CONTENT_TYPE
    except ImportError as error:
        raise ProblemFound(f"cannot import {module!r}: {error}", "give an importable module's dotted name") from None
    except AttributeError:
        raise ProblemFound(f"{module!r} declares no CONTENT_TYPE", "declare CONTENT_TYPE = ContentType(...)") from None
    if not isinstance(declared, ContentType):
        raise ProblemFound(f"{module}.CONTENT_TYPE is not a ContentType", "declare CONTENT_TYPE = ContentType(...)")
    return replace(declared, module=module)


@cache
def load(modules: tuple[str, ...] = BUILT_IN) -> ContentTypes:
    found = ContentTypes(tuple(load_one(module) for module in modules))
    for attribute in ("name", "folder"):
        values = [getattr(t, attribute) for t in found]
        repeated = sorted({v for v in values if values.count(v) > 1})
        if repeated:
            raise ProblemFound(f"two content types have the {attribute} {repeated[0]!r}", "give each type its own")
    if DATA_FOLDER in found.by_folder:
        raise ProblemFound(f"a content type's folder is {DATA_FOLDER!r}, the vocabularies' folder",
                           "give the type another folder")
    return found


def of(settings: dict) -> ContentTypes:
    """The content types a hub's settings name (HUB_CONTENT_TYPES)."""
    return load(tuple(settings.get("HUB_CONTENT_TYPES") or BUILT_IN))
