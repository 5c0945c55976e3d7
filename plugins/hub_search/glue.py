"""Plans a search page per language (with the pages, so hub_pages renders it) and writes each
language's split index under it, in <prefix>/search/ (with gzip twins of the manifest and the
search scripts when HUB_SEARCH_GZIP asks for them)."""

from __future__ import annotations

from pathlib import Path

from pelican import signals
from pelican.generators import Generator

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


def search_page(language, found: list[dict], vocabularies) -> Page:
    def sort_key(vocabulary, value):
        if vocabulary is None:
            return index.section_rank(value)
        return (vocabularies[vocabulary].label(value, language.code).casefold(), value)

    return Page(language.code, search_path(language), "search", ("search",), "search.html",
                facets=records.facets(found, sort_key), scripts=stemmer_scripts(language.code))


class HubSearchGenerator(Generator):
    def generate_context(self):
        if not self.settings["HUB_SEARCH"]:
            return
        plan = self.context["hub_plan"]
        languages = plan.languages
        fallbacks = self.settings["HUB_SEARCH_FALLBACKS"]
        found, texts = {}, {}
        for language in languages:
            shown = [(item, path, fallback) for item, path, fallback in records.shown_items(
                plan.shown(language.code)) if fallbacks or not fallback]
            found[language.code] = records.language_records(shown, lambda code: languages[code].tag, texts)
        self.context["hub_search_records"] = found
        plan.add_pages([search_page(language, found[language.code], plan.hub.vocabularies) for language in languages])

    def generate_output(self, writer):
        if not self.settings["HUB_SEARCH"]:
            return
        output = Path(self.output_path)
        languages = list(self.context["hub_plan"].languages)
        found = self.context["hub_search_records"]
        groups = balanced(languages, lambda language: len(found[language.code]),
                          workers(self.settings["HUB_PROCESSES"]))
        if len(groups) > 1:
            run_forked(self.write_indexes, groups, output)
        else:
            self.write_indexes(languages, output)
        if self.settings["HUB_SEARCH_GZIP"]:
            # Hosts that serve precompressed files send these instead of compressing on every request.
            scripts = Path(self.theme) / "static" / SCRIPTS
            for script in sorted(scripts.rglob("*.js")):
                write(output, f"theme/{SCRIPTS}/{script.relative_to(scripts).as_posix()}.gz",
                      index.gz(script.read_bytes()))

    def write_indexes(self, languages, output: Path) -> None:
        """Each language's index, from the cache when its records did not change (each language's cache
        file and output folder are its own, so languages can be written by parallel processes)."""
        cache_folder = self.settings.get("HUB_CACHE_PATH")
        cache = IndexCache(Path(cache_folder) / "search" if cache_folder else None)
        for language in languages:
            found = self.context["hub_search_records"][language.code]
            files = cache.files(language.code, found, lambda: index.build(found, language.code))
            for path, data in files.items():
                write(output, search_path(language) + path, data)
            if self.settings["HUB_SEARCH_GZIP"]:  # the packs' members are gzipped already; the manifest is not
                write(output, search_path(language) + "manifest.json.gz", index.gz(files["manifest.json"]))


def get_generators(pelican):
    return HubSearchGenerator


def register():
    signals.get_generators.connect(get_generators)
