"""Benchmark of the split search index: build time, bytes on disk, bytes per query, query latency.

    .venv/bin/invoke bench-search --docs 50000 [--only en,sr]
    .venv/bin/python tools/bench_search.py [DOCS] [--langs en,sr] [--only en,sr] [--set tier_docs=600]
                                           [--keep FOLDER]

Generates DOCS items over the eight languages (tools/search_corpus.py) and writes them as a content
folder, one Markdown file per item with the front matter its content type requires, as coordinators
write them. Reads that folder as the build does (hub_content's load_hub, pelicanconf.py's languages
and fallback chains) and makes each language's records as hub_search's glue does: its own items and
those it shows through fallbacks. Builds every language's index with plugins/hub_search/index.py
(manifest.json and pack files `<base><n>.bin` of gzip members) into a temporary folder, serves it over
HTTP from a local server that answers the engine's Range requests on the packs with 206 and the
member's exact bytes (already gzip: no Content-Encoding), sends manifest.json and the scripts
gzip-encoded (from `.gz` twins, as with HUB_SEARCH_GZIP and a host serving precompressed files) and
counts the bytes of every response (status line, headers, body); then opens each benchmarked
language in headless Chromium (Playwright, Debian's chromium) on a page that loads only the search
scripts, as the hub's search page does:

  first query   bytes of everything the page fetched to show the first results: the scripts
                (lunr.min.js, stemmers, pipeline.js, search.js, page.js), the manifest, the members
                (shards, rows files, doc store chunks) read by Range from the packs
  second query  bytes a second, different query fetched on top
  later queries bytes of the second and the 50 queries after it: median, 95th percentile, maximum
  latency       milliseconds from query() to results (fetches from localhost included), over those
                50 queries: median and 95th percentile; with, for comparison, the same queries on
                an engine whose packs are already in memory (the engine's own work: Range slices,
                gunzip, JSON parsing, lunr.Index.load, queries, merging), and what this Chromium
                takes to fetch 1, 5 and 10 tiny files from the same server (the floor)

Before that, per language: build time, the files written (manifest + packs) and their bytes on disk,
the members in the packs (by kind), the shards' sizes and the largest member.

With the previous format (hub-search-1, one file per member plus `.gz` twins) the whole run took
about 11 minutes for 50,000 documents on a 2-CPU machine (reading ~110 s, index builds ~470 s: with
fallbacks, the eight languages index 215,714 records).

Queries are real words of the corpus, drawn from the most frequent content words (the worst case:
frequent terms have the largest shards), one or two words; Serbian ones typed in Latin without
diacritics half the time. Figures are printed, never asserted (the design and the reasons for its
numbers are in the docstring of plugins/hub_search/index.py).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "tools"))

import search_corpus  # noqa: E402
from static_server import RANGE, RangeRequestHandler  # noqa: E402
from hub_search import index as search_index  # noqa: E402
from hub_search.pipeline import profile, tokens, transliterate_serbian, unaccent  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
SCRIPTS = ROOT / "theme" / "static" / "js" / "search"
LUNR = SCRIPTS / "lunr.min.js"  # the copy the theme serves
LATENCY_QUERIES = 50

PAGE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>search bench {lang}</title></head>
<body>
{scripts}
</body></html>
"""


# --- the server ------------------------------------------------------------------------------------


class Traffic:
    """Bytes sent per request (status line, headers and body), as the browser receives them: (name,
    bytes, how) with how "gz" (Content-Encoding: gzip), "raw" or "range" (a 206 of a pack's bytes),
    and name the URL path, or for a range of a pack the logical URL of the member it holds."""

    def __init__(self):
        self.lock = threading.Lock()
        self.requests: list[tuple[str, int, str]] = []

    def add(self, path: str, size: int, how: str):
        with self.lock:
            self.requests.append((path, size, how))

    def take(self) -> list[tuple[str, int, str]]:
        with self.lock:
            taken, self.requests = self.requests, []
            return taken


class Handler(RangeRequestHandler):
    """Answers a Range request with 206 and exactly those bytes (tools/static_server.py), as static
    hosts do: the packs' members are gzip already, so they go as they are, without Content-Encoding.
    Otherwise serves `<file>.gz` with Content-Encoding: gzip when the browser accepts gzip (the
    scripts, the manifest), else the file."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body are two writes: Nagle would hold the body 40 ms
    traffic: Traffic
    members: dict[tuple[str, int], str]  # (pack URL path, first byte in it) -> the member's logical URL path

    def log_message(self, format, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def do_GET(self):
        self.header_bytes = 0
        path = Path(self.translate_path(self.path))
        if not path.is_file():
            self.send_error(404)
            return
        if self.headers.get("Range"):
            source = self.send_head()  # 206 and the range's bytes (416 and None for an impossible range)
            body = b""
            if source is not None:
                try:
                    body = source.read()
                finally:
                    source.close()
                self.wfile.write(body)
            wanted = RANGE.match(self.headers["Range"])
            name = self.members.get((self.path, int(wanted.group(1)))) if wanted else None
            self.traffic.add(name or f"{self.path} {self.headers['Range']}", len(body) + self.header_bytes, "range")
            return
        body, encoded = path.read_bytes(), False
        zipped = path.with_name(path.name + ".gz")
        if "gzip" in self.headers.get("Accept-Encoding", "") and zipped.is_file():
            body, encoded = zipped.read_bytes(), True
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if encoded:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.traffic.add(self.path, len(body) + self.header_bytes, "gz" if encoded else "raw")

    def flush_headers(self):
        self.header_bytes = sum(map(len, getattr(self, "_headers_buffer", [])))
        super().flush_headers()


def serve(folder: Path, traffic: Traffic, members: dict[tuple[str, int], str]):
    handler = type("BenchHandler", (Handler,), {"traffic": traffic, "members": members})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


# --- the site --------------------------------------------------------------------------------------


def write_files(target: Path, files: dict[str, bytes]) -> None:
    for path, data in files.items():
        destination = target / path
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(data)


def scripts_for(lang: str) -> list[str]:
    stemmer = profile(lang).stemmer
    names = ["js/lunr.min.js"]
    if stemmer not in (None, "light"):
        names += ["js/stemmers/base-stemmer.js", f"js/stemmers/{stemmer}.js"]
    return names + ["js/pipeline.js", "js/search.js", "js/page.js"]


def write_site(target: Path, langs: list[str]) -> None:
    copies = {"js/lunr.min.js": LUNR, "js/pipeline.js": SCRIPTS / "pipeline.js", "js/search.js": SCRIPTS / "search.js",
              "js/page.js": SCRIPTS / "page.js"}
    for stemmer in SCRIPTS.glob("stemmers/*.js"):
        copies[f"js/stemmers/{stemmer.name}"] = stemmer
    for name, source in copies.items():
        data = source.read_bytes()
        write_files(target, {name: data, name + ".gz": gzip.compress(data, compresslevel=9, mtime=0)})
    write_files(target, {f"js/baseline/{number}.json": json.dumps([number] * 50).encode() for number in range(200)})
    for lang in langs:
        tags = "\n".join(f'<script src="/{name}"></script>' for name in scripts_for(lang))
        (target / f"bench-{lang}.html").write_text(PAGE.format(lang=lang, scripts=tags), encoding="utf-8")


# --- queries ---------------------------------------------------------------------------------------


def queries_for(lang: str, count: int, seed: int = 7) -> list[str]:
    """`count` queries of one or two frequent content words (as written in the corpus)."""
    source = "sr" if lang == "sr-latn" else lang  # the Latin edition shows the Serbian items, in Latin
    words = [word for word in search_corpus.vocabulary(source)
             if len(word) >= 4 and not word.isupper() and tokens(word, source)][:300]
    rng = random.Random(f"{seed}-{lang}")
    result = []
    while len(result) < count:
        chosen = rng.sample(words, rng.choice((1, 2, 2)))
        if lang == "sr-latn":
            chosen = [transliterate_serbian(word) for word in chosen]
        if source == "sr" and rng.random() < 0.5:
            chosen = [unaccent(transliterate_serbian(word)) for word in chosen]
        query = " ".join(chosen)
        if query not in result:
            result.append(query)
    return result


# As the search page queries while the reader types (the last word as a prefix), then fetches the
# passages of the results whose summary lacks the query's words (after the results, not timed).
ONE = """async ([text]) => {
  const start = performance.now();
  const results = await window.__bench.query(text, {prefix: true});
  const ms = performance.now() - start;
  const lang = (await window.__bench.manifest).profile.lang, terms = new Set(results.terms);
  const lacking = results.filter((r) => r.passage && !(r.summary.match(/[\\p{L}\\p{N}\\p{M}]+/gu) || [])
    .some((word) => HubSearchPipeline.tokens(word, lang).some((term) => terms.has(term))));
  await Promise.all(lacking.map((r) => window.__bench.passage(r)));
  return {ms, count: results.length, total: results.total, mode: results.mode, passages: lacking.length,
          top: results.slice(0, 3).map((r) => r.title)};
}"""


# The same queries on a fresh engine whose index is already in memory: the manifest and the
# language's packs, read whole beforehand (outside the timing); the engine's Range requests are
# answered from them (206 and the range's bytes, as the server does). What the engine itself costs
# (slicing, gunzip, JSON parsing, lunr.Index.load, queries, merging), no network. `missed`: requests
# the memory could not answer (they went to the server; there should be none).
ENGINE_ONLY = """async ([manifestPath, queries]) => {
  const manifestUrl = new URL(manifestPath, location.href).href;
  const manifestText = await (await fetch(manifestUrl, {cache: "no-store"})).text();
  const manifest = JSON.parse(manifestText);
  const packs = new Map();
  for (const [name] of manifest.packs) {
    const url = new URL(manifest.base + name, manifestUrl).href;
    packs.set(url, await (await fetch(url, {cache: "no-store"})).arrayBuffer());
  }
  const missed = [];
  const memory = (url, init) => {
    const range = init && init.headers && init.headers.Range;
    const wanted = range && /^bytes=(\\d+)-(\\d+)$/.exec(range);
    if (wanted && packs.has(url)) {
      const bytes = packs.get(url).slice(Number(wanted[1]), Number(wanted[2]) + 1);
      return Promise.resolve({ok: true, status: 206, arrayBuffer: () => Promise.resolve(bytes)});
    }
    if (url === manifestUrl && !range) {
      return Promise.resolve({ok: true, status: 200, json: () => Promise.resolve(JSON.parse(manifestText))});
    }
    missed.push(url + (range ? " " + range : ""));
    return fetch(url, init);
  };
  const engine = HubSearch.open(manifestUrl, {fetch: memory});
  const times = [];
  for (const text of queries) {
    const start = performance.now();
    await engine.query(text, {prefix: true});
    times.push(performance.now() - start);
  }
  return {times, missed};
}"""


def kb(size: int) -> str:
    return f"{size / 1024:.1f} KB"


def bench_language(browser, base: str, traffic: Traffic, lang: str) -> dict:
    queries = queries_for(lang, LATENCY_QUERIES + 2)
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    traffic.take()
    page.goto(f"{base}/bench-{lang}.html", wait_until="load")
    page.evaluate(f"() => {{ window.__bench = HubSearch.open('/{lang}/search/manifest.json'); }}")
    runs = []
    for text in queries:
        result = page.evaluate(ONE, [text])
        time.sleep(0.02)  # let the server log the last response
        requests = traffic.take()
        result.update(text=text, requests=requests, bytes=sum(size for _, size, _ in requests),
                      tiers=sum(1 for path, _, how in requests if how == "range" and "/t/" in path))
        runs.append(result)
        whole = [(path, size) for path, size, how in requests if how != "range" and path.endswith(".bin")]
        if whole:  # every later query would download whole packs again: no figure would mean anything
            context.close()
            raise SystemExit(f"bench: {lang}: query {text!r} fetched whole packs, without a Range header "
                             f"({len(whole)} requests, {kb(sum(size for _, size in whole))}: {whole[:3]}); the "
                             f"engine must pass fetch's init (its Range header) on (theme/static/js/search/search.js)")
    engine = page.evaluate(ENGINE_ONLY, [f"/{lang}/search/manifest.json", queries])
    engine_times = sorted(engine["times"][2:])
    context.close()
    if errors:
        raise SystemExit(f"bench: page errors in {lang}: {errors}")
    if engine["missed"]:
        raise SystemExit(f"bench: the in-memory engine of {lang} asked for what it did not hold: "
                         f"{engine['missed'][:5]}")
    unnamed = [path for run in runs for path, _, how in run["requests"] if how == "range" and " bytes=" in path]
    if unnamed:
        raise SystemExit(f"bench: {lang} ranges that start no member: {unnamed[:5]}")
    later = runs[2:]
    times = sorted(run["ms"] for run in later)
    sizes = sorted(run["bytes"] for run in runs[1:])
    return {
        "lang": lang, "first": runs[0], "second": runs[1], "runs": runs,
        "scripts": sum(size for path, size, _ in runs[0]["requests"] if path.startswith("/js/")),
        "median": statistics.median(times), "p95": percentile(times, 0.95), "max": times[-1],
        "later_median_bytes": statistics.median(sizes), "later_p95_bytes": percentile(sizes, 0.95),
        "later_max_bytes": sizes[-1], "over_30": sum(1 for size in sizes if size > 30 * 1024),
        "tier_queries": sum(1 for run in runs if run["tiers"]), "empty": sum(1 for run in runs if not run["count"]),
        "requests": statistics.median(len(run["requests"]) for run in later),
        "engine": statistics.median(engine_times), "engine_p95": percentile(engine_times, 0.95),
        "baseline": baseline(page_for(browser, base, lang)),
    }


BASELINE = """async ([count]) => {
  const times = [];
  for (let round = 0; round < 15; round++) {
    const start = performance.now();
    await Promise.all(Array.from({length: count}, (_, i) =>
      fetch(`/js/baseline/${(round * count + i) % 200}.json?${round}`).then((response) => response.json())));
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[7];
}"""


def page_for(browser, base: str, lang: str):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/bench-{lang}.html", wait_until="load")
    return page


def baseline(page) -> dict:
    """What this machine's Chromium takes to fetch tiny files from the bench server, whatever the
    index: 1, 5 and 10 in parallel (median of 15 rounds, ms). Query latency is mostly this."""
    result = {count: page.evaluate(BASELINE, [count]) for count in (1, 5, 10)}
    page.context.close()
    return result


def percentile(values: list[float], share: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(share * (len(values) - 1)))]


# --- main ------------------------------------------------------------------------------------------


def hub_records(content: Path) -> dict[str, list[dict]]:
    """The records a build makes of a content folder: the hub read as Pelican's build reads it (with
    pelicanconf.py's languages and fallback chains), each language's items and fallbacks."""
    from pelican.settings import read_settings

    from hub_content.hub import load_hub
    from hub_pages.routes import LanguagePlan
    from hub_search import records

    hub = load_hub(content, read_settings(str(ROOT / "pelicanconf.py")))
    found = {}
    for language in hub.languages:
        # The item pages' addresses as the site plan gives them, without planning the listings.
        planned = LanguagePlan(SimpleNamespace(hub=hub, fallback_copies=True), language)
        shown = [(entry.item, entry.path, entry.fallback) for content_type in hub.content_types
                 for entry in planned.by_type[content_type.name]]
        found[language.code] = records.language_records(shown, lambda code: hub.languages[code].tag)
    return found


def member_table(files: dict[str, bytes]) -> dict[str, list[int]]:
    """Every member of a built index: label ("s/3.json", "t/3.1.1.json", ...) -> [offset, length] in
    the packs laid end to end, found as the engine finds them (the manifest, the doc rows' passages,
    then each shard)."""
    reader = search_index.Reader(files)
    manifest = reader.manifest
    table: dict[str, list[int]] = {}

    def run(kind: str, laid: dict) -> None:  # a run's members follow each other (index.run_location)
        offset = laid["start"]
        for number, size in enumerate(laid["sizes"]):
            table[f"{kind}/{number}.json"] = [offset, size]
            offset += size

    run("d", manifest["docs"])
    # Passages, fetched for results whose summary lacks the query's words: each row says where its
    # document's passage is.
    chunk, column = manifest["docs"]["chunk"], manifest["docs"]["columns"].index("passage")
    for first in range(len(manifest["docs"]["sizes"])):
        for number, row in enumerate(reader.member(f"d/{first}.json", table[f"d/{first}.json"]), first * chunk):
            if row[column]:
                table[f"p/{number}.json"] = row[column]
    for values in manifest["facets"].values():
        for label, _, *location in values.values():
            table[label] = location
    run("s", manifest["shard_run"])
    for number in range(len(manifest["shards"])):
        shard = reader.member(f"s/{number}.json", table[f"s/{number}.json"])
        for label, *location in shard["rows"].values():
            table[label] = location
        for more in shard["more"].values():
            for label, _, _, *location in more["tiers"]:
                table[label] = location
    return table


def build_all(corpus: dict[str, list[dict]], target: Path, settings=None) -> tuple[dict, dict[tuple[str, int], str]]:
    """Builds and writes each language's index (manifest.json, its packs, and the manifest's `.gz`
    twin the server sends); prints what was written. Returns the totals and, for the server, each
    member's logical URL path by (pack URL path, first byte in the pack)."""
    totals = {"disk": 0, "files": 0, "packs": 0, "members": 0, "seconds": 0.0}
    names: dict[tuple[str, int], str] = {}
    print(f"{'lang':4} {'docs':>6} {'build s':>8} {'files':>5} {'packs':>5} {'on disk':>10} {'members':>8} "
          f"{'shards':>6} {'tiers':>6} {'rows':>6} {'docs':>6} {'filters':>7} {'shard max':>9} {'p50':>7} "
          f"{'manifest gz':>11} | largest member")
    for lang, records in corpus.items():
        start = time.perf_counter()
        files = search_index.build(records, lang, settings or search_index.Settings())
        seconds = time.perf_counter() - start
        write_files(target / lang / "search", files)
        manifest_gz = search_index.gz(files["manifest.json"])
        write_files(target / lang / "search", {"manifest.json.gz": manifest_gz})  # as HUB_SEARCH_GZIP writes it
        manifest = json.loads(files["manifest.json"])
        packs = {manifest["base"] + name: begin for name, begin in manifest["packs"]}
        if set(files) != {"manifest.json", *packs}:
            raise SystemExit(f"bench: {lang}: build wrote {sorted(set(files) - {'manifest.json', *packs})} "
                             f"beyond the manifest and its packs")
        table = member_table(files)
        packed = sum(len(files[name]) for name in packs)
        if sum(length for _, length in table.values()) != packed:
            print(f"  {lang}: the members found cover {sum(length for _, length in table.values())} bytes "
                  f"of the packs' {packed}")
        starts = sorted((begin, name) for name, begin in packs.items())
        for label, (offset, _) in table.items():
            begin, name = max(item for item in starts if item[0] <= offset)
            names[(f"/{lang}/search/{name}", offset - begin)] = f"/{lang}/search/{manifest['base']}{label}"
        kinds = {kind: sorted(length for label, (_, length) in table.items() if label.startswith(kind + "/"))
                 for kind in "stdrf"}
        largest = max(table, key=lambda label: table[label][1])
        disk = sum(map(len, files.values()))
        shards = kinds["s"] or [0]
        print(f"{lang:4} {len(records):6d} {seconds:8.1f} {len(files):5d} {len(packs):5d} {disk / 1e6:8.1f}MB "
              f"{len(table):8d} {len(kinds['s']):6d} {len(kinds['t']):6d} {len(kinds['r']):6d} {len(kinds['d']):6d} "
              f"{len(kinds['f']):7d} {kb(shards[-1]):>9} {kb(shards[len(shards) // 2]):>7} "
              f"{kb(len(manifest_gz)):>11} | {largest} {kb(table[largest][1])}")
        totals["disk"] += disk
        totals["files"] += len(files)
        totals["packs"] += len(packs)
        totals["members"] += len(table)
        totals["seconds"] += seconds
    print(f"{'all':4} {sum(map(len, corpus.values())):6d} {totals['seconds']:8.1f} {totals['files']:5d} "
          f"{totals['packs']:5d} {totals['disk'] / 1e6:8.1f}MB {totals['members']:8d}")
    print(f"index: {totals['members']} members in {totals['files']} files written ({len(corpus)} manifest.json + "
          f"{totals['packs']} packs, {totals['disk'] / 1e6:.1f} MB); with HUB_SEARCH_GZIP also {len(corpus)} "
          f"manifest.json.gz (the bench serves them)")
    return totals, names


def main(docs: int = 50000, langs: list[str] | None = None, keep: Path | None = None, settings=None,
         only: list[str] | None = None) -> list[dict]:
    """Generate, build, serve, query; print the figures. `langs`: the languages queried (default
    all); `only`: build only these (a quicker run, same figures for them); `settings`: index.Settings."""
    from playwright.sync_api import sync_playwright

    started = time.perf_counter()
    corpus = search_corpus.generate(docs)
    print(f"corpus: {docs} documents generated in {time.perf_counter() - started:.1f} s "
          f"({', '.join(f'{lang} {len(records)}' for lang, records in corpus.items())})")
    folder = Path(tempfile.mkdtemp(prefix="hub-search-bench-"))
    try:
        moment = time.perf_counter()
        files = search_corpus.write_content(corpus, folder / "content")
        print(f"content: {files} Markdown files written in {time.perf_counter() - moment:.1f} s")
        moment = time.perf_counter()
        corpus = hub_records(folder / "content")
        shutil.rmtree(folder / "content")
        print(f"records: the hub read (load_hub) and its item pages' records made in {time.perf_counter() - moment:.1f} s "
              f"({', '.join(f'{lang} {len(records)}' for lang, records in corpus.items())}, fallbacks included)")
        if only:
            corpus = {lang: records for lang, records in corpus.items() if lang in only}
        langs = langs or list(corpus)
        _, names = build_all(corpus, folder, settings)
        write_site(folder, langs)
        traffic = Traffic()
        base, server = serve(folder, traffic, names)
        reports = []
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
                try:
                    for lang in langs:
                        reports.append(bench_language(browser, base, traffic, lang))
                finally:
                    browser.close()
        finally:
            server.shutdown()
        print()
        print(f"{'lang':4} {'1st query':>9} {'scripts':>8} {'2nd':>7} | later queries: {'median':>7} {'p95':>7} "
              f"{'max':>7} {'>30KB':>5} {'tiers':>5} {'req':>4} | {'ms p50':>6} {'p95':>6} {'max':>6} {'1st ms':>6} "
              f"{'empty':>5} | engine p50/p95 | fetch 1/5/10 files ms")
        for report in reports:
            print(f"{report['lang']:4} {kb(report['first']['bytes']):>9} {kb(report['scripts']):>8} "
                  f"{kb(report['second']['bytes']):>7} | {'':15}{kb(report['later_median_bytes']):>7} "
                  f"{kb(report['later_p95_bytes']):>7} {kb(report['later_max_bytes']):>7} {report['over_30']:5d} "
                  f"{report['tier_queries']:5d} {report['requests']:4.0f} | "
                  f"{report['median']:6.1f} {report['p95']:6.1f} "
                  f"{report['max']:6.1f} {report['first']['ms']:6.0f} {report['empty']:5d} | "
                  f"{report['engine']:6.1f}/{report['engine_p95']:<6.1f} | "
                  f"{'/'.join(f'{ms:.0f}' for ms in report['baseline'].values())}")
        print("(later queries: the second and the 50 after it; tiers: queries that loaded a further tier; req: median "
              "requests per later query; engine: the same queries with the manifest and packs already in memory, "
              "no network; "
              "fetch: this Chromium's time to fetch that many tiny files in parallel from the same server)")
        for report in reports:
            first, second = report["first"], report["second"]
            print(f"  {report['lang']}: first {first['text']!r} -> {first['count']} shown of {first['total']} "
                  f"({first['mode']}); second {second['text']!r} -> {second['count']} of {second['total']}")
        worst = max(reports, key=lambda report: report["first"]["bytes"])
        print(f"\nworst first query: {worst['lang']} {kb(worst['first']['bytes'])}; requests:")
        for path, size, how in worst["first"]["requests"]:
            print(f"  {size:7d} {how:5} {path}")
        run = max((run for report in reports for run in report["runs"][1:]), key=lambda run: run["bytes"])
        print(f"heaviest later query: {run['text']!r} {kb(run['bytes'])}; requests:")
        for path, size, how in run["requests"]:
            print(f"  {size:7d} {how:5} {path}")
        print(f"all languages: first query max {kb(max(r['first']['bytes'] for r in reports))}, second query max "
              f"{kb(max(r['second']['bytes'] for r in reports))}, later queries median "
              f"{kb(statistics.median(run['bytes'] for r in reports for run in r['runs'][1:]))}; latency median "
              f"{statistics.median(run['ms'] for r in reports for run in r['runs'][2:]):.1f} ms, p95 "
              f"{percentile([run['ms'] for r in reports for run in r['runs'][2:]], 0.95):.1f} ms; "
              f"total time {time.perf_counter() - started:.0f} s")
        if keep:
            shutil.copytree(folder, keep, dirs_exist_ok=True)
        return reports
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("docs", nargs="?", type=int, default=50000)
    parser.add_argument("--langs", help="comma-separated languages to query (default: all)")
    parser.add_argument("--only", help="comma-separated languages to build and query (a quicker run)")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=NUMBER",
                        help="an index setting (plugins/hub_search/index.py Settings), e.g. tier_docs=600")
    parser.add_argument("--keep", type=Path, help="copy the built folder here")
    arguments = parser.parse_args()
    chosen = search_index.Settings(**{name: int(value) for name, value in
                                      (item.split("=", 1) for item in arguments.set)})
    only = arguments.only.split(",") if arguments.only else None
    main(arguments.docs, arguments.langs.split(",") if arguments.langs else only, arguments.keep, chosen, only)
