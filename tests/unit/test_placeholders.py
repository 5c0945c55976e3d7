"""Scaffold placeholders and field hints left in a file, and GitHub annotations of problems."""

import sys
from pathlib import Path

from hub_build.errors import Problem
from hub_content import frontmatter, placeholders, scaffold
from hub_content.types import load

BY_NAME = load().by_name
from hubtest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import authoring  # noqa: E402


def leftovers(text, type_name="resource"):
    document = frontmatter.parse(text)
    return [(name, message) for name, message, _ in
            placeholders.leftovers(document.fields, document.body, BY_NAME[type_name].schema)]


def test_an_untouched_scaffold_names_every_placeholder_to_replace():
    import datetime as dt

    _, text = scaffold.new_item(BY_NAME["course"], "en", "A course", dt.date(2026, 1, 5), {}, "en")
    found = leftovers(text, "course")
    assert found == [("provider", "still holds the placeholder 'REPLACE ME'"),
                     ("enrolment", "still holds the placeholder 'https://example.org/replace-with-the-address'"),
                     ("body", "still holds the placeholder 'Write the text here, in Markdown.'")]


def test_hints_are_refused_however_they_were_left_but_real_words_pass():
    base = "---\ntitle: Guide\nsummary: {}\n---\nText.\n"
    for summary in ["(one or two sentences shown in listings)", "One or two sentences shown in listings.",
                    "...  (one or two sentences shown in listings)", "'the headline, in the file''s language'"]:
        assert [name for name, _ in leftovers(base.format(summary))] == ["summary"], summary
    for summary in ["How to replace punishment with positive discipline", "A guide in one or two sentences"]:
        assert leftovers(base.format(summary)) == [], summary


def test_a_github_annotation_names_file_line_and_field_and_escapes_what_github_reads():
    root = Path.cwd() / "content"
    problem = Problem("news/x.md", 4, "date", "'2024-13-01' is not a real date", "write 100%\nof it: YYYY-MM-DD")
    assert authoring.annotation(problem, root) == (
        "::error file=content/news/x.md,line=4,title=date::'2024-13-01' is not a real date; "
        "write 100%25%0Aof it: YYYY-MM-DD")
    whole_file = Problem("files/a,b.pdf", 0, "", "is published but no item refers to it", "")
    assert authoring.annotation(whole_file, root, "warning") == (
        "::warning file=content/files/a%2Cb.pdf::is published but no item refers to it")


def test_what_a_file_with_problems_still_offers_to_the_other_checks():
    from hub_content import reader
    from hub_content.scan import SourceFile

    source = SourceFile("news/bad.md", "en", BY_NAME["news"])
    text = "---\ntitle: Bad\ndate: 2024-13-01\ntopics: [online-safty]\n---\nSee [x](/en/news/nowhere/).\n"
    item, problems = reader.read(source, text.encode())
    assert item is None and [p.field for p in problems] == ["date"]
    salvaged = reader.salvage(source, text.encode())
    assert salvaged.fields == {"title": "Bad", "topics": ("online-safty",)}  # the bad date is left out
    assert 'href="/en/news/nowhere/"' in salvaged.body_html
    broken_yaml = "---\ntitle: Bad: colon\n---\nSee [x](/en/news/nowhere/).\n"
    assert reader.read(source, broken_yaml.encode())[0] is None
    salvaged = reader.salvage(source, broken_yaml.encode())
    assert salvaged.fields == {} and 'href="/en/news/nowhere/"' in salvaged.body_html
    assert reader.salvage(source, b"no front matter") is None
