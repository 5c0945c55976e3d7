import pytest

from hub_build.errors import ProblemFound
from hub_content import frontmatter


def fields(text):
    return {k: v.value for k, v in frontmatter.parse(text).fields.items()}


def test_yaml_11_traps_stay_strings():
    got = fields("---\nanswer: no\nok: yes\nswitch: on\ntime: 12:30\ncode: 012\nver: 1.10\n---\nbody\n")
    assert got == {"answer": "no", "ok": "yes", "switch": "on", "time": "12:30", "code": "012", "ver": "1.10"}


def test_lists_empty_values_and_lines():
    document = frontmatter.parse("---\ntitle: Hi\ntopics: [a, b]\nempty:\n---\n\nBody\n")
    assert document.fields["topics"].value == ["a", "b"]
    assert document.fields["topics"].line == 3
    assert document.fields["empty"].value is None
    assert document.body_line == 6


def test_duplicate_key_names_both_lines():
    with pytest.raises(ProblemFound) as caught:
        frontmatter.parse("---\ntitle: A\ndate: 2024-01-01\ntitle: B\n---\n")
    assert caught.value.line == 4 and caught.value.field == "title"
    assert "first on line 2" in caught.value.message


def test_invalid_yaml_reports_the_file_line():
    with pytest.raises(ProblemFound) as caught:
        frontmatter.parse("---\ntitle: A\nsummary: [unclosed\ndate: 2024-01-01\n---\n")
    assert caught.value.message.startswith("invalid YAML")
    assert caught.value.line >= 3


def test_aliases_are_refused():
    with pytest.raises(ProblemFound, match="aliases"):
        frontmatter.parse("---\na: &x [1, 2]\nb: *x\n---\n")


@pytest.mark.parametrize("text, message", [
    ("title: A\n", "does not start with front matter"),
    ("---\ntitle: A\n", "never closed"),
    ("---\n- a\n- b\n---\n", "not a list of 'field: value'"),
])
def test_broken_structure(text, message):
    with pytest.raises(ProblemFound, match=message):
        frontmatter.parse(text)


def test_bom_and_crlf_read_like_the_clean_file():
    clean = "---\ntitle: Čuvanje\n---\nBody line\n"
    dirty = "\ufeff" + clean.replace("\n", "\r\n")
    assert frontmatter.parse(dirty) == frontmatter.parse(clean)
