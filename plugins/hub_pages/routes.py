"""Planning every page of every language before anything is written.

Pure: from the hub model to a SitePlan, a list of pages with their paths, plus the
queries the templates need (language switcher, hreflang alternates, canonical,
navigation). Paths are relative to the output folder, ending in '/' for pretty URLs.
"""

from __future__ import annotations

import heapq
from collections import Counter
from operator import itemgetter
import dataclasses
from dataclasses import dataclass

from hub_build.errors import Problem
from hub_content.fields import LanguageTags, terms_of
from hub_i18n.l10n import Localizer

HUB_BROWSE = ("topics",)  # fields browsed across every section, at /<lang>/<field>/
BLOCK_SIZE = 5
RELATED_SIZE = 4
RELATED_POOL = 200


@dataclass(frozen=True)
class Entry:
    """An item as a listing in one language shows it."""

    item: object
    path: str
    fallback: bool
    state: str | None = None  # the listing it belongs to at build time: upcoming, past, open, closed


@dataclass(frozen=True)
class Block:
    """A short list of entries on a page, e.g. upcoming events on the home page."""

    name: str  # what it holds: a content type's name, or "related"
    entries: tuple
    total: int
    more: str | None = None  # the page that lists all of them
    listing: str | None = None


@dataclass(frozen=True)
class Facet:
    """One field of a section's filter form."""

    field: str
    vocabulary: str | None  # its vocabulary; None for years and language tags
    param: str  # its name in the address (?topics=violence): its browse segment, or its `filter` name
    terms: tuple  # (term, count) in the language's order
    browsed: bool  # it has browse pages, /<lang>/<section>/<param>/<term>/
    tags: bool = False  # its terms are BCP 47 tags, named by Babel in the reader's language


@dataclass(frozen=True)
class Page:
    lang: str | None
    path: str
    kind: str
    identity: tuple
    template: str
    item: object = None
    entries: tuple = ()
    number: int = 1
    count: int = 1
    content_type: object = None
    listing: str | None = None  # which listing of the section: all, upcoming, past, open, closed
    field: str | None = None  # the browsed field, e.g. topics or resource_type
    vocabulary: str | None = None  # its vocabulary; None for years
    term: str | None = None
    terms: tuple = ()  # (term, count) pairs on a browse index
    total: int = 0  # entries over all pages of a listing
    blocks: tuple = ()
    facets: tuple = ()  # Facet of each field of a section's filter form (a search page's: its own tuples)
    state: str | None = None  # an item's listing at build time, e.g. closed
    scripts: tuple = ()  # theme scripts the page needs beyond its template's own, e.g. a language's stemmer
    # What an extension's page gives its template beyond the common context (plain data, in its cache key)
    data: dict | None = dataclasses.field(default=None, compare=False)

    @property
    def fallback(self) -> bool:
        return self.item is not None and self.item.lang != self.lang

    @property
    def output(self) -> str:
        return f"{self.path}index.html" if self.path.endswith("/") or not self.path else self.path

    @property
    def source(self) -> str:
        if self.item is not None:
            return self.item.source
        if self.kind == "listing":
            return f"the {self.content_type.folder} listing"
        if self.kind in ("browse", "browse-index"):
            return f"the {self.field} pages"
        return f"the {self.kind.replace('-', ' ')} page"


@dataclass(frozen=True)
class Link:
    lang: str
    path: str
    missing: bool = False
    shows: str | None = None  # the language whose text the page shows, when it is a fallback


def _self_and_folders(output: str):
    parts = output.split("/")
    return ["/".join(parts[:n]) for n in range(1, len(parts) + 1)]


def _rename(page: Page) -> str:
    if page.item is not None:
        return "rename the file (its name is its address)"
    return "rename the other one"


def paginate(entries: list, size: int) -> list[list]:
    return [entries[i:i + size] for i in range(0, len(entries), size)] or [[]]


def page_path(base: str, number: int) -> str:
    return base if number == 1 else f"{base}page/{number}/"


def field_terms(item, name: str) -> tuple:
    spec = item.content_type.schema.get(name)
    if spec is None or name not in item.meta:
        return ()
    value = item.meta[name]
    if isinstance(spec.kind, LanguageTags):
        return tuple(value)
    return terms_of(spec.kind, value) or (str(value),)


def newest(entry: Entry) -> tuple:
    date = entry.item.meta.get("date")
    return (-date.toordinal() if date else 0, entry.item.key)


class SitePlan:
    def __init__(self, hub, page_size: int, fallback_copies: bool = True):
        self.hub = hub
        self.languages = hub.languages
        self.page_size = page_size
        self.fallback_copies = fallback_copies  # False: a fallback links to the item in its own language
        self.pages: list[Page] = []
        # (lang, type name) -> (path, fields, entries in listing order, (field, browse segment) of the browsed)
        self.filters: dict[tuple, tuple] = {}
        self._shown: dict[str, tuple] = {}  # lang -> every item it shows, as entries, in plan order
        for language in self.languages:
            planned = LanguagePlan(self, language)
            self.pages += planned.pages()
            self._shown[language.code] = tuple(e for t in self.hub.content_types for e in planned.by_type[t.name])
        self.pages += [Page(None, "", "root", ("root",), "root.html"),
                       Page(None, "404.html", "not-found", ("not-found",), "404.html")]
        self._index()
        self._navigation = {code: self._menu(code) for code in self.languages.codes}
        self._footer = {code: self._menu(code, "footer") for code in self.languages.codes}
        self._term_pages: dict[str, tuple] = {}
        self._sections = {code: [p for p in self.language_pages(code)
                                 if p.kind == "listing" and p.number == 1 and p.listing == p.content_type.listings[0].name]
                          for code in self.languages.codes}

    def add_pages(self, pages) -> None:
        """Pages of extensions (search, translation status), planned before anything is rendered so that
        the renderer, the switcher, hreflang, sitemaps and the collision check know them."""
        self.pages += pages
        self._index()

    def _index(self) -> None:
        self._by_identity = {(page.identity, page.lang): page for page in self.pages}
        self._by_language: dict[str | None, list[Page]] = {}
        for page in self.pages:
            self._by_language.setdefault(page.lang, []).append(page)

    def collisions(self, files: list[tuple[str, str]], outside: list[tuple[str, str]] = ()) -> list[Problem]:
        """Every address used twice: by two pages, or by a page and a file someone else writes (an
        attachment, a feed, the theme's files: `files` holds (who writes it, path) pairs), reported
        once per pair of sources, not once per language. A file is also in the way of every page
        below its path (/en/feed.atom/ cannot be a folder and a feed at once). `outside` are the
        files that belong to no language (theme, attachments): no language's prefix may be their folder."""
        reported: dict[tuple, Problem] = {}
        for writer, path in outside:
            top = path.split("/")[0]
            for language in self.languages:
                if language.prefix == top:
                    reported.setdefault(("prefix", top), Problem(
                        "settings", 0, "HUB_LANGUAGES", f"the prefix {top!r} of {language.code} is also where "
                        f"{writer} is published (/{path})", "give the language another prefix"))
        seen: dict[str, Page] = {}
        for page in sorted(self.pages, key=lambda p: p.fallback):  # a file's own address first, then its copies
            other = seen.setdefault(page.output, page)
            if other is page:
                continue
            first, second = sorted([page, other], key=lambda p: (p.item is None, p.source))
            key = (first.item.key if first.item else first.source, second.item.key if second.item else second.source)
            reported.setdefault(key, Problem(first.source, 0, "", f"its address /{page.path} is also used by "
                                             f"{second.source}", "rename one of the two files"))
        writers: dict[str, str] = {}
        for writer, path in files:
            first = writers.setdefault(path, writer)
            if first != writer:
                reported.setdefault((first, writer), Problem(writer, 0, "", f"writes /{path}, which {first} "
                                                             "writes too", "rename one of the two"))
        for page in self.pages:
            for path in _self_and_folders(page.output):
                if path in writers:
                    key = (page.item.key if page.item else page.source, writers[path])
                    reported.setdefault(key, Problem(page.source, 0, "", f"its address /{page.path} is also "
                                                     f"used by {writers[path]} (/{path})", _rename(page)))
        return list(reported.values())

    # -- queries for templates -------------------------------------------------------
    def page(self, identity: tuple, lang: str) -> Page | None:
        return self._by_identity.get((identity, lang))

    def language_pages(self, lang: str) -> list[Page]:
        return self._by_language.get(lang, [])

    def shown(self, lang: str) -> tuple:
        """Every item a language shows (its own and, through its fallback chain, others), as entries
        whose path is the page a reader of that language opens."""
        return self._shown[lang]

    def alternates(self, page: Page) -> list[Link]:
        """hreflang links: the languages with their own version of this page (none on a fallback)."""
        if page.lang is None or page.fallback:
            return []
        return [Link(code, other.path) for code in self.languages.codes
                if (other := self.page(page.identity, code)) and not other.fallback]

    def x_default(self, page: Page) -> Link | None:
        links = {link.lang: link for link in self.alternates(page)}
        if not links:
            return None
        if self.languages.default in links:
            return links[self.languages.default]
        original = self.hub.translations.original(page.item.key).lang if page.item else None
        return links.get(original) or next(iter(links.values()))

    def switcher(self, page: Page) -> list[Link]:
        """The same page in every language; a language without it leads to its home."""
        links = []
        for language in self.languages:
            other = self.page(page.identity, language.code)
            if other is None and page.kind in ("listing", "browse") and page.number > 1:
                other = self.page(page.identity[:-1] + (1,), language.code)
            if other is None and page.item is not None and not self.fallback_copies:
                shown = self.hub.translations.resolve(page.item.key, language.code)
                other = self.page(page.identity, shown.lang) if shown is not None else None
            if other is None:
                links.append(Link(language.code, f"{language.prefix}/", missing=True))
            else:
                links.append(Link(language.code, other.path,
                                  shows=other.item.lang if other.fallback else None))
        return links

    def canonical(self, page: Page) -> str:
        if page.fallback:
            return self.page(page.identity, page.item.lang).path
        return page.path

    def _menu(self, lang: str, field: str = "menu") -> list[Page]:
        pages = [p for p in self.language_pages(lang) if p.kind == "item" and p.item.meta.get(field) is not None]
        return sorted(pages, key=lambda p: (p.item.meta[field], p.item.key))

    def term_pages(self, lang: str) -> tuple:
        """((vocabulary, term), path) for every term with its own page, e.g. a country's."""
        if lang not in self._term_pages:
            self._term_pages[lang] = tuple(sorted(
                ((page.content_type.vocabulary, page.item.slug), page.path) for page in self.language_pages(lang)
                if page.kind == "item" and page.content_type.vocabulary))
        return self._term_pages[lang]

    def navigation(self, lang: str) -> list[Page]:
        return self._navigation[lang]

    def footer(self, lang: str) -> list[Page]:
        """The pages linked from the footer (contact, privacy...), by their `footer` position."""
        return self._footer[lang]

    def sections(self, lang: str) -> list[Page]:
        return self._sections[lang]


class LanguagePlan:
    """Every page of one language: items, listings, browse pages, home."""

    def __init__(self, plan: SitePlan, language):
        self.plan = plan
        self.hub = plan.hub
        self.lang = language.code
        self.locale = language.locale
        self.collate = language.collation_key  # every label and title a reader sees sorted, sorts by it
        self.prefix = f"{language.prefix}/"
        self.now = plan.hub.build_time
        self.by_type = {t.name: self._entries(t) for t in self.hub.content_types}
        self._pool = None
        self._ordered: dict[str, list[Entry]] = {}
        self._by_term: dict[tuple[str, str], dict[str, list[Entry]]] = {}

    def pages(self) -> list[Page]:
        pages: list[Page] = []
        for content_type in self.hub.content_types:
            entries = self.by_type[content_type.name]
            pages += [self._item_page(content_type, entry) for entry in entries
                      if self.plan.fallback_copies or not entry.fallback]
            if content_type.listed:
                pages += self._section(content_type, entries)
        pages.append(Page(self.lang, self.prefix, "home", ("home",), "home.html", blocks=self._home_blocks()))
        for name in HUB_BROWSE:
            pages += self._browse_across(name, self.prefix + f"{name}/")
        return pages

    def _entries(self, content_type) -> list[Entry]:
        entries = []
        for key in self.hub.translations.keys(content_type.name):
            item = self.hub.translations.resolve(key, self.lang)
            if item is not None:
                state = next((listing.name for listing in content_type.listings
                              if listing.selects(item.meta, self.now)), None)
                fallback = item.lang != self.lang
                prefix = self.prefix if self.plan.fallback_copies or not fallback else self.item_prefix(item)
                entries.append(Entry(item, prefix + content_type.url_for(item.slug), fallback, state))
        return entries

    def item_prefix(self, item) -> str:
        return f"{self.hub.languages[item.lang].prefix}/"

    def listing(self, content_type, listing, entries) -> list[Entry]:
        chosen = [e for e in entries if listing.selects(e.item.meta, self.now)]
        return sorted(chosen, key=lambda e: (listing.order(e.item.meta, self.collate), e.item.key))

    def in_listing_order(self, content_type) -> list[Entry]:
        """All of a section's entries: its listings one after the other (upcoming, then past).
        Kept, since every country and partner page asks for it again."""
        if content_type.name not in self._ordered:
            entries = self.by_type[content_type.name]
            self._ordered[content_type.name] = [e for listing in content_type.listings
                                                for e in self.listing(content_type, listing, entries)]
        return self._ordered[content_type.name]

    def _section(self, content_type, entries) -> list[Page]:
        base = f"{self.prefix}{content_type.folder}/"
        pages = []
        facets = []
        ordered = self.in_listing_order(content_type)
        if content_type.filtered:
            self.plan.filters[(self.lang, content_type.name)] = (
                f"{base}filter.json", tuple(f.name for f in content_type.filtered), tuple(ordered),
                tuple((f.name, f.browse) for f in content_type.browsed))
        for spec in content_type.browsed:
            browse = self._browse(content_type, spec.name, spec.browse, ordered, f"{base}{spec.browse}/")
            pages += browse
            facets.append(Facet(spec.name, getattr(spec.kind, "vocabulary", None), spec.browse, browse[0].terms, True))
        for spec in content_type.filtered[len(content_type.browsed):]:
            facets.append(self._filter_only(spec, ordered))
        for listing in content_type.listings:
            pages += self._paginate(f"{base}{listing.path}", "listing",
                                    ("listing", content_type.name, listing.name),
                                    self.listing(content_type, listing, entries),
                                    content_type=content_type, listing=listing.name, facets=tuple(facets))
        return pages

    def _filter_only(self, spec, entries) -> Facet:
        """A facet without browse pages, e.g. the languages a document exists in, named as the reader's
        language names them and sorted by those names."""
        counts = Counter(term for entry in entries for term in field_terms(entry.item, spec.name))
        tags = isinstance(spec.kind, LanguageTags)
        vocabulary = getattr(spec.kind, "vocabulary", None)
        if tags:
            name = Localizer(self.locale).tag_name
        elif vocabulary:
            name = lambda term: self.hub.vocabularies[vocabulary].label(term, self.lang)  # noqa: E731
        else:
            name = str
        order = sorted(counts, key=lambda term: (self.collate(name(term)), term))
        return Facet(spec.name, vocabulary, spec.filter, tuple((t, counts[t]) for t in order), False, tags)

    def _paginate(self, base, kind, identity, entries, **extra) -> list[Page]:
        chunks = paginate(entries, self.plan.page_size)
        return [Page(self.lang, page_path(base, number), kind, identity + (number,),
                     f"{kind}.html", entries=tuple(chunk), number=number, count=len(chunks),
                     total=len(entries), **extra)
                for number, chunk in enumerate(chunks, start=1)]

    def _browse(self, content_type, name, segment, entries, base) -> list[Page]:
        by_term: dict[str, list[Entry]] = {}
        for entry in entries:
            for term in field_terms(entry.item, name):
                by_term.setdefault(term, []).append(entry)
        vocabulary = self._vocabulary_of(content_type, name)
        order = sorted(by_term, key=lambda t: self._term_order(vocabulary, t))
        type_name = content_type.name  # fields browsed across sections: _browse_across
        pages = [Page(self.lang, base, "browse-index", ("browse-index", type_name, name), "browse-index.html",
                      content_type=content_type, field=name, vocabulary=vocabulary,
                      terms=tuple((t, len(by_term[t])) for t in order))]
        for term in order:
            pages += self._paginate(f"{base}{term}/", "browse", ("browse", type_name, name, term), by_term[term],
                                    content_type=content_type, field=name, vocabulary=vocabulary, term=term)
        return pages

    def _browse_across(self, name, base) -> list[Page]:
        """A field browsed across every section (/<lang>/topics/): an index of its terms, and one page
        per term with the newest of each section and a link to that section's own pages of the term,
        as a country's page has. Not one more paginated list of every item: that would repeat each
        section's term pages (a tenth of a large hub's bytes) and mix events with news by date."""
        vocabulary = self._vocabulary_of(None, name)
        terms = {term for content_type in self.hub.content_types for term in self._tagged(content_type, vocabulary)}
        order = sorted(terms, key=lambda t: self._term_order(vocabulary, t))
        blocks = {term: self._term_blocks(vocabulary, term) for term in order}
        totals = {term: sum(block.total for block in blocks[term]) for term in order}
        pages = [Page(self.lang, base, "browse-index", ("browse-index", None, name), "browse-index.html",
                      field=name, vocabulary=vocabulary, terms=tuple((t, totals[t]) for t in order))]
        pages += [Page(self.lang, f"{base}{term}/", "browse", ("browse", None, name, term), "browse.html",
                       field=name, vocabulary=vocabulary, term=term, total=totals[term], blocks=blocks[term])
                  for term in order]
        return pages

    def _vocabulary_of(self, content_type, name):
        for spec in (content_type.fields if content_type else ()):
            if spec.name == name:
                return getattr(spec.kind, "vocabulary", None)
        return name if name in self.hub.vocabularies else None

    def _term_order(self, vocabulary, term):
        if vocabulary is None:  # years: newest first
            return (0, -int(term)) if term.isdigit() else (1, term)
        return (self.collate(self.hub.vocabularies[vocabulary].label(term, self.lang)), term)

    def _item_page(self, content_type, entry) -> Page:
        return Page(self.lang, entry.path, "item", ("item", entry.item.key), "item.html", item=entry.item,
                    content_type=content_type, state=entry.state, blocks=self._item_blocks(content_type, entry))

    def _home_blocks(self) -> tuple:
        blocks = []
        for content_type in self.hub.content_types:
            if content_type.home:
                listing = content_type.listings[0]
                entries = self.listing(content_type, listing, self.by_type[content_type.name])
                blocks.append(Block(content_type.name, tuple(entries[:content_type.home]), len(entries),
                                    f"{self.prefix}{content_type.folder}/{listing.path}", listing.name))
        return tuple(blocks)

    def _item_blocks(self, content_type, entry) -> tuple:
        if content_type.vocabulary:
            return self._term_blocks(content_type.vocabulary, entry.item.slug)
        if content_type.listed:
            related = self._related(entry)
            return (Block("related", tuple(related), len(related)),) if related else ()
        return ()

    def _term_blocks(self, vocabulary, term) -> tuple:
        """What each section holds about a term: a country's or partner's page, a topic's page."""
        blocks = []
        for content_type in self.hub.content_types:
            chosen = self._tagged(content_type, vocabulary).get(term)
            if not chosen:
                continue
            names = [f for f in content_type.fields if getattr(f.kind, "vocabulary", None) == vocabulary]
            browsed = next((f for f in names if f.browse), None)
            more = f"{self.prefix}{content_type.folder}/{browsed.browse}/{term}/" if browsed else None
            blocks.append(Block(content_type.name, tuple(chosen[:BLOCK_SIZE]), len(chosen),
                                more if len(chosen) > BLOCK_SIZE else None))
        return tuple(blocks)

    def _tagged(self, content_type, vocabulary) -> dict[str, list[Entry]]:
        """term -> a listed section's entries with that term in any field of the vocabulary, in listing
        order. One pass per section and vocabulary, kept: every term's page asks again."""
        key = (content_type.name, vocabulary)
        if key not in self._by_term:
            names = [f.name for f in content_type.fields
                     if vocabulary is not None and getattr(f.kind, "vocabulary", None) == vocabulary]
            tagged: dict[str, list[Entry]] = {}
            if names and content_type.listed:
                for entry in self.in_listing_order(content_type):
                    for term in dict.fromkeys(t for name in names for t in field_terms(entry.item, name)):
                        tagged.setdefault(term, []).append(entry)
            self._by_term[key] = tagged
        return self._by_term[key]

    def _related(self, entry) -> list[Entry]:
        """Same-language items sharing topics (weighing double) or countries, newest first among
        equals. Only the newest RELATED_POOL items of each term are weighed, so that a
        country with thousands of items does not make planning quadratic. Items are counted by
        their place in newest-first order, negated, so that one key in C ranks them (heaviest,
        then newest): this runs for every item of every language."""
        pool, places, in_order = self._term_pool()
        weights: Counter = Counter()
        for name, weight in (("topics", 2), ("countries", 1)):
            for term in field_terms(entry.item, name):
                chosen = pool.get((name, term), ())[:RELATED_POOL]
                for _ in range(weight):
                    weights.update(chosen)
        weights.pop(places.get(entry.path), None)  # a language has one entry per item: the item itself
        ranked = heapq.nlargest(RELATED_SIZE, weights.items(), key=itemgetter(1, 0))  # the sort's first few
        return [in_order[-place] for place, _ in ranked]

    def _term_pool(self) -> tuple[dict, dict, list]:
        """(topic or country -> the negated places of the language's own dated items in newest-first
        order, newest first; path -> its negated place; the items in that order)."""
        if self._pool is None:
            pool: dict[tuple, list[int]] = {}
            own = sorted((e for t in self.hub.content_types if t.listed and t.dated
                          for e in self.by_type[t.name] if not e.fallback), key=newest)
            for place, entry in enumerate(own):
                for name in ("topics", "countries"):
                    for term in field_terms(entry.item, name):
                        pool.setdefault((name, term), []).append(-place)
            self._pool = (pool, {e.path: -place for place, e in enumerate(own)}, own)
        return self._pool
