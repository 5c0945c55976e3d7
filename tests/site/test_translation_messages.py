"""Messages about translations that point the right way: a translation without its original, a bad
fact reported once on the original, and translation_key in nested folders."""

from hubtest import build, page, settings_file, write_tree
from test_invalid import GOOD


def built(tmp_path, files):
    write_tree(tmp_path / "content", {**GOOD, **files})
    return build(tmp_path / "content", tmp_path / "output", settings_file(tmp_path))


def test_a_translation_without_its_original_says_so(tmp_path):
    result = built(tmp_path, {"bs/courses/x.md": "---\ntitle: Kurs\n---\nTekst.\n"})
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("bs/courses/x.md: no original content/courses/x.md for this translation (add the "
                               "original or move this file to be an original (give it its facts: "), result.stderr
    assert "is missing" not in result.stderr
    assert lines[-1] == "Build stopped: 1 problem found; nothing was published."


def test_a_bad_fact_of_an_original_is_reported_once_on_the_original(tmp_path):
    result = built(tmp_path, {
        "news/second.md": "---\ntitle: Second\ndate: 2024-13-01\n---\nText.\n",
        "sr/news/second.md": "---\ntitle: Друга\n---\nТекст.\n",
        "bs/news/second.md": "---\ntitle: Druga\n---\nTekst.\n",
    })
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("news/second.md:3: date:"), result.stderr
    assert lines[-1] == "Build stopped: 1 problem found; nothing was published."
    assert "sr/news/second.md" not in result.stderr and "bs/news/second.md" not in result.stderr


def test_translation_key_pairs_files_in_nested_folders(tmp_path):
    result = built(tmp_path, {
        "news/2024/annual-report.md": "---\ntitle: Annual report\ndate: 2024-12-20\n---\nText.\n",
        "sq/news/2024/raporti-vjetor.md": "---\ntitle: Raporti vjetor\ntranslation_key: annual-report\n---\nTeksti.\n",
    })
    assert result.returncode == 0, result.stderr
    albanian = page(tmp_path / "output", "sq/news/raporti-vjetor")
    assert albanian.xpath("//h1")[0].text_content() == "Raporti vjetor"
    assert albanian.xpath("//link[@hreflang='en']/@href") == ["/en/news/annual-report/"]
    english = page(tmp_path / "output", "en/news/annual-report")
    assert english.xpath("//link[@hreflang='sq']/@href") == ["/sq/news/raporti-vjetor/"]
