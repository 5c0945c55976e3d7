"""An Atom feed per language of the items written in that language (no fallbacks:
a feed reader subscribed to Albanian news wants Albanian text)."""

from __future__ import annotations

import datetime as dt

from feedgenerator import Atom1Feed
from markupsafe import escape

FEED_SIZE = 50


def feed_path(language) -> str:
    return f"{language.prefix}/feed.atom"


def entries(plan, lang: str) -> list:
    pages = [p for p in plan.language_pages(lang) if p.kind == "item" and not p.fallback
             and p.content_type.listed]
    pages.sort(key=lambda p: (-p.item.meta["date"].toordinal(), p.item.key))
    return pages[:FEED_SIZE]


class HubAtomFeed(Atom1Feed):
    """An empty feed is dated by the build, not by the clock, so builds are reproducible."""

    def __init__(self, *args, build_time, **kwargs):
        super().__init__(*args, **kwargs)
        self.build_time = build_time

    def latest_post_date(self):
        return super().latest_post_date() if self.items else self.build_time


def atom(plan, language, siteurl: str, sitename: str, title: str) -> str:
    def url(path):
        return f"{siteurl}/{path}"

    feed = HubAtomFeed(build_time=plan.hub.build_time, title=title, link=url(f"{language.prefix}/"), description="",
                     language=language.tag, feed_url=url(feed_path(language)), feed_guid=url(feed_path(language)))
    for page in entries(plan, language.code):
        item = page.item
        when = dt.datetime.combine(item.meta["date"], dt.time(), tzinfo=dt.timezone.utc)
        feed.add_item(title=item.title, link=url(page.path), unique_id=url(page.path),
                      description=str(escape(item.meta.get("summary", ""))), content=item.body_html,
                      pubdate=when, updateddate=when, author_name=", ".join(item.meta.get("authors", ())) or sitename)
    return feed.writeString("utf-8")
