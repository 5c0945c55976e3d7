"""The browser's search engine in the real lunr.js (Node), on split indexes built by Python.

Builds a small fixed corpus with plugins/hub_search/index.py (small tiers and shards, so that a
small corpus has many of both), then runs tests/node/search_engine.test.mjs on it: what readers must
find, the filters, the shards fetched, and agreement with Python's reader (results and scores).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from hub_search.index import Reader, Settings, build, run_location, shard_of
from hub_search.pipeline import profile, tokens
from hubtest import ROOT, needs_node

sys.path.insert(0, str(ROOT / "tools"))
import search_corpus  # noqa: E402

NODE, needs = needs_node()
SCRIPT = ROOT / "tests" / "node" / "search_engine.test.mjs"
SETTINGS = Settings(tier_docs=5, tier_growth=2, shard_budget=60, doc_chunk=2, term_rows=10, rows_min_docs=10)

pytestmark = needs


def record(number, lang, title, section="news", date="2024-03-01", summary="", body="", **terms):
    return {"id": number, "url": f"/{lang}/{section}/key-{number}/", "title": title, "summary": summary,
            "body_text": body, "section": section, "date": date,
            "terms": {field: list(ids) for field, ids in terms.items()}}


KEY_DOCUMENTS = {
    "sr": [record(1, "sr", "Човек и породица", summary="Социјални рад", topics=["alternative-care"]),
           record(2, "sr", "Čuvanje dece u porodici", section="resources", type=["guide"]),
           record(3, "sr", "Заштита деце на интернету", date="2023-01-01", topics=["online-safety"])],
    "ro": [record(1, "ro", "Organizații pentru copii", topics=["education"]),
           record(2, "ro", "Organizaţii neguvernamentale", section="events", type=["webinar"]),
           record(3, "ro", "Raport anual despre școli", section="resources")],
    "en": [record(1, "en", "Child protection systems in the region", topics=["child-participation"]),
           record(2, "en", "Family support after a crisis", section="resources", type=["guide"],
                  topics=["alternative-care"]),
           record(3, "en", "Foster care standards", section="events"),
           record(4, "en", "Caregivers meet in Sarajevo", section="events"),
           record(5, "en", "Relatives who raise children", summary="A short summary.",
                  body="Grandparents, aunts and older siblings raise many children in the region. " * 6
                  + "Such kinship arrangements, zorvanic ones, need support from social services too.")],
    "bg": [record(1, "bg", "Закрила на детето в училищата", topics=["online-safety"]),
           record(2, "bg", "Юлия и историята на семейството", section="resources")],
}


def url(lang: str, number: int) -> str:
    item = next(item for item in KEY_DOCUMENTS[lang] if item["id"] == number)
    return item["url"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("search")
    filler = search_corpus.generate(600)
    for lang, keys in KEY_DOCUMENTS.items():
        records = keys + [dict(item, id=1000 + item["id"]) for item in filler[lang]]
        for path, data in build(records, lang, SETTINGS).items():
            target = folder / lang / "search" / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    return folder


def reader(folder, lang: str) -> Reader:
    return Reader(folder / lang / "search")


def shards(folder, lang: str, text: str) -> list[str]:
    keys = reader(folder, lang).manifest["shards"]
    return sorted({f"s/{shard_of(keys, term)}.json" for term in tokens(text, lang)})


def python_results(folder, lang: str, text: str, filters=None) -> dict:
    """What Python's reader (every tier) finds: the engine must agree once it has loaded every tier."""
    found = reader(folder, lang).search(text, filters, limit=1000)
    return {"urls": [hit["url"] for hit in found], "scores": [hit["score"] for hit in found]}


def first_page(folder, lang: str, text: str) -> dict:
    found = python_results(folder, lang, text)
    return {"urls": found["urls"][:10], "scores": found["scores"][:10]}


def store_files(folder, lang: str, text: str) -> int:
    """How many doc store files hold the rows of the first page (a term with no rows file)."""
    found = reader(folder, lang).search(text, limit=10)
    assert 0 < len(found) < SETTINGS.rows_min_docs
    return len({hit["number"] // SETTINGS.doc_chunk for hit in found})


def frequent(folder, lang: str, rank: int) -> str:
    """A term with tiers beyond its shard, the `rank`-th most frequent, as the corpus writes it."""
    words = [word for word in search_corpus.vocabulary(lang) if len(word) > 4 and tokens(word, lang)]
    return words[rank]


def cases(folder) -> list[dict]:
    everything = {"limit": 1000}
    common_en, other_en = frequent(folder, "en", 0), frequent(folder, "en", 1)
    both = f"{common_en} {other_en}"
    listing = [
        ("a Latin query finds a Cyrillic Serbian document", "sr", "covek", everything,
         {"includes": [url("sr", 1)], **python_results(folder, "sr", "covek"), "complete": True}),
        ("Cyrillic and Latin documents meet", "sr", "porodica", everything,
         {"includes": [url("sr", 1), url("sr", 2)], **python_results(folder, "sr", "porodica")}),
        ("cuvanje finds čuvanje", "sr", "cuvanje", everything,
         {"includes": [url("sr", 2)], **python_results(folder, "sr", "cuvanje")}),
        ("organizatii finds both Romanian spellings", "ro", "organizatii", everything,
         {"includes": [url("ro", 1), url("ro", 2)], **python_results(folder, "ro", "organizatii")}),
        ("the cedilla spelling finds the comma one", "ro", "organizaţii", {},
         {"includes": [url("ro", 1), url("ro", 2)]}),
        ("an inflected English form finds its base form", "en", "families", everything,
         {"includes": [url("en", 2)], **python_results(folder, "en", "families")}),
        ("and the other way round", "en", "protecting", everything,
         {"includes": [url("en", 1)], **python_results(folder, "en", "protecting")}),
        ("a section filter narrows", "en", common_en, {"limit": 1000, "filters": {"section": "events"}},
         {"sections": ["events"], **python_results(folder, "en", common_en, {"section": "events"})}),
        ("a topic filter narrows", "en", common_en, {"limit": 1000, "filters": {"topics": ["online-safety"]}},
         {"topics": ["online-safety"], **python_results(folder, "en", common_en, {"topics": ["online-safety"]})}),
        ("filters of two fields are both required", "en", both,
         {"limit": 1000, "filters": {"section": ["news", "events"], "countries": ["serbia", "moldova"]}},
         python_results(folder, "en", both, {"section": ["news", "events"], "countries": ["serbia", "moldova"]})),
        ("type filters", "sr", "cuvanje", {"filters": {"type": ["guide"]}}, {"urls": [url("sr", 2)]}),
        ("a first page needs only the first tier of a frequent term", "en", common_en, {"limit": SETTINGS.tier_docs},
         {"count": SETTINGS.tier_docs, "complete": False, "tiersOf": [], "shards": shards(folder, "en", common_en)}),
        ("a longer page loads one more tier", "en", common_en, {"limit": SETTINGS.tier_docs + 1},
         {"count": SETTINGS.tier_docs + 1, "complete": False, "shards": shards(folder, "en", common_en),
          "tiers": 1}),
        ("two frequent terms load further tiers of their own shards only", "en", both, everything,
         {**python_results(folder, "en", both), "complete": True, "shards": shards(folder, "en", both),
          "tiersOf": [int(name.split("/")[1].split(".")[0]) for name in shards(folder, "en", both)]}),
        ("a frequent term's first page comes from its rows file", "en", common_en, {},
         {"count": 10, "rowsFiles": 1, "storeFiles": 0, **first_page(folder, "en", common_en)}),
        ("a rarer term's rows come from the doc store", "sr", "covek", {},
         {"rowsFiles": 0, "storeFiles": store_files(folder, "sr", "covek")}),
        ("a query fetches only the shards of its terms", "ro", "organizatii raport", {},
         {"shards": shards(folder, "ro", "organizatii raport")}),
        ("no document has every term: the documents with some of them", "sr", "covek qwzyx", {},
         {"mode": "any", "includes": [url("sr", 1)]}),
        ("every term found together", "sr", "čovek porodica", everything,
         {"mode": "all", "includes": [url("sr", 1)], "excludes": [url("sr", 2)],
          **python_results(folder, "sr", "čovek porodica")}),
        ("a query of stopwords finds nothing", "sr", "i ili", {}, {"count": 0}),
        ("the last word begun finds the words it begins", "en", "systems protec", {"prefix": True},
         {"includes": [url("en", 1)], "terms": ["system", "protec", "protect"]}),
        ("without the prefix option it is a whole word", "en", "protec", {}, {"count": 0}),
        ("a whole word ranks above the words it begins", "en", "care", {"prefix": True, "limit": 1000},
         {"order": [url("en", 3), url("en", 4)]}),
        ("a stopword begun is no prefix", "en", "the", {"prefix": True}, {"count": 0}),
        ("a result's passage is the text where the words are", "en", "zorvanic", {},
         {"urls": [url("en", 5)], "passage": "Such kinship arrangements", "excerpt": "kinship arrangements, zorvanic"}),
        ("Bulgarian typed in Latin letters finds Cyrillic", "bg", "zakrila uchilishtata", {},
         {"includes": [url("bg", 1)], "mode": "all"}),
        ("with the official -ia ending", "bg", "yulia istoria", {}, {"includes": [url("bg", 2)], "mode": "all"}),
    ]
    return [{"name": name, "lang": lang, "text": text, "options": options, "expect": expect}
            for name, lang, text, options, expect in listing]


def test_the_engine_finds_in_lunr_js_what_python_built(built, tmp_path):
    algorithms = sorted({profile(lang).stemmer for lang in KEY_DOCUMENTS} - {None, "light"})
    spec = {"folder": str(built), "algorithms": algorithms, "cases": cases(built)}
    spec_file = tmp_path / "spec.json"
    spec_file.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    result = subprocess.run([NODE, str(SCRIPT), "--spec", str(spec_file)], cwd=ROOT, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr[:6000]
    count = 2 * len(spec["cases"])
    assert f"search engine: {count}/{count} cases pass" in result.stdout


def test_a_wrong_expectation_fails_with_a_message(built, tmp_path):
    spec = {"folder": str(built), "algorithms": ["serbian"],
            "cases": [{"name": "wrong", "lang": "sr", "text": "covek", "options": {},
                       "expect": {"urls": ["/nowhere/"]}}]}
    spec_file = tmp_path / "spec.json"
    spec_file.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    result = subprocess.run([NODE, str(SCRIPT), "--spec", str(spec_file)], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 1
    assert '"/nowhere/"' in result.stderr and "urls: expected" in result.stderr


def test_the_corpus_has_what_the_cases_rely_on(built):
    en = reader(built, "en")
    common = tokens(frequent(built, "en", 0), "en")[0]
    number = shard_of(en.manifest["shards"], common)
    shard = en.member(f"s/{number}.json", run_location(en.manifest["shard_run"], number))
    assert len(shard["more"][common]["tiers"]) >= 3, "the frequent term must have several tiers"
    assert python_results(built, "en", frequent(built, "en", 0), {"section": "events"})["urls"]
    assert python_results(built, "en", frequent(built, "en", 0), {"topics": ["online-safety"]})["urls"]
