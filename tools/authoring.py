"""What `invoke check`, `status`, `new` and `translate` do, for coordinators and
translators. Paths on the command line may be given from the repository root
(content/news/x.md) or from the content folder (news/x.md)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(HERE / "plugins"))


from hub_content import check as content_check  # noqa: E402
from hub_content import scaffold  # noqa: E402
from hub_content import types as content_types  # noqa: E402
from hub_content.hub import build_time, load_hub  # noqa: E402
from hub_content.scan import classify  # noqa: E402
from hub_content.vocabulary import load as load_vocabulary  # noqa: E402
from hub_languages.model import LanguageTable  # noqa: E402


def settings_of(settings_file: str) -> dict:
    from hub_build.settings import read_file

    return read_file(str(HERE / settings_file))


def content_relative(path: str, content: Path) -> str:
    absolute = (Path.cwd() / path).resolve()
    try:
        return absolute.relative_to(content.resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def shown(root: Path, rel: str) -> str:
    """A content file as the person typing commands sees it: from the current folder."""
    return os.path.relpath(root / rel)


def plain(problem, root: Path) -> str:
    where = f"{shown(root, problem.path)}:{problem.line}" if problem.line else shown(root, problem.path)
    field = f" {problem.field}:" if problem.field else ""
    return f"{where}:{field} {problem.message}; {problem.fix}"


def annotation(problem, root: Path, level: str = "error") -> str:
    """A GitHub workflow command that shows the problem on its line of the pull request's diff."""
    properties = {"file": shown(root, problem.path), "line": str(problem.line) if problem.line else None,
                  "title": f"{problem.field}" if problem.field else None}
    given = ",".join(f"{key}={_escaped(value, True)}" for key, value in properties.items() if value)
    message = f"{problem.message}; {problem.fix}" if problem.fix else problem.message
    return f"::{level} {given}::{_escaped(message)}"


def _escaped(text: str, property: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property else text


def changed_files(content: Path, base: str) -> list[str]:
    """Content files that differ from `base` (committed on this branch, staged, or not yet committed)."""
    def git(*args):
        result = subprocess.run(["git", *args], cwd=content, capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(f"git: {result.stderr.strip()} (is {base} fetched? try: git fetch origin {base})")
        return result.stdout

    top = Path(git("rev-parse", "--show-toplevel").strip())
    merge_base = git("merge-base", base, "HEAD").strip()
    names = git("diff", "--name-only", "--no-renames", "--diff-filter=ACMRT", merge_base, "--", ".").splitlines()
    names += git("ls-files", "--others", "--exclude-standard", "--", ".").splitlines()
    # diff names are relative to the top; ls-files names to the content folder
    found = set()
    for name in names:
        path = (top / name) if (top / name).exists() else (content / name)
        if path.is_file():
            found.add(path.resolve().relative_to(content.resolve()).as_posix())
    return sorted(found)


def run_check(paths, changed: bool, base: str, content: str, settings_file: str, fmt: str = "text") -> int:
    started = time.monotonic()
    settings = settings_of(settings_file)
    root = HERE / content if not Path(content).is_absolute() else Path(content)
    wanted = None
    if changed:
        wanted = changed_files(root, base)
        if not wanted:
            print(f"No content file differs from {base}: nothing to check.")
            return 0
    elif paths:
        wanted = [content_relative(p, root) for p in paths]
    cache = settings.get("HUB_CACHE_PATH")
    report = content_check.check(root, settings, wanted, Path(cache) if cache else None)
    for problem in report.problems:
        print(annotation(problem, root) if fmt == "github" else plain(problem, root))
    for warning in report.warnings:
        print(annotation(warning, root, "warning") if fmt == "github" else "warning: " + plain(warning, root))
    files = len({p.path for p in report.problems})
    seconds = time.monotonic() - started
    if report.problems:
        print(f"{len(report.problems)} problem(s) in {files} file(s); {report.checked} files checked in "
              f"{seconds:.1f} s. Fix each line above, then run invoke check again.")
        return 1
    print(f"No problems: {report.checked} files checked in {seconds:.1f} s"
          + (f", {len(report.warnings)} warning(s)." if report.warnings else "."))
    return 0


def run_status(lang: str, fmt: str, diff: bool, content: str, settings_file: str, everything: bool = False) -> int:
    from hub_status import report
    from hub_status.history import read_history

    settings = settings_of(settings_file)
    root = HERE / content if not Path(content).is_absolute() else Path(content)
    cache = settings.get("HUB_CACHE_PATH")
    hub = load_hub(root, settings, Path(cache) if cache else None)
    history = read_history(root.resolve().parent, root.resolve().name)
    status = report.build(hub.translations, hub.languages, history, f"{root.resolve().name}/",
                          hub.build_time, everything, types=hub.types)
    status = {code: found for code, found in status.items() if not hub.languages[code].derived}
    if lang:
        if lang not in status:
            raise SystemExit(f"{lang!r} is not a translated language here; use one of {', '.join(status)}")
        status = {lang: status[lang]}
    if fmt == "json":
        print(json.dumps(report.to_json(status, history), ensure_ascii=False, indent=2, sort_keys=True))
        return 0
    if not history.available:
        print(f"Note: {history.reason}")
    for code, language in status.items():
        print(f"{code}: {language.coverage:.0%} up to date: {len(language.translated)} translated, "
              f"{len(language.stale)} out of date, {len(language.possibly_stale)} possibly out of date, "
              f"{len(language.missing)} missing")
        for original, item, state in language.stale:
            print(f"  out of date: {shown(root, item.source)} (original {shown(root, original.source)} changed on "
                  f"{state.updated_on}: {len(state.changes)} change(s) since {(state.recorded or '')[:10]})")
            if diff:
                print(_indent(report.diff_text(state)))
        for original, item, state in language.possibly_stale:
            print(f"  possibly out of date: {shown(root, item.source)} (original {shown(root, original.source)} "
                  f"changed on {state.updated_on}, after the translation's last commit; no source_revision)")
            if diff:
                print(_indent(report.diff_text(state)))
        for original, item, state in language.translated:
            if state.state == "unknown-revision":
                print(f"  check:       {shown(root, item.source)}: {state.explanation}")
        for original in language.missing:
            print(f"  missing:     {shown(root, original.source)}")
        if language.left_out:
            print(f"  ({language.left_out} past events and closed opportunities not listed: --all lists them)")
    return 0


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.splitlines())


def run_new(type_name: str, lang: str, title: str, content: str, settings_file: str) -> int:
    settings = settings_of(settings_file)
    languages = LanguageTable.from_settings(settings)
    known = content_types.of(settings)
    content_type = known.by_folder.get(type_name) or known.by_name.get(type_name)
    if content_type is None:
        raise SystemExit(f"{type_name!r} is not a content type; use one of {', '.join(sorted(known.by_name))}")
    lang = lang or languages.default
    if lang not in languages or languages[lang].derived:
        raise SystemExit(f"{lang!r} is not a language written in its own folder; use one of "
                         f"{', '.join(languages.written)}")
    root = HERE / content
    rel, text = scaffold.new_item(content_type, lang, title, build_time().date(), _vocabularies(root, languages),
                                  languages.default)
    return _create(root, rel, text, "Replace the placeholders (REPLACE ME, example.org, the text) and run: invoke check "
                   f"{shown(root, rel)}")


def run_translate(path: str, to: str, content: str, settings_file: str, done: bool = False) -> int:
    from hub_status.history import current_revision

    settings = settings_of(settings_file)
    languages = LanguageTable.from_settings(settings)
    root = HERE / content if not Path(content).is_absolute() else Path(content)
    rel = content_relative(path, root)
    source = classify(rel, languages, content_types.of(settings))
    if not hasattr(source, "content_type") or source.content_type is None or not (root / rel).is_file():
        raise SystemExit(f"{shown(root, rel)} is not a content item to translate")
    if done:
        return _record_done(root, rel, source, languages, settings)
    if to not in languages or to == source.lang or languages[to].derived:
        raise SystemExit(f"{to!r} is not another configured language; use one of "
                         f"{', '.join(c for c in languages.written if c != source.lang)}")
    tail = rel if source.lang == languages.default else rel.split("/", 1)[1]
    target = tail if to == languages.default else f"{to}/{tail}"
    revision = current_revision(root.parent, f"{root.name}/{rel}")
    text = scaffold.translation_stub((root / rel).read_text("utf-8"), source.content_type, revision)
    note = "" if revision else (" (no source_revision recorded: the original is not committed yet; "
                                f"commit it, then run: invoke translate {shown(root, target)} --done)")
    return _create(root, target, text, f"Translate it, then run: invoke check {shown(root, target)}{note}")


def _record_done(root: Path, rel: str, source, languages, settings: dict) -> int:
    """`invoke translate PATH --done`: the translation at PATH follows its original as it is now;
    its source_revision becomes the original's current revision."""
    if source.lang == languages.default:
        raise SystemExit(f"{shown(root, rel)} is an original; give the path of its translation, e.g. "
                         f"content/{next(c for c in languages.written if c != languages.default)}/{rel}")
    from hub_status.history import current_revision
    from hub_status.record import with_source_revision

    hub = load_hub(root, settings)
    item = next((i for i in hub.translations.items() if i.source == rel), None)
    if item is None:
        raise SystemExit(f"{shown(root, rel)} is not published (a draft?): nothing to record")
    original = hub.translations.original(item.key)
    if original.source == rel:
        raise SystemExit(f"{shown(root, rel)} is the original of its item: it has no original to follow")
    revision = current_revision(root.resolve().parent, f"{root.resolve().name}/{original.source}")
    if revision is None:
        raise SystemExit(f"{shown(root, original.source)} is not committed yet: commit it, then run this again")
    with open(root / rel, encoding="utf-8", newline="") as handle:
        text = handle.read()
    try:
        updated = with_source_revision(text, revision)
    except ValueError as error:
        raise SystemExit(f"{shown(root, rel)}: {error}") from None
    with open(root / rel, "w", encoding="utf-8", newline="") as handle:
        handle.write(updated)
    print(f"Recorded in {shown(root, rel)}: source_revision {revision} (the last commit of "
          f"{shown(root, original.source)}). Commit it with your translation.")
    return 0


def _vocabularies(root: Path, languages) -> dict:
    found = {}
    for path in sorted((root / "data").glob("*.yaml")):
        vocabulary, _ = load_vocabulary(path.stem, f"data/{path.name}", path.read_text("utf-8"), languages)
        if vocabulary:
            found[vocabulary.name] = vocabulary
    return found


def _create(root: Path, rel: str, text: str, next_step: str) -> int:
    target = root / rel
    if target.exists():
        print(f"{shown(root, rel)} already exists: nothing was written. Edit it, or choose another title.")
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
        handle.write(text)
    print(f"Created {shown(root, rel)}. {next_step}")
    return 0
