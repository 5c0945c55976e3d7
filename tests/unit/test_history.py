"""Translation history from git (hub_status.history), on real repositories made in tmp_path."""

from __future__ import annotations

import os
import random
import subprocess
from pathlib import Path

import pytest

from hub_status import history
from hub_status.history import Ancestry, HistoryError, State

SOURCE = "content/news/guide.md"
TRANSLATION = "content/sq/news/guide.md"


class Repo:
    """A git repository under tmp_path whose commits have the dates the test gives them."""

    def __init__(self, root: Path, project: str = ""):
        self.root = root
        self.path = root / project if project else root
        self.path.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")
        self.git("config", "user.name", "Coordinator")
        self.git("config", "user.email", "coordinator@example.org")
        self.git("config", "commit.gpgsign", "false")

    def git(self, *args, date="2025-01-01T12:00:00+00:00") -> str:
        env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "LC_ALL": "C"}
        done = subprocess.run(["git", *args], cwd=self.root, env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    def write(self, path: str, text: str):
        file = self.path / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text)

    def commit(self, message: str, date: str, **files: str) -> str:
        for path, text in files.items():
            self.write(path, text)
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message, date=date)
        return self.git("rev-parse", "HEAD")


def translation(revision: str | None) -> str:
    field = f"source_revision: {revision}\n" if revision else ""
    return f"---\ntitle: Udhëzuesi\n{field}---\nTeksti.\n"


@pytest.fixture
def repo(tmp_path):
    return Repo(tmp_path / "hub")


def commit_source(repo: Repo, text="# Guide\n\nFirst version.\n", date="2025-01-10T09:00:00+00:00") -> str:
    repo.write(SOURCE, text)
    return repo.commit("Add the guide", date)


def status_of(repo: Repo, recorded, source=SOURCE, runner=history.run_git):
    [status] = history.translation_statuses(repo.path, [(TRANSLATION, source, recorded)], runner=runner)
    return status


def test_a_change_after_the_recorded_revision_makes_the_translation_stale(repo):
    recorded = commit_source(repo)
    assert history.current_revision(repo.path, SOURCE) == recorded
    repo.write(TRANSLATION, translation(recorded))
    repo.commit("Translate the guide into Albanian", "2025-01-11T09:00:00+00:00")
    repo.write(SOURCE, "# Guide\n\nSecond version.\n")
    # 23:30 in New York on 3 February is 4 February in UTC: the date is the committer date in UTC.
    first = repo.commit("Update the guide", "2025-02-03T23:30:00-05:00")
    repo.write(SOURCE, "# Guide\n\nThird version.\n")
    second = repo.commit("Update the guide again", "2025-03-01T08:00:00+00:00")
    repo.commit("Unrelated change", "2025-03-02T08:00:00+00:00", **{"content/news/other.md": "x\n"})

    status = status_of(repo, recorded)
    assert status.state is State.STALE
    assert [c.hash for c in status.changes] == [second, first]
    assert [(c.date, c.subject) for c in status.changes] == [
        ("2025-03-01", "Update the guide again"), ("2025-02-04", "Update the guide")]
    assert status.updated_on == "2025-03-01"
    assert status.revision == recorded and status.recorded == recorded
    assert status.explanation == f"{SOURCE} changed in 2 commits since {recorded[:12]}, last on 2025-03-01."
    assert not status.pending
    assert history.current_revision(repo.path, SOURCE) == second
    assert status_of(repo, recorded[:10]).changes == status.changes  # an abbreviated hash works too


@pytest.mark.parametrize("trailer", ["Translation-Impact: none", "translation-impact: NONE",
                                     "Translation-Impact: minor"])
def test_a_change_marked_with_the_trailer_is_not_a_reason_to_retranslate(repo, trailer):
    recorded = commit_source(repo)
    repo.write(SOURCE, "# Guide\n\nFirst version, without a typo.\n")
    minor = repo.commit(f"Fix a typo\n\n{trailer}\nSigned-off-by: C <c@example.org>", "2025-02-01T10:00:00+00:00")
    status = status_of(repo, recorded)
    assert status.state is State.UP_TO_DATE and status.changes == ()
    assert [c.hash for c in status.minor_changes] == [minor] and status.minor_changes[0].minor

    repo.write(SOURCE, "# Guide\n\nA real change.\n")
    major = repo.commit("Rewrite the guide\n\nTranslation-Impact: some", "2025-02-02T10:00:00+00:00")
    status = status_of(repo, recorded)
    assert status.state is State.STALE
    assert [c.hash for c in status.changes] == [major] and [c.hash for c in status.minor_changes] == [minor]
    assert status.updated_on == "2025-02-02"


def test_the_marker_must_be_a_trailer_not_words_in_the_subject(repo):
    recorded = commit_source(repo)
    repo.write(SOURCE, "# Guide\n\nChanged.\n")
    repo.commit("Translation-Impact: none", "2025-02-01T10:00:00+00:00")
    assert status_of(repo, recorded).state is State.STALE


def test_recorded_at_the_last_change_is_up_to_date_and_a_revert_is_no_change(repo):
    commit_source(repo)
    repo.commit("Other work", "2025-01-12T09:00:00+00:00", **{"content/news/other.md": "x\n"})
    recorded = history.current_revision(repo.path, SOURCE)
    status = status_of(repo, recorded)
    assert (status.state, status.changes, status.explanation) == (State.UP_TO_DATE, (), "")
    assert status_of(repo, repo.git("rev-parse", "HEAD")).state is State.UP_TO_DATE

    repo.write(SOURCE, "# Guide\n\nOops.\n")
    repo.commit("Edit by mistake", "2025-01-13T09:00:00+00:00")
    repo.git("revert", "--no-edit", "HEAD", date="2025-01-14T09:00:00+00:00")
    assert status_of(repo, recorded).state is State.UP_TO_DATE


def test_revisions_that_cannot_be_used_have_their_own_states(repo):
    commit_source(repo)
    missing = status_of(repo, "deadbeefdeadbeefdeadbeefdeadbeefdeadbeef")
    assert missing.state is State.UNKNOWN_REVISION
    assert missing.explanation == ("source_revision deadbeefdeadbeefdeadbeefdeadbeefdeadbeef is not a commit of "
                                   "this repository (a typo, or a commit that was never pushed).")
    typo = status_of(repo, "HEAD~1; rm -rf /")
    assert typo.state is State.UNKNOWN_REVISION and "is not a commit hash" in typo.explanation
    absent = status_of(repo, None)
    assert absent.state is State.NOT_RECORDED and "source_revision" in absent.explanation


def test_a_revision_on_no_branch_of_head_is_unknown_unless_the_text_is_the_same(repo):
    recorded = commit_source(repo)
    repo.git("checkout", "-q", "-b", "abandoned")
    repo.write(SOURCE, "# Guide\n\nAbandoned draft.\n")
    abandoned = repo.commit("Draft", "2025-01-15T09:00:00+00:00")
    repo.git("checkout", "-q", "main")
    repo.write(SOURCE, "# Guide\n\nPublished.\n")
    repo.commit("Publish", "2025-01-16T09:00:00+00:00")
    status = status_of(repo, abandoned)
    assert status.state is State.UNKNOWN_REVISION and "not in the history of the current branch" in status.explanation
    assert status_of(repo, recorded).state is State.STALE


def test_without_git_history_everything_is_unknown_and_nothing_raises(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # even if tmp_path is inside a repository
    folder = tmp_path / "tarball"
    (folder / "content" / "news").mkdir(parents=True)
    (folder / SOURCE).write_text("# Guide\n")
    assert history.current_revision(folder, SOURCE) is None
    assert history.current_revisions(folder, [SOURCE]) == {SOURCE: None}
    found = history.read_history(folder)
    assert not found.available and "not a git repository" in found.reason
    [status] = found.statuses([(TRANSLATION, SOURCE, "0123abcd")])
    assert status.state is State.UNKNOWN and status.explanation == found.reason
    with pytest.raises(HistoryError):
        history.diff_since(folder, SOURCE, "0123abcd")

    assert not history.read_history(tmp_path / "nowhere").available
    empty = Repo(tmp_path / "empty")
    assert "no commits yet" in history.read_history(empty.path).reason

    monkeypatch.setenv("PATH", str(tmp_path / "no-bin"))
    found = history.read_history(folder)
    assert not found.available and "git is not installed" in found.reason
    assert history.current_revision(folder, SOURCE) is None


def test_a_shallow_clone_is_detected_and_named_in_the_explanation(repo, tmp_path):
    recorded = commit_source(repo)
    repo.write(SOURCE, "# Guide\n\nSecond version.\n")
    head = repo.commit("Update the guide", "2025-02-01T10:00:00+00:00")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo.path}", str(clone)], check=True)

    found = history.read_history(clone)
    assert found.available and found.shallow
    assert not history.read_history(repo.path).shallow
    old, current = found.statuses([(TRANSLATION, SOURCE, recorded), (TRANSLATION, SOURCE, head)])
    assert old.state is State.UNKNOWN_REVISION and "shallow clone" in old.explanation
    assert "fetch-depth: 0" in old.explanation
    assert current.state is State.UP_TO_DATE


def test_uncommitted_changes_to_the_original_are_reported_as_pending(repo):
    recorded = commit_source(repo)
    repo.write(SOURCE, "# Guide\n\nEdited, not committed.\n")
    status = status_of(repo, recorded)
    assert status.state is State.UP_TO_DATE and status.pending
    assert "not committed yet" in status.explanation

    repo.write("content/news/new.md", "# New\n")
    found = history.read_history(repo.path)
    assert found.pending("content/news/new.md") and found.current_revision("content/news/new.md") is None
    assert history.current_revision(repo.path, "content/news/new.md") is None
    [status] = found.statuses([("content/sq/news/new.md", "content/news/new.md", recorded)])
    assert status.state is State.UNKNOWN and "not committed yet" in status.explanation


def test_renamed_originals_are_followed(repo):
    old = "content/news/old-name.md"
    repo.write(old, "# Guide\n\nA text long enough to be recognised as the same file.\n" * 3)
    recorded = repo.commit("Add", "2025-01-10T09:00:00+00:00")
    repo.git("mv", old, SOURCE)
    renamed = repo.commit("Rename", "2025-01-11T09:00:00+00:00")
    assert history.current_revision(repo.path, SOURCE) == renamed
    assert history.read_history(repo.path).names(SOURCE) == [SOURCE, old]
    assert status_of(repo, recorded).state is State.UP_TO_DATE  # a pure rename changes no text

    repo.write(SOURCE, (repo.path / SOURCE).read_text() + "One more line.\n")
    edited = repo.commit("Edit", "2025-01-12T09:00:00+00:00")
    status = status_of(repo, recorded)
    assert status.state is State.STALE and [c.hash for c in status.changes] == [edited]


def test_merged_branches_count_what_is_not_in_the_recorded_revision(repo):
    base = commit_source(repo)
    repo.git("checkout", "-q", "-b", "feature")
    repo.write(SOURCE, "# Guide\n\nFirst version.\n\nFrom the feature branch.\n")
    side = repo.commit("Feature edit", "2025-01-12T09:00:00+00:00")
    repo.git("checkout", "-q", "main")
    repo.commit("Other work on main", "2025-01-13T09:00:00+00:00", **{"content/news/other.md": "x\n"})
    repo.git("merge", "-q", "--no-ff", "-m", "Merge feature", "feature", date="2025-01-14T09:00:00+00:00")

    stale = status_of(repo, base)  # recorded on main before the branch was merged
    assert stale.state is State.STALE and [c.hash for c in stale.changes] == [side]
    assert status_of(repo, side).state is State.UP_TO_DATE  # recorded on the merged branch itself

    repo.write(SOURCE, "# Guide\n\nRewritten on main.\n")
    later = repo.commit("Rewrite", "2025-01-15T09:00:00+00:00")
    status = status_of(repo, side)
    assert status.state is State.STALE and [c.hash for c in status.changes] == [later]


def test_a_project_inside_a_larger_repository(tmp_path):
    repo = Repo(tmp_path / "monorepo", project="site")
    recorded = commit_source(repo)
    repo.write(SOURCE, "# Guide\n\nChanged.\n")
    changed = repo.commit("Change", "2025-02-01T10:00:00+00:00")
    repo.write(SOURCE, "# Guide\n\nChanged again, not committed.\n")
    assert history.current_revision(repo.path, SOURCE) == changed
    status = status_of(repo, recorded)
    assert status.state is State.STALE and [c.hash for c in status.changes] == [changed] and status.pending


def test_diff_since_shows_what_changed_in_the_original(repo):
    recorded = commit_source(repo)
    repo.write(SOURCE, "# Guide\n\nFirst version.\n\nA new paragraph.\n")
    repo.commit("Add a paragraph", "2025-02-01T10:00:00+00:00")
    diff = history.diff_since(repo.path, SOURCE, recorded)
    assert f"--- a/{SOURCE}" in diff and "+A new paragraph." in diff
    assert history.diff_since(repo.path, SOURCE, repo.git("rev-parse", "HEAD")) == ""
    with pytest.raises(HistoryError, match="is not a commit hash"):
        history.diff_since(repo.path, SOURCE, "--output=/tmp/x")
    with pytest.raises(HistoryError, match="cannot show what changed"):
        history.diff_since(repo.path, SOURCE, "deadbeefdeadbeef")


def test_the_number_of_git_calls_does_not_grow_with_the_number_of_files(tmp_path):
    def calls_for(files: int) -> list[str]:
        repo = Repo(tmp_path / f"hub-{files}")
        for number in range(files):
            repo.write(f"content/news/item-{number}.md", f"# Item {number}\n")
        recorded = repo.commit("Add items", "2025-01-10T09:00:00+00:00")
        for number in range(0, files, 2):
            repo.write(f"content/news/item-{number}.md", f"# Item {number}, changed\n")
        repo.commit("Change half of them", "2025-01-11T09:00:00+00:00")
        calls = []

        def counting(args, cwd, stdin=None):
            calls.append(next(a for a in args if not a.startswith("-")))
            return history.run_git(args, cwd, stdin)

        pairs = [(f"content/sq/news/item-{n}.md", f"content/news/item-{n}.md", recorded) for n in range(files)]
        pairs.append(("content/sq/news/item-0.md", "content/news/item-0.md", "deadbeef"))  # asks cat-file
        found = history.read_history(repo.path, runner=counting)
        found.current_revisions(pair[1] for pair in pairs)
        statuses = found.statuses(pairs)
        assert [s.state for s in statuses] == [State.STALE if n % 2 == 0 else State.UP_TO_DATE
                                               for n in range(files)] + [State.UNKNOWN_REVISION]
        return calls

    assert calls_for(3) == calls_for(40) == ["rev-parse", "rev-list", "log", "ls-tree", "status", "cat-file"]


def test_log_parsing_takes_header_fields_by_position():
    hash_, old, new = "a" * 40, "1" * 40, "2" * 40
    text = (f"\x1e{hash_}\x001700000000\x00Odd \x1e subject\x1f\x00Translation-Impact: None\n\x00"
            f"\n:100644 100644 {old} {new} M\x00content/news/a.md\x00"
            f":100644 100644 {old} {new} R087\x00content/news/b.md\x00content/news/c.md\x00"
            f"\x1e{'b' * 40}\x001700000000\x00Merge\x00\x00\x00"
            f"::100644 100644 100644 {old} {old} {new} MM\x00content/news/a.md\x00")
    commits, touches, renamed_from = history.parse_log(text)
    assert commits[0] == history.Commit(hash_, 1700000000, "2023-11-14", "Odd \x1e subject\x1f", True)
    assert [c.subject for c in commits] == ["Odd \x1e subject\x1f", "Merge"]
    assert touches == {"content/news/a.md": [(0, "M", new), (1, "MM", new)], "content/news/c.md": [(0, "R087", new)]}
    assert renamed_from == {"content/news/c.md": {"content/news/b.md"}}
    assert history.parse_log("") == ([], {}, {})


def test_ancestry_agrees_with_git_on_a_history_of_branches_and_merges(repo):
    chance = random.Random(7)
    repo.commit("Root", "2025-01-01T00:00:00+00:00")
    branches = ["main"]
    for step in range(40):
        branch = chance.choice(branches)
        repo.git("checkout", "-q", branch)
        roll = chance.random()
        if roll < 0.15:
            branches.append(f"b{step}")
            repo.git("checkout", "-q", "-b", branches[-1])
        elif roll < 0.4 and len(branches) > 1:
            other = chance.choice([b for b in branches if b != branch])
            repo.git("merge", "-q", "--no-ff", "-m", f"merge {other}", other)
        else:
            repo.git("commit", "-q", "--allow-empty", "-m", f"c{step}")
    repo.git("checkout", "-q", "main")
    for branch in branches[1:]:
        repo.git("merge", "-q", "--no-ff", "-m", f"merge {branch}", branch)
    ancestry = Ancestry(repo.git("rev-list", "--parents", "HEAD"))
    assert len(ancestry.mainline) < len(ancestry.parents)  # there are side branches
    for commit in ancestry.parents:
        is_ancestor = ancestry.of(commit)
        assert {c for c in ancestry.parents if is_ancestor(c)} == set(repo.git("rev-list", commit).split())


def test_ancestry_through_merges():
    # HEAD=m2 -> m1 -> m0 on the mainline; f1 (parent m0) merged by m1; g1 (parent m0) merged by m2.
    rev_list = "m2 m1 g1\ng1 m0\nm1 m0 f1\nf1 m0\nm0\n"
    ancestry = Ancestry(rev_list)
    assert (ancestry.resolve("zz"), ancestry.resolve("f"), ancestry.resolve("m"), ancestry.resolve("m1")) == (
        None, "f1", None, "m1")  # unknown, a unique prefix, an ambiguous one, a full name
    on_f1 = ancestry.of("f1")
    assert [c for c in ("m0", "f1", "m1", "g1", "m2") if on_f1(c)] == ["m0", "f1"]
    on_m1 = ancestry.of("m1")
    assert [c for c in ("m0", "f1", "m1", "g1", "m2") if on_m1(c)] == ["m0", "f1", "m1"]
    on_g1 = ancestry.of("g1")
    assert [c for c in ("m0", "f1", "m1", "g1", "m2") if on_g1(c)] == ["m0", "g1"]
