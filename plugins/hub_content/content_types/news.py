"""News: dated stories, newest first, with an optional picture."""

from hub_content.fields import Field, Names
from hub_content.types import (COUNTRIES, PICTURE, POSTED, TOPICS, ContentType, Listing, N_, everything,
                               newest_first, people)


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
        *PICTURE,
    ),
)
