"""Translation history from git: is a translation older than its original?

A translation records ``source_revision: <commit>``, the revision of the original it was made from
(``invoke translate`` writes the commit that last touched the original: `current_revision`). This
module answers for the whole content tree at once, with the same few ``git`` calls however many
files there are (`read_history`: rev-parse, rev-list, log, ls-tree, status; `History.statuses` adds
one cat-file when a recorded revision is not in the history of HEAD). The states:

- **up to date**: the original's text at the recorded revision R is its text at HEAD (a change that
  was reverted is no change), or every commit that changed it since R is marked minor (below);
- **stale**: a commit after R (in ``R..HEAD``: not R and not an ancestor of R) changed the original
  and is not marked minor. The status lists those commits (hash, committer date in UTC, subject) and
  the date of the latest, for the reader notice "The original was updated on DATE";
- **unknown revision**: R is not a commit hash, not in the repository (a typo, a commit never
  pushed, or a shallow clone that does not reach back to it: the explanation says which), ambiguous,
  or not in the history of the current branch while the text differs;
- **possibly stale**: the translation has no ``source_revision``, so it is taken to follow the original
  as it was at the translation's own last commit, and a commit after that (not marked minor) changed
  the original; listed with its ``changes`` like a stale one;
- **not recorded**: the translation has no ``source_revision`` and nothing says its original changed
  since (or it is not committed yet);
- **unknown**: there is no history to ask: no git, not a repository (a tarball), no commits, or the
  original not committed yet. Nothing here raises for these; the hub still builds.

Independently of the state, ``pending`` says that the original has changes in the working tree that
are not committed yet: once committed, they will make the translation stale (unless marked minor).

The minor-change marker
-----------------------
A commit that changes an original without changing what its translations must say (a typo, a
broken link, an image) ends its message with the trailer::

    Translation-Impact: none

in the last paragraph, alone or with other trailers (``git commit --trailer "Translation-Impact:
none"`` writes it so; in a squash merge on GitHub, put it at the end of the description). Key and
value are case-insensitive; ``minor`` is accepted for ``none``. Such commits never make a
translation stale; they are listed apart as ``minor_changes``.

Renames of an original are followed (the log is read with rename detection); a pure rename is not a
change. A name reused by another file after a rename may add that file's commits: the state errs on
the side of "stale". Dates are committer dates in UTC, ISO (``2025-03-14``): the same history gives
the same output on every machine.
"""

from __future__ import annotations

import bisect
import datetime as dt
import os
import re
import subprocess
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from . import worddiff

MINOR_TRAILER = "translation-impact"
MINOR_VALUES = frozenset({"none", "minor"})
REVISION = re.compile(r"[0-9a-f]{4,64}")
NO_BLOB = "0" * 40
SHALLOW_HINT = ("this is a shallow clone, which holds only the latest commits: fetch the whole history, "
                "with fetch-depth: 0 in actions/checkout or git fetch --unshallow")
PENDING = ("The original also has changes that are not committed yet: once committed, they will make "
           "this translation out of date unless the commit says Translation-Impact: none.")

# Settings a person may have in their git config that would change the output parsed here.
GIT_CONFIG = ("-c", "color.ui=false", "-c", "log.showSignature=false", "-c", "log.follow=false",
              "-c", "core.quotePath=false", "-c", "diff.noprefix=false", "-c", "diff.mnemonicPrefix=false")
RECORD = "\x1e"
# --full-history: every commit that changed a file, on every merged branch; --cc: a merge lists the
# files its conflict resolution changed; --topo-order: children before parents; -M: renames;
# --raw: each change with the blob it produced; --relative: names relative to the `repo` folder.
LOG_ARGS = ("log", "--full-history", "--topo-order", "--cc", "-M", "-z", "--relative", "--raw", "--no-abbrev",
            "--no-ext-diff", "--format=%x1e%H%x00%ct%x00%s%x00%(trailers:only,unfold)")


class GitResult(NamedTuple):
    returncode: int
    stdout: str
    stderr: str


Runner = Callable[[Sequence[str], Path, "str | None"], GitResult]


def run_git(args: Sequence[str], cwd: Path, stdin: str | None = None) -> GitResult:
    """Run one git command in `cwd`; a missing git is an answer (127), not an exception."""
    env = {**os.environ, "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"}
    try:
        done = subprocess.run(["git", *GIT_CONFIG, *args], cwd=cwd, input=stdin, capture_output=True,
                              text=True, encoding="utf-8", errors="surrogateescape", env=env, check=False)
    except FileNotFoundError as error:
        if error.filename == "git":
            return GitResult(127, "", "git is not installed")
        return GitResult(126, "", f"cannot run git: {error}")
    except OSError as error:
        return GitResult(126, "", f"cannot run git: {error}")
    return GitResult(done.returncode, done.stdout, done.stderr)


class State(StrEnum):
    UP_TO_DATE = "up-to-date"
    STALE = "stale"
    POSSIBLY_STALE = "possibly-stale"
    UNKNOWN_REVISION = "unknown-revision"
    NOT_RECORDED = "not-recorded"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Commit:
    hash: str
    timestamp: int          # committer time, seconds since the epoch
    date: str               # the committer date in UTC, ISO: "2025-03-14"
    subject: str
    minor: bool             # carries "Translation-Impact: none" (or "minor")


class Touch(NamedTuple):
    commit: int             # index in History.commits
    status: str             # M, A, D, R100, C75, MM (a merge)...
    blob: str               # the file's text after the commit (NO_BLOB when deleted)


@dataclass(frozen=True)
class TranslationStatus:
    translation: str                 # path of the translation, relative to the repository folder
    source: str                      # path of its original
    recorded: str | None             # source_revision as written in the translation
    state: State
    explanation: str                 # plain sentences for translators ("" when simply up to date)
    revision: str | None = None      # the full hash `recorded` stands for, when known
    changes: tuple[Commit, ...] = ()         # stale: the non-minor commits since, newest first
    minor_changes: tuple[Commit, ...] = ()   # the commits since marked minor, newest first
    updated_on: str | None = None    # the date of the latest of `changes`
    pending: bool = False            # the original has uncommitted changes (stale once committed)
    diffs: tuple = ()                # (Commit, changed paragraphs) per commit of `changes`: `with_diffs`


class HistoryError(Exception):
    """A question that cannot be answered (for commands such as `invoke status --diff`)."""


def current_revision(repo: Path | str, path: str, runner: Runner = run_git) -> str | None:
    """The last commit that touched `path` (relative to `repo`), or None: never committed, no git.

    One git call; the same answer as `History.current_revision`.
    """
    result = runner([*LOG_ARGS, "--", path], Path(repo), None)
    if result.returncode != 0:
        return None
    commits, touches, _ = parse_log(result.stdout)
    return _last_touch(commits, touches, path)


def current_revisions(repo: Path | str, paths: Iterable[str], under: str = "content",
                      runner: Runner = run_git) -> dict[str, str | None]:
    """`current_revision` of every path (all under `under`), with a constant number of git calls."""
    return read_history(repo, under, runner).current_revisions(paths)


def translation_statuses(repo: Path | str, translations: Iterable[tuple[str, str, str | None]],
                         under: str = "content", runner: Runner = run_git) -> list[TranslationStatus]:
    """Statuses of (translation path, original path, recorded revision) triples, in their order."""
    return read_history(repo, under, runner).statuses(translations)


def diff_since(repo: Path | str, path: str, revision: str, runner: Runner = run_git) -> str:
    """The text of ``git diff REVISION HEAD -- path``; HistoryError with a plain message if impossible."""
    rev = _revision(revision)
    if not rev:
        raise HistoryError(_not_a_hash(revision))
    result = runner(["diff", "--no-ext-diff", "--no-color", "-M", rev, "HEAD", "--", path], Path(repo), None)
    if result.returncode != 0:
        raise HistoryError(f"cannot show what changed in {path} since {revision}: "
                           f"{_first_line(result.stderr)}")
    return result.stdout


def read_history(repo: Path | str, under: str = "content", runner: Runner = run_git) -> History:
    """Read the history of every file under `under` (relative to `repo`) in five git calls."""
    repo = Path(repo)
    if not repo.is_dir():
        return History.unavailable(repo, runner, f"{repo} is not a folder: translation history is unknown")
    probe = runner(["rev-parse", "--show-prefix", "--is-shallow-repository", "HEAD"], repo, None)
    if probe.returncode != 0:
        return History.unavailable(repo, runner, _why_no_history(probe))
    prefix, shallow, head = (probe.stdout.splitlines() + ["", "", ""])[:3]
    graph = runner(["rev-list", "--parents", head], repo, None)
    log = runner([*LOG_ARGS, head, "--", under], repo, None)
    tree = runner(["ls-tree", "-r", "-z", head, "--", under], repo, None)
    status = runner(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--", under],
                    repo, None)
    failed = next((r for r in (graph, log, tree) if r.returncode != 0), None)
    if failed:
        return History.unavailable(repo, runner, f"git cannot read the history ({_first_line(failed.stderr)}): "
                                                 "translation history is unknown")
    commits, touches, renamed_from = parse_log(log.stdout)
    return History(repo, runner, True, "", shallow == "true", head, commits, touches, renamed_from,
                   Ancestry(graph.stdout), _tree(tree.stdout),
                   _pending(status.stdout, prefix) if status.returncode == 0 else {})


@dataclass
class History:
    """The content tree's history, read once; questions after that are answered in memory."""

    repo: Path
    runner: Runner
    available: bool
    reason: str                      # why not available, in plain words
    shallow: bool = False
    head: str | None = None
    commits: list[Commit] = field(default_factory=list)                # children before parents
    touches: dict[str, list[Touch]] = field(default_factory=dict)      # path -> its changes, same order
    renamed_from: dict[str, set[str]] = field(default_factory=dict)    # new name -> former names
    ancestry: Ancestry | None = None
    tree: dict[str, str] = field(default_factory=dict)                 # path -> blob at HEAD
    pending_changes: dict[str, str] = field(default_factory=dict)      # path -> porcelain status "XY"

    @classmethod
    def unavailable(cls, repo: Path, runner: Runner, reason: str) -> History:
        return cls(repo, runner, False, reason)

    def current_revision(self, path: str) -> str | None:
        return _last_touch(self.commits, self.touches, path)

    def current_revisions(self, paths: Iterable[str]) -> dict[str, str | None]:
        return {path: self.current_revision(path) for path in paths}

    def pending(self, path: str) -> bool:
        """True when `path` has changes (or is new) in the working tree, not yet committed."""
        return path in self.pending_changes

    def names(self, path: str) -> list[str]:
        """`path` and every name it had before, following renames back."""
        names, queue = [path], [path]
        while queue:
            for former in sorted(self.renamed_from.get(queue.pop(), ())):
                if former not in names:
                    names.append(former)
                    queue.append(former)
        return names

    def _touches(self, path: str) -> list[Touch]:
        """The changes of `path` under all its names, children before parents."""
        return sorted((t for name in self.names(path) for t in self.touches.get(name, ())),
                      key=lambda t: t.commit)

    def statuses(self, translations: Iterable[tuple[str, str, str | None]]) -> list[TranslationStatus]:
        wanted = [tuple(t) for t in translations]
        if not self.available:
            return [TranslationStatus(t, s, r, State.UNKNOWN, self.reason) for t, s, r in wanted]
        outside = self._outside_history(wanted)
        return [self._status(t, s, r, outside) for t, s, r in wanted]

    def with_diffs(self, statuses: list[TranslationStatus]) -> list[TranslationStatus]:
        """`statuses`, the out-of-date ones with what each of their commits changed in the original,
        word by word (`worddiff`); commits marked Translation-Impact: none are not among them. All
        texts are read in one git call."""
        wanted = {id(status): self._commit_blobs(status) for status in statuses if status.changes}
        blobs = self.blobs({blob for pairs in wanted.values() for _, before, after in pairs for blob in (before, after)})
        if blobs is None:
            return statuses
        found = []
        for status in statuses:
            pairs = wanted.get(id(status), ())
            diffs = tuple((commit, tuple(worddiff.changes(blobs.get(before, ""), blobs.get(after, ""))))
                          for commit, before, after in pairs)
            found.append(replace(status, diffs=diffs) if diffs else status)
        return found

    def _commit_blobs(self, status: TranslationStatus) -> list[tuple[Commit, str, str]]:
        """(commit, the original's blob before it, after it) for each change of `status`."""
        touches = self._touches(status.source)
        wanted = {commit.hash for commit in status.changes}
        pairs = []
        for position, touch in enumerate(touches):
            commit = self.commits[touch.commit]
            if commit.hash in wanted:
                before = touches[position + 1].blob if position + 1 < len(touches) else NO_BLOB
                pairs.append((commit, before, touch.blob))
        return pairs

    def blobs(self, ids) -> dict[str, str] | None:
        """{blob id: its text} in one ``git cat-file --batch`` call; None when git cannot answer."""
        wanted = sorted(i for i in ids if i and i != NO_BLOB)
        if not wanted:
            return {}
        result = self.runner(["cat-file", "--batch"], self.repo, "".join(i + "\n" for i in wanted))
        if result.returncode != 0:
            return None
        data, found, at = result.stdout.encode("utf-8", "surrogateescape"), {}, 0
        for blob in wanted:
            header_end = data.find(b"\n", at)
            header = data[at:header_end].decode("ascii", "replace").split()
            if header_end == -1 or len(header) != 3 or header[1] != "blob":
                at = header_end + 1
                continue
            size = int(header[2])
            found[blob] = data[header_end + 1:header_end + 1 + size].decode("utf-8", "replace")
            at = header_end + 1 + size + 1
        return found

    def _outside_history(self, wanted) -> dict[str, str] | None:
        """For revisions that are not commits of HEAD's history, ask git (once) what they are and
        what the originals were at them: {query: object id | "missing" | "ambiguous"}."""
        queries: dict[str, None] = {}
        for _, source, recorded in wanted:
            rev = _revision(recorded)
            if rev and not self.ancestry.resolve(rev):
                queries[f"{rev}^{{commit}}"] = None
                queries.update((f"{rev}:./{name}", None) for name in self.names(source) if "\n" not in name)
        if not queries:
            return {}
        result = self.runner(["cat-file", "--batch-check"], self.repo, "".join(q + "\n" for q in queries))
        lines = result.stdout.splitlines()
        if result.returncode != 0 or len(lines) != len(queries):
            return None
        return {query: _object(query, line) for query, line in zip(queries, lines)}

    def _status(self, translation, source, recorded, outside) -> TranslationStatus:
        pending = self.pending(source)

        def status(state, explanation="", **more):
            explanation = " ".join(filter(None, [explanation, PENDING if pending else ""]))
            return TranslationStatus(translation, source, recorded, state, explanation, pending=pending, **more)

        if not str(recorded or "").strip():
            return self._judged_by_commits(status, translation, source)
        rev = _revision(recorded)
        if not rev:
            return status(State.UNKNOWN_REVISION, _not_a_hash(recorded))
        now = self.tree.get(source)
        commit = self.ancestry.resolve(rev)
        if commit:
            if now is None:
                return status(State.UNKNOWN, f"{source} is not committed yet, so there is no history to "
                              "compare with.", revision=commit)
            return self._compare(status, source, rev, commit, now)
        if outside is None:
            return status(State.UNKNOWN, "git could not read the recorded revision.")
        commit = outside.get(f"{rev}^{{commit}}", "missing")
        if commit == "ambiguous":
            return status(State.UNKNOWN_REVISION, f"source_revision {recorded} is too short: several commits "
                          "start with it; write the full hash.")
        if commit == "missing":
            where = SHALLOW_HINT if self.shallow else "a typo, or a commit that was never pushed"
            return status(State.UNKNOWN_REVISION, f"source_revision {recorded} is not a commit of this "
                          f"repository ({where}).")
        then = next((outside[q] for q in (f"{rev}:./{n}" for n in self.names(source))
                     if outside.get(q, "missing") != "missing"), None)
        if now is not None and then == now:  # e.g. a rebased branch: same text, other commit
            return status(State.UP_TO_DATE, revision=commit)
        hint = f"; {SHALLOW_HINT}" if self.shallow else " (was it rebased, or left on another branch?)"
        return status(State.UNKNOWN_REVISION, f"source_revision {recorded} is not in the history of the "
                      f"current branch{hint}.", revision=commit)

    def _judged_by_commits(self, status, translation, source) -> TranslationStatus:
        """No source_revision: the translation is taken to be of the original as it was at the
        translation's own last commit. Content commits of the original after that make it "possibly
        out of date" (possibly: the translator may have followed them without recording it)."""
        unrecorded = (f"{translation} does not say which revision of {source} it was translated from "
                      "(source_revision); `invoke translate --done` records it.")
        last = self.current_revision(translation)
        now = self.tree.get(source)
        if last is None or now is None:
            return status(State.NOT_RECORDED, unrecorded)
        judged = self._compare(status, source, last, last, now)
        if judged.state != State.STALE:
            return replace(judged, state=State.NOT_RECORDED, revision=None,
                           explanation=" ".join(filter(None, [unrecorded, judged.explanation])))
        return replace(judged, state=State.POSSIBLY_STALE, revision=last,
                       explanation=f"{source} changed in {len(judged.changes)} commit(s) after {translation} was "
                       f"last committed ({last[:12]}), last on {judged.updated_on}. {unrecorded}")

    def _compare(self, status, source, rev, commit, now) -> TranslationStatus:
        is_ancestor = self.ancestry.of(commit)
        touches = self._touches(source)
        then = next((t.blob for t in touches if is_ancestor(self.commits[t.commit].hash)), None)
        if then == now:
            return status(State.UP_TO_DATE, revision=commit)
        since = [self.commits[t.commit] for t in touches
                 if t.status != "R100" and not is_ancestor(self.commits[t.commit].hash)]
        major = tuple(c for c in since if not c.minor)
        minor = tuple(c for c in since if c.minor)
        if minor and not major:
            return status(State.UP_TO_DATE, revision=commit, minor_changes=minor)
        if not major:  # the text differs, but no listed commit explains it (an unusual merge)
            return status(State.STALE, f"{source} is no longer the text it was at {rev[:12]}.", revision=commit)
        latest = max(major, key=lambda c: c.timestamp)
        plural = "s" if len(major) > 1 else ""
        return status(State.STALE, f"{source} changed in {len(major)} commit{plural} since {rev[:12]}, "
                      f"last on {latest.date}.", revision=commit, changes=major, minor_changes=minor,
                      updated_on=latest.date)


class Ancestry:
    """Which commits are ancestors of a commit, from ``git rev-list --parents HEAD``.

    Every commit "lands" on the first-parent chain of HEAD (the mainline) at the oldest mainline
    commit that contains it; computed once, in one pass. A commit C is then an ancestor of (or is) a
    mainline commit R exactly when C landed at or before R. For a commit R off the mainline, R's own
    branch is walked back to the mainline, and the newest mainline commit reached plays that part.
    """

    def __init__(self, rev_list: str):
        self.parents: dict[str, list[str]] = {}
        for line in rev_list.splitlines():
            hashes = line.split()
            if hashes:
                self.parents[hashes[0]] = hashes[1:]
        self.mainline: dict[str, int] = {}   # commit -> distance from HEAD along first parents
        commit = next(iter(self.parents), None)
        while commit is not None and commit not in self.mainline:
            self.mainline[commit] = len(self.mainline)
            first = self.parents.get(commit, [])
            commit = first[0] if first else None
        self.land: dict[str, int] = {}
        for commit, position in sorted(self.mainline.items(), key=lambda item: -item[1]):
            self.land[commit] = position
            stack = list(self.parents.get(commit, [])[1:])
            while stack:
                side = stack.pop()
                if side not in self.land and side in self.parents:
                    self.land[side] = position
                    stack.extend(self.parents[side])
        self._sorted = sorted(self.parents)
        self._memo: dict[str, Callable[[str], bool]] = {}

    def resolve(self, revision: str) -> str | None:
        """The commit of HEAD's history that a full or abbreviated hash names, if exactly one."""
        if revision in self.parents:
            return revision
        at = bisect.bisect_left(self._sorted, revision)
        found = self._sorted[at:at + 2]
        if found and found[0].startswith(revision) and not (len(found) > 1 and found[1].startswith(revision)):
            return found[0]
        return None

    def of(self, revision: str) -> Callable[[str], bool]:
        """A test "is this commit an ancestor of `revision`, or `revision` itself?" (`revision`
        must be in HEAD's history: see `resolve`)."""
        if revision not in self._memo:
            self._memo[revision] = self._ancestor_test(revision)
        return self._memo[revision]

    def _ancestor_test(self, revision):
        if revision in self.mainline:
            limit, branch = self.mainline[revision], frozenset()
        else:
            branch, reached, stack = set(), [], [revision]
            while stack:
                commit = stack.pop()
                if commit in self.mainline:
                    reached.append(self.mainline[commit])
                elif commit not in branch and commit in self.parents:
                    branch.add(commit)
                    stack.extend(self.parents[commit])
            limit = min(reached, default=len(self.mainline))
        land = self.land
        return lambda commit: commit in branch or land.get(commit, -1) >= limit


def parse_log(text: str) -> tuple[list[Commit], dict[str, list[Touch]], dict[str, set[str]]]:
    """Parse the output of LOG_ARGS: commits (children first), {path: [Touch]} and {new name:
    {former names}}. Header fields are taken by position, so a subject may hold any character."""
    commits: list[Commit] = []
    touches: dict[str, list[Touch]] = {}
    renamed_from: dict[str, set[str]] = {}
    tokens = text.split("\0")
    i = 0
    while i < len(tokens):
        token = tokens[i].lstrip("\n")
        i += 1
        if token.startswith(RECORD):
            if i + 3 > len(tokens):
                break
            commit_hash, timestamp, subject, trailers = token[1:], tokens[i], tokens[i + 1], tokens[i + 2]
            i += 3
            seconds = int(timestamp) if timestamp.isdigit() else 0
            commits.append(Commit(commit_hash, seconds, utc_date(seconds), subject, is_minor(trailers)))
        elif token.startswith(":") and commits:
            # ":100644 100644 <old blob> <new blob> M" (a merge: "::" and one old blob per parent)
            fields = token.split()
            status, blob = fields[-1], fields[-2] if len(fields) > 1 else NO_BLOB
            paired = status[0] in "RC" and status[1:].isdigit()   # R100 old new, C75 old new
            names = tokens[i:i + (2 if paired else 1)]
            i += len(names)
            if names:
                touches.setdefault(names[-1], []).append(Touch(len(commits) - 1, status, blob))
            if paired and status[0] == "R" and len(names) == 2:
                renamed_from.setdefault(names[1], set()).add(names[0])
    return commits, touches, renamed_from


def is_minor(trailers: str) -> bool:
    """True when the commit's trailers say "Translation-Impact: none" (or "minor"), in any case."""
    for line in trailers.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() == MINOR_TRAILER and value.strip().lower() in MINOR_VALUES:
            return True
    return False


def utc_date(timestamp: int) -> str:
    return dt.datetime.fromtimestamp(timestamp, dt.timezone.utc).date().isoformat()


def _last_touch(commits, touches, path) -> str | None:
    entries = touches.get(path)
    if not entries or entries[0].status.startswith("D"):
        return None
    return commits[entries[0].commit].hash


def _revision(recorded) -> str | None:
    rev = str(recorded or "").strip().lower()
    return rev if REVISION.fullmatch(rev) else None


def _not_a_hash(recorded) -> str:
    return (f"source_revision {recorded!r} is not a commit hash (expected the 40 hexadecimal characters "
            "that `invoke translate` writes).")


def _object(query: str, line: str) -> str:
    """One answer of `git cat-file --batch-check`: the object id, or "missing"/"ambiguous"."""
    if line.startswith(query + " "):
        return line[len(query) + 1:].strip()
    return line.split(" ", 1)[0]


def _tree(ls_tree: str) -> dict[str, str]:
    """{path: blob} from `git ls-tree -r -z` ("<mode> blob <oid>\\t<path>")."""
    tree = {}
    for entry in ls_tree.split("\0"):
        info, tab, path = entry.partition("\t")
        fields = info.split()
        if tab and len(fields) == 3 and fields[1] == "blob":
            tree[path] = fields[2]
    return tree


def _pending(porcelain: str, prefix: str) -> dict[str, str]:
    """{path relative to the repo folder: "XY"} from `git status --porcelain=v1 -z` (root-relative)."""
    changes = {}
    for entry in porcelain.split("\0"):
        if len(entry) > 3 and entry[3:].startswith(prefix):
            changes[entry[3:][len(prefix):]] = entry[:2]
    return changes


def _why_no_history(result: GitResult) -> str:
    message = result.stderr.strip()
    if result.returncode in (126, 127):
        return f"{message}: translation history is unknown"
    if "not a git repository" in message:
        return "this folder is not a git repository (a copy?): translation history is unknown"
    if "unknown revision" in message or "ambiguous argument 'HEAD'" in message:
        return "the repository has no commits yet: translation history is unknown"
    return f"git cannot read the history ({_first_line(message)}): translation history is unknown"


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[0].removeprefix("fatal: ") if lines else "no message"
