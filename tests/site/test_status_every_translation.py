"""Translation status for every translation, on a real git repository made by the test: a
translation without source_revision judged from git, `invoke translate --done`, the word diff
(command, JSON and status page) without Translation-Impact: none commits, and the missing list."""

import json

from hubtest import build, page, write_tree
from test_authoring import SITE, git, invoke, repo  # noqa: F401  (the fixture)

ORIGINAL = ("---\ntitle: Guide for parents\ndate: 2024-12-05\n---\n"
            "The first paragraph stays as it is.\n\nThe quick brown fox jumps over the lazy dog.\n")
TRANSLATION = "---\ntitle: Udhëzues për prindërit\n---\nParagrafi i parë.\n\nDhelpra e shpejtë.\n"


def status(repo, *extra):
    result = invoke(repo, "status", "--format", "json", "--lang", "sq", *extra)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["languages"]["sq"]


def states(found) -> dict:
    return {entry["translation"]: entry["state"]
            for name in ("translated", "stale", "possibly_stale") for entry in found[name]}


def edit(repo, old, new, message, when):
    source = repo / "content/news/guide.md"
    source.write_text(source.read_text().replace(old, new))
    git(repo, "commit", "-q", "-am", message, when=when)


def test_a_translation_without_source_revision_is_judged_from_git(repo, tmp_path):  # noqa: F811
    write_tree(repo / "content", {"news/guide.md": ORIGINAL, "sq/news/guide.md": TRANSLATION})
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Guide and its translation", when="2026-01-12T10:00:00Z")
    assert states(status(repo)) == {"sq/news/guide.md": "not-recorded"}

    edit(repo, "stays as it is", "stays as it is, spelled right", "Spelling\n\nTranslation-Impact: none",
         "2026-01-20T10:00:00Z")
    assert states(status(repo)) == {"sq/news/guide.md": "not-recorded"}  # a minor commit changes nothing

    edit(repo, "quick brown fox", "quick red fox", "The fox is red now", "2026-02-03T10:00:00Z")
    found = status(repo)
    assert states(found) == {"sq/news/guide.md": "possibly-stale"}
    entry = found["possibly_stale"][0]
    assert entry["updated_on"] == "2026-02-03"
    assert [c["subject"] for c in entry["changes"]] == ["The fox is red now"]
    assert [c["subject"] for c in entry["diff"]] == ["The fox is red now"]  # not the minor "Spelling"
    assert entry["diff"][0]["paragraphs"] == [[["same", "The quick "], ["removed", "brown"], ["added", "red"],
                                               ["same", " fox jumps over the lazy dog."]]]
    printed = invoke(repo, "status", "--lang", "sq", "--diff").stdout
    assert "possibly out of date: content/sq/news/guide.md" in printed
    assert "The quick [-brown-]{+red+} fox jumps over the lazy dog." in printed
    assert "spelled right" not in printed and printed.count("brown") == 1

    result = build(repo / "content", tmp_path / "output", repo / "settings.py")
    assert result.returncode == 0, result.stderr
    notice = page(tmp_path / "output", "sq/news/guide").xpath("//p[contains(@class, 'stale')]")
    assert notice and "2026" in notice[0].text_content()
    folded = page(tmp_path / "output", "sq/translation-status").xpath("//details[@class='changes']")
    assert len(folded) == 1
    assert folded[0].xpath(".//del/text()") == ["brown"] and folded[0].xpath(".//ins/text()") == ["red"]

    done = invoke(repo, "translate", "content/sq/news/guide.md", "--done")
    assert done.returncode == 0, done.stderr
    head = git(repo, "rev-parse", "HEAD").strip()
    text = (repo / "content/sq/news/guide.md").read_text("utf-8")
    assert text.startswith("---\ntitle: Udhëzues për prindërit\nsource_revision: " + head + "\n---\n")
    found = status(repo)
    assert states(found) == {"sq/news/guide.md": "up-to-date"} and found["possibly_stale"] == []

    git(repo, "commit", "-q", "-am", "Translation follows the original", when="2026-02-04T10:00:00Z")
    edit(repo, "The first", "The very first", "Wording\n\nTranslation-Impact: none", "2026-02-10T10:00:00Z")
    assert states(status(repo)) == {"sq/news/guide.md": "up-to-date"}  # minor: still up to date
    edit(repo, "lazy dog", "sleepy dog", "The dog is sleepy", "2026-02-11T10:00:00Z")
    found = status(repo)
    assert states(found) == {"sq/news/guide.md": "stale"}
    assert [c["subject"] for c in found["stale"][0]["diff"]] == ["The dog is sleepy"]
    assert found["stale"][0]["diff"][0]["paragraphs"][0][1:3] == [["removed", "lazy"], ["added", "sleepy"]]

    again = invoke(repo, "translate", "content/sq/news/guide.md", "--done")
    assert again.returncode == 0, again.stderr
    text = (repo / "content/sq/news/guide.md").read_text("utf-8")
    assert text.count("source_revision:") == 1 and git(repo, "rev-parse", "HEAD").strip() in text
    assert states(status(repo)) == {"sq/news/guide.md": "up-to-date"}


def test_the_missing_list_leaves_out_what_is_over_and_puts_the_newest_first(repo):  # noqa: F811
    # The build time of these tests is 2026-11-21 (hubtest.EPOCH): past and closed are before it.
    write_tree(repo / "content", {
        "news/older.md": "---\ntitle: Older news\ndate: 2024-01-01\n---\nText.\n",
        "news/newer.md": "---\ntitle: Newer news\ndate: 2025-06-01\n---\nText.\n",
        "events/past.md": "---\ntitle: Past webinar\ndate: 2024-11-01\nstart: 2025-01-10 10:00\nend: 2025-01-10 12:00\n"
                          "event_type: webinar\nonline: yes\n---\nText.\n",
        "events/coming.md": "---\ntitle: Coming webinar\ndate: 2025-10-01\nstart: 2027-01-10 10:00\nend: 2027-01-10 12:00\n"
                            "event_type: webinar\nonline: yes\n---\nText.\n",
        "opportunities/closed.md": "---\ntitle: Closed call\ndate: 2024-12-01\nkind: vacancy\norganisation: Hub\n"
                                   "deadline: 2025-01-31\n---\nText.\n",
        "opportunities/open.md": "---\ntitle: Open call\ndate: 2025-09-01\nkind: vacancy\norganisation: Hub\n"
                                 "deadline: 2027-01-31\n---\nText.\n",
    })
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "More items")
    env_status = invoke(repo, "status", "--format", "json", "--lang", "sq")
    assert env_status.returncode == 0, env_status.stderr
    found = json.loads(env_status.stdout)["languages"]["sq"]
    assert [m["original"] for m in found["missing"]] == [
        "news/newer.md", "news/first.md", "news/older.md", "events/coming.md", "opportunities/open.md"]
    assert found["missing_left_out"] == 2
    everything = invoke(repo, "status", "--format", "json", "--lang", "sq", "--all")
    listed = [m["original"] for m in json.loads(everything.stdout)["languages"]["sq"]["missing"]]
    assert "events/past.md" in listed and "opportunities/closed.md" in listed
    printed = invoke(repo, "status", "--lang", "sq").stdout
    assert "2 past events and closed opportunities not listed" in printed
