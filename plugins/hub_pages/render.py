"""Rendering a SitePlan with the theme's Jinja2 templates, one language at a time.

Each language gets its own gettext catalog and Babel localizer; items' bodies were
sanitised when read, everything else is autoescaped by the templates.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from dataclasses import fields, is_dataclass
from functools import cache
from enum import Enum
from pathlib import Path

from markupsafe import Markup

from hub_build import phases
from hub_build.settings import RUN_ONLY
from hub_build.staging import contained, link_unchanged, published_path
from hub_build.workers import balanced, run_forked
from hub_content import moments
from hub_content.fields import Attachment
from hub_content.reader import Item
from hub_content.types import ContentType
from hub_i18n.l10n import Localizer, utc_offset

from . import messages
from .cache import PageCache
from .routes import Block, Entry, Page, SitePlan
from .structured import json_ld


TEMPLATE_SETTINGS = ("HUB_", "SITE")  # the settings templates receive (and the cache salt covers)
PLAIN = (str, int, float, bool, type(None), dt.date, dt.datetime, dt.time, dt.timedelta)
SHARED = (Entry, Block)  # plan objects many pages show


def remembered_gettext(catalog):
    """Jinja's newstyle `gettext` (and `_`) for one catalog, each message (with the same plain
    variables) formatted once per language and build.

    Jinja's own goes through three context calls, a catalog lookup, a Markup and a format for every
    `_('...')`: 8.5% of rendering in a profile of a 3,000-item build, for the few dozen messages
    every page repeats. Same result: the translation as Markup (templates always autoescape), always
    formatted, so `%%` reads as `%` and variables are escaped (tests/unit/test_render_gettext.py).
    Variables of other types than text and numbers are formatted on every call."""
    done: dict[tuple, Markup] = {}

    def gettext(message: str, **variables) -> Markup:
        if all(type(value) in REMEMBERED for value in variables.values()):
            # The type is part of the key: Markup("<b>") equals "<b>" but is not escaped.
            key = (message, *[(name, type(value), value) for name, value in variables.items()])
            found = done.get(key)
            if found is None:
                found = done[key] = Markup(catalog.gettext(message)) % variables
            return found
        return Markup(catalog.gettext(message)) % variables

    return gettext


REMEMBERED = (str, Markup, int)  # variables whose formatting depends on their value alone


@cache
def field_names(kind) -> tuple[str, ...]:
    return tuple(f.name for f in fields(kind))


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



class Fragments:
    """Parts of pages drawn once per language and build, and reused wherever they are shown again.

    A card of an item appears on its section's listing, on each of its topic, country, type and year
    pages, on the home page and among related items: some twelve times a language in a real hub.
    A template asks `fragment(key, macro, *args)`; the key must name everything the macro's output
    depends on besides the language (for a card: its address, state, heading level and whether it
    shows the summary). Pages stay what they were: the same macro, called once instead of twelve
    times. The renderer clears them after each language, so they never outlive a build.
    """

    def __init__(self):
        self.drawn: dict = {}

    def __call__(self, key, macro, *args):
        found = self.drawn.get(key)
        if found is None:
            found = self.drawn[key] = macro(*args)
        return found

    def clear(self) -> None:
        self.drawn.clear()

class Renderer:
    """Renders a plan's pages. What a template receives is built by one method, `page_data`, and the
    page's cache key is a digest of exactly that data (plus the salt), so no template can depend on
    something its key misses. The helpers added to it (`helpers`) close only over what the salt
    covers: settings, vocabularies, languages, catalogs and the page code."""

    def __init__(self, env, plan: SitePlan, catalogs: dict, settings: dict, cache: PageCache | None = None,
                 notices: dict | None = None, written=None, pictures: dict | None = None):
        self.env = env
        self.pictures = pictures or {}  # attachment path -> its picture (plain data), from extensions
        self.notices = notices or {}  # item source -> ((kind, date, original source), ...) from extensions
        self.plan = plan
        self.catalogs = catalogs
        self.settings = {k: v for k, v in settings.items() if k.startswith(TEMPLATE_SETTINGS) and k not in RUN_ONLY}
        self.siteurl = settings.get("SITEURL", "").rstrip("/")
        self.cache = cache or PageCache(None, "")
        self.written = written  # called with each page written (Pelican's content_written); None: nobody asks
        self._item_states: dict[tuple, str] = {}
        self._localizers: dict[str, Localizer] = {}
        self._shared: dict[str | None, tuple[dict, str]] = {}
        self._headings: dict | None = None
        self._helpers: dict[str | None, dict] = {}
        self._states: dict[int, tuple] = {}  # id of an entry or block (alive as long as the plan) -> its state
        self._item_pictures: dict[tuple, tuple] = {}  # (source, language) of an item -> item_pictures

    def url(self, path: str) -> str:
        return f"{self.siteurl}/{path}"

    def render_language(self, lang: str | None, output: Path) -> None:
        code = lang or self.plan.languages.default
        self.env.install_gettext_translations(self.catalogs[code], newstyle=True)
        self.env.globals["gettext"] = self.env.globals["_"] = remembered_gettext(self.catalogs[code])
        if lang is None:  # the root pages show every catalog: always rendered
            for page in self.plan.language_pages(None):
                self.write(output, page, self.render(page))
            return
        # A post-processor of written pages (content_written) may change a file in place: no shared links.
        published = published_path(output) if self.written is None else None
        stored = self.cache.language(lang, published, output)
        try:
            for page in self.plan.language_pages(lang):
                data = self.page_data(page)
                key = self.key(page, data)
                if not (stored.published_as(page.output, key) and link_unchanged(published, output, page.output)):
                    self.write(output, page, self.render_cached(page, key, stored, data))
                stored.wrote(page.output, key)
        finally:
            stored.close()
            self.helpers(lang)["fragment"].clear()  # a language's fragments are no use to the next

    def write(self, output: Path, page: Page, text: str) -> None:
        write(output, page.output, text)
        if self.written:
            self.written(output / page.output, page)

    def render_cached(self, page: Page, key: str, stored, data: tuple | None = None) -> str:
        text = stored.get(key)
        if text is None:
            text = self.render(page, data)
            stored.put(key, text)
        return text

    def page_data(self, page: Page) -> tuple[dict, dict]:
        """What a template receives, as plain data: the page's own, and its language's shared part
        (the same for every page of a language, so digested once per language)."""
        own = {
            "page": page,
            "switcher": self.plan.switcher(page) if page.lang else [],
            "notices": self.page_notices(page),
            "alternates": self.plan.alternates(page),
            "x_default": self.plan.x_default(page),
            "canonical": self.plan.canonical(page),
            "pictures": self.page_pictures(page),
            **(page.data or {}),
        }
        return own, self.shared(page.lang)[0]

    def page_pictures(self, page: Page) -> dict:
        """The pictures of the attachments named by the items a page shows (extensions make them:
        hub_images), so a changed picture changes the key of exactly the pages that show it."""
        if not self.pictures:
            return {}
        items = [page.item] if page.item is not None else []
        items += [entry.item for entry in page.entries]
        items += [entry.item for block in page.blocks for entry in block.entries]
        return {target: self.pictures[target] for item in items for target in self.item_pictures(item)}

    def item_pictures(self, item) -> tuple[str, ...]:
        """The attachments of an item that have a picture, once per item and build (a listing shows
        it on many pages)."""
        version = (item.source, item.lang)  # as in item_state
        found = self._item_pictures.get(version)
        if found is None:
            found = self._item_pictures[version] = tuple(
                value.target for value in item.meta.values()
                if isinstance(value, Attachment) and value.target in self.pictures)
        return found

    def shared(self, lang: str | None) -> tuple[dict, str]:
        """A language's shared page data (menu, sections, term pages, settings) and its digest."""
        found = self._shared.get(lang)
        if found is None:
            plan = self.plan
            data = {"navigation": plan.navigation(lang) if lang else [],
                    "footer": plan.footer(lang) if lang else [],
                    "sections": plan.sections(lang) if lang else [],
                    "term_pages": dict(plan.term_pages(lang)) if lang else {}, **self.settings}
            found = self._shared[lang] = (data, self.digest(data))
        return found

    def key(self, page: Page, data: tuple | None = None) -> str:
        own, _ = data or self.page_data(page)
        return self.cache.key((self.state(own), self.shared(page.lang)[1]))

    def digest(self, value) -> str:
        return hashlib.sha256(repr(self.state(value)).encode()).hexdigest()

    def state(self, value):
        """`value` as plain, deterministic data for a cache key: an item becomes the digest of its
        state (once per item and build), a content type its name (its code is in the salt). Entries
        and blocks are shown on many pages (listings, browse pages, related items): each one's state
        is worked out once per build."""
        kind = type(value)
        if kind in PLAIN:
            return value
        if kind in (tuple, list):
            return tuple([self.state(v) for v in value])
        if kind in SHARED:
            found = self._states.get(id(value))
            if found is None:
                found = self._states[id(value)] = (kind.__name__,) + tuple(
                    [self.state(getattr(value, name)) for name in field_names(kind)])
            return found
        if isinstance(value, Item):
            return self.item_state(value)
        if isinstance(value, ContentType):
            return value.name
        if isinstance(value, dict):
            return tuple(sorted((k, self.state(v)) for k, v in value.items()))
        if isinstance(value, tuple) and hasattr(value, "_fields"):  # a named tuple
            return (kind.__name__,) + tuple([self.state(v) for v in value])
        if is_dataclass(value):
            return (kind.__name__,) + tuple([self.state(getattr(value, name)) for name in field_names(kind)])
        if isinstance(value, Enum):
            return str(value.value)
        if isinstance(value, PLAIN):
            return value
        raise TypeError(f"page data must be plain data, not {kind.__name__}: {value!r:.80}")

    def headings(self) -> dict:
        """Headings of browsed and tagged fields: the shared ones, and each content type's own."""
        if self._headings is None:
            self._headings = {**messages.FIELDS}
            for content_type in self.plan.hub.types:
                for name, heading in content_type.headings.items():
                    self._headings.setdefault(name, heading)
        return self._headings

    def localizer(self, locale: str) -> Localizer:
        if locale not in self._localizers:
            self._localizers[locale] = Localizer(locale)
        return self._localizers[locale]

    def item_state(self, item) -> str:
        """A digest of an item's state, once per item and build (a listing shows it on many pages)."""
        version = (item.source, item.lang)  # a derived edition's version shares its base's source file
        found = self._item_states.get(version)
        if found is None:
            found = self._item_states[version] = hashlib.sha256(repr(item_state(item)).encode()).hexdigest()
        return found

    def page_notices(self, page: Page) -> tuple:
        """(kind, date, address and language tag of the original) for each notice about the item shown,
        e.g. stale; extensions supply them (hub_status), this one only shows them."""
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

    def render(self, page: Page, data: tuple | None = None) -> str:
        phases.reached("render")
        template = self.env.get_template(page.template)
        return template.render(self.context(page, data))

    def context(self, page: Page, data: tuple | None = None) -> dict:
        """Exactly what a template sees: the page data its key is made of (`data`, from page_data),
        plus helpers."""
        own, shared = data or self.page_data(page)
        return {**shared, **own, **self.helpers(page.lang)}

    def helpers(self, code: str | None) -> dict:
        """Functions and fixed tables for templates, once per language. Each closes only over the salt's
        inputs (settings, vocabularies, languages, catalogs, code) or the language's shared page data."""
        if code not in self._helpers:
            self._helpers[code] = self.make_helpers(code, self.shared(code)[0])
        return self._helpers[code]

    def make_helpers(self, code: str | None, shared: dict) -> dict:
        languages = self.plan.languages
        term_pages = shared["term_pages"]
        lang = languages[code] if code else languages.default_language
        vocabularies = self.plan.hub.vocabularies
        types = self.plan.hub.types

        def label(vocabulary, term):
            return vocabularies[vocabulary].label(term, lang.code) if vocabulary else str(term)

        return {
            "lang": lang,
            "languages": languages,
            "l10n": self.localizer(lang.locale),
            "url": self.url,
            "catalogs": self.catalogs,
            "messages": messages,
            "content_types": types,
            "headings": self.headings(),
            "label": label,
            "term_page": lambda vocabulary, term: term_pages.get((vocabulary, term)),
            "json_ld": lambda page, modified=None: json_ld(page, self.url, lang.tag, label, modified),
            "event_start": moments.start,
            "event_end": moments.end,
            "utc": moments.utc,
            "utc_offset": utc_offset,
            "item_language": lambda item: languages[item.lang],
            "fragment": Fragments(),
            # The addresses the header's menus and the footer link to: a page among them is marked
            # as the current one (a set, rather than a filter over the menus on every page).
            "menu_paths": frozenset(entry.path for entry in shared["sections"] + shared["navigation"]),
            "footer_paths": frozenset(entry.path for entry in shared["footer"]),
        }
