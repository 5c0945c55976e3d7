"""Broken content stops the build with exact messages and leaves the previous output untouched."""

import pytest

from hubtest import build, settings_file, snapshot, write_tree

GOOD = {
    "news/first.md": """
        ---
        title: First news
        date: 2024-12-04
        summary: A short summary.
        ---
        Body text.
        """,
    "sr/news/first.md": """
        ---
        title: Прва вест
        ---
        Текст.
        """,
}

BROKEN = {
    "invalid YAML": ({"news/bad.md": "---\ntitle: Bad\nsummary: [open\ndate: 2024-01-01\n---\nText\n"},
                     "news/bad.md:4: invalid YAML: expected ',' or ']', but got ':' "
                     "(check quotes, colons and indentation; put text containing ': ' in quotes)"),
    "missing title": ({"news/bad.md": "---\ndate: 2024-01-01\n---\nText\n"},
                      "news/bad.md:1: title: is missing (add a line 'title: ...' to the front matter "
                      "(the headline, in the file's language))"),
    "unknown key": ({"news/bad.md": "---\ntitle: Bad\ndate: 2024-01-01\nsumary: typo\n---\nText\n"},
                    "news/bad.md:4: sumary: is not a field of news/ (did you mean 'summary'?)"),
    "duplicate key": ({"news/bad.md": "---\ntitle: Bad\ndate: 2024-01-01\ntitle: Again\n---\nText\n"},
                      "news/bad.md:4: title: field written twice (first on line 2) (keep only one of the two lines)"),
    "non-Markdown file": ({"news/notes.txt": "hello\n"},
                          "news/notes.txt: is not a Markdown file (.md); content folders hold only .md files "
                          "(rename it to end in .md if it is content, or move it out of content/)"),
    "impossible date": ({"news/bad.md": "---\ntitle: Bad\ndate: 2024-02-30\n---\nText\n"},
                        "news/bad.md:3: date: '2024-02-30' is not a real date "
                        "(write the date as YYYY-MM-DD, for example 2024-12-04)"),
    "fact conflict": ({"sr/news/first.md": "---\ntitle: Прва\ndate: 2023-01-01\n---\nТекст\n"},
                      "sr/news/first.md:3: date: differs from the original news/first.md (line 3) "
                      "(remove the line: translations inherit date from the original; change it in the "
                      "original if it is wrong)"),
    "unknown language folder": ({"ru/news/first.md": "---\ntitle: Первая\n---\nТекст\n"},
                                "ru/news/first.md: 'ru' is not a configured language (add 'ru' to "
                                "HUB_LANGUAGES in pelicanconf.py, or use one of sq, bs, bg, hr, ro, sr, uk)"),
    "unknown term": ({"news/bad.md": "---\ntitle: Bad\ndate: 2024-01-01\ntopics: [nope]\n---\nText\n"},
                     "news/bad.md:4: topics: no vocabulary content/data/topics.yaml exists "
                     "(create content/data/topics.yaml or remove the field)"),
    "address collision": ({"pages/news.md": "---\ntitle: News page\n---\nText\n"},
                          "pages/news.md: its address /en/news/ is also used by the listing page "
                          "(rename one of the two files)"),
    "bad file name": ({"news/Bad Name.md": "---\ntitle: Bad\ndate: 2024-01-01\n---\nText\n"},
                      "news/Bad Name.md: the file name is used in the web address and may only hold lowercase "
                      "letters, digits and single hyphens (rename the file to bad-name.md, and its translations too)"),
    "invalid UTF-8": ({"news/bad.md": b"---\ntitle: Bad \xff\n---\n"},
                      "news/bad.md:2: is not valid UTF-8 (byte 15) (save the file as UTF-8 in your editor)"),
}


@pytest.fixture
def site(tmp_path):
    content = write_tree(tmp_path / "content", GOOD)
    output = tmp_path / "output"
    settings = settings_file(tmp_path)
    result = build(content, output, settings)
    assert result.returncode == 0, result.stderr
    return content, output, settings


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_content_fails_with_the_exact_message_and_keeps_the_output(site, case):
    content, output, settings = site
    before = snapshot(output)
    files, message = BROKEN[case]
    write_tree(content, files)
    result = build(content, output, settings)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert message in lines, result.stderr
    assert lines[-1].startswith("Build stopped:") and "nothing was published" in lines[-1]
    assert snapshot(output) == before
    assert not list(output.parent.glob(".output.*")), "a staging folder was left behind"


def test_every_problem_of_every_file_is_reported_at_once(site):
    content, output, settings = site
    write_tree(content, {"news/a.md": "---\ntitle: A\n---\n", "news/b.md": "---\ntitle: B\ndate: x\ncolour: red\n---\n"})
    result = build(content, output, settings)
    assert result.returncode == 1
    assert "Build stopped: 3 problems found; nothing was published." in result.stderr
    assert "news/a.md:1: date: is missing" in result.stderr
    assert "news/b.md:3: date:" in result.stderr and "news/b.md:4: colour:" in result.stderr


def test_withdrawn_content_disappears_and_drafts_are_not_published(site):
    content, output, settings = site
    assert (output / "en/news/first/index.html").exists()
    (content / "sr/news/first.md").unlink()
    (content / "news/first.md").write_text("---\ntitle: First\ndate: 2024-12-04\nstatus: draft\n---\nx\n")
    result = build(content, output, settings)
    assert result.returncode == 0, result.stderr
    assert not (output / "en/news/first").exists()
    assert not (output / "sr/news/first").exists()


def test_bad_settings_are_reported_together(tmp_path):
    content = write_tree(tmp_path / "content", GOOD)
    settings = settings_file(tmp_path, "HUB_PAGE_SIZE = 0\nHUB_STRICTT = True\n")
    result = build(content, tmp_path / "output", settings)
    assert result.returncode == 1
    assert "settings: HUB_PAGE_SIZE: must be at least 1, got 0" in result.stderr
    assert "settings: HUB_STRICTT: unknown setting" in result.stderr
    assert not (tmp_path / "output").exists()


def test_strict_mode_fails_on_a_warning_and_publishes_nothing(tmp_path):
    content = write_tree(tmp_path / "content", {**GOOD, "sr/news/first.md":
                                                 "---\ntitle: Прва\ndate: 2024-12-04\n---\nТекст\n"})
    lax = build(content, tmp_path / "lax", settings_file(tmp_path))
    logged = " ".join((lax.stderr + lax.stdout).split())
    assert lax.returncode == 0 and "sr/news/first.md:3: date: repeats a fact of the" in logged
    strict = build(content, tmp_path / "strict", settings_file(tmp_path, "HUB_STRICT = True\n"))
    assert strict.returncode == 1
    assert "warning in strict mode: sr/news/first.md:3: date: repeats a fact" in strict.stderr
    assert not (tmp_path / "strict").exists()
