"""An incremental build (caches warm, unchanged pages hard-linked from the published output) gives
the same bytes as a cold build of the same content, after every kind of edit."""

import shutil
import time

import pytest

from hubtest import ROOT, build, settings_file, snapshot

GOLDEN = ROOT / "tests" / "golden"


def edit_body(content, theme):
    path = content / "news" / "safer-internet-day.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nAn added paragraph.\n", encoding="utf-8")


def edit_inherited_fact(content, theme):
    path = content / "news" / "foster-care-week.md"  # translated into hr and sr, which inherit the date
    text = path.read_text(encoding="utf-8")
    date = next(line for line in text.splitlines() if line.startswith("date: "))
    path.write_text(text.replace(date, "date: 2023-01-02"), encoding="utf-8")


def edit_vocabulary_label(content, theme):
    path = content / "data" / "topics.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("hr: Alternativna skrb", "hr: Alternativno zbrinjavanje"),
                    encoding="utf-8")


def add_translation(content, theme):
    (content / "hr" / "news" / "third-item.md").write_text(
        "---\ntitle: Treća vijest, sada i na hrvatskom\nsummary: Prijevod.\n---\nSamo prijevod.\n", encoding="utf-8")


def delete_item(content, theme):
    (content / "sr" / "news" / "lokalna-vest.md").unlink()


def edit_template(content, theme):
    path = theme / "templates" / "base.html"
    path.write_text(path.read_text(encoding="utf-8").replace("<main id=\"main\">",
                                                             "<main id=\"main\" data-edited=\"1\">"),
                    encoding="utf-8")


EDITS = [edit_body, edit_inherited_fact, edit_vocabulary_label, add_translation, delete_item, edit_template]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("incremental")
    shutil.copytree(GOLDEN / "content", folder / "content")
    shutil.copytree(ROOT / "theme", folder / "theme")
    return folder


def test_each_edit_builds_incrementally_to_the_bytes_of_a_cold_build(site):
    extra = f"from tests.golden.settings import *\nTHEME = {str(site / 'theme')!r}\n"
    warm = settings_file(site, extra + f"HUB_CACHE_PATH = {str(site / 'cache')!r}\n")
    (site / "cold").mkdir()
    cold = settings_file(site / "cold", extra)
    assert build(site / "content", site / "incremental", warm).returncode == 0
    first = snapshot(site / "incremental")
    unchanged = build(site / "content", site / "incremental", warm)
    assert unchanged.returncode == 0 and "nothing changed since" in unchanged.stdout, unchanged.stdout
    assert snapshot(site / "incremental") == first
    for number, edit in enumerate(EDITS):
        edit(site / "content", site / "theme")
        before = snapshot(site / "incremental")
        inodes = {path: path.stat().st_ino for path in (site / "incremental").rglob("*.html")}
        result = build(site / "content", site / "incremental", warm)
        assert result.returncode == 0, result.stderr
        if edit is edit_body:  # one item changed: its pages and the listings showing it are new, the rest linked
            pages = list((site / "incremental").rglob("*.html"))
            reused = [path for path in pages if inodes.get(path) == path.stat().st_ino]
            assert 0.5 * len(pages) < len(reused) < len(pages), "unchanged pages are hard-linked, not written again"
            deadline = time.monotonic() + 60  # the previous output is removed by a process of its own
            while list(site.glob(".incremental.previous-*")) and time.monotonic() < deadline:
                time.sleep(0.1)
            assert not list(site.glob(".incremental.previous-*"))
            assert all(path.stat().st_nlink == 1 for path in pages)
        fresh = site / f"cold-{number}"
        assert build(site / "content", fresh, cold).returncode == 0
        after = snapshot(site / "incremental")
        assert after == snapshot(fresh), f"after {edit.__name__}, the incremental build differs from a cold one"
        assert after != before, f"{edit.__name__} changed nothing: the test would prove nothing"
