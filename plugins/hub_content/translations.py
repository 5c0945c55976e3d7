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

from .reader import Item


def is_fact(item: Item, name: str) -> bool:
    spec = item.content_type.schema[name]
    return not spec.translatable and name not in ("translation_key", "status", "source_revision")


class TranslationMap:
    def __init__(self, groups: dict[str, dict[str, Item]], originals: dict[str, str], languages):
        self._groups = groups
        self._originals = originals
        self.languages = languages

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
        return [item for key in self.keys() for item in self.versions(key).values()]


def build(items: list[Item], languages) -> tuple[TranslationMap, list[Item], list[Problem], list[Problem]]:
    """Return (map of published items, draft items, errors, warnings)."""
    groups: dict[str, dict[str, Item]] = {}
    errors: list[Problem] = []
    for item in sorted(items, key=lambda i: i.source):
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
    drafts: list[Item] = []
    warnings: list[Problem] = []
    for key, group in groups.items():
        original = _original(group, languages)
        if group[original].draft:
            drafts += group.values()
            continue
        merged, group_errors, group_warnings = _inherit(group, original)
        errors += group_errors
        warnings += group_warnings
        drafts += [item for item in merged.values() if item.draft]
        published[key] = {code: item for code, item in merged.items() if not item.draft}
        originals[key] = original
    return TranslationMap(published, originals, languages), drafts, errors, warnings


def _original(group: dict[str, Item], languages) -> str:
    if languages.default in group:
        return languages.default
    ordered = [code for code in languages.codes if code in group]
    with_facts = [code for code in ordered if any(is_fact(group[code], n) for n in group[code].fields)]
    return (with_facts or ordered)[0]


def _inherit(group, original_lang):
    original = group[original_lang]
    facts = {name: value for name, value in original.fields.items() if is_fact(original, name)}
    errors, warnings, merged = _required_facts(original), [], {}
    for code, item in group.items():
        if code != original_lang:
            errors += _repeated_facts(item, original, facts, warnings)
        own = {name: value for name, value in item.fields.items() if not is_fact(item, name)}
        merged[code] = replace(item, meta={**facts, **own})
    return merged, errors, warnings


def _required_facts(original: Item) -> list[Problem]:
    return [Problem(original.source, 1, spec.name, "is missing",
                    f"add a line '{spec.name}: ...' to the front matter ({spec.doc})")
            for spec in original.content_type.schema.values()
            if spec.required and not spec.translatable and spec.name not in original.fields]


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
