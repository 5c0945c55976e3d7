// The browser's search pipeline must give exactly the terms the Python build indexed.
//
//   node tests/node/pipeline_vectors.test.mjs [--vectors FILE] [--round-trip FILE] [--stems FILE]
//
// Checks every case of tests/search/vectors.json with the real lunr.js and
// theme/static/js/search/pipeline.js, loaded as Node modules and again as the browser loads them
// (plain scripts sharing one global object). With --round-trip, FILE (written by
// tests/unit/test_search_node.py) holds lunr.py indexes with their profiles and the
// queries each must answer: the indexes are loaded with lunr.Index.load and searched as
// a reader would search them. With --stems, FILE maps Snowball algorithms to [word, Python stem]
// pairs that the vendored stemmers must reproduce. Exits 1 with a diff on any disagreement.

import { readFileSync } from "node:fs";
import vm from "node:vm";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import path from "node:path";

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const lunr = require(path.join(ROOT, "node_modules", "lunr"));
const SEARCH = path.join(ROOT, "theme", "static", "js", "search");
const pipeline = require(path.join(SEARCH, "pipeline.js"));

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : process.argv[at + 1];
}

function readJson(file) {
  return JSON.parse(readFileSync(file, "utf8"));
}

function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

function mismatch(what, python, js) {
  return `${what}\n  python: ${JSON.stringify(python)}\n  js:     ${JSON.stringify(js)}`;
}

function checkVectors(file) {
  const vectors = readJson(file);
  Object.values(vectors.profiles).forEach((profile) => pipeline.define(profile));
  const failures = [];
  for (const { lang, text, tokens } of vectors.cases) {
    const got = pipeline.tokens(text, lang);
    if (!same(got, tokens)) failures.push(mismatch(`${lang} ${JSON.stringify(text)}`, tokens, got));
  }
  console.log(`vectors: ${vectors.cases.length - failures.length}/${vectors.cases.length} cases agree`);
  return failures;
}

// The browser has no require: scripts attach to the page's global object, stemmers first.
function browserPipeline(profiles) {
  const page = vm.createContext({});
  page.self = page;
  const scripts = [path.join(ROOT, "node_modules", "lunr", "lunr.js"),
    path.join(SEARCH, "stemmers", "base-stemmer.js")];
  const algorithms = new Set(profiles.map((profile) => profile.stemmer)
    .filter((name) => name && name !== "light"));
  algorithms.forEach((name) => scripts.push(path.join(SEARCH, "stemmers", `${name}.js`)));
  scripts.push(path.join(SEARCH, "pipeline.js"));
  scripts.forEach((file) => vm.runInContext(readFileSync(file, "utf8"), page, { filename: file }));
  profiles.forEach((profile) => page.HubSearchPipeline.define(profile));
  return page.HubSearchPipeline;
}

function checkBrowser(file) {
  const vectors = readJson(file);
  const browser = browserPipeline(Object.values(vectors.profiles));
  const failures = vectors.cases
    .filter(({ lang, text, tokens }) => !same(browser.tokens(text, lang), tokens))
    .map(({ lang, text, tokens }) => mismatch(`browser script ${lang} ${JSON.stringify(text)}`, tokens,
      browser.tokens(text, lang)));
  console.log(`browser scripts: ${vectors.cases.length - failures.length}/${vectors.cases.length} cases agree`);
  return failures;
}

function checkRoundTrip(file) {
  const failures = [];
  let queries = 0;
  for (const { profile, index, searches } of readJson(file)) {
    const builder = pipeline.configure(new lunr.Builder(), profile);
    const labels = builder.searchPipeline.toJSON();
    if (!same(labels, index.pipeline)) failures.push(mismatch(`${profile.lang} pipeline`, index.pipeline, labels));
    const loaded = lunr.Index.load(index);
    for (const { query, expected } of searches) {
      queries += 1;
      const found = loaded.search(query).map((result) => result.ref).sort();
      if (!same(found, [...expected].sort())) {
        failures.push(`${profile.lang} search ${JSON.stringify(query)}: expected ${JSON.stringify(expected)}, `
          + `found ${JSON.stringify(found)}`);
      }
    }
  }
  console.log(`round trip: ${queries - failures.length}/${queries} searches agree`);
  return failures;
}

function checkStems(file) {
  const failures = [];
  let words = 0;
  for (const [algorithm, pairs] of Object.entries(readJson(file))) {
    const stemmer = new (require(path.join(SEARCH, "stemmers", `${algorithm}.js`)))();
    for (const [word, stem] of pairs) {
      words += 1;
      const got = stemmer.stemWord(word);
      if (got !== stem) failures.push(mismatch(`${algorithm} ${JSON.stringify(word)}`, stem, got));
    }
  }
  console.log(`stems: ${words - failures.length}/${words} words agree`);
  return failures;
}

const vectorsFile = option("--vectors", path.join(ROOT, "tests", "search", "vectors.json"));
const failures = [...checkVectors(vectorsFile), ...checkBrowser(vectorsFile)];
const roundTrip = option("--round-trip", null);
if (roundTrip) failures.push(...checkRoundTrip(roundTrip));
const stems = option("--stems", null);
if (stems) failures.push(...checkStems(stems));
if (failures.length) {
  console.error(failures.join("\n"));
  process.exit(1);
}
