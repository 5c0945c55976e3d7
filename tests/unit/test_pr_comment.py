"""The pull request's comment: translation status of the changed files and the preview's address."""

import sys

from hubtest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import pr_comment  # noqa: E402

STATUS = {
    "history": {"available": True},
    "languages": {
        "sq": {"translated": [{"original": "news/a.md", "translation": "sq/news/a.md"}], "stale": [],
               "missing": [{"original": "resources/b.md", "title": "B"}]},
        "sr": {"translated": [], "stale": [{"original": "news/a.md", "translation": "sr/news/a.md"}],
               "missing": [{"original": "resources/b.md", "title": "B"}]},
    },
}


def test_each_changed_item_gets_its_originals_row_once_with_every_language():
    text = pr_comment.comment(STATUS, ["content/sr/news/a.md", "content/news/a.md", "tasks.py",
                                       "content/resources/b.md", "content/files/b.pdf"], "https://example.org/p")
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    assert rows == ["| `content/news/a.md` | ✅ up to date | ⚠️ out of date |",
                    "| `content/resources/b.md` | ➖ missing | ➖ missing |"]
    assert "| original | sq | sr |" in text
    assert "[download it](https://example.org/p)" in text


def test_without_translated_changes_or_a_preview_it_says_so():
    text = pr_comment.comment(STATUS, ["README.md"], "")
    assert "No translated content file changes in this pull request." in text
    assert "The site was not built" in text
