"""The split search index (plugins/hub_search/index.py), without Pelican: files, lunr.py, scores, sizes.

The browser side (theme/static/js/search/search.js in the real lunr.js) is checked against the same
builds in tests/unit/test_search_engine_node.py.
"""

from __future__ import annotations

import gzip
import json
import math
import random
import re
import sys

import numpy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lunr.builder import Builder
from lunr.index import Index

from hub_search import index as search_index
from hub_search.index import FIELD, FIELDS, RecordError, Reader, Settings, build, search, shard_of, unpack
from hub_search.pipeline import configure_builder, tokens
from hubtest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import search_corpus  # noqa: E402

# Small numbers, so that a small corpus still has many shards and terms with several tiers.
SMALL = Settings(tier_docs=4, tier_growth=2, shard_budget=40, doc_chunk=2)


def record(number, title, summary="", body="", section="news", date="2024-01-01", **terms):
    return {"id": number, "url": f"/x/{section}/{number}/", "title": title, "summary": summary, "body_text": body,
            "section": section, "date": date, "terms": {field: list(ids) for field, ids in terms.items()}}


SERBIAN = [
    record(1, "Човек и породица", "Породица у центру пажње", "Социјални рад са породицама.", topics=["family"]),
    record(2, "Čuvanje dece u porodici", "Hraniteljstvo i čuvanje", "Vodič za hranitelje.", section="resources",
           topics=["alternative-care"], type=["guide"]),
    record(3, "Заштита деце на интернету", "Безбедност на мрежи", "Родитељи и наставници.", date="2023-05-01",
           topics=["online-safety"], countries=["serbia"]),
    record(4, "Đorđe i drugari", "Priča o detinjstvu", "Deca se igraju.", section="events", date="2025-02-02"),
]


@pytest.fixture(scope="module")
def corpus():
    return search_corpus.generate(800)


@pytest.fixture(scope="module")
def english(corpus):
    return build(corpus["en"], "en")


def loaded(files: dict[str, bytes], path: str) -> dict:
    return json.loads(files[path])


def data_files(files: dict[str, bytes], kind: str) -> list[str]:
    return [path for path in files if f"/{kind}/" in path]


def test_same_records_same_bytes_whatever_their_order(corpus):
    records = corpus["sr"]
    first = build(records, "sr", SMALL)
    shuffled = list(records)
    random.Random(3).shuffle(shuffled)
    assert build(shuffled, "sr", SMALL) == first
    changed = [dict(records[0], title=records[0]["title"] + " nova")] + records[1:]
    second = build(changed, "sr", SMALL)
    assert loaded(second, "manifest.json")["base"] != loaded(first, "manifest.json")["base"]


def test_an_index_is_a_manifest_and_packs_of_deterministic_gzip_members(english):
    base = loaded(english, "manifest.json")["base"]
    assert sorted(english) == sorted(["manifest.json", f"{base}0.bin"])
    members = unpack(english)
    pack, laid, plain = english[f"{base}0.bin"], b"", 0
    for path, data in members.items():  # laid end to end, every member once
        if path != "manifest.json":
            zipped = search_index.gz(data)
            assert zipped[4:8] == b"\0\0\0\0", f"{path} carries a timestamp"
            stored = data if len(zipped) > 0.8 * len(data) else zipped  # plain when gzip saves little
            plain += stored is data
            laid += stored
    assert sorted(laid) == sorted(pack) and len(laid) == len(pack)
    assert 0 < plain < len(members) - 1
    assert any(path.startswith(f"{base}{kind}/") for path in members for kind in "sdtrf")


def test_packs_are_cut_between_members_and_read_the_same():
    records = search_corpus.generate(200)["sr"]
    whole, cut = build(records, "sr", SMALL), build(records, "sr", Settings(**{**SMALL.__dict__, "pack_bytes": 4096}))
    manifest = loaded(cut, "manifest.json")
    assert len(manifest["packs"]) > 3
    assert all(len(data) <= 4096 for path, data in cut.items() if path.endswith(".bin"))
    def by_label(files):
        return {path.split("/", 1)[1]: data for path, data in unpack(files).items() if path != "manifest.json"}

    assert by_label(cut) == by_label(whole)
    text = " ".join(records[3]["title"].split()[:2])
    assert search(cut, text) == search(whole, text) != []


def test_every_shard_and_tier_loads_back_in_lunr_py(corpus):
    files = unpack(build(corpus["sr"], "sr", SMALL))
    shards, tiers = data_files(files, "s"), data_files(files, "t")
    assert len(shards) > 20 and len(tiers) > 5
    for path in shards + tiers:
        serialised = loaded(files, path)["index"]
        index = Index.load(serialised)
        assert index.fields == [FIELD]
        assert serialised["pipeline"] == ["hub-trimmer", "hub-fold-sr", "hub-stopwords-sr", "hub-stemmer-sr"]
        for term, posting in serialised["invertedIndex"]:
            for ref in posting[FIELD]:
                assert f"{FIELD}/{ref}" in index.field_vectors


def test_the_manifest_key_of_each_term_finds_its_shard(corpus):
    files = unpack(build(corpus["bg"], "bg", SMALL))
    manifest = loaded(files, "manifest.json")
    keys = manifest["shards"]
    assert keys[0] == "" and keys == sorted(keys) and len(set(keys)) == len(keys)
    for number in range(len(keys)):
        shard = loaded(files, f"{manifest['base']}s/{number}.json")
        for term, _ in shard["index"]["invertedIndex"]:
            assert shard_of(keys, term) == number, term


def test_tiers_hold_every_document_once_best_first(corpus):
    files = unpack(build(corpus["en"], "en", SMALL))
    manifest = loaded(files, "manifest.json")
    checked = 0
    for path in data_files(files, "s"):
        shard = loaded(files, path)
        for term, more in shard["more"].items():
            lists = [shard["index"]] + [loaded(files, manifest["base"] + file)["index"] for file, *_ in more["tiers"]]
            impacts = []
            seen: set[str] = set()
            for serialised in lists:
                vectors = dict(serialised["fieldVectors"])
                index = [t for t, _ in serialised["invertedIndex"]].index(term)
                refs = list(dict(serialised["invertedIndex"])[term][FIELD])
                assert not seen & set(refs)
                seen.update(refs)
                weights = [dict(zip(vectors[f"{FIELD}/{ref}"][::2], vectors[f"{FIELD}/{ref}"][1::2]))[index]
                           for ref in refs]
                impacts.append((min(weights), max(weights)))
            assert len(seen) == more["docs"]
            for (low, _), (_, high) in zip(impacts, impacts[1:]):
                assert high <= low, f"{term}: a later tier holds a better document"
            checked += 1
    assert checked > 10


def test_rows_files_hold_the_best_documents_of_frequent_terms(corpus):
    settings = Settings(tier_docs=8, shard_budget=40, term_rows=6, rows_min_docs=5, rows_terms=40)
    packed = build(corpus["sq"], "sq", settings)
    files, reader = unpack(packed), Reader(packed)
    base, columns = reader.manifest["base"], reader.manifest["docs"]["columns"]
    shards = {path: loaded(files, path) for path in data_files(files, "s")}
    scored = {term: reader.term_scores(term) for shard in shards.values()
              for term, _ in shard["index"]["invertedIndex"]}
    counts = {term: len(scores) for term, scores in scored.items() if len(scores) >= settings.rows_min_docs}
    frequent = set(sorted(counts, key=lambda term: (-counts[term], term))[: settings.rows_terms])
    assert len(frequent) == settings.rows_terms < len(counts)
    checked = 0
    for shard in shards.values():
        for term, _ in shard["index"]["invertedIndex"]:
            scores = scored[term]
            if term not in frequent:
                assert term not in shard["rows"]
                continue
            best = sorted(scores, key=lambda number: (-scores[number], number))[: settings.term_rows]
            entries = loaded(files, base + shard["rows"][term][0])
            assert [entry[0] for entry in entries] == best
            for entry, row in zip(entries, reader.documents(best)):
                assert dict(zip(columns, entry[1:])) == row
            checked += 1
    assert checked > 20


def lunr_py_index(records: list[dict], lang: str) -> Index:
    """lunr.py's own index of the records, with the four fields of FIELDS and the language's pipeline."""
    builder = configure_builder(Builder(), lang)
    builder.ref("id")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for item in records:
        builder.add({"id": item["id"], "title": item["title"], "summary": item["summary"],
                     "labels": item.get("labels", ""), "body": item["body_text"]})
    return builder.build()


def test_scores_are_those_of_one_four_field_lunr_py_index(corpus):
    records = corpus["ro"][:120]
    whole = lunr_py_index(records, "ro")
    reader = Reader(build(records, "ro", SMALL))
    numbers = {item["id"]: number for number, item in enumerate(search_index.ordered(records))}
    terms = sorted(whole.inverted_index)
    assert len(terms) > 500
    for term in terms:
        query = whole.create_query()
        query.term(term, use_pipeline=False)
        expected = {numbers[int(result["ref"])]: result["score"] for result in whole.query(query)}
        found = reader.term_scores(term)
        assert found.keys() == expected.keys(), term
        for number, score in expected.items():
            assert found[number] == pytest.approx(score, abs=2e-3), term


def test_a_latin_query_finds_the_cyrillic_document_and_both_scripts_meet():
    files = build(SERBIAN, "sr", SMALL)
    assert [hit["url"] for hit in search(files, "covek")] == ["/x/news/1/"]
    assert {hit["url"] for hit in search(files, "cuvanje")} == {"/x/resources/2/"}
    assert {hit["url"] for hit in search(files, "porodica")} == {"/x/news/1/", "/x/resources/2/"}
    assert [hit["url"] for hit in search(files, "zastita dece")] == ["/x/news/3/"]
    assert search(files, "djordje")[0]["title"] == "Đorđe i drugari"
    hit = search(files, "Čuvanje")[0]
    assert hit == {"url": "/x/resources/2/", "title": "Čuvanje dece u porodici", "section": "resources",
                   "date": "2024-01-01", "summary": "Hraniteljstvo i čuvanje",
                   "terms": {"topics": ["alternative-care"], "type": ["guide"]}, "lang": "", "number": hit["number"],
                   "score": hit["score"], "matched": ["cuvanj"], "passage": hit["passage"]}
    assert Reader(files).passage(hit) == "Vodič za hranitelje."


def test_filters_sections_and_terms():
    files = build(SERBIAN, "sr", SMALL)
    everything = {hit["url"] for hit in search(files, "деце")}  # deca, dece, деце: one term
    assert everything == {"/x/resources/2/", "/x/news/3/", "/x/events/4/"}
    assert {hit["url"] for hit in search(files, "деце", {"section": "news"})} == {"/x/news/3/"}
    assert {hit["url"] for hit in search(files, "деце", {"section": ["news", "events"]})} == {"/x/news/3/",
                                                                                          "/x/events/4/"}
    assert {hit["url"] for hit in search(files, "деце", {"topics": ["alternative-care"]})} == {"/x/resources/2/"}
    assert search(files, "деце", {"topics": ["alternative-care"], "section": "news"}) == []
    assert search(files, "деце", {"countries": ["nowhere"]}) == []
    with pytest.raises(ValueError, match="no filter 'colour'; known: section, countries, topics, type"):
        search(files, "деце", {"colour": ["red"]})
    manifest = loaded(files, "manifest.json")
    assert manifest["sections"] == {"news": [0, 2], "resources": [2, 3], "events": [3, 4]}
    assert manifest["facets"]["topics"]["online-safety"][1] == 1


def test_documents_are_numbered_by_section_then_newest_first():
    numbered = search_index.ordered(SERBIAN)
    assert [item["id"] for item in numbered] == [1, 3, 2, 4]


def test_a_query_reads_only_its_terms_shards(corpus):
    files = build(corpus["en"], "en", SMALL)
    reader = Reader(files)
    keys, base = reader.manifest["shards"], reader.manifest["base"]
    text = " ".join(corpus["en"][5]["title"].split()[:2])
    results = reader.search(text)
    assert results
    wanted = {f"{base}s/{shard_of(keys, term)}.json" for term in tokens(text, "en")}
    assert {path for path in reader.loaded if "/s/" in path} == wanted


def test_shards_stay_small_on_a_generated_corpus(english):
    members = unpack(english)
    sizes = {path: len(search_index.gz(members[path])) for path in data_files(members, "s")}
    assert max(sizes.values()) <= 12 * 1024, max(sizes.items(), key=lambda item: item[1])
    assert len(search_index.gz(english["manifest.json"])) <= 4 * 1024
    chunks = [len(search_index.gz(members[path])) for path in data_files(members, "d")]
    assert max(chunks) <= 1024


def test_the_fast_terms_are_the_pipeline_terms(corpus):
    for lang in ("en", "sr", "ro", "uk"):
        fast = search_index.Terms(lang)
        for item in corpus[lang][:15]:
            for text in (item["title"], item["summary"], item["body_text"]):
                assert fast(text) == tokens(text, lang)
    edge = "Đorđe—well-known  co\u00a0op\tx-y ﬁne ２０２４ children's м’ята"
    assert search_index.Terms("en")(edge) == tokens(edge, "en")
    assert search_index.Terms("sr")(edge) == tokens(edge, "sr")


def test_body_words_bounds_what_is_indexed():
    item = record(1, "Title", "", "alpha " * 5 + "omega")
    assert search(build([item], "en", Settings(body_words=5)), "omega") == []
    assert search(build([item], "en"), "omega")


def test_an_empty_language_builds_and_finds_nothing():
    files = build([], "hr")
    assert loaded(files, "manifest.json")["shards"] == []
    assert search(files, "bilo što") == []


@pytest.mark.parametrize("change, message", [
    (lambda item: item.pop("url"), "missing ['url']"),
    (lambda item: item.update(id="7"), "id must be an integer"),
    (lambda item: item.update(date="01.02.2024"), "date must be ISO"),
    (lambda item: item.update(terms={"topics": "family"}), "terms must map a field to a list"),
    (lambda item: item.update(terms={"section": ["news"]}), "'section' is a record key"),
    (lambda item: item.update(terms={"topics": [{"id": 1}]}), "term ids must be strings or integers"),
])
def test_a_bad_record_is_named(change, message):
    item = record(7, "Title")
    change(item)
    with pytest.raises(RecordError, match=re.escape(message)) as error:
        build([item], "en")
    assert "search record 7" in str(error.value) or "search record '7'" in str(error.value)


def test_an_id_used_twice_is_an_error():
    with pytest.raises(RecordError, match="id used twice"):
        build([record(1, "A"), record(1, "B")], "en")


def test_a_label_finds_its_items_and_a_passage_holds_the_text_a_snippet_is_cut_from():
    long_body = "Uvod. " * 50 + "Hraniteljske porodice trebaju podršku."
    records = [dict(SERBIAN[0], labels="Породица Србија"), dict(SERBIAN[1], body_text=long_body), SERBIAN[2],
               dict(SERBIAN[3], summary="", body_text="Kratko.")]
    files = build(records, "sr", SMALL)
    assert [hit["url"] for hit in search(files, "srbija")] == [SERBIAN[0]["url"]]  # the label, in either script
    reader = Reader(files)
    hit = reader.search("podrška")[0]
    assert hit["url"] == SERBIAN[1]["url"] and "podršk" not in hit["summary"]
    assert reader.passage(hit) == " ".join(long_body.split())
    assert reader.search("kratko")[0]["passage"] is None  # the summary shown is already the whole text
    assert any(name.startswith(reader.manifest["base"] + "p/") for name in unpack(files))


def test_dumps_writes_the_bytes_of_the_standard_json_module():
    """orjson makes the members; their bytes stay those of json.dumps (sorted keys, compact, UTF-8)."""
    tricky = {"z": [1, 0.001, 12.5, 1.0, -3, 1234.567, None, True, False], "a": "tab\t nl\n ctl\x01\x1f q\" bs\\ /",
              "ć": {"б": "čovek човек ẞ 🙂 \u2028\u2029 \x7f", "": []}, "10": {"2": 0, "1": [{"b": 1, "a": 2}]}}
    assert search_index.dumps(tricky) == json.dumps(tricky, ensure_ascii=False, sort_keys=True,
                                                    separators=(",", ":")).encode("utf-8")


def test_members_are_gzip_any_reader_reads():
    data = ("člověk " * 500 + "protection").encode()
    zipped = search_index.gz(data)
    assert isinstance(zipped, bytes) and zipped[:2] == b"\x1f\x8b" and len(zipped) < len(data) // 10
    assert gzip.decompress(zipped) == data


def test_impacts_are_lunr_py_field_scores_summed_to_the_last_bit(corpus):
    """Postings computes on numpy arrays what lunr.py's Builder computes one posting at a time: each
    field's rounded BM25 score, summed over the fields in FIELDS order and rounded, exactly."""
    records = search_index.ordered(corpus["en"])
    whole = lunr_py_index(records, "en")
    term_of = {posting["_index"]: term for term, posting in whole.inverted_index.items()}
    summed: dict[str, dict[int, float]] = {}
    for name, _ in FIELDS:
        for number, item in enumerate(records):
            elements = whole.field_vectors[f"{name}/{item['id']}"].elements
            for position in range(0, len(elements), 2):
                documents = summed.setdefault(term_of[elements[position]], {})
                documents[number] = documents.get(number, 0.0) + elements[position + 1]
    postings = search_index.Postings(records, "en", Settings(body_words=None))
    assert list(postings.counts) == sorted(summed)
    for term, documents in summed.items():
        expected = sorted(((number, round(total, 3)) for number, total in documents.items()),
                          key=lambda pair: (-pair[1], pair[0]))
        assert postings.ranked(term) == expected, term
        assert postings.counts[term] == len(expected)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.floats(min_value=0, max_value=2000, allow_nan=False), min_size=1, max_size=20))
def test_round3_is_pythons_round(values):
    halves = [(k + 0.5) / 1000 for k in range(0, 3000, 7)] + [2.675, 1.0005, 0.0005, 0.1 + 0.2]
    values = values + halves + [math.nextafter(value, 0) for value in halves] + [math.nextafter(value, 9) for value in halves]
    rounded = search_index.round3(numpy.array(values, dtype=numpy.float64)).tolist()
    assert rounded == [round(value, 3) for value in values]
