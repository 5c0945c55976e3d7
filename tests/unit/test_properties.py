"""Property tests: the slug function, output path joining, the front-matter splitter."""

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hub_build.errors import ProblemFound
from hub_build.staging import contained
from hub_content import frontmatter
from hub_content.fields import SLUG
from hub_content.reader import _slug_problems, suggest_slug, valid_name

ROOT = Path("/srv/output")


@given(st.text())
def test_suggested_slugs_are_always_valid(text):
    slug = suggest_slug(text)
    assert SLUG.match(slug)
    assert suggest_slug(slug) == slug


@given(st.lists(st.sampled_from(["news", "con", "Aux.d", "a-b", "A", "é", "-", "x1", "lpt3"]), min_size=1, max_size=4))
def test_a_valid_name_is_exactly_one_without_problems(parts):
    """The build sends the names beside a file (to keep a suggested name from clashing) only with
    files whose name is not valid: that may skip only files whose names raise no problem."""
    rel = "/".join(parts) + ".md"
    assert valid_name(rel) == (_slug_problems(rel, frozenset({"taken"})) == [])


@given(st.lists(st.sampled_from(["a", "b", ".", "..", "/", "\\", "~", ":", "%2e", "\x00"]), max_size=12).map("".join))
def test_output_paths_never_leave_the_output_folder(relative):
    try:
        path = contained(ROOT, relative)
    except ValueError:
        return
    normal = Path(os.path.normpath(path))
    assert normal == path and ROOT in normal.parents


yaml_line = st.from_regex(r"[a-z_]{1,8}: [A-Za-z0-9 ]{0,12}", fullmatch=True)


@given(st.lists(yaml_line, max_size=6), st.text().filter(lambda t: "\r" not in t))
@settings(max_examples=200)
def test_splitter_returns_the_front_matter_and_the_body_unchanged(lines, body):
    text = "---\n" + "\n".join(lines) + "\n---\n" + body
    yaml_text, yaml_line_number, got_body, body_line = frontmatter.split(text)
    assert yaml_text == "\n".join(lines) and yaml_line_number == 2
    assert got_body == body
    assert body_line == max(len(lines), 1) + 3  # an empty block is still one line


@given(st.text())
def test_splitter_accepts_or_explains_any_text(text):
    try:
        frontmatter.split(text)
    except ProblemFound as problem:
        assert problem.line >= 1 and problem.fix
