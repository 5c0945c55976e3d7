"""Coordinators' and translators' commands on a real git repository built by the test:
invoke check, new, translate and status, and the stale notice on the built page."""

import json
import os
import subprocess
import sys

import pytest
from babel.messages.pofile import read_po

from hubtest import ROOT, build, page, settings_file, write_tree

LABELS = "".join(f"  {c}: Label {c}\n" for c in "en sq bs bg hr ro sr uk".split())
SITE = {
    "news/first.md": "---\ntitle: First news\ndate: 2024-12-04\nsummary: A short summary.\n---\nBody text.\n",
    "data/topics.yaml": "online-safety:\n" + LABELS,
    "data/resource-types.yaml": "guide:\n" + LABELS,
    "data/event-types.yaml": "webinar:\n" + LABELS,
    "data/opportunity-kinds.yaml": "vacancy:\n" + LABELS,
    "data/course-levels.yaml": "introductory:\n" + LABELS,
}
GIT_ENV = {"GIT_AUTHOR_NAME": "Coordinator", "GIT_AUTHOR_EMAIL": "c@example.org", "GIT_COMMITTER_NAME": "Coordinator",
           "GIT_COMMITTER_EMAIL": "c@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(repo, *args, when="2026-01-10T10:00:00Z"):
    env = {**os.environ, **GIT_ENV, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


def invoke(repo, *args):
    return subprocess.run([sys.executable, "-m", "invoke", "-r", str(ROOT), *args, "--content",
                           str(repo / "content"), "--settings", str(repo / "settings.py")],
                          cwd=repo, capture_output=True, text=True, timeout=120)


@pytest.fixture
def repo(tmp_path):
    write_tree(tmp_path / "content", SITE)
    settings_file(tmp_path).rename(tmp_path / "settings.py")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "First news")
    return tmp_path


def sr_status(repo):
    result = invoke(repo, "status", "--format", "json", "--lang", "sr")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["languages"]["sr"]


def test_translation_goes_stale_unless_the_change_is_minor_and_the_page_says_so(repo, tmp_path):
    first = git(repo, "rev-parse", "HEAD").strip()
    made = invoke(repo, "translate", "content/news/first.md", "--to", "sr")
    assert made.returncode == 0, made.stderr
    stub = (repo / "content/sr/news/first.md").read_text("utf-8")
    assert f"source_revision: {first}" in stub and "date:" not in stub and 'title: "First news"' in stub
    (repo / "content/sr/news/first.md").write_text(stub.replace('"First news"', '"Прва вест"'), "utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Serbian translation", when="2026-01-11T10:00:00Z")
    assert [e["translation"] for e in sr_status(repo)["translated"]] == ["sr/news/first.md"]

    source = repo / "content/news/first.md"
    source.write_text(source.read_text().replace("Body text.", "Body text, typo fixed."))
    git(repo, "commit", "-q", "-am", "Fix a typo\n\nTranslation-Impact: none", when="2026-02-01T10:00:00Z")
    status = sr_status(repo)
    assert status["stale"] == [] and status["translated"][0]["state"] == "up-to-date"

    source.write_text(source.read_text().replace("Body text", "New paragraph.\n\nBody text"))
    git(repo, "commit", "-q", "-am", "Add a paragraph", when="2026-03-05T09:00:00Z")
    changed = git(repo, "rev-parse", "HEAD").strip()
    stale = sr_status(repo)["stale"]
    assert len(stale) == 1
    assert stale[0]["recorded"] == first and stale[0]["updated_on"] == "2026-03-05"
    assert [c["revision"] for c in stale[0]["changes"]] == [changed]
    diff = invoke(repo, "status", "--lang", "sr", "--diff")
    assert "+New paragraph." in diff.stdout

    result = build(repo / "content", tmp_path / "output", repo / "settings.py")
    assert result.returncode == 0, result.stderr
    notice = page(tmp_path / "output", "sr/news/first").xpath("//p[contains(@class, 'stale')]")[0]
    catalog = read_po(open(ROOT / "theme/translations/sr/LC_MESSAGES/messages.po", "rb"))
    wanted = catalog["The original was updated on %(date)s, after this translation."].string
    assert notice.text_content().startswith(wanted.split("%(date)s")[0])
    assert "2026" in notice.text_content() and notice.xpath("a/@href") == ["/en/news/first/"]
    assert not page(tmp_path / "output", "en/news/first").xpath("//p[contains(@class, 'stale')]")
    status_page = page(tmp_path / "output", "sr/translation-status")
    assert "sr/news/first.md" in status_page.text_content()


def test_check_prints_one_line_per_problem_and_fails(repo):
    write_tree(repo / "content", {
        "news/bad.md": "---\ntitle: Bad\ndate: 2024-12-01\ntopics: [online-safty]\n---\nSee [x](/en/news/nowhere/).\n",
        "news/worse.md": "---\ntitle: Worse\ndate: 2024-13-01\n---\n",
        "resources/r.md": "---\ntitle: R\ndate: 2024-01-01\nresource_type: guide\nfile: files/missing.pdf\n---\n",
    })
    result = invoke(repo, "check")
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert lines[:-1] == [
        "content/news/bad.md:4: topics: unknown term 'online-safty'; did you mean 'online-safety'? use a term id from "
        "data/topics.yaml, or add the term there with a label in every language",
        "content/news/bad.md:6: body: links to /en/news/nowhere/, which does not exist; check the address; items are "
        "at /<language>/<section>/<file name>/ and attachments at /files/<name>",
        "content/news/worse.md:3: date: '2024-13-01' is not a real date; write the date as YYYY-MM-DD, for example "
        "2024-12-04",
        "content/resources/r.md:5: file: no file content/files/missing.pdf exists; put the file in content/files/ and "
        "write its path as files/<name>, or give a web address",
    ]
    assert lines[-1].startswith("4 problem(s) in 3 file(s)")
    only = invoke(repo, "check", "--path", "content/resources/r.md")
    assert only.returncode == 1 and "news/bad.md" not in only.stdout


def test_check_changed_looks_only_at_what_differs_from_main(repo):
    git(repo, "checkout", "-q", "-b", "proposal")
    write_tree(repo / "content", {"news/second.md": "---\ntitle: Second\ndate: 2024-12-05\n---\nText.\n"})
    result = invoke(repo, "check", "--changed", "--base", "main")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No problems" in result.stdout
    write_tree(repo / "content", {"news/second.md": "---\ntitle: Second\n---\nText.\n"})
    result = invoke(repo, "check", "--changed", "--base", "main")
    assert result.returncode == 1 and "content/news/second.md:1: date: is missing" in result.stdout


def test_the_demo_content_passes_the_check(tmp_path):
    # run from a folder of its own: the default .cache/hub lands there, not in the developer's cache
    result = subprocess.run([sys.executable, "-m", "invoke", "-r", str(ROOT), "check"], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("No problems")


FIVE_MISTAKES = """\
---
title: Safe schools
summary: (one or two sentences shown in listings)
date: 2024-13-01
resource_type: guide
file: files/safe-schools.pdf
topics: [online-safty]
countries: [Србија]
---
See [the guide](/en/resources/nowhere/).
"""
COUNTRIES = "serbia:\n" + "".join(f"  {c}: {'Србија' if c == 'sr' else 'Serbia'}\n" for c in "en sq bs bg hr ro sr uk".split())


def test_check_reports_every_mistake_of_a_file_in_one_run_plain_and_for_github(repo):
    write_tree(repo / "content", {"resources/safe-schools.md": FIVE_MISTAKES, "data/countries.yaml": COUNTRIES})
    plain = invoke(repo, "check", "content/resources/safe-schools.md")
    assert plain.returncode == 1
    assert plain.stdout.splitlines() == [
        "content/resources/safe-schools.md:3: summary: still holds the hint '(one or two sentences shown in "
        "listings)'; write the real value: one or two sentences shown in listings",
        "content/resources/safe-schools.md:4: date: '2024-13-01' is not a real date; write the date as YYYY-MM-DD, "
        "for example 2024-12-04",
        "content/resources/safe-schools.md:6: file: no file content/files/safe-schools.pdf exists; put the file in "
        "content/files/ and write its path as files/<name>, or give a web address",
        "content/resources/safe-schools.md:7: topics: unknown term 'online-safty'; did you mean 'online-safety'? use "
        "a term id from data/topics.yaml, or add the term there with a label in every language",
        "content/resources/safe-schools.md:8: countries: 'Србија' is how the term 'serbia' reads, not its id; write "
        "`serbia`: files name terms by their id; readers see its label in their own language",
        "content/resources/safe-schools.md:10: body: links to /en/resources/nowhere/, which does not exist; check "
        "the address; items are at /<language>/<section>/<file name>/ and attachments at /files/<name>",
        plain.stdout.splitlines()[-1],
    ]
    assert plain.stdout.splitlines()[-1].startswith("6 problem(s) in 1 file(s)")
    github = invoke(repo, "check", "--format", "github", "--path", "content/resources/safe-schools.md")
    assert github.returncode == 1
    annotations = github.stdout.splitlines()[:-1]
    assert [line.split("::")[1] for line in annotations] == [
        f"error file=content/resources/safe-schools.md,line={line},title={field}"
        for line, field in [(3, "summary"), (4, "date"), (6, "file"), (7, "topics"), (8, "countries"), (10, "body")]]
    assert annotations[4].endswith("::'Србија' is how the term 'serbia' reads, not its id; write `serbia`: files "
                                   "name terms by their id; readers see its label in their own language")
    refused = invoke(repo, "check", "--format", "yaml")
    assert refused.returncode == 1 and "--format is text or github" in refused.stderr


def test_check_takes_a_file_without_path_and_labels_in_any_language_are_refused(repo):
    write_tree(repo / "content", {"data/countries.yaml": COUNTRIES, "news/second.md":
                                  "---\ntitle: Second\ndate: 2024-12-05\ncountries: [Serbia]\n---\nText.\n"})
    result = invoke(repo, "check", "content/news/second.md")
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines()[0] == (
        "content/news/second.md:4: countries: 'Serbia' is how the term 'serbia' reads, not its id; write `serbia`: "
        "files name terms by their id; readers see its label in their own language")
    write_tree(repo / "content", {"news/second.md": "---\ntitle: Second\ndate: 2024-12-05\ncountries: [serbia]\n---\n"})
    assert invoke(repo, "check", "content/news/second.md").returncode == 0


@pytest.mark.parametrize("kind", ["news", "resource", "event", "course", "opportunity"])
def test_new_and_translate_make_files_that_pass_once_filled_in_and_never_overwrite(repo, kind):
    made = invoke(repo, "new", kind, "--title", "Čuvanje djece: a new item", "--lang", "hr")
    assert made.returncode == 0, made.stdout + made.stderr
    created = next((repo / "content/hr").rglob("cuvanje-djece-a-new-item.md"))
    untouched = invoke(repo, "check")
    assert untouched.returncode == 1
    problems = untouched.stdout.splitlines()[:-1]
    assert problems and all("still holds the placeholder" in line for line in problems), untouched.stdout
    assert any(line.endswith("body: still holds the placeholder 'Write the text here, in Markdown.'; write the "
                             "item's text after the second '---'") for line in problems)
    text = created.read_text("utf-8").replace("Write the text here, in Markdown.", "Real text.")
    text = text.replace("REPLACE ME", "guide" if kind == "resource" else "webinar" if kind == "event" else
                        "vacancy" if kind == "opportunity" else "Terre des hommes")
    text = text.replace("https://example.org/replace-with-the-document", "https://childhub.org/guide.pdf")
    text = text.replace("https://example.org/replace-with-the-address", "https://childhub.org/apply")
    created.write_text(text, "utf-8")
    assert invoke(repo, "check").returncode == 0, invoke(repo, "check").stdout
    before = created.read_bytes()
    again = invoke(repo, "new", kind, "--title", "Čuvanje djece: a new item", "--lang", "hr")
    assert again.returncode == 1 and "already exists" in again.stdout and created.read_bytes() == before
    rel = created.relative_to(repo).as_posix()
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "New item")
    translated = invoke(repo, "translate", rel, "--to", "sq")
    assert translated.returncode == 0, translated.stdout + translated.stderr
    assert invoke(repo, "check").returncode == 0
    refused = invoke(repo, "translate", rel, "--to", "sq")
    assert refused.returncode == 1 and "already exists" in refused.stdout
