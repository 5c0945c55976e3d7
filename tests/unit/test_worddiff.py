"""Word diffs of originals (hub_status.worddiff) and recording source_revision (hub_status.record)."""

import pytest

from hub_status import record, worddiff


def test_one_changed_word_is_one_change_not_the_paragraph_twice():
    old = "---\ntitle: Guide\n---\nFirst paragraph.\n\nThe quick brown fox jumps.\n"
    new = "---\ntitle: Guide\n---\nFirst paragraph.\n\nThe quick red fox jumps.\n"
    assert worddiff.changes(old, new) == [(("same", "The quick "), ("removed", "brown"), ("added", "red"),
                                           ("same", " fox jumps."))]
    assert worddiff.as_text(worddiff.changes(old, new)[0]) == "The quick [-brown-]{+red+} fox jumps."


def test_added_and_removed_paragraphs_and_front_matter_fields():
    old = "---\ntitle: Old title\n---\nKept.\n\nGone.\n"
    new = "---\ntitle: New title\n---\nKept.\n\nNew paragraph.\n\nAnother one.\n"
    found = [worddiff.as_text(p) for p in worddiff.changes(old, new)]
    assert found == ["title: [-Old-]{+New+} title", "[-Gone-]{+New paragraph+}.", "{+Another one.+}"]
    assert worddiff.changes(old, old) == []


def test_long_unchanged_stretches_are_shortened():
    words = " ".join(f"w{i}" for i in range(40))
    text = worddiff.as_text(worddiff.words(words + " old", words + " new"), context=3)
    assert text.startswith("… ") and text.endswith("w38 w39 [-old-]{+new+}") and "w10" not in text


@pytest.mark.parametrize("text, expected", [
    ("---\ntitle: T\n---\nBody\n", "---\ntitle: T\nsource_revision: abc\n---\nBody\n"),
    ("---\ntitle: T\nsource_revision: old # mine\nsummary: S\n---\nBody\n",
     "---\ntitle: T\nsource_revision: abc\nsummary: S\n---\nBody\n"),
    ("\ufeff---\r\ntitle: T\r\n---\r\n---\r\n", "\ufeff---\r\ntitle: T\r\nsource_revision: abc\r\n---\r\n---\r\n"),
])
def test_source_revision_is_recorded_by_editing_one_line(text, expected):
    assert record.with_source_revision(text, "abc") == expected


def test_a_file_without_front_matter_is_refused():
    with pytest.raises(ValueError, match="no front matter"):
        record.with_source_revision("Body\n", "abc")
    with pytest.raises(ValueError, match="never closed"):
        record.with_source_revision("---\ntitle: T\n", "abc")
