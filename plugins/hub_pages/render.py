"""Rendering a SitePlan with the theme's Jinja2 templates, one language at a time.

Each language gets its own gettext catalog and Babel localizer; items' bodies were
sanitised when read, everything else is autoescaped by the templates.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path

from hub_build import phases
from hub_build.staging import contained, link_unchanged, published_path
from hub_build.workers import balanced, run_forked
from hub_content import moments
from hub_i18n.l10n import Localizer, utc_offset

from . import messages
from .cache import PageCache
from .routes import Page, SitePlan
from .structured import json_ld


def write(output: Path, relative: str, data: str | bytes) -> None:
    """Write a file of the site (text as UTF-8), refusing any path that leaves `output`."""
    target = contained(output, relative)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def item_state(item) -> tuple:
    return (item.source, item.lang, item.digest, repr(sorted(item.meta.items())))


def copy_attachment(source: Path, output: Path, relative: str) -> None:
    target = contained(output, relative)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


class Renderer:
    def __init__(self, env, plan: SitePlan, catalogs: dict, settings: dict, cache: PageCache | None = None,
                 notices: dict | None = None):
        self.env = env
        self.notices = notices or {}  # item source -> ((kind, date, original source), ...) from plugins above
        self.plan = plan
        self.catalogs = catalogs
        self.settings = settings
        self.siteurl = settings.get("SITEURL", "").rstrip("/")
        self.cache = cache or PageCache(None, "")
        self._item_states: dict[str, str] = {}
        self._localizers: dict[str, Localizer] = {}
        self._language_states: dict[str | None, str] = {}

    def url(self, path: str) -> str:
        return f"{self.siteurl}/{path}"

    def render_language(self, lang: str | None, output: Path) -> None:
        code = lang or self.plan.languages.default
        self.env.install_gettext_translations(self.catalogs[code], newstyle=True)
        if lang is None:  # the root pages show every catalog: always rendered
            for page in self.plan.language_pages(None):
                write(output, page.output, self.render(page))
            return
        published = published_path(output)
        stored = self.cache.language(lang, published, output)
        try:
            for page in self.plan.language_pages(lang):
                key = self.cache.key(self.fingerprint(page))
                if not (stored.published_as(page.output, key) and link_unchanged(published, output, page.output)):
                    write(output, page.output, self.render_cached(page, key, stored))
                stored.wrote(page.output, key)
        finally:
            stored.close()

    def render_cached(self, page: Page, key: str, stored) -> str:
        text = stored.get(key)
        if text is None:
            text = self.render(page)
            stored.put(key, text)
        return text

    def fingerprint(self, page: Page) -> tuple:
        """The plain data a page is rendered from, beyond what the cache's salt covers."""
        plan = self.plan
        return (
            page.path, page.kind, page.template, page.identity, page.number, page.count, page.listing, page.field,
            page.vocabulary, page.term, page.terms, page.total, page.facets, page.scripts,
            self.item_state(page.item) if page.item else None, page.state, self.entries_state(page.entries),
            tuple((b.name, b.total, b.more, b.listing, self.entries_state(b.entries)) for b in page.blocks),
            tuple(plan.switcher(page)), tuple(plan.alternates(page)), plan.x_default(page), plan.canonical(page),
            self.language_state(page.lang), self.page_notices(page),
        )

    def localizer(self, locale: str) -> Localizer:
        if locale not in self._localizers:
            self._localizers[locale] = Localizer(locale)
        return self._localizers[locale]

    def item_state(self, item) -> str:
        """A digest of an item's state, once per item and build (a listing shows it on many pages)."""
        found = self._item_states.get(item.source)
        if found is None:
            found = self._item_states[item.source] = hashlib.sha256(repr(item_state(item)).encode()).hexdigest()
        return found

    def entries_state(self, entries) -> tuple:
        return tuple((e.path, e.fallback, e.state, self.item_state(e.item)) for e in entries)

    def language_state(self, lang: str | None) -> str:
        """What every page of a language shows alike (menu, sections, topic pages), once per language."""
        found = self._language_states.get(lang)
        if found is None:
            plan = self.plan
            shared = (tuple((p.path, p.fallback, self.item_state(p.item)) for p in plan.navigation(lang)),
                      tuple(p.path for p in plan.sections(lang)), plan.term_pages(lang))
            found = self._language_states[lang] = hashlib.sha256(repr(shared).encode()).hexdigest()
        return found

    def page_notices(self, page: Page) -> tuple:
        """(kind, date, address and language tag of the original) for each notice about the item shown,
        e.g. stale; plugins above this one supply them (hub_status), this one only shows them."""
        if page.item is None:
            return ()
        found = []
        for kind, date, original_source in self.notices.get(page.item.source, ()):
            original = self.plan.hub.translations.original(page.item.key)
            target = self.plan.page(("item", page.item.key), original.lang)
            when = dt.date.fromisoformat(date) if date else None
            found.append((kind, when, target.path if target else None, self.plan.languages[original.lang].tag))
        return tuple(found)

    def render_all(self, output: Path, processes: int = 1) -> None:
        """Render every language; with processes > 1, languages render in forked processes."""
        codes = [language.code for language in self.plan.languages] + [None]
        if processes <= 1 or len(codes) < 2:
            self.render_group(codes, output)
            return
        run_forked(self.render_group, balanced(codes, lambda code: len(self.plan.language_pages(code)), processes),
                   output)

    def render_group(self, codes, output: Path) -> None:
        for code in codes:
            self.render_language(code, output)

    def render(self, page: Page) -> str:
        phases.reached("render")
        template = self.env.get_template(page.template)
        return template.render(self.context(page))

    def context(self, page: Page) -> dict:
        """What templates see. No `hub` or `plan`: a page may only use what its cache
        fingerprint covers, so the rendered-page cache can never serve a stale page."""
        languages = self.plan.languages
        lang = languages[page.lang] if page.lang else languages.default_language
        vocabularies = self.plan.hub.vocabularies
        term_pages = dict(self.plan.term_pages(page.lang)) if page.lang else {}

        def label(vocabulary, term):
            return vocabularies[vocabulary].label(term, lang.code) if vocabulary else str(term)

        return {
            **self.settings,
            "page": page,
            "lang": lang,
            "languages": languages,
            "l10n": self.localizer(lang.locale),
            "url": self.url,
            "switcher": self.plan.switcher(page) if page.lang else [],
            "notices": self.page_notices(page),
            "alternates": self.plan.alternates(page),
            "x_default": self.plan.x_default(page),
            "canonical": self.plan.canonical(page),
            "navigation": self.plan.navigation(lang.code),
            "sections": self.plan.sections(lang.code),
            "catalogs": self.catalogs,
            "messages": messages,
            "label": label,
            "term_page": lambda vocabulary, term: term_pages.get((vocabulary, term)),
            "json_ld": lambda page: json_ld(page, self.url, lang.tag, label),
            "event_start": moments.start,
            "event_end": moments.end,
            "utc": moments.utc,
            "utc_offset": utc_offset,
            "item_language": lambda item: languages[item.lang],
        }
