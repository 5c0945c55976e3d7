"""Resources: the library's documents (a file or a web address), browsed by type, year, topic and country."""

from hub_content.fields import Date, Field, File, LanguageTags, Names, Term, Text, Year
from hub_content.types import (COUNTRIES, PARTNERS, PICTURE, TOPICS, ContentType, Listing, N_, everything, newest_first,
                               people)


def json_ld(meta, absolute, label) -> dict:
    file = meta["file"]
    data = {"dateCreated": meta["date"].isoformat(), "genre": label("resource-types", meta["resource_type"]),
            "encoding": {"@type": "MediaObject",
                         "contentUrl": absolute(file.target) if file.local else file.target}}
    if file.size:
        data["encoding"]["contentSize"] = f"{file.size} B"
    if file.format:
        data["encoding"]["encodingFormat"] = file.format
    if meta.get("authors"):
        data["author"] = people(meta["authors"])
    if meta.get("publisher"):
        data["publisher"] = {"@type": "Organization", "name": meta["publisher"]}
    if meta.get("year"):
        data["copyrightYear"] = meta["year"]
    if meta.get("licence"):
        data["license"] = meta["licence"]
    return data


CONTENT_TYPE = ContentType(
    name="resource", folder="resources", url="resources/{slug}/", label=N_("Library"), type_field="resource_type",
    home=4, home_labels=(N_("New in the library"), N_("The whole library")),
    listings=(Listing("all", "", everything, newest_first, N_("Library")),),
    headings={"resource_type": N_("Types of resource"), "year": N_("Years"), "document_languages": N_("Available in")},
    schema_org="CreativeWork", json_ld=json_ld, byline=True,
    fields=(
        Field("date", Date(), required=True, doc="the day it was added to the library, YYYY-MM-DD"),
        Field("resource_type", Term("resource-types"), required=True, browse="types",
              doc="a type id from content/data/resource-types.yaml"),
        Field("file", File(), required=True, doc="files/<name> for a file in content/files/, or a web address"),
        Field("authors", Names(), doc="a list of author names"),
        Field("publisher", Text(), doc="the organisation that published it"),
        Field("year", Year(), browse="years", doc="the year it was published"),
        TOPICS, COUNTRIES, PARTNERS,
        Field("document_languages", LanguageTags(), filter="languages",
              doc="the languages the document itself exists in: [en, sq]"),
        Field("licence", Text(), doc="under which terms readers may share it, e.g. CC BY 4.0"),
        *PICTURE,
    ),
)
