"""The index cache: a language is rebuilt exactly when its records or the search code change."""

from hub_search import cache as search_cache
from hub_search.cache import IndexCache

RECORDS = [{"id": 0, "title": "Čuvanje"}]


def counting():
    calls = []

    def build():
        calls.append(1)
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
