"""Atom feeds per language: one of everything new, one per section. Each holds the
items written in that language (no fallbacks: a feed reader subscribed to Albanian
news wants Albanian text)."""

from __future__ import annotations

import datetime as dt

from feedgenerator import Atom1Feed
from markupsafe import escape

FEED_SIZE = 50


def feed_path(language, content_type=None) -> str:
    return f"{language.prefix}/{content_type.folder}/feed.atom" if content_type else f"{language.prefix}/feed.atom"


def feed_types(plan) -> list:
    """Sections with a feed: listed and dated (each entry needs a date)."""
    return [t for t in plan.hub.content_types if t.listed and t.dated]


def entries(plan, lang: str, content_type=None) -> list:
    types = [content_type] if content_type else feed_types(plan)
    pages = [p for p in plan.language_pages(lang) if p.kind == "item" and not p.fallback
             and p.content_type in types]
    pages.sort(key=lambda p: (-p.item.meta["date"].toordinal(), p.item.key))
    return pages[:FEED_SIZE]


class HubAtomFeed(Atom1Feed):
    """An empty feed is dated by the build, not by the clock, so builds are reproducible."""

    def __init__(self, *args, build_time, **kwargs):
        super().__init__(*args, **kwargs)
        self.build_time = build_time

    def latest_post_date(self):
        return super().latest_post_date() if self.items else self.build_time


def atom(plan, language, siteurl: str, sitename: str, title: str, content_type=None) -> str:
    def url(path):
        return f"{siteurl}/{path}"

    path = feed_path(language, content_type)
    home = f"{language.prefix}/{content_type.folder}/" if content_type else f"{language.prefix}/"
    feed = HubAtomFeed(build_time=plan.hub.build_time, title=title, link=url(home), description="",
                       language=language.tag, feed_url=url(path), feed_guid=url(path))
    for page in entries(plan, language.code, content_type):
        item = page.item
        when = dt.datetime.combine(item.meta["date"], dt.time(), tzinfo=dt.timezone.utc)
        feed.add_item(title=item.title, link=url(page.path), unique_id=url(page.path),
                      description=str(escape(item.meta.get("summary", ""))), content=item.body_html,
                      pubdate=when, updateddate=when, author_name=", ".join(item.meta.get("authors", ())) or sitename)
    return feed.writeString("utf-8")
