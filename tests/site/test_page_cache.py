"""The rendered-page cache never changes what is published."""

import shutil

from hubtest import ROOT, build, settings_file, snapshot


def test_cached_builds_equal_uncached_builds_through_edits(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    cached = settings_file(tmp_path, f"HUB_CACHE_PATH = {str(tmp_path / 'cache')!r}\n")
    (tmp_path / "plain").mkdir()
    uncached = settings_file(tmp_path / "plain")

    def both_equal():
        assert build(content, tmp_path / "a", cached).returncode == 0
        assert build(content, tmp_path / "b", uncached).returncode == 0
        assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")

    both_equal()  # cold cache
    both_equal()  # warm cache
    assert (tmp_path / "cache" / "pages" / "sr.sqlite").exists()
    original = content / "news" / "hub-turns-ten.md"
    original.write_text(original.read_text().replace("date: 2024-12-04", "date: 2024-12-05"))
    menu = content / "sq" / "pages" / "about.md"
    menu.write_text(menu.read_text().replace("title: ", "title: Ndryshuar ", 1))
    labels = content / "data" / "topics.yaml"
    labels.write_text(labels.read_text().replace("uk: ", "uk: Змінено ", 1))
    both_equal()  # a fact inherited by translations, a menu title, a vocabulary label
    assert "5 грудня 2024" in (tmp_path / "a" / "uk/news/hub-turns-ten/index.html").read_text()
