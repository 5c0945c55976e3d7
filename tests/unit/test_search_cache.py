"""The index cache: a language is rebuilt exactly when its records or the search code change."""

from hub_search import cache as search_cache
from hub_search import index as search_index
from hub_search.cache import IndexCache

RECORDS = [{"id": 0, "title": "Čuvanje"}]


def counting():
    calls = []

    def build(terms):
        calls.append(terms)
        return {"manifest.json": f"built {len(calls)}".encode()}
    return calls, build


def test_same_records_come_from_the_cache_and_changed_ones_are_rebuilt(tmp_path):
    calls, build = counting()
    first = IndexCache(tmp_path).files("sr", RECORDS, build)
    assert IndexCache(tmp_path).files("sr", RECORDS, build) == first and len(calls) == 1
    changed = IndexCache(tmp_path).files("sr", [{"id": 0, "title": "Чување"}], build)
    assert changed == {"manifest.json": b"built 2"}
    assert len(list(tmp_path.glob("sr-*.pickle"))) == 1  # the old key is gone
    IndexCache(tmp_path).files("hr", RECORDS, build)
    assert len(calls) == 3  # another language is another key


def test_a_damaged_entry_is_rebuilt_and_no_folder_means_no_cache(tmp_path):
    calls, build = counting()
    IndexCache(tmp_path).files("en", RECORDS, build)
    next(tmp_path.glob("en-*.pickle")).write_bytes(b"\x80garbage")
    assert IndexCache(tmp_path).files("en", RECORDS, build) == {"manifest.json": b"built 2"}
    IndexCache(None).files("en", RECORDS, build)
    IndexCache(None).files("en", RECORDS, build)
    assert len(calls) == 4


def test_the_key_covers_the_search_code(monkeypatch, tmp_path):
    calls, build = counting()
    IndexCache(tmp_path).files("en", RECORDS, build)
    monkeypatch.setattr(search_cache, "code_digest", lambda: "other code")
    IndexCache(tmp_path).files("en", RECORDS, build)
    assert len(calls) == 2


def test_serbian_and_serbian_latin_keep_their_own_entries(tmp_path):
    calls, build = counting()
    IndexCache(tmp_path).files("sr-latn", RECORDS, build)
    IndexCache(tmp_path).files("sr", RECORDS, build)
    IndexCache(tmp_path).files("sr", [{"id": 0, "title": "Чување"}], build)  # replaces sr's entry only
    IndexCache(tmp_path).files("sr-latn", RECORDS, build)
    assert len(calls) == 3


def test_an_index_built_again_reuses_the_analysed_pieces_and_gives_the_same_bytes(tmp_path):
    records = [{"id": n, "url": f"/en/r/{n}/", "title": f"Protecting children {n}", "summary": "Foster care",
                "body_text": "Caseworkers' supervision and children's participation in care decisions.",
                "section": "resources", "date": "2025-01-0" + str(n + 1), "terms": {}} for n in range(3)]
    cache = IndexCache(tmp_path)
    first = cache.files("en", records, lambda terms: search_index.build(records, "en", terms=terms))
    known = cache.known_terms("en")
    assert known["caseworkers'"] == ["casework"] and known["children's"] == ["children"]
    records[0] = {**records[0], "title": "Protecting children again"}
    seen = []

    def again(terms):
        seen.append(dict(terms.known))
        return search_index.build(records, "en", terms=terms)
    rebuilt = IndexCache(tmp_path).files("en", records, again)
    assert seen == [known]
    assert rebuilt == search_index.build(records, "en") != first  # the same bytes as without the cache
    assert "again" in IndexCache(tmp_path).known_terms("en")


def test_analysed_pieces_of_other_search_code_are_not_used(monkeypatch, tmp_path):
    calls, build = counting()
    IndexCache(tmp_path).files("en", RECORDS, lambda terms: terms.memo.update(word=["w"]) or build(terms))
    assert IndexCache(tmp_path).known_terms("en") == {"word": ["w"]}
    monkeypatch.setattr(search_cache, "code_digest", lambda: "other code")
    assert IndexCache(tmp_path).known_terms("en") == {}
