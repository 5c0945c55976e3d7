"""Vocabularies (topics, countries...): data files with a label in every language.

`content/data/topics.yaml` maps each term id to its labels:

    online-safety:
      en: Online safety
      sq: Siguria në internet
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hub_build import text as text_gate
from hub_build.errors import Problem, ProblemFound
from hub_languages import scripts

from . import frontmatter
from .fields import SLUG


@dataclass(frozen=True)
class Vocabulary:
    name: str
    source: str
    labels: dict[str, dict[str, str]]
    lines: dict[str, int] = field(default_factory=dict)

    def __contains__(self, term: str) -> bool:
        return term in self.labels

    def label(self, term: str, lang: str) -> str:
        return self.labels[term][lang]


def load(name: str, source: str, text: str, languages) -> tuple[Vocabulary | None, list[Problem]]:
    try:
        data = frontmatter.load(frontmatter.normalise(text))
    except ProblemFound as found:
        return None, [found.at(source)]
    problems: list[Problem] = []
    labels: dict[str, dict[str, str]] = {}
    for term, entry in data.items():
        problems += _check_term(source, term, entry, languages)
        if isinstance(entry.value, dict):
            labels[term] = _with_derived({lang: str(label).strip() for lang, label in entry.value.items() if label},
                                         languages)
    lines = {term: entry.line for term, entry in data.items()}
    return Vocabulary(name, source, labels, lines), problems


def _check_term(source, term, entry, languages) -> list[Problem]:
    if not SLUG.match(term):
        return [Problem(source, entry.line, term, "is not a valid term id",
                        "use lowercase letters, digits and single hyphens")]
    if not isinstance(entry.value, dict):
        return [Problem(source, entry.line, term, "has no labels",
                        "indent one line per language below it, e.g. '  en: Label'")]
    problems = []
    for lang in languages.written:
        label = entry.value.get(lang)
        if not isinstance(label, str) or not label.strip():
            problems.append(Problem(source, entry.line, term, f"has no {lang} label",
                                    f"add a line '  {lang}: ...' with the label in that language"))
        elif "\n" in label.strip():
            problems.append(Problem(source, entry.line, term, f"the {lang} label spans more than one line",
                                    "write the label on one line after the language code"))
        elif text_gate.invisible_only(label):
            problems.append(Problem(source, entry.line, term, f"the {lang} label holds only invisible characters",
                                    "write the label in letters"))
    for lang in sorted(set(entry.value) - set(languages.codes)):
        problems.append(Problem(source, entry.line, term, f"has a label for unknown language {lang!r}",
                                f"use only {', '.join(languages.written)}"))  # an edition's label is optional
    return problems


def _with_derived(labels: dict[str, str], languages) -> dict[str, str]:
    """A derived edition's label is its base's, transliterated, unless the file gives one."""
    for edition in languages:
        if edition.derived and edition.code not in labels and edition.derived_from in labels:
            labels[edition.code] = scripts.text(labels[edition.derived_from], edition.transliterate)
    return labels
