/*
 * The hub's search engine in the reader's browser: queries a language's split lunr index.
 *
 * The index is built by plugins/hub_search/index.py (its docstring describes the files and why):
 * a manifest, term shards (each a lunr.js index of a range of terms, holding each term's best
 * documents), further tiers of frequent terms, a doc store of display records and one member per
 * filter value. Members are gzipped one by one into a few pack files and fetched with HTTP Range
 * requests (a host that ignores Range still works, at the cost of the whole pack). A query fetches
 * the manifest once, then only the shards of its terms and the doc store members of the results it
 * returns; everything fetched is kept in memory for later queries.
 *
 *   var search = HubSearch.open("/sr/search/manifest.json");
 *   search.query("cuvanje dece", { filters: { section: "news", topics: ["online-safety"] } })
 *     .then(function (results) { ... });
 *
 * results: [{ url, title, section, date, summary, terms, lang, passage, score, matched }], best first.
 * `passage` locates the document's text (the part the index holds), fetched only on demand with
 * search.passage(result); excerpt(text, terms, lang) cuts the window of it that shows the query's words. `lang` is
 * the language tag of a result shown in another language than the index's (a fallback), else "". `matched`
 * lists the query's index terms the document has: a word of the title or summary matched when
 * HubSearchPipeline.tokens(word, lang) gives one of them. `terms` are the document's filter terms
 * ({ topics: [...], countries: [...], type: [...] }). The array also has:
 * `terms` (the query's index terms), `total` (matches found so far: exact when `complete`),
 * `complete` (every document of every term was considered) and `mode`: "all" when every term is in
 * every result, "any" when no document has them all and the results hold some of them (most first).
 *
 * With the option `prefix`, the query's last word also matches as the start of longer words
 * ("prot" finds "protection"): the index terms that begin with its folded form (at least
 * PREFIX_MIN letters, in at most PREFIX_SHARDS shards, the PREFIX_TERMS with most documents) count for
 * that word, each at PREFIX_WEIGHT of its score and below every document of the whole word itself, so
 * the whole word's matches keep their scores and order, and the words it begins come after them.
 * `terms` then lists those terms too (for marking them).
 *
 * Every query term is required. Scores are lunr.js's, per term (its BM25 weights over title x10,
 * summary x3, body), summed over the terms. Ties go to the lower document number: the newer.
 *
 * This file has no DOM code: results are data, and whoever shows them must insert them as text.
 * Load order in the page: lunr.js, stemmers/base-stemmer.js and stemmers/<algorithm>.js for the
 * language, pipeline.js, then this file. In Node the module requires lunr and pipeline.js itself.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("lunr"), require("./pipeline.js"));
  } else {
    root.HubSearch = factory(root.lunr, root.HubSearchPipeline);
  }
})(typeof self !== "undefined" ? self : this, function (lunr, pipeline) {
"use strict";

var FORMAT = "hub-search-2";
var LIMIT = 10;
// A frequent term's rows file (its best documents' display rows, ~3 KB) is fetched instead of the
// doc store when it holds at least this many of the rows a page needs: fewer requests, similar bytes.
var ROWS_MIN_GAIN = 3;
// The last word as a prefix: long enough to mean something, bounded in what it may fetch and load.
var PREFIX_MIN = 3, PREFIX_SHARDS = 2, PREFIX_TERMS = 30, PREFIX_WEIGHT = 0.5;
// A passage's window around the query's words, in characters.
var EXCERPT = 180;

// The shard holding `term`: the last whose key sorts at or before it.
function shardOf(keys, term) {
  var low = 0, high = keys.length;
  while (high - low > 1) {
    var middle = (low + high) >> 1;
    if (keys[middle] <= term) low = middle; else high = middle;
  }
  return low;
}

// One term's documents found so far: number -> score, and its tiers not yet loaded.
function TermList(term) {
  this.term = term;
  this.docs = new Map();
  this.tiers = [];
  this.total = 0;
  this.rows = null;  // its rows file, if it has one
}

// The numbers of the term's `count` best documents (as the build ranks them: score, then number).
TermList.prototype.best = function (count) {
  if (!this._best || this._best.size !== this.docs.size) {
    var ranked = Array.from(this.docs.keys()), docs = this.docs;
    ranked.sort(function (a, b) { return docs.get(b) - docs.get(a) || a - b; });
    this._best = { size: this.docs.size, numbers: new Set(ranked.slice(0, count)) };
  }
  return this._best.numbers;
};

TermList.prototype.add = function (index) {
  var docs = this.docs, term = this.term;
  index.query(function (query) {
    query.term(term, { usePipeline: false, wildcard: lunr.Query.wildcard.NONE });
  }).forEach(function (result) {
    docs.set(parseInt(result.ref, 36), result.score);
  });
};

function Engine(manifestUrl, options) {
  var base = typeof location !== "undefined" ? location.href : undefined;
  this.url = new URL(manifestUrl, base).href;
  this.fetchFn = options.fetch || function (url, init) { return fetch(url, init); };
  this.limit = options.limit || LIMIT;
  this.fetched = [];  // every URL requested, in order (for diagnostics and tests)
  this.reset();
}

Engine.prototype.reset = function () {
  this.files = new Map();  // URL -> promise of its parsed (and loaded) content
  this.terms = new Map();  // term -> promise of its TermList
  this.rows = new Map();  // document number -> display row
  this.manifest = this.fetchJson(this.url, this.fetched.length ? { cache: "no-cache" } : undefined)
    .then(function (manifest) {
      if (manifest.format !== FORMAT) throw new Error("search index format " + manifest.format + ", expected " + FORMAT);
      pipeline.configure(lunr, manifest.profile);
      return manifest;
    });
  this.manifest.catch(function () {});  // reported by the query that awaits it
};

function answered(url, response) {
  if (!response.ok) {
    var error = new Error("search: " + url + " answered " + response.status);
    error.status = response.status;
    throw error;
  }
  return response;
}

Engine.prototype.fetchJson = function (url, init) {
  this.fetched.push(url);
  return Promise.resolve(this.fetchFn(url, init)).then(function (response) {
    return answered(url, response).json();
  });
};

// The location of member `number` of a run of members (doc chunks, shards): [offset, length].
function runLocation(run, number) {
  var offset = run.start;
  for (var i = 0; i < number; i++) offset += run.sizes[i];
  return [offset, run.sizes[number]];
}

// A member's bytes: a Range request on its pack; a 200 (a host that ignores Range) is cut here.
Engine.prototype.fetchMember = function (manifest, location) {
  var packs = manifest.packs, number = 0;
  while (number + 1 < packs.length && packs[number + 1][1] <= location[0]) number++;
  var url = new URL(manifest.base + packs[number][0], this.url).href;
  var first = location[0] - packs[number][1], last = first + location[1] - 1;
  var init = { headers: { Range: "bytes=" + first + "-" + last } };
  return Promise.resolve(this.fetchFn(url, init)).then(function (response) {
    return answered(url, response).arrayBuffer().then(function (buffer) {
      return response.status === 206 ? buffer : buffer.slice(first, last + 1);
    });
  }).then(function (buffer) {
    var head = new Uint8Array(buffer, 0, Math.min(2, buffer.byteLength));
    if (head[0] !== 0x1f || head[1] !== 0x8b) return new TextDecoder().decode(buffer);  // stored plain
    var stream = new Blob([buffer]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text();
  }).then(JSON.parse);
};

// A member of the index (labelled by its name, e.g. "s/3.json"), fetched once and kept.
Engine.prototype.file = function (manifest, path, location, transform) {
  var url = new URL(manifest.base + path, this.url).href, files = this.files;
  if (!files.has(url)) {
    this.fetched.push(url);
    var promise = this.fetchMember(manifest, location).then(transform || function (data) { return data; });
    promise.catch(function () { files.delete(url); });
    files.set(url, promise);
  }
  return files.get(url);
};

function loadIndex(data) {
  return { index: lunr.Index.load(data.index), more: data.more || {}, rows: data.rows || {} };
}

Engine.prototype.termList = function (manifest, term) {
  var self = this;
  if (!manifest.shards.length) return Promise.resolve(new TermList(term));  // an empty index
  if (!this.terms.has(term)) {
    var number = shardOf(manifest.shards, term);
    var promise = this.file(manifest, "s/" + number + ".json", runLocation(manifest.shard_run, number), loadIndex)
      .then(function (shard) {
        var list = new TermList(term), more = shard.more[term];
        list.add(shard.index);
        list.tiers = more ? more.tiers.slice() : [];
        list.total = more ? more.docs : list.docs.size;
        list.rows = (shard.rows && shard.rows[term]) || null;
        return list;
      });
    promise.catch(function () { self.terms.delete(term); });
    this.terms.set(term, promise);
  }
  return this.terms.get(term);
};

// The index terms that begin with `prefix` (not `exact`), from the shards whose ranges they fall in,
// the most frequent first: [{ term, docs: Map }] (first tiers only).
Engine.prototype.prefixTerms = function (manifest, prefix, exact) {
  var keys = manifest.shards;
  if (!keys.length || Array.from(prefix).length < PREFIX_MIN) return Promise.resolve([]);
  var first = shardOf(keys, prefix), last = shardOf(keys, prefix + "\uffff");
  if (last - first + 1 > PREFIX_SHARDS) return Promise.resolve([]);
  var loads = [];
  for (var number = first; number <= last; number++) {
    loads.push(this.file(manifest, "s/" + number + ".json", runLocation(manifest.shard_run, number), loadIndex));
  }
  return Promise.all(loads).then(function (shards) {
    var found = [];
    shards.forEach(function (shard) {
      Object.keys(shard.index.invertedIndex).forEach(function (term) {
        if (term === exact || term.slice(0, prefix.length) !== prefix) return;
        var list = new TermList(term), more = shard.more[term];
        list.add(shard.index);
        list.total = more ? more.docs : list.docs.size;
        found.push(list);
      });
    });
    found.sort(function (a, b) { return b.total - a.total || (a.term < b.term ? -1 : 1); });
    return found.slice(0, PREFIX_TERMS);
  });
};

// The last word's list: its own documents at their own scores, and those of the words it begins at
// PREFIX_WEIGHT of their best score among them, kept below the lowest score of the word's own loaded
// documents (a new list: the term's own stays as it is for other queries).
function widened(list, extra) {
  if (!extra.length) return list;
  var wide = new TermList(list.term);
  list.docs.forEach(function (score, number) { wide.docs.set(number, score); });
  // Below every document of the whole word: a rare longer word must not outrank the word typed.
  var floor = Infinity;
  list.docs.forEach(function (score) { floor = Math.min(floor, score); });
  extra.forEach(function (other) {
    other.docs.forEach(function (score, number) {
      if (list.docs.has(number)) return;
      var weighted = Math.min(Math.round(score * PREFIX_WEIGHT * 1000) / 1000, Math.max(0, floor - 0.001));
      if (!(wide.docs.get(number) >= weighted)) wide.docs.set(number, weighted);
    });
  });
  wide.tiers = list.tiers.slice();
  wide.total = list.total + extra.reduce(function (sum, other) { return sum + other.total; }, 0);
  wide.partial = extra.some(function (other) { return other.total > other.docs.size; });
  wide.expanded = extra.map(function (other) { return other.term; });
  return wide;
}

// Loads the next tier of a term's documents (shared by concurrent queries).
Engine.prototype.deepen = function (manifest, list) {
  if (!list.loading) {
    var tier = list.tiers[0];
    list.loading = this.file(manifest, tier[0], tier.slice(3, 5), loadIndex).then(function (loaded) {
      if (list.tiers[0] === tier) {
        list.add(loaded.index);
        list.tiers.shift();
      }
      list.loading = null;
    }, function (error) { list.loading = null; throw error; });
  }
  return list.loading;
};

// A test of document numbers for `filters` ({section: "news", topics: ["a", "b"], ...}): values of one
// field are alternatives, fields are all required. Filter files are fetched here, once.
Engine.prototype.filter = function (manifest, filters) {
  var self = this, tests = [];
  Object.keys(filters || {}).forEach(function (field) {
    var wanted = filters[field];
    if (wanted === undefined || wanted === null) return;
    wanted = Array.isArray(wanted) ? wanted : [wanted];
    if (!wanted.length) return;
    if (field === "section") {
      var ranges = wanted.map(function (value) {
        return Object.prototype.hasOwnProperty.call(manifest.sections, value) ? manifest.sections[value] : [0, 0];
      });
      tests.push(Promise.resolve(function (number) {
        return ranges.some(function (range) { return number >= range[0] && number < range[1]; });
      }));
      return;
    }
    var values = Object.prototype.hasOwnProperty.call(manifest.facets, field) ? manifest.facets[field] : null;
    if (!values) throw new Error("search: no filter '" + field + "'; known: section, " + Object.keys(manifest.facets).join(", "));
    tests.push(Promise.all(wanted.map(function (value) {
      if (!Object.prototype.hasOwnProperty.call(values, String(value))) return new Set();
      var entry = values[String(value)];
      return self.file(manifest, entry[0], entry.slice(2, 4), function (deltas) {
        var members = new Set(), number = 0;
        deltas.forEach(function (delta) { number += delta; members.add(number); });
        return members;
      });
    })).then(function (sets) {
      return function (number) { return sets.some(function (set) { return set.has(number); }); };
    }));
  });
  return Promise.all(tests).then(function (checks) {
    return function (number) { return checks.every(function (check) { return check(number); }); };
  });
};

// Documents with every term ("all") or any ("any", those with more terms first), filtered, best first.
function combine(lists, accept, mode) {
  var found = new Map();
  var sources = mode === "all"
    ? [lists.reduce(function (a, b) { return b.docs.size < a.docs.size ? b : a; })]
    : lists;
  sources.forEach(function (source) {
    source.docs.forEach(function (unused, number) {
      if (found.has(number) || !accept(number)) return;
      var score = 0, matched = [];
      for (var i = 0; i < lists.length; i++) {
        var hit = lists[i].docs.get(number);
        if (hit !== undefined) {
          score += hit;
          matched.push(lists[i].term);
        } else if (mode === "all") {
          return;
        }
      }
      found.set(number, { number: number, score: Math.round(score * 1e6) / 1e6, matched: matched });
    });
  });
  return Array.from(found.values()).sort(function (a, b) {
    return b.matched.length - a.matched.length || b.score - a.score || a.number - b.number;
  });
}

// The display rows of `numbers`, in order. Rows come from the rows files of the query's frequent
// terms when one holds several of those needed, else from the doc store; all are kept.
Engine.prototype.documents = function (manifest, numbers, lists) {
  var self = this, rows = this.rows, size = manifest.docs.chunk, columns = manifest.docs.columns;
  var missing = numbers.filter(function (number) { return !rows.has(number); });
  var requests = [];
  var pool = lists.filter(function (list) { return list.rows; }).map(function (list) {
    return { file: list.rows, best: list.best(manifest.docs.term_rows) };
  });
  while (missing.length && pool.length) {
    var choice = null, gain = 0;
    pool.forEach(function (candidate) {
      var count = missing.filter(function (number) { return candidate.best.has(number); }).length;
      if (count > gain) { gain = count; choice = candidate; }
    });
    if (gain < ROWS_MIN_GAIN) break;
    requests.push(this.file(manifest, choice.file[0], choice.file.slice(1, 3)).then(function (entries) {
      entries.forEach(function (entry) { rows.set(entry[0], entry.slice(1)); });
    }));
    missing = missing.filter(function (number) { return !choice.best.has(number); });
    pool = pool.filter(function (candidate) { return candidate !== choice; });
  }
  function fromStore(wanted) {
    var chunks = new Set(wanted.map(function (number) { return Math.floor(number / size); }));
    return Array.from(chunks).map(function (chunk) {
      return self.file(manifest, "d/" + chunk + ".json", runLocation(manifest.docs, chunk)).then(function (entries) {
        entries.forEach(function (row, i) { rows.set(chunk * size + i, row); });
      });
    });
  }
  return Promise.all(requests.concat(fromStore(missing))).then(function () {
    // A rows file holds what the build ranked best; should a row still be missing, the store has it.
    return Promise.all(fromStore(numbers.filter(function (number) { return !rows.has(number); })));
  }).then(function () {
    return numbers.map(function (number) {
      var record = {}, row = rows.get(number);
      columns.forEach(function (column, i) { record[column] = row[i]; });
      return record;
    });
  });
};

Engine.prototype.run = function (text, options) {
  var self = this, manifest, lists, accept, limit = options.limit || this.limit, offset = options.offset || 0;
  var want = offset + limit;
  return this.manifest.then(function (loaded) {
    manifest = loaded;
    text = String(text || "");
    var terms = Array.from(new Set(pipeline.tokens(text, manifest.profile.lang)));
    var prefix = options.prefix ? pipeline.lastWord(text, manifest.profile.lang) : null;
    var exact = prefix && pipeline.tokens(prefix.word, manifest.profile.lang)[0];
    return Promise.all([
      Promise.all(terms.map(function (term) { return self.termList(manifest, term); })),
      self.filter(manifest, options.filters),
      prefix ? self.prefixTerms(manifest, prefix.folded, exact) : []
    ]).then(function (ready) {
      if (!prefix || !ready[2].length) return ready;
      var lists = ready[0], at = exact === undefined ? -1 : terms.indexOf(exact);
      if (at === -1) {
        lists = lists.concat([widened(new TermList(prefix.folded), ready[2])]);
      } else {
        lists = lists.slice();
        lists[at] = widened(lists[at], ready[2]);
      }
      return [lists, ready[1]];
    });
  }).then(function (ready) {
    lists = ready[0];
    accept = ready[1];
    // Frequent terms hold only their best documents at first: while too few documents have every
    // term, load the next tier of the term with the fewest documents loaded (doubling what is loaded
    // of it doubles the expected matches at the least cost), until no term has tiers left.
    function gather() {
      var matches = lists.length ? combine(lists, accept, "all") : [];
      var impossible = lists.some(function (list) { return !list.docs.size && !list.tiers.length; });
      var deeper = lists.filter(function (list) { return list.tiers.length; });
      if (matches.length >= want || impossible || !deeper.length) return matches;
      var next = deeper.reduce(function (a, b) { return b.docs.size < a.docs.size ? b : a; });
      return self.deepen(manifest, next).then(gather);
    }
    return gather();
  }).then(function (matches) {
    var mode = "all";
    if (!matches.length && lists.length > 1 && options.any !== false) {
      mode = "any";
      matches = combine(lists, accept, "any");
    }
    var page = matches.slice(offset, want);
    var numbers = page.map(function (match) { return match.number; });
    return self.documents(manifest, numbers, lists).then(function (records) {
      var results = page.map(function (match, i) {
        var record = records[i];
        return {
          url: record.url, title: record.title, section: record.section, date: record.date,
          summary: record.summary, terms: record.terms, lang: record.lang || "", passage: record.passage || null,
          score: match.score, matched: match.matched
        };
      });
      results.terms = [];
      lists.forEach(function (list) { results.terms.push.apply(results.terms, [list.term].concat(list.expanded || [])); });
      results.total = matches.length;
      results.complete = lists.every(function (list) { return !list.tiers.length && !list.partial; });
      results.mode = mode;
      return results;
    });
  });
};

// The text of a result's document (as much of its body as the index holds), or "" when it has none.
Engine.prototype.passage = function (result) {
  var self = this;
  if (!result.passage) return Promise.resolve("");
  return this.manifest.then(function (manifest) {
    return self.file(manifest, "p/" + result.passage.join("."), result.passage);
  });
};

// The window of `text` (about EXCERPT characters, cut between words) holding most of the query's
// terms, the earliest such: { text, before, after } (before/after: text was cut there), or null when
// no word of the text has one of the terms. `terms` is a Set of index terms.
function excerpt(text, terms, lang, size) {
  size = size || EXCERPT;
  var words = /[\p{L}\p{N}\p{M}'’ʼ]+/gu, hits = [], match;
  while ((match = words.exec(text))) {
    var found = pipeline.tokens(match[0], lang).filter(function (token) { return terms.has(token); });
    if (found.length) hits.push({ at: match.index, end: match.index + match[0].length, terms: found });
  }
  if (!hits.length) return null;
  var best = null, bestCount = 0;
  hits.forEach(function (hit, i) {
    var seen = new Set();
    for (var j = i; j < hits.length && hits[j].end - hit.at <= size; j++) hits[j].terms.forEach(function (t) { seen.add(t); });
    if (seen.size > bestCount) { best = hit; bestCount = seen.size; }
  });
  // Start a little before the first word, at a word's beginning; end at a word's end.
  var start = Math.max(0, best.at - Math.floor(size / 4));
  if (start > 0) {
    var space = text.indexOf(" ", start);
    start = space === -1 || space >= best.at ? best.at : space + 1;
  }
  var end = Math.min(text.length, start + size);
  if (end < text.length) {
    var back = text.lastIndexOf(" ", end);
    end = back > best.end ? back : Math.max(end, best.end);
  }
  return { text: text.slice(start, end).replace(/^[\s,;:.]+|[\s,;:]+$/g, ""), before: start > 0, after: end < text.length };
}

// options: filters, limit (default 10), offset, any (false: no fallback to documents with some terms),
// prefix (the last word also matches as a prefix).
// A file missing (404: the site was rebuilt since the manifest was read) reloads the manifest once.
Engine.prototype.query = function (text, options) {
  var self = this;
  options = options || {};
  return this.run(text, options).catch(function (error) {
    if (error.status !== 404) throw error;
    self.reset();
    return self.run(text, options);
  });
};

return {
  open: function (manifestUrl, options) { return new Engine(manifestUrl, options || {}); },
  shardOf: shardOf,
  excerpt: excerpt
};
});
