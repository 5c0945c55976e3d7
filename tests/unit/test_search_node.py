"""The search pipeline in the reader's browser: the real lunr.js in Node, against Python's terms and indexes."""

from __future__ import annotations

import importlib
import json
import random
import subprocess

import pytest
import snowballstemmer
from lunr.builder import Builder

from hub_search.pipeline import configure_builder, profile, profiles
from hubtest import ROOT, needs_node

NODE, needs = needs_node()
SCRIPT = ROOT / "tests" / "node" / "pipeline_vectors.test.mjs"
VECTORS = ROOT / "tests" / "search" / "vectors.json"

pytestmark = needs

# Documents and the searches a reader types, with what each must find.
ROUND_TRIP = {
    "sr": {
        "documents": {"cyr": "Човек и породица", "lat": "Čuvanje dece u porodici", "other": "Zaštita životne sredine"},
        "searches": {"covek": ["cyr"], "čovek": ["cyr"], "човек": ["cyr"], "cuvanje": ["lat"], "чување": ["lat"],
                     "djece": ["lat"], "porodica": ["cyr", "lat"], "ZASTITA": ["other"], "i": []},
    },
    "ro": {
        "documents": {"comma": "Organizații pentru copii", "cedilla": "Organizaţii neguvernamentale",
                      "plain": "Raport anual despre școli"},
        "searches": {"organizatii": ["cedilla", "comma"], "organizații": ["cedilla", "comma"],
                     "organizaţii": ["cedilla", "comma"], "scoli": ["plain"], "copiilor": ["comma"]},
    },
}


def run_node(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([NODE, str(SCRIPT), *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_lunr_js_gives_every_vector_the_python_terms():
    result = run_node()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "cases agree" in result.stdout


def test_a_disagreement_fails_with_a_diff(tmp_path):
    vectors = json.loads(VECTORS.read_text(encoding="utf-8"))
    case = next(case for case in vectors["cases"] if case["lang"] == "sr" and case["tokens"])
    case["tokens"] = [*case["tokens"][:-1], "wrong"]
    tampered = tmp_path / "vectors.json"
    tampered.write_text(json.dumps(vectors, ensure_ascii=False), encoding="utf-8")
    result = run_node("--vectors", str(tampered))
    assert result.returncode == 1
    assert '"wrong"' in result.stderr and "js:" in result.stderr


def python_index(lang: str, documents: dict[str, str]) -> dict:
    builder = configure_builder(Builder(), lang)
    builder.ref("id")
    builder.field("title")
    for ref, title in documents.items():
        builder.add({"id": ref, "title": title})
    return builder.build().serialize()


def test_an_index_built_in_python_answers_in_lunr_js(tmp_path):
    fixture = [{"profile": profile(lang).as_json(), "index": python_index(lang, spec["documents"]),
                "searches": [{"query": query, "expected": expected} for query, expected in spec["searches"].items()]}
               for lang, spec in ROUND_TRIP.items()]
    path = tmp_path / "round_trip.json"
    path.write_text(json.dumps(fixture, ensure_ascii=False), encoding="utf-8")
    result = run_node("--round-trip", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    searches = sum(len(spec["searches"]) for spec in ROUND_TRIP.values())
    assert f"round trip: {searches}/{searches} searches agree" in result.stdout


def snowball_words(algorithm: str, count: int, seed: int = 2025) -> list[str]:
    """Words made of the algorithm's own suffixes and letters, so that most of its rules fire."""
    # The suffix tables are attributes of the pure-Python stemmer (the build stems with PyStemmer).
    module = importlib.import_module(f"snowballstemmer.{algorithm}_stemmer")
    stemmer_class = getattr(module, "".join(part.title() for part in algorithm.split("_")) + "Stemmer")
    pieces = sorted({among.s for name, table in vars(stemmer_class).items() if name.startswith("a_")
                     for among in table} - {""})
    letters = sorted({char for piece in pieces for char in piece} | set("aeiou"))
    rng = random.Random(seed)
    return ["".join(rng.choices(letters, k=rng.randint(1, 7))) + "".join(rng.choices(pieces, k=rng.randint(0, 3)))
            for _ in range(count)]


def test_vendored_stemmers_stem_like_python(tmp_path):
    algorithms = sorted({chosen.stemmer for chosen in profiles().values()} - {None, "light"})
    pairs = {}
    for algorithm in algorithms:
        stemmer = snowballstemmer.stemmer(algorithm)
        pairs[algorithm] = [[word, stemmer.stemWord(word)] for word in snowball_words(algorithm, 4000)]
    path = tmp_path / "stems.json"
    path.write_text(json.dumps(pairs, ensure_ascii=False), encoding="utf-8")
    result = run_node("--stems", str(path))
    assert result.returncode == 0, result.stdout + result.stderr[:3000]
    words = 4000 * len(algorithms)
    assert f"stems: {words}/{words} words agree" in result.stdout
