"""The one translation map: which items are versions of the same thing.

A translation is the file at the same place under another language folder, or
the file with the same `translation_key`. One version of each group is the
original: the default language's if there is one; otherwise the first version,
in language-table order, that carries facts (dates, topics...); otherwise the
first in table order. Facts live only in the original; translations inherit them.
"""

from __future__ import annotations

from dataclasses import replace

from hub_build.errors import Problem

from . import editions
from .reader import Item


def is_fact(item: Item, name: str) -> bool:
    spec = item.content_type.schema[name]
    return not spec.translatable and name not in ("translation_key", "status", "source_revision")


class TranslationMap:
    def __init__(self, groups: dict[str, dict[str, Item]], originals: dict[str, str], languages,
                 derived: frozenset = frozenset()):
        self._groups = groups
        self._originals = originals
        self.languages = languages
        self._derived = derived  # (key, lang) of the versions made by a script transform

    def is_derived(self, item: Item) -> bool:
        """True for a version made by a script transform (no file of its own: its source is the
        file it was made from)."""
        return (item.key, item.lang) in self._derived

    def keys(self, type_name: str | None = None) -> list[str]:
        return sorted(k for k, group in self._groups.items()
                      if type_name is None or next(iter(group.values())).type == type_name)

    def versions(self, key: str) -> dict[str, Item]:
        group = self._groups[key]
        return {code: group[code] for code in self.languages.codes if code in group}

    def original(self, key: str) -> Item:
        return self._groups[key][self._originals[key]]

    def resolve(self, key: str, lang: str) -> Item | None:
        """The version a reader of `lang` sees: their own, else the first of the fallback chain."""
        group = self._groups[key]
        for code in (lang,) + self.languages.chain(lang):
            if code in group:
                return group[code]
        return None

    def items(self) -> list[Item]:
        """Every version written in a file (not those a script transform made)."""
        return [item for key in self.keys() for code, item in self.versions(key).items()
                if (key, code) not in self._derived]


def build(items: list[Item], languages, unreadable: frozenset = frozenset(), cache=None
          ) -> tuple[TranslationMap, list[Item], list[Problem], list[Problem]]:
    """Return (map of published items, draft items, errors, warnings). `unreadable`: content files
    that could not be read (their problems are reported already, not again on their translations);
    `cache`: the ItemCache, which also keeps derived editions' texts."""
    groups: dict[str, dict[str, Item]] = {}
    errors: list[Problem] = []
    for item in sorted(items, key=lambda i: i.source):
        item = editions.written_in_edition(item, languages)
        group = groups.setdefault(item.key, {})
        if item.lang in group:
            other = group[item.lang]
            errors.append(Problem(item.source, item.lines.get("translation_key", 0), "translation_key",
                                  f"is a second {item.lang} version of {other.source}",
                                  "give one of the two files another name or translation_key"))
            continue
        group[item.lang] = item
    published: dict[str, dict[str, Item]] = {}
    originals: dict[str, str] = {}
    derived: set[tuple[str, str]] = set()
    drafts: list[Item] = []
    warnings: list[Problem] = []
    for key, group in groups.items():
        original = _original(group, languages)
        if group[original].draft:
            drafts += group.values()
            continue
        if _original_unreadable(group, original, languages, unreadable):
            continue
        merged, group_errors, group_warnings = _inherit(group, original, languages)
        errors += group_errors
        warnings += group_warnings
        drafts += [item for item in merged.values() if item.draft]
        published[key] = {code: item for code, item in merged.items() if not item.draft}
        made = editions.derive(published[key], languages, cache)
        published[key].update(made)
        derived |= {(key, code) for code in made}
        originals[key] = original
    return TranslationMap(published, originals, languages, frozenset(derived)), drafts, errors, warnings


def original_place(item: Item, languages) -> str:
    """Where the default language's version of `item` would be: content/<same place>."""
    prefix = f"{item.source.split('/', 1)[0]}/"
    return item.source.removeprefix(prefix) if item.source.split("/", 1)[0] in languages else item.source


def _original_unreadable(group, original, languages, unreadable) -> bool:
    """A group whose default-language file exists but could not be read: that file's problems are
    reported; its translations would only repeat them as "date: is missing"."""
    if languages.default in group:
        return False
    return original_place(group[original], languages) in unreadable


def _original(group: dict[str, Item], languages) -> str:
    if languages.default in group:
        return languages.default
    ordered = [code for code in languages.codes if code in group]
    with_facts = [code for code in ordered if any(is_fact(group[code], n) for n in group[code].fields)]
    return (with_facts or ordered)[0]


def _inherit(group, original_lang, languages):
    original = group[original_lang]
    facts = {name: value for name, value in original.fields.items() if is_fact(original, name)}
    errors, warnings, merged = _required_facts(original, languages), [], {}
    for code, item in group.items():
        if code != original_lang:
            errors += _repeated_facts(item, original, facts, warnings)
        own = {name: value for name, value in item.fields.items() if not is_fact(item, name)}
        merged[code] = replace(item, meta={**facts, **own})
    return merged, errors, warnings


def _required_facts(original: Item, languages) -> list[Problem]:
    missing = [spec for spec in original.content_type.schema.values()
               if spec.required and not spec.translatable and spec.name not in original.fields]
    facts = [name for name in original.fields if is_fact(original, name)]
    if missing and not facts and original.lang != languages.default:
        place = original_place(original, languages)
        return [Problem(original.source, 0, "", f"no original content/{place} for this translation",
                        f"add the original or move this file to be an original (give it its facts: "
                        f"{', '.join(spec.name for spec in missing)})")]
    return [Problem(original.source, 1, spec.name, "is missing",
                    f"add a line '{spec.name}: ...' to the front matter ({spec.doc})")
            for spec in missing]


def _repeated_facts(item, original, facts, warnings) -> list[Problem]:
    errors = []
    for name, value in item.fields.items():
        if not is_fact(item, name):
            continue
        line = item.lines.get(name, 0)
        if name in facts and facts[name] == value:
            warnings.append(Problem(item.source, line, name, f"repeats a fact of the original {original.source}",
                                    "remove the line: translations inherit it"))
        elif name in facts:
            errors.append(Problem(item.source, line, name,
                                  f"differs from the original {original.source} "
                                  f"(line {original.lines.get(name, 0)})",
                                  f"remove the line: translations inherit {name} from the original; "
                                  "change it in the original if it is wrong"))
        else:
            errors.append(Problem(item.source, line, name,
                                  f"is a fact, which only the original {original.source} may set",
                                  f"move the line to {original.source}"))
    return errors
