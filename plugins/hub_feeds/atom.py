"""Atom feeds per language: one of everything new, one per dated section, one per topic and one
per country. A feed holds what the language's listings show, the items it shows through its
fallback chain included (a Bosnian reader's opportunities are partly Croatian ones): each entry
says its own language with xml:lang, so a feed reader knows what it is reading."""

from __future__ import annotations

import datetime as dt

from feedgenerator import Atom1Feed
from markupsafe import escape

from hub_pages.routes import field_terms

FEED_SIZE = 50
TERM_FEEDS = ("topics", "countries")  # vocabularies whose terms have a page with a feed of its own


def feed_path(language, content_type=None) -> str:
    return f"{language.prefix}/{content_type.folder}/feed.atom" if content_type else f"{language.prefix}/feed.atom"


def feed_types(plan) -> list:
    """Sections with a feed: listed and dated (each entry needs a date)."""
    return [t for t in plan.hub.content_types if t.listed and t.dated]


def newest_first(entry) -> tuple:
    return (-entry.item.meta["date"].toordinal(), entry.item.key)


def entries(plan, lang: str, content_type=None) -> list:
    """What the language's listings show (its own items and its fallbacks), newest first."""
    types = [content_type] if content_type else feed_types(plan)
    names = {t.name for t in types}
    shown = sorted((e for e in plan.shown(lang) if e.item.type in names), key=newest_first)
    return shown[:FEED_SIZE]


def term_feed_paths(plan, lang: str) -> list[tuple[str, str, str]]:
    """(vocabulary, term, feed path) for every topic page and country page of `lang`; the feed lives
    in the page's folder (/sq/topics/online-safety/feed.atom)."""
    feeds = []
    for page in plan.language_pages(lang):
        if page.kind == "browse" and page.content_type is None and page.number == 1 and page.field in TERM_FEEDS:
            feeds.append((page.vocabulary, page.term, f"{page.path}feed.atom"))
        elif page.kind == "item" and page.content_type.vocabulary in TERM_FEEDS:
            feeds.append((page.content_type.vocabulary, page.item.slug, f"{page.path}feed.atom"))
    return feeds


def term_feeds(plan, lang: str) -> list[tuple[str, str, str, list]]:
    """(vocabulary, term, feed path, entries) for every feed of term_feed_paths."""
    feeds = term_feed_paths(plan, lang)
    tagged = _newest_by_term(plan, lang, {vocabulary for vocabulary, _, _ in feeds})
    return [(vocabulary, term, path, tagged.get((vocabulary, term), [])) for vocabulary, term, path in feeds]


def _newest_by_term(plan, lang: str, vocabularies: set[str]) -> dict[tuple[str, str], list]:
    """(vocabulary, term) -> the FEED_SIZE newest entries the language shows with that term, in one
    pass over the entries (a pass per term page was most of the feeds' time on a large hub)."""
    names = {t.name for t in feed_types(plan)}
    tagged: dict[tuple[str, str], list] = {}
    for entry in sorted((e for e in plan.shown(lang) if e.item.type in names), key=newest_first):
        for vocabulary in vocabularies:
            for term in dict.fromkeys(field_terms(entry.item, vocabulary)):
                chosen = tagged.setdefault((vocabulary, term), [])
                if len(chosen) < FEED_SIZE:
                    chosen.append(entry)
    return tagged


class HubAtomFeed(Atom1Feed):
    """An empty feed is dated by the build, not by the clock, so builds are reproducible; each
    entry carries its language."""

    def __init__(self, *args, build_time, **kwargs):
        super().__init__(*args, **kwargs)
        self.build_time = build_time

    def latest_post_date(self):
        return super().latest_post_date() if self.items else self.build_time

    def item_attributes(self, item):
        return {"xml:lang": item["lang"]} if item.get("lang") else {}


def atom(plan, language, siteurl: str, sitename: str, title: str, content_type=None, path: str | None = None,
         home: str | None = None, shown: list | None = None, updates: dict | None = None) -> str:
    """`updates`: item source -> the ISO date its content last changed (hub_status, from git), the
    entry's `updated`; otherwise the day it was posted."""
    def url(address):
        return f"{siteurl}/{address}"

    path = path or feed_path(language, content_type)
    if home is None:
        home = f"{language.prefix}/{content_type.folder}/" if content_type else f"{language.prefix}/"
    feed = HubAtomFeed(build_time=plan.hub.build_time, title=title, link=url(home), description="",
                       language=language.tag, feed_url=url(path), feed_guid=url(path))
    for entry in (entries(plan, language.code, content_type) if shown is None else shown):
        item = entry.item
        when = dt.datetime.combine(item.meta["date"], dt.time(), tzinfo=dt.timezone.utc)
        changed = (updates or {}).get(item.source)
        updated = dt.datetime.combine(dt.date.fromisoformat(changed), dt.time(), tzinfo=dt.timezone.utc) \
            if changed else when
        feed.add_item(title=item.title, link=url(entry.path), unique_id=url(entry.path),
                      description=str(escape(item.meta.get("summary", ""))), content=item.body_html,
                      pubdate=when, updateddate=updated, author_name=", ".join(item.meta.get("authors", ())) or sitename,
                      lang=plan.languages[item.lang].tag)
    return feed.writeString("utf-8")
