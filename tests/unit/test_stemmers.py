"""The index is stemmed by PyStemmer (C) through snowballstemmer, while the browser's stemmers are
translated from snowballstemmer's pure-Python source (tools/snowball_js.py): both must give the
same stem for every word, or a query typed in the browser would miss what the build indexed."""

import importlib
import re
from pathlib import Path

import pytest
import snowballstemmer
import Stemmer

from hub_search.pipeline import profiles, transliterate_serbian, unaccent

ROOT = Path(__file__).resolve().parents[2]
ALGORITHMS = sorted({p.stemmer for p in profiles().values() if p.stemmer not in (None, "light")})


def words() -> list[str]:
    """Every word of the demo content and the pipeline's test vectors, as written, in Serbian Latin
    and without diacritics (the forms the pipeline hands the stemmer)."""
    found: set[str] = set()
    for path in [*ROOT.joinpath("content").rglob("*.md"), ROOT / "tests/search/vectors.json"]:
        found.update(word.lower() for word in re.findall(r"\w+", path.read_text(encoding="utf-8")))
    return sorted(found | {transliterate_serbian(w) for w in found} | {unaccent(w) for w in found})


def test_the_index_uses_the_compiled_stemmers():
    assert snowballstemmer.stemmer is Stemmer.Stemmer
    assert set(ALGORITHMS) <= set(snowballstemmer.algorithms())


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_compiled_and_pure_python_stemmers_agree(algorithm):
    module = importlib.import_module(f"snowballstemmer.{algorithm}_stemmer")
    pure = getattr(module, f"{algorithm.title()}Stemmer")()
    compiled = Stemmer.Stemmer(algorithm)
    vocabulary = words()
    assert len(vocabulary) > 5000
    differing = [(word, pure.stemWord(word), compiled.stemWord(word)) for word in vocabulary
                 if pure.stemWord(word) != compiled.stemWord(word)]
    assert not differing, differing[:10]
