"""Planning every page of every language before anything is written.

Pure: from the hub model to a SitePlan, a list of pages with their paths, plus the
queries the templates need (language switcher, hreflang alternates, canonical,
navigation). Paths are relative to the output folder, ending in '/' for pretty URLs.
"""

from __future__ import annotations

from dataclasses import dataclass

from hub_build.errors import Problem, fail_if
from hub_content.fields import Terms
from hub_content.types import SCHEMAS

BROWSE_VOCABULARIES = ("topics",)
HOME_ENTRIES = 5


@dataclass(frozen=True)
class Entry:
    """An item as a listing in one language shows it."""

    item: object
    path: str
    fallback: bool


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
    vocabulary: str | None = None
    term: str | None = None
    terms: tuple = ()  # (term, count) pairs on a browse index

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
            return f"the {self.vocabulary} pages"
        return f"the {self.kind} page"


@dataclass(frozen=True)
class Link:
    lang: str
    path: str
    missing: bool = False


def paginate(entries: list, size: int) -> list[list]:
    return [entries[i:i + size] for i in range(0, len(entries), size)] or [[]]


def page_path(base: str, number: int) -> str:
    return base if number == 1 else f"{base}page/{number}/"


class SitePlan:
    def __init__(self, hub, page_size: int):
        self.hub = hub
        self.languages = hub.languages
        self.page_size = page_size
        self.pages: list[Page] = []
        for language in self.languages:
            self.pages += self._language_pages(language)
        self.pages += [Page(None, "", "root", ("root",), "root.html"),
                       Page(None, "404.html", "not-found", ("not-found",), "404.html")]
        fail_if(self._collisions())
        self._by_identity = {(page.identity, page.lang): page for page in self.pages}
        self._by_language: dict[str | None, list[Page]] = {}
        for page in self.pages:
            self._by_language.setdefault(page.lang, []).append(page)
        self._navigation = {code: self._menu(code) for code in self.languages.codes}
        self._sections = {code: [p for p in self.language_pages(code) if p.kind == "listing" and p.number == 1]
                          for code in self.languages.codes}

    # -- planning ---------------------------------------------------------------
    def _language_pages(self, language) -> list[Page]:
        prefix = f"{language.prefix}/"
        pages: list[Page] = []
        listed: list[Entry] = []
        for content_type in self.hub.content_types:
            entries = self._entries(language.code, prefix, content_type)
            pages += [Page(language.code, e.path, "item", ("item", e.item.key), "item.html",
                           item=e.item, content_type=content_type) for e in entries]
            if content_type.listed:
                entries = sorted(entries, key=lambda e: (-e.item.meta["date"].toordinal(), e.item.key))
                pages += self._listing(language.code, f"{prefix}{content_type.folder}/", "listing",
                                       ("listing", content_type.name), entries, content_type=content_type)
                listed += entries
        listed.sort(key=lambda e: (-e.item.meta["date"].toordinal(), e.item.key))
        pages.append(Page(language.code, prefix, "home", ("home",), "home.html",
                          entries=tuple(listed[:HOME_ENTRIES])))
        for vocabulary in BROWSE_VOCABULARIES:
            pages += self._browse(language.code, prefix, vocabulary, listed)
        return pages

    def _entries(self, lang, prefix, content_type) -> list[Entry]:
        entries = []
        for key in self.hub.translations.keys(content_type.name):
            item = self.hub.translations.resolve(key, lang)
            if item is not None:
                entries.append(Entry(item, prefix + content_type.url_for(item.slug), item.lang != lang))
        return entries

    def _listing(self, lang, base, kind, identity, entries, **extra) -> list[Page]:
        chunks = paginate(entries, self.page_size)
        return [Page(lang, page_path(base, number), kind, identity + (number,),
                     f"{kind}.html", entries=tuple(chunk), number=number, count=len(chunks), **extra)
                for number, chunk in enumerate(chunks, start=1)]

    def _browse(self, lang, prefix, vocabulary, listed) -> list[Page]:
        by_term: dict[str, list[Entry]] = {}
        for entry in listed:
            for term in self._terms(entry.item, vocabulary):
                by_term.setdefault(term, []).append(entry)
        base = f"{prefix}{vocabulary}/"
        labels = self.hub.vocabularies[vocabulary] if by_term else None
        order = sorted(by_term, key=lambda t: (labels.label(t, lang).casefold(), t))
        pages = [Page(lang, base, "browse-index", ("browse-index", vocabulary), "browse-index.html",
                      vocabulary=vocabulary, terms=tuple((t, len(by_term[t])) for t in order))]
        for term in order:
            pages += self._listing(lang, f"{base}{term}/", "browse", ("browse", vocabulary, term),
                                   by_term[term], vocabulary=vocabulary, term=term)
        return pages

    def _terms(self, item, vocabulary) -> tuple:
        schema = SCHEMAS[item.type]
        return tuple(term for name, spec in schema.items()
                     if isinstance(spec.kind, Terms) and spec.kind.vocabulary == vocabulary
                     for term in item.meta.get(name, ()))

    def _collisions(self) -> list[Problem]:
        """Pages sharing an address, reported once per pair of sources (not once per language)."""
        seen: dict[str, Page] = {}
        reported: dict[tuple, Problem] = {}
        for page in self.pages:
            other = seen.setdefault(page.output, page)
            if other is page:
                continue
            first, second = sorted([page, other], key=lambda p: (p.item is None, p.source))
            key = (first.item.key if first.item else first.source, second.item.key if second.item else second.source)
            reported.setdefault(key, Problem(first.source, 0, "", f"its address /{page.path} is also used by "
                                             f"{second.source}", "rename one of the two files"))
        return list(reported.values())

    # -- queries for templates -------------------------------------------------------
    def page(self, identity: tuple, lang: str) -> Page | None:
        return self._by_identity.get((identity, lang))

    def language_pages(self, lang: str) -> list[Page]:
        return self._by_language.get(lang, [])

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
            if other is None:
                links.append(Link(language.code, f"{language.prefix}/", missing=True))
            else:
                links.append(Link(language.code, other.path))
        return links

    def canonical(self, page: Page) -> str:
        if page.fallback:
            return self.page(page.identity, page.item.lang).path
        return page.path

    def _menu(self, lang: str) -> list[Page]:
        pages = [p for p in self.language_pages(lang) if p.kind == "item" and p.item.meta.get("menu") is not None]
        return sorted(pages, key=lambda p: (p.item.meta["menu"], p.item.key))

    def navigation(self, lang: str) -> list[Page]:
        return self._navigation[lang]

    def sections(self, lang: str) -> list[Page]:
        return self._sections[lang]
