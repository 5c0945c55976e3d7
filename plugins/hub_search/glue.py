"""The search's part in a build: a search page per language in the plan (hub_pages renders it),
and each language's index under it, in <prefix>/search/ (with gzip twins of the manifest and the
search scripts when HUB_SEARCH_GZIP asks for them)."""

from __future__ import annotations

from pathlib import Path

from hub_build.extensions import Extension
from hub_build.workers import balanced, run_forked, workers
from hub_pages.render import write
from hub_pages.routes import Page

from . import index, records
from .cache import IndexCache
from .pipeline import profile

SCRIPTS = "js/search"  # the search scripts, below the theme's static folder and /theme/ on the site


def search_path(language) -> str:
    return f"{language.prefix}/search/"


def stemmer_scripts(lang: str) -> tuple:
    """The Snowball stemmer files a language's profile needs in the browser, in load order."""
    stemmer = profile(lang).stemmer
    if stemmer in (None, "light"):
        return ()
    return (f"theme/{SCRIPTS}/stemmers/base-stemmer.js", f"theme/{SCRIPTS}/stemmers/{stemmer}.js")


def search_page(language, found: list[dict], vocabularies, types) -> Page:
    def sort_key(vocabulary, value):
        if vocabulary is None:
            return index.section_rank(value)
        return (language.collation_key(vocabularies[vocabulary].label(value, language.code)), value)

    return Page(language.code, search_path(language), "search", ("search",), "search.html",
                facets=records.facets(found, sort_key, types), scripts=stemmer_scripts(language.code))


class SearchExtension(Extension):
    name = "search"

    def __init__(self):
        self.found: dict[str, list[dict]] = {}  # language code -> its records, from pages to write

    def pages(self, build) -> list[Page]:
        if not build.settings["HUB_SEARCH"]:
            return []
        plan = build.plan
        languages = plan.languages
        fallbacks = build.settings["HUB_SEARCH_FALLBACKS"]
        texts: dict = {}
        for language in languages:
            shown = [(item, path, fallback) for item, path, fallback in records.shown_items(
                plan.shown(language.code)) if fallbacks or not fallback]
            vocabularies = plan.hub.vocabularies
            self.found[language.code] = records.language_records(
                shown, lambda code: languages[code].tag, texts,
                lambda vocabulary, value, lang=language.code: vocabularies[vocabulary].label(value, lang))
        return [search_page(language, self.found[language.code], plan.hub.vocabularies, plan.hub.types)
                for language in languages]

    def files(self, build) -> list[str]:
        if not build.settings["HUB_SEARCH"]:
            return []
        return [search_path(language) + "manifest.json" for language in build.plan.languages]

    def write(self, build) -> None:
        if not build.settings["HUB_SEARCH"]:
            return
        languages = list(build.plan.languages)
        groups = balanced(languages, lambda language: len(self.found[language.code]),
                          workers(build.settings["HUB_PROCESSES"]))
        if len(groups) > 1:
            run_forked(self.write_indexes, groups, build)
        else:
            self.write_indexes(languages, build)
        if build.settings["HUB_SEARCH_GZIP"]:
            # Hosts that serve precompressed files send these instead of compressing on every request.
            scripts = build.theme / "static" / SCRIPTS
            for script in sorted(scripts.rglob("*.js")):
                write(build.output, f"theme/{SCRIPTS}/{script.relative_to(scripts).as_posix()}.gz",
                      index.gz(script.read_bytes()))

    def write_indexes(self, languages, build) -> None:
        """Each language's index, from the cache when its records did not change (each language's cache
        file and output folder are its own, so languages can be written by parallel processes)."""
        cache_folder = build.settings.get("HUB_CACHE_PATH")
        cache = IndexCache(Path(cache_folder) / "search" if cache_folder else None)
        for language in languages:
            found = self.found[language.code]
            files = cache.files(language.code, found, lambda terms: index.build(found, language.code, terms=terms))
            for path, data in files.items():
                write(build.output, search_path(language) + path, data)
            if build.settings["HUB_SEARCH_GZIP"]:  # the packs' members are gzipped already; the manifest is not
                write(build.output, search_path(language) + "manifest.json.gz", index.gz(files["manifest.json"]))
