// The browser's search engine (theme/static/js/search/search.js) on indexes built by Python.
//
//   node tests/node/search_engine.test.mjs --spec FILE
//
// FILE (written by tests/unit/test_search_engine_node.py, or tests/site/test_demo_search.py for the
// built demo) names a folder holding `<lang>/search/` index files built by plugins/hub_search/index.py,
// the cases to run, and optionally `lunr`: the lunr.js file the browser mode loads (default: npm's). Each case runs with a fresh
// engine (an empty cache), twice: with search.js loaded as a Node module (it requires lunr and
// pipeline.js) and as the browser loads it (lunr.js, the stemmers, pipeline.js and search.js as plain
// scripts sharing one global object). Node has no file URLs for fetch: a shim answers the engine's
// requests from the folder and records them. A case may check:
//
//   urls      the exact result URLs, in order        includes / excludes   URLs that must (not) be there
//   count     the number of results                  mode / complete       the results' flags
//   sections  every result's section is one of these  topics              every result has one of these topics
//   shards    exactly the shard files fetched (relative to the index's base folder)
//   tiersOf   the shard numbers whose tier files the query may fetch
//   tiers     the number of tier files the query fetches
//   rowsFiles the number of rows files it fetches     storeFiles  the number of doc store files
//   scores    the exact scores, in order (with urls: Python's reader gave both)
//   order     these URLs are found, in this order
//   terms     the query's index terms (with the option prefix: those its last word begins too)
//   passage   the first result's passage (search.passage) holds this text, and its excerpt
//             (HubSearch.excerpt) holds `excerpt` and is at most 200 characters
//
// Exits 1 listing every failure.

import { readFileSync, existsSync } from "node:fs";
import vm from "node:vm";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import path from "node:path";

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const SEARCH = path.join(ROOT, "theme", "static", "js", "search");
const ORIGIN = "http://index.test";

function option(name) {
  const at = process.argv.indexOf(name);
  return at === -1 ? null : process.argv[at + 1];
}

// fetch, answered from `folder` as a static host answers, Range requests included; every URL asked
// for is recorded in `log`.
function fetchShim(folder, log) {
  return async (url, init) => {
    const { pathname } = new URL(url);
    log.push(pathname);
    const file = path.join(folder, decodeURIComponent(pathname));
    if (!file.startsWith(folder + path.sep) || !existsSync(file)) {
      return { ok: false, status: 404, json: async () => { throw new Error("404"); } };
    }
    const data = readFileSync(file);
    const range = /^bytes=(\d+)-(\d+)$/.exec((init && init.headers && init.headers.Range) || "");
    const body = range ? data.subarray(Number(range[1]), Number(range[2]) + 1) : data;
    const buffer = body.buffer.slice(body.byteOffset, body.byteOffset + body.length);
    return { ok: true, status: range ? 206 : 200, json: async () => JSON.parse(body.toString("utf8")),
             arrayBuffer: async () => buffer };
  };
}

function moduleEngine() {
  return require(path.join(SEARCH, "search.js"));
}

function browserEngine(algorithms, lunrFile) {
  const page = vm.createContext({ URL, console, Blob, DecompressionStream, Response, TextDecoder, Uint8Array });
  page.self = page;
  const scripts = [lunrFile, path.join(SEARCH, "stemmers", "base-stemmer.js")];
  algorithms.forEach((name) => scripts.push(path.join(SEARCH, "stemmers", `${name}.js`)));
  scripts.push(path.join(SEARCH, "pipeline.js"), path.join(SEARCH, "search.js"));
  scripts.forEach((file) => vm.runInContext(readFileSync(file, "utf8"), page, { filename: file }));
  if (page.document !== undefined || page.window !== undefined) throw new Error("search.js must not need a DOM");
  return page.HubSearch;
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

async function runCase(HubSearch, folder, spec) {
  const log = [];
  const engine = HubSearch.open(`${ORIGIN}/${spec.lang}/search/manifest.json`, { fetch: fetchShim(folder, log) });
  const results = await engine.query(spec.text, spec.options || {});
  const passage = spec.expect.passage && results.length ? await engine.passage(results[0]) : null;
  const manifest = JSON.parse(readFileSync(path.join(folder, spec.lang, "search", "manifest.json"), "utf8"));
  const prefix = `/${spec.lang}/search/${manifest.base}`;
  // Members are fetched from packs by range; the engine records each one it fetched by its name.
  const data = engine.fetched.map((url) => new URL(url).pathname).filter((url) => url.startsWith(prefix))
    .map((url) => url.slice(prefix.length));
  const urls = Array.from(results, (result) => result.url);
  const expect = spec.expect, failures = [];
  const fail = (what, wanted, got) => failures.push(`${what}: expected ${JSON.stringify(wanted)}, got ${JSON.stringify(got)}`);
  if (log.some((url) => url.startsWith(prefix) && !url.endsWith(".bin"))) fail("only packs fetched", [], log);

  if (expect.urls && !same(urls, expect.urls)) fail("urls", expect.urls, urls);
  if (expect.scores) {
    const scores = Array.from(results, (result) => result.score);
    if (scores.length !== expect.scores.length || scores.some((score, i) => Math.abs(score - expect.scores[i]) > 1e-6)) {
      fail("scores", expect.scores, scores);
    }
  }
  if (expect.count !== undefined && results.length !== expect.count) fail("count", expect.count, results.length);
  if (expect.order) {
    const at = expect.order.map((url) => urls.indexOf(url));
    if (at.some((i) => i === -1) || at.some((i, n) => n && i < at[n - 1])) fail("order", expect.order, urls);
  }
  if (expect.terms && !same(results.terms, expect.terms)) fail("terms", expect.terms, results.terms);
  if (expect.passage) {
    if (!passage || !passage.includes(expect.passage)) fail("passage", expect.passage, passage);
    const cut = passage && HubSearch.excerpt(passage, new Set(results.terms), spec.lang);
    if (!cut || !cut.text.includes(expect.excerpt) || cut.text.length > 200) fail("excerpt", expect.excerpt, cut);
  }
  (expect.includes || []).forEach((url) => { if (!urls.includes(url)) fail("includes", url, urls); });
  (expect.excludes || []).forEach((url) => { if (urls.includes(url)) fail("excludes", url, urls); });
  if (expect.mode && results.mode !== expect.mode) fail("mode", expect.mode, results.mode);
  if (expect.complete !== undefined && results.complete !== expect.complete) fail("complete", expect.complete, results.complete);
  if (expect.sections) {
    const wrong = results.filter((result) => !expect.sections.includes(result.section)).map((result) => result.url);
    if (wrong.length) fail("sections", expect.sections, wrong);
  }
  if (expect.topics) {
    const wrong = results.filter((result) => !(result.terms.topics || []).some((topic) => expect.topics.includes(topic)));
    if (wrong.length) fail("topics", expect.topics, wrong.map((result) => result.url));
  }
  if (expect.shards) {
    const shards = [...new Set(data.filter((file) => file.startsWith("s/")))].sort();
    if (!same(shards, [...expect.shards].sort())) fail("shards fetched", expect.shards, shards);
  }
  if (expect.tiersOf) {
    const wrong = data.filter((file) => file.startsWith("t/") && !expect.tiersOf.includes(Number(file.split("/")[1].split(".")[0])));
    if (wrong.length) fail("tier files of other shards", expect.tiersOf, wrong);
  }
  if (expect.tiers !== undefined) {
    const tiers = data.filter((file) => file.startsWith("t/"));
    if (tiers.length !== expect.tiers) fail("tier files fetched", expect.tiers, tiers);
  }
  for (const [key, prefix] of [["rowsFiles", "r/"], ["storeFiles", "d/"]]) {
    const files = data.filter((file) => file.startsWith(prefix));
    if (expect[key] !== undefined && files.length !== expect[key]) fail(key, expect[key], files);
  }
  const unexpected = data.filter((file) => !/^(s|t|r|d|f|p)\//.test(file));
  if (unexpected.length) fail("only index files", [], unexpected);
  // Tier and rows files belong to the shards of the query's terms (a fresh engine fetched them).
  const fetchedShards = new Set(data.filter((file) => file.startsWith("s/")).map((file) => file.split("/")[1].split(".")[0]));
  const strays = data.filter((file) => /^(t|r)\//.test(file) && !fetchedShards.has(file.split("/")[1].split(".")[0]));
  if (strays.length) fail("tier or rows files of shards not fetched", [], strays);
  for (const result of results) {
    const keys = Object.keys(result).sort();
    const wanted = ["date", "lang", "matched", "passage", "score", "section", "summary", "terms", "title", "url"];
    if (!same(keys, wanted)) { fail("result keys", wanted, keys); break; }
  }
  return failures;
}

const specFile = option("--spec");
if (!specFile) {
  console.error("usage: node tests/node/search_engine.test.mjs --spec FILE");
  process.exit(2);
}
const spec = JSON.parse(readFileSync(specFile, "utf8"));
const folder = path.resolve(spec.folder);
const failures = [];
let runs = 0, failed = 0;
const lunrFile = spec.lunr ? path.resolve(spec.lunr) : path.join(ROOT, "node_modules", "lunr", "lunr.js");
for (const [mode, HubSearch] of [["module", moduleEngine()], ["browser", browserEngine(spec.algorithms, lunrFile)]]) {
  for (const item of spec.cases) {
    runs += 1;
    try {
      const found = await runCase(HubSearch, folder, item);
      found.forEach((failure) => failures.push(`${mode} ${item.name} (${item.lang} ${JSON.stringify(item.text)}): ${failure}`));
      failed += found.length ? 1 : 0;
    } catch (error) {
      failures.push(`${mode} ${item.name}: ${error.stack || error}`);
      failed += 1;
    }
  }
}
console.log(`search engine: ${runs - failed}/${runs} cases pass`);
if (failures.length) {
  console.error(failures.join("\n"));
  process.exit(1);
}
