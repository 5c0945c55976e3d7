"""Measure the search pipeline's choices per language on the small relevance set.

    .venv/bin/python tools/search_relevance.py [lang ...]

For each language of tests/search/relevance.json it tries: no stemmer, the light suffix stripper
(where languages.json gives suffixes), the Snowball stemmers that could serve it, and each stemmer
with diacritics stripped before it (fold first) or after it (stem first). It prints, per variant:

  conflation     share of pairs of inflected forms of one word that become the same term
  false merges   pairs of forms of different words that become the same term (over-stemming)
  P / R          precision and recall (micro) of the queries, every query term required
  P / R plain    the same queries typed as a reader without diacritics types them
  plain-safe     share of forms whose spelling without diacritics gives the same term

The configured variant is marked with `*`. The figures are quoted in docs/search-pipeline.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from hub_search.pipeline import Analyzer, Profile, casefold, profile, transliterate_serbian, unaccent  # noqa: E402

RELEVANCE = ROOT / "tests" / "search" / "relevance.json"

# Snowball stemmers worth trying beyond a language's own: Serbian's for its neighbours, Russian's
# for the other Cyrillic languages.
RELATED = {"hr": ["serbian"], "bs": ["serbian"], "cnr": ["serbian"], "bg": ["russian"], "uk": ["russian"]}


def plain(text: str, chosen: Profile) -> str:
    """How a reader without diacritics (or, in Serbian, without Cyrillic) types `text`."""
    text = casefold(text)
    if chosen.transliterate == "serbian":
        text = " ".join(transliterate_serbian(word) for word in text.split())
    return unaccent(text)


def variants(configured: Profile) -> list[tuple[str, Profile]]:
    replace = dataclasses.replace
    found = [("no stemmer", replace(configured, stemmer=None, stem_first=False))]
    if configured.suffixes:
        found.append(("light", replace(configured, stemmer="light", stem_first=False)))
    snowball = [configured.stemmer] if configured.stemmer not in (None, "light") else []
    for algorithm in dict.fromkeys(snowball + RELATED.get(configured.lang, [])):
        found.append((f"{algorithm}, fold first", replace(configured, stemmer=algorithm, stem_first=False)))
        found.append((f"{algorithm}, stem first", replace(configured, stemmer=algorithm, stem_first=True)))
    return found


def conflation(analyzer: Analyzer, groups: list[list[str]]) -> tuple[float, int]:
    terms = [[tuple(analyzer.tokens(word)) for word in group] for group in groups]
    within = [a == b for group in terms for a, b in itertools.combinations(group, 2)]
    merged = sum(a == b for one, other in itertools.combinations(terms, 2) for a in one for b in other)
    return sum(within) / len(within), merged


def retrieval(analyzer: Analyzer, data: dict, typed=lambda q: q) -> tuple[float, float]:
    documents = {ref: set(analyzer.tokens(text)) for ref, text in data["documents"].items()}
    found = relevant_found = relevant = 0
    for query in data["queries"]:
        terms = set(analyzer.tokens(typed(query["q"])))
        hits = {ref for ref, words in documents.items() if terms and terms <= words}
        found += len(hits)
        relevant_found += len(hits & set(query["relevant"]))
        relevant += len(query["relevant"])
    return (relevant_found / found if found else 0.0), relevant_found / relevant


def plain_safe(analyzer: Analyzer, groups: list[list[str]]) -> float:
    words = [word for group in groups for word in group]
    same = sum(analyzer.tokens(word) == analyzer.tokens(plain(word, analyzer.profile)) for word in words)
    return same / len(words)


def measure(lang: str, data: dict) -> list[str]:
    configured = profile(lang)
    lines = [f"{lang}: {len(data['documents'])} documents, {len(data['queries'])} queries, "
             f"{sum(map(len, data['forms']))} forms in {len(data['forms'])} words",
             f"  {'variant':28} conflation  false merges   P     R    P plain  R plain  plain-safe"]
    for name, variant in variants(configured):
        analyzer = Analyzer(variant)
        together, merged = conflation(analyzer, data["forms"])
        precision, recall = retrieval(analyzer, data)
        plain_precision, plain_recall = retrieval(analyzer, data, lambda q: plain(q, variant))
        mark = "*" if variant == configured else " "
        lines.append(f"{mark} {name:28} {together:9.2f}  {merged:12d}  {precision:5.2f} {recall:5.2f}"
                     f"  {plain_precision:7.2f}  {plain_recall:7.2f}  {plain_safe(analyzer, data['forms']):10.2f}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("languages", nargs="*", help="language codes (default: all in the relevance set)")
    args = parser.parse_args(argv)
    sets = json.loads(RELEVANCE.read_text(encoding="utf-8"))["languages"]
    unknown = set(args.languages) - set(sets)
    if unknown:
        parser.error(f"no relevance set for {sorted(unknown)}; there are {sorted(sets)}")
    for lang in args.languages or sets:
        print("\n".join(measure(lang, sets[lang])), end="\n\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
