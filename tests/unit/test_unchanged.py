"""Skipping a build whose inputs did not change (plugins/hub_content/unchanged.py), without Pelican."""

import datetime as dt
import json
from types import SimpleNamespace

from hub_content import unchanged
from hub_content.types import load

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


def item(kind, **meta):
    return SimpleNamespace(type=kind, meta=meta, content_type=load().by_name[kind])


def test_settings_digest_has_no_memory_addresses():
    def local_filter(value):
        return value

    first = unchanged.stable_repr({"JINJA_FILTERS": {"f": local_filter}, "LIST": [1, {2}], "X": object})
    assert "0x" not in first and "local_filter" in first
    assert unchanged.stable_repr({"JINJA_FILTERS": {"f": local_filter}, "LIST": [1, {2}], "X": object}) == first


def test_the_next_change_is_the_first_event_end_or_deadline_day_end_after_now():
    items = [
        item("event", end=dt.datetime(2026, 11, 21, 11, 0), timezone="Europe/Budapest"),  # ended at 10:00 UTC
        item("event", end=dt.datetime(2026, 11, 21, 15, 30), timezone="Europe/Budapest"),
        item("opportunity", deadline=dt.date(2026, 11, 21)),  # open until midnight in Budapest
        item("news", date=dt.date(2026, 11, 22)),
    ]
    assert unchanged.next_change(items, NOW) == dt.datetime(2026, 11, 21, 14, 30, tzinfo=UTC)
    assert unchanged.next_change(items[2:], NOW) == dt.datetime(2026, 11, 21, 23, 0, tzinfo=UTC)
    assert unchanged.next_change(items[3:], NOW) is None


def test_a_build_is_skipped_only_with_the_same_inputs_output_and_before_the_next_change(tmp_path):
    until = NOW + dt.timedelta(hours=2)
    unchanged.remember(tmp_path, "inputs-1", "7:42", until)
    assert json.loads((tmp_path / unchanged.RECORD).read_text())["output"] == "7:42"
    assert unchanged.unchanged(tmp_path, "inputs-1", "7:42", NOW)
    assert not unchanged.unchanged(tmp_path, "inputs-2", "7:42", NOW)  # an input changed
    assert not unchanged.unchanged(tmp_path, "inputs-1", "7:43", NOW)  # another output folder (a failed build's)
    assert not unchanged.unchanged(tmp_path, "inputs-1", None, NOW)  # no output yet
    assert not unchanged.unchanged(tmp_path, "inputs-1", "7:42", until)  # an event ended: listings change
    unchanged.remember(tmp_path, "inputs-1", "7:42", None)  # nothing will ever close
    assert unchanged.unchanged(tmp_path, "inputs-1", "7:42", NOW + dt.timedelta(days=400))
    (tmp_path / unchanged.RECORD).write_text("{broken")
    assert not unchanged.unchanged(tmp_path, "inputs-1", "7:42", NOW)


def test_inputs_cover_content_theme_code_and_settings(tmp_path):
    for name in ("content", "theme", "code"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.txt").write_text(name)
    folders = (tmp_path / "content", tmp_path / "theme", tmp_path / "code")
    first = unchanged.inputs(*folders, {"SITEURL": ""})
    assert unchanged.inputs(*folders, {"SITEURL": "", "HUB_PROCESSES": 2}) == first  # how it runs: not an input
    assert unchanged.inputs(*folders, {"SITEURL": "https://x"}) != first
    for folder in folders:
        (folder / "a.txt").write_text("changed")
        changed = unchanged.inputs(*folders, {"SITEURL": ""})
        assert changed != first
        first = changed


def test_remembered_hashes_spare_reading_unchanged_files_but_never_hide_a_change(tmp_path):
    import os
    import time

    folders = []
    for name in ("content", "theme", "code"):
        (tmp_path / name / "sub").mkdir(parents=True)
        (tmp_path / name / "sub" / "a.md").write_text(name)
        (tmp_path / name / "b.md").write_text(name * 2)
        folders.append(tmp_path / name)
    old = time.time_ns() - 10 * 10**9
    for path in tmp_path.rglob("*.md"):
        os.utime(path, ns=(old, old))  # written well before the first build
    cache = tmp_path / "cache"
    first_hashes = unchanged.load_hashes(cache)
    first = unchanged.inputs(*folders, {}, first_hashes)
    assert first == unchanged.inputs(*folders, {})  # the same digest as without remembered hashes
    assert first_hashes.read == 6
    unchanged.save_hashes(cache, first_hashes, time.time_ns())

    again = unchanged.load_hashes(cache)
    assert unchanged.inputs(*folders, {}, again) == first and again.read == 0
    unchanged.save_hashes(cache, again, time.time_ns())

    (tmp_path / "content" / "sub" / "a.md").write_text("CONTENT")  # same size, new bytes, new time
    changed = unchanged.load_hashes(cache)
    digest = unchanged.inputs(*folders, {}, changed)
    assert digest != first and digest == unchanged.inputs(*folders, {}) and changed.read == 1
    unchanged.save_hashes(cache, changed, time.time_ns())
    recent = unchanged.load_hashes(cache)  # a.md changed within RACY of that save: read again
    assert unchanged.inputs(*folders, {}, recent) == digest and recent.read == 1
    (cache / unchanged.HASHES).write_text("{damaged")
    assert unchanged.inputs(*folders, {}, unchanged.load_hashes(cache)) == digest
