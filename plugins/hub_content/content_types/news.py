"""News: dated stories, newest first, with an optional picture."""

from hub_content.fields import Field, File, Names, Text
from hub_content.types import COUNTRIES, POSTED, TOPICS, ContentType, Listing, N_, everything, newest_first, people


def json_ld(meta, absolute, label) -> dict:
    data = {"datePublished": meta["date"].isoformat(), "headline": meta["title"]}
    if meta.get("authors"):
        data["author"] = people(meta["authors"])
    if meta.get("image"):
        data["image"] = absolute(meta["image"].target)
    return data


CONTENT_TYPE = ContentType(
    name="news", folder="news", url="news/{slug}/", label=N_("News"),
    home=4, home_labels=(N_("Latest news"), N_("All news")),
    listings=(Listing("all", "", everything, newest_first, N_("News")),),
    schema_org="NewsArticle", json_ld=json_ld, og_type="article", byline=True,
    fields=(
        POSTED, TOPICS, COUNTRIES,
        Field("authors", Names(), doc="a list of author names"),
        Field("image", File(images_only=True), doc="a picture in content/files/, e.g. files/images/team.jpg"),
        Field("image_alt", Text(), translatable=True, doc="what the picture shows, for readers who cannot see it"),
    ),
)
