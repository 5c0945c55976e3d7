"""Assembling the hub model from a content tree: languages, vocabularies, items, map.

`load_hub` is the one entry point; it returns the Hub or raises BuildFailed listing
every problem in every file.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from hub_build.errors import Problem, ProblemFound, fail_if
from hub_build.workers import map_forked, workers
from hub_languages.model import LanguageTable

from . import attachments as attachment_policy
from . import links, reader, render, scan, translations, vocabulary
from .cache import ItemCache
from .fields import Attachment, terms_of
from . import types as content_types


@dataclass
class Hub:
    languages: LanguageTable
    translations: translations.TranslationMap
    vocabularies: dict[str, vocabulary.Vocabulary]
    build_time: dt.datetime
    drafts: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    sources: list = field(default_factory=list)
    attachments: list = field(default_factory=list)  # paths under content/, published as they are

    types: content_types.ContentTypes = field(default_factory=content_types.load)  # HUB_CONTENT_TYPES

    @property
    def content_types(self):
        return self.types


def build_time() -> dt.datetime:
    """Now, or SOURCE_DATE_EPOCH when set, so that builds are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    return dt.datetime.now(tz=dt.timezone.utc).replace(microsecond=0)


def load_hub(root: Path, settings: dict, cache_folder: Path | None = None) -> Hub:
    languages = LanguageTable.from_settings(settings)
    types = content_types.of(settings)
    files, problems = scan.scan(root, languages, types)
    attachments = sorted(f.rel for f in files if f.attachment)
    reading = read(root, files, languages, ItemCache(cache_folder), attachments, types,
                   workers(settings.get("HUB_PROCESSES", 0)))
    fail_if(problems + reading.problems)
    warnings = reading.warnings + unused_attachments(reading.items, attachments)
    hub = Hub(languages, reading.translations, reading.vocabularies, build_time(), reading.drafts, warnings,
              sources=sorted(f.rel for f in files), attachments=attachments, types=types)
    fail_if(unaccounted(hub))
    return hub


@dataclass
class Reading:
    """What a set of source files holds, and every problem found in it."""

    vocabularies: dict
    items: list
    translations: translations.TranslationMap
    drafts: list
    problems: list
    warnings: list


def read(root: Path, files, languages, cache: ItemCache, attachments: list[str],
         types: content_types.ContentTypes | None = None, processes: int = 1) -> Reading:
    """Every check a build makes of content, in one place: `load_hub` reads the whole tree
    through it, `invoke check` only the files a pull request touches."""
    vocabularies, problems = _vocabularies(root, files, languages)
    problems += attachment_policy.problems(root, [f.rel for f in files if f.attachment], set(attachments))
    items, item_problems, salvaged = _items(root, files, cache, processes)
    problems += item_problems + _term_problems(items + salvaged, vocabularies)
    items, attachment_problems = _measure_attachments(root, items, set(attachments))
    problems += attachment_problems + _measure_attachments(root, salvaged, set(attachments))[1]
    problems += links.link_problems(root, salvaged, languages, types)
    read_sources = {item.source for item in items}
    unreadable = frozenset(f.rel for f in files if f.content_type is not None and f.rel not in read_sources)
    tmap, drafts, errors, warnings = translations.build(items, languages, unreadable, cache)
    problems += errors + _type_checks(tmap) + _vocabulary_pages(items, vocabularies)
    problems += links.link_problems(root, items, languages, types)
    return Reading(vocabularies, items, tmap, drafts, problems, warnings)


def unaccounted(hub: Hub) -> list[Problem]:
    """Every source file must end as published, draft or vocabulary; anything else is a bug."""
    accounted = {item.source for item in hub.translations.items()}
    accounted |= {item.source for item in hub.drafts}
    accounted |= {vocabulary.source for vocabulary in hub.vocabularies.values()}
    accounted |= set(hub.attachments)
    return [Problem(source, 0, "", "was read but is neither published nor a draft",
                    "report this as a bug of the hub: no file may be skipped silently")
            for source in hub.sources if source not in accounted]


def _vocabularies(root, files, languages):
    found, problems = {}, []
    for source in files:
        if source.is_vocabulary:
            try:  # the same size and decoding limits as content files
                text = reader.decode(source.rel, (root / source.rel).read_bytes())
            except ProblemFound as refused:
                problems.append(refused.at(source.rel))
                continue
            loaded, loaded_problems = vocabulary.load(source.vocabulary, source.rel, text, languages)
            problems += loaded_problems
            if loaded:
                found[loaded.name] = loaded
    return found, problems


def _items(root, files, cache, processes: int = 1):
    """Items read, problems found, and what could be salvaged of the files with problems (for the
    checks on whole items, so that every problem of a file comes out in one run). Files the cache
    does not hold are parsed in `processes` forked processes: parsing Markdown is most of a cold read."""
    names: dict[str, set[str]] = {}  # folder -> the file names in it, which suggested names must avoid
    for source in files:
        folder, _, name = source.rel.rpartition("/")
        names.setdefault(folder, set()).add(name.removesuffix(".md"))
    taken: dict[str, frozenset] = {}  # one per folder, and only for folders with a name to suggest

    def beside(rel: str) -> frozenset:
        """The names a suggested new name for `rel` must avoid; none when its name needs no suggestion
        (a folder of a real hub holds thousands of names: a copy per file took gigabytes)."""
        if reader.valid_name(rel):
            return frozenset()
        folder = rel.rpartition("/")[0]
        if folder not in taken:
            taken[folder] = frozenset(names.get(folder, ()))
        return taken[folder]

    read_items: dict = {}  # source -> its item
    missed = []
    for source in files:
        if source.content_type is None:
            continue  # vocabularies and attachments
        item = cache.get(source.rel, source.lang, (root / source.rel).read_bytes())
        if item is None:
            missed.append((source, beside(source.rel)))
        else:
            read_items[source.rel] = item
    problems, salvaged = [], []
    chunks = [(root, cache, missed[start:start + READ_CHUNK]) for start in range(0, len(missed), READ_CHUNK)]
    for chunk in map_forked(_parse, chunks, processes, chunk=1):
        for rel, item, item_problems, part in chunk:
            problems += item_problems
            if item:
                read_items[rel] = item
            elif part:
                salvaged.append(part)
    items = [read_items[source.rel] for source in files if source.rel in read_items]
    return items, problems, salvaged


READ_CHUNK = 24  # files parsed with one Markdown converter, and sent back to the build in one piece


def _parse(chunk):
    """Parse the files of one chunk (and keep what parsed in the cache); one result per file."""
    root, cache, sources = chunk
    converter = render.converter()
    results = []
    for source, taken in sources:
        data = (root / source.rel).read_bytes()
        item, problems = reader.read(source, data, converter, taken)
        part = None
        if item:
            cache.put(source.rel, source.lang, data, item)
        else:
            part = reader.salvage(source, data, converter, with_body=not any(p.field == "body" for p in problems))
        results.append((source.rel, item, problems, part))
    return results


def _term_problems(items, vocabularies) -> list[Problem]:
    problems = []
    for item in items:
        schema = item.content_type.schema
        for name, value in item.fields.items():
            kind = schema[name].kind
            terms = terms_of(kind, value)
            if not terms:
                continue
            known = vocabularies.get(kind.vocabulary)
            if known is None:
                problems.append(Problem(item.source, item.lines[name], name,
                                        f"no vocabulary content/data/{kind.vocabulary}.yaml exists",
                                        f"create content/data/{kind.vocabulary}.yaml or remove the field"))
                continue
            for term in terms:
                if term not in known:
                    problems.append(Problem(item.source, item.lines[name], name, *_term_problem(term, known)))
    return problems


def _term_problem(term, known) -> tuple[str, str]:
    by_label = term_of_label(term, known)
    if by_label:
        return (f"{term!r} is how the term {by_label!r} reads, not its id",
                f"write `{by_label}`: files name terms by their id; readers see its label in their own language")
    close = difflib.get_close_matches(term, list(known.labels), n=1)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return (f"unknown term {term!r}",
            f"{hint}use a term id from {known.source}, or add the term there with a label in every language")


def term_of_label(text: str, known) -> str | None:
    """The term whose id or label, in any language or script, `text` is ("Serbia", "Србија", "Srbija")."""
    wanted = {_folded(text), reader.suggest_slug(text)}
    for term, labels in sorted(known.labels.items()):
        if term in wanted or wanted & {_folded(label) for label in labels.values()}:
            return term
    return None


def _folded(text: str) -> str:
    from unidecode import unidecode

    return unidecode(text).casefold().strip()


def _measure_attachments(root: Path, items, attachments: set[str]):
    """Every local file an item names must exist; its size is taken from it."""
    measured, problems = [], []
    for item in items:
        updates = {}
        for name, value in item.fields.items():
            if not isinstance(value, Attachment) or not value.local:
                continue
            if value.target not in attachments:
                problems.append(Problem(item.source, item.lines[name], name, f"no file content/{value.target} exists",
                                        _attachment_fix(value.target, attachments)))
                continue
            updates[name] = Attachment(value.target, True, (root / value.target).stat().st_size)
        measured.append(replace(item, fields={**item.fields, **updates}) if updates else item)
    return measured, problems


def _attachment_fix(target, attachments) -> str:
    close = difflib.get_close_matches(target, sorted(attachments), n=1)
    hint = f"did you mean {close[0]}? " if close else ""
    return f"{hint}put the file in content/files/ and write its path as files/<name>, or give a web address"


def unused_attachments(items, attachments) -> list[Problem]:
    used = {value.target for item in items for value in item.fields.values() if isinstance(value, Attachment)}
    return [Problem(rel, 0, "", "is published but no item refers to it",
                    "name it in an item's file: or image: field, or delete it")
            for rel in attachments if rel not in used]


def _type_checks(tmap) -> list[Problem]:
    problems = []
    for key in tmap.keys():
        original = tmap.original(key)
        for check in original.content_type.checks:
            for name, message, fix in check(original.meta):
                problems.append(Problem(original.source, original.lines.get(name, 1), name, message, fix))
    return problems


def _vocabulary_pages(items, vocabularies) -> list[Problem]:
    """A country's or partner's page is named after its term, so that tags link to it."""
    problems = []
    for item in items:
        name = item.content_type.vocabulary
        known = vocabularies.get(name) if name else None
        if name and (known is None or item.slug not in known):
            problems.append(Problem(item.source, 0, "", f"{item.slug!r} is not a term of content/data/{name}.yaml",
                                    f"name the file after a term id of content/data/{name}.yaml, "
                                    "or add the term there with a label in every language"))
    return problems
