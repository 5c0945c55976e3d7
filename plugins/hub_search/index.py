"""A language's search index, split so that a reader's browser never downloads it whole.

Pure core (no Pelican): `build(records, lang)` turns a language's records into files, a dict of
relative path -> bytes that the glue writes under the language's search folder (same records, same
bytes). `search(files, text)` is the Python reader, for tests and tools; the browser's reader is
theme/static/js/search/search.js. tools/bench_search.py measures the choices below on a generated
hub of 50,000 documents; the figures quoted are from it.

A record: {"id": int, "url", "title", "summary", "body_text", "section", "date": ISO or "",
"terms": {"topics": [ids], "countries": [ids], "type": [ids], ...}} (strings unless said), and
optionally "lang": the language tag of a record shown in another language than the index's, and
"labels": the labels of its terms in the index's language (indexed as a field of their own).

Why split: lunr.py's one index of the bench's 20,000 English documents (title, summary, body) is
64 MB of JSON, 20 MB gzip; the first result must cost a reader at most ~150 KB, a later query ~30 KB.

What is built (paths relative to the language's search folder):

  manifest.json       the first fetch (~3 KB gzip): the language's pipeline profile, the shard keys,
                      the doc store's layout, the section ranges, the filter values and their files,
                      and `base`, the folder of everything else
  <base>s/<n>.json    shard n: a complete lunr index (lunr.py's Index.serialize(); lunr.js loads it
                      with lunr.Index.load) of a contiguous range of the language's sorted terms,
                      with each term's best `tier_docs` documents; ~8 KB gzip (`shard_budget`).
                      `more` names, for a term with more documents, its further tiers
  <base>t/<n>.<k>.<i>.json
                      tier i of term k of shard n: the term's next documents, also a lunr index;
                      each tier multiplies what is loaded of the term by `tier_growth`
  <base>d/<c>.json    the doc store: display rows [url, title, section, date, summary, terms, lang,
                      passage] of documents c*doc_chunk.. (fetched only for the results shown)
  <base>p/<n>.json    the passage of document n: its body text as indexed (a JSON string), fetched
                      only for a result shown whose summary lacks the query's words, to cut the
                      snippet from; its row's `passage` is its location (null: the summary is all)
  <base>r/<n>.<k>.json
                      rows file of term k of shard n (one of the `rows_terms` most frequent terms):
                      [number, *row] of its `term_rows` best documents, ~1.5 KB gzip; the engine
                      fetches it instead of the doc store when it holds several rows a page needs
  <base>f/<a>.<b>.json
                      the documents of one filter value (delta-coded numbers), fetched only when
                      that filter is used

Shards: the manifest keys shard n by the shortest prefix of its first term that sorts after the last
term of shard n-1, so the shard of a term is the last whose key sorts at or before it (a binary
search). Terms of the same prefix stay together, so the cut is by term prefix, of whatever length
keeps each shard near its budget: a frequent term gets a shard to itself, rare ones share.

Scores: the shards' lunr indexes have one field, `text`. Its weight for a (term, document) is the
term's "impact" in the document: the BM25 weight lunr.py's Builder would give the term in each of
the fields title (boost 10), summary (boost 3) and body (boost 1), computed over the whole language
(same k1, b, idf with lunr's count of (document, field) pairs, same rounding to 3 decimals), summed
over the fields. lunr.js scores a one-term query as the dot product of the query vector with the
field vector, so it returns exactly the score a single three-field lunr index would give (a test
compares them). A query of several terms sums its terms' scores, which ranks as one lunr index does
up to lunr's per-field normalisation of the query vector. One field rather than three halves the
postings to ship; the price is that a result does not say in which field a term matched.

Tiers: a term's documents are ranked by impact and the shard holds the first `tier_docs` (500). A
query needing every term looks for documents in all of its terms' loaded lists; only when too few are
found does it load the next tier of the term with the fewest documents loaded, and so on. The first
results are thus the best of the documents in which every term matters most: exact for a single
term (filtered or not: tiers are loaded until the page is full) and whenever every term has at most
`tier_docs` documents, an approximation otherwise (a document outside every term's loaded tiers
can rank high for their sum); `complete` on the results says which. A later page loads more.

Display rows: a page of 10 results needs 10 rows, and a file each would be 10 requests; in headless
Chromium on the bench machine each request costs ~2 ms whatever its size, most of a query's
latency. A frequent term's best documents are what a one-word query shows, so their rows also come
together in the term's rows file: a one-word query is then two requests (shard, rows file). Rows
files duplicate rows (about twice the doc store in English, five times in the smaller languages): disk
traded for requests. The summary is cut near `summary_chars` (200) characters: enough for a snippet.
The body is indexed up to `body_words` (400) words, which bounds long documents (the bench corpus
averages 230: 150 would cut disk by a fifth, 100 by a third).

Documents are numbered by section (SECTIONS order, then others by name), newest first, then by id:
a section filter is a range of numbers in the manifest, and equal scores rank the newer first.

Names: every build changes every weight (idf and average lengths move with each added document), so
per-file content hashes would change together anyway; the files are named by one hash of them all,
`base`, so hosts may cache everything under it forever and only manifest.json must be revalidated.
The packs' members are gzipped on their own (libdeflate level 7, no timestamp: deterministic), see
`Pack`; only with `HUB_SEARCH_GZIP` does the manifest get a precompressed `.gz` twin
(hub_search/glue.py), for hosts that serve such files (nginx `gzip_static on`, Caddy `precompressed
gzip`).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import re
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path

import deflate
import numpy
import orjson
from lunr import __TARGET_JS_VERSION__ as LUNR_JS_VERSION
from lunr.index import Index
from lunr.pipeline import Pipeline
from lunr.query import Query
from lunr.tokenizer import SEPARATOR_CHARS

from hub_search.pipeline import Analyzer, profile, registered_functions

FORMAT = "hub-search-2"
# Weighted at build time; "labels" are the item's topic, type and country labels in the index's language.
FIELDS = (("title", 10), ("summary", 3), ("labels", 3), ("body", 1))
FIELD = "text"  # the shards' one lunr field
if FIELDS[-1][0] != "body":
    raise AssertionError("Postings scores the body last: keep it last in FIELDS")
SECTIONS = ("news", "resources", "events", "courses", "opportunities")  # numbering order; others follow, sorted
DOC_COLUMNS = ("url", "title", "section", "date", "summary", "terms", "lang", "passage")
RECORD_KEYS = {"id", "url", "title", "summary", "body_text", "section", "date", "terms"}

# lunr's tokenizer cuts at these (lunr.py's list; lunr.js cuts at \s and '-', and the hub trimmer
# splits at every other separator, so both sides give the same terms).
SEPARATORS = re.compile("[" + re.escape(SEPARATOR_CHARS) + "]+")


@dataclass(frozen=True)
class Settings:
    """The numbers that trade bytes per query against bytes on disk and latency (tools/bench_search.py)."""

    tier_docs: int = 500  # documents per term in its shard, the best first
    tier_growth: int = 2  # each further tier multiplies the documents loaded of the term by this
    shard_budget: int = 1100  # (term, document) postings per shard: ~8 KB gzip, at most ~10.5 in the bench
    doc_chunk: int = 4  # display rows per doc-store member (the manifest lists each member's size)
    term_rows: int = 10  # display rows of a term's best documents in its rows file: a first page
    rows_min_docs: int = 5  # a term with at least this many documents may have a rows file,
    rows_terms: int = 256  # if it is one of the language's this many most frequent terms (rows files
    # duplicate display rows: one for every term once made 85% of a realistic index's bytes)
    summary_chars: int = 200  # the display summary (the snippet source) is cut at a word near this
    body_words: int | None = 400  # index only the first N words of the body (bounds long documents); None: all
    pack_bytes: int = 16 << 20  # a pack file is cut before this size (Cloudflare Pages takes 25 MiB at most)
    k1: float = 1.2  # lunr's BM25 parameters
    b: float = 0.75


class RecordError(ValueError):
    """A record the index cannot take; the message names it."""


# --- terms -----------------------------------------------------------------------------------------


class Terms:
    """The terms lunr.py's tokenizer and the hub pipeline give a text, remembered per piece.

    lunr's tokenizer cuts at whitespace and hyphens and the pipeline works on each piece alone, so
    a text's terms are its pieces' terms in order: computing each distinct piece once is exact and
    saves most of the work on a large corpus.
    """

    def __init__(self, lang: str, known: dict[str, list[str]] | None = None):
        self.analyzer = Analyzer(profile(lang))
        self.known = known or {}  # pieces analysed by an earlier build with the same code (cache.py)
        self.memo: dict[str, list[str]] = {}  # the pieces of this build: what the next one may reuse

    def __call__(self, text: str) -> list[str]:
        memo, terms = self.memo, []
        for piece in SEPARATORS.split(text.lower()):
            if not piece:
                continue
            found = memo.get(piece)
            if found is None:
                found = self.known.get(piece)
                if found is None:
                    found = self.analyzer.piece_terms(piece)
                memo[piece] = found
            terms.extend(found)
        return terms


# --- files -----------------------------------------------------------------------------------------


def dumps(data) -> bytes:
    """Compact UTF-8 JSON with sorted keys: the bytes of `json.dumps(data, ensure_ascii=False,
    sort_keys=True, separators=(",", ":"))` (a test compares them), made by orjson, seven times
    faster on a shard; JSON encoding was a tenth of an index build."""
    return orjson.dumps(data, option=orjson.OPT_SORT_KEYS)


def gz(data: bytes) -> bytes:
    """Gzip, deterministic (no timestamp), by libdeflate at level 7: on the bench's shards 4 times
    faster than zlib at level 9 and 3.7% smaller (zlib's gzip at level 9 was a fifth of an index
    build). Any gzip reader reads it: the browser's DecompressionStream, Python's gzip."""
    return bytes(deflate.gzip_compress(data, 7))


def ref(number: int) -> str:
    """A document's lunr ref: its number in base 36 (short, and lunr refs are strings)."""
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, rest = divmod(number, 36)
        text = digits[rest] + text
        if not number:
            return text


def separating_prefix(previous: str, first: str) -> str:
    """The shortest prefix of `first` that sorts after `previous` (previous < first)."""
    for length in range(1, len(first) + 1):
        if first[:length] > previous:
            return first[:length]
    return first


# --- records ---------------------------------------------------------------------------------------


def check(records: list[dict]) -> None:
    seen = set()
    for position, record in enumerate(records):
        name = f"search record {record.get('id', position)!r} ({record.get('url', 'no url')})"
        missing = RECORD_KEYS - set(record)
        if missing:
            raise RecordError(f"{name}: missing {sorted(missing)}")
        if not isinstance(record["id"], int) or isinstance(record["id"], bool):
            raise RecordError(f"{name}: id must be an integer")
        if record["id"] in seen:
            raise RecordError(f"{name}: id used twice")
        seen.add(record["id"])
        for key in ("url", "title", "summary", "body_text", "section", "date", "lang", "labels"):
            if not isinstance(record.get(key, ""), str):
                raise RecordError(f"{name}: {key} must be a string")
        if record["date"] and not re.fullmatch(r"\d{4}-\d\d-\d\d([T ].*)?", record["date"]):
            raise RecordError(f"{name}: date must be ISO (YYYY-MM-DD...) or empty, not {record['date']!r}")
        terms = record["terms"]
        if not isinstance(terms, dict) or any(not isinstance(v, list) for v in terms.values()):
            raise RecordError(f"{name}: terms must map a field to a list of ids")
        if "section" in terms:
            raise RecordError(f"{name}: 'section' is a record key, not a terms field")
        if any(isinstance(v, bool) or not isinstance(v, (str, int)) for ids in terms.values() for v in ids):
            raise RecordError(f"{name}: term ids must be strings or integers")


def section_rank(section: str) -> tuple[int, str]:
    return (SECTIONS.index(section), "") if section in SECTIONS else (len(SECTIONS), section)


def ordered(records: list[dict]) -> list[dict]:
    """Records in document-number order: by section, newest first, then by id."""
    records = sorted(records, key=lambda record: record["id"])
    records.sort(key=lambda record: record["date"], reverse=True)
    records.sort(key=lambda record: section_rank(record["section"]))
    return records


def display_summary(record: dict, limit: int) -> str:
    text = " ".join((record["summary"] or record["body_text"]).split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:.") + "…"


def passage_text(record: dict, settings: Settings) -> str:
    """The body as the index holds it (its first `body_words` words): where a snippet is cut from."""
    words = record["body_text"].split()
    return " ".join(words if settings.body_words is None else words[: settings.body_words])


def passage_member(number: int, record: dict, pack: Pack, settings: Settings) -> list[int] | None:
    """The location of the document's passage, or None when the summary shown already holds it all."""
    text = passage_text(record, settings)
    if not text or (not record["summary"] and len(text) <= settings.summary_chars):
        return None
    return pack.put(f"p/{number}.json", dumps(text))


# --- weights ---------------------------------------------------------------------------------------


class Postings:
    """Every term's documents and impacts, computed over the whole language as lunr.py does.

    A document's impact for a term is what lunr would score it for that term alone: the term's BM25
    weight in each field (lunr.py's Builder, operation for operation, rounded as it rounds) times the
    field's boost, summed over the fields.

    The arithmetic runs on numpy arrays of all the language's (term, document) pairs at once: done one
    posting at a time in Python it was most of an index build. numpy's float64 operations are the
    IEEE ones Python's floats make, in the same order, so they give the same floats; only rounding
    differs (numpy scales and rounds, Python rounds the exact decimal value), and `round3` hands the
    few values where the two could disagree to Python's `round`. A test compares every impact with
    lunr.py's Builder's field scores, summed, to the last bit.
    """

    def __init__(self, records: list[dict], lang: str, settings: Settings, terms: Terms | None = None):
        count = len(records)
        ids, fields = _counted(records, terms or Terms(lang), settings)
        vocabulary = sorted(ids)
        rank = numpy.empty(len(ids), dtype=numpy.int64)  # term number -> its place in sorted order
        rank[numpy.fromiter((ids[term] for term in vocabulary), dtype=numpy.int64, count=len(ids))] = \
            numpy.arange(len(ids), dtype=numpy.int64)
        term_of, documents, impacts = _summed(_scored(fields, rank, count, settings), count)
        # Ranked: by term, then impact (best first), then document number (lower first: the keys'
        # order, which a stable sort keeps). An impact is a whole number of thousandths.
        thousandths = numpy.rint(impacts * 1000).astype(numpy.int64)
        span = int(thousandths.max()) + 1 if len(thousandths) else 1
        order = numpy.argsort(term_of * span + (span - 1 - thousandths), kind="stable")
        del thousandths
        self._documents, self._impacts = documents[order].astype(numpy.int32), impacts[order]
        counts = numpy.bincount(term_of, minlength=len(vocabulary)).tolist()
        self.counts: dict[str, int] = dict(zip(vocabulary, counts))  # term -> its documents, terms sorted
        ends = numpy.cumsum(counts).tolist()
        self._spans = {term: (end - size, end) for term, size, end in zip(vocabulary, counts, ends)}

    def ranked(self, term: str) -> list[tuple[int, float]]:
        """The term's (document, impact), best first (equal impacts: lower document number first)."""
        start, end = self._spans[term]
        return list(zip(self._documents[start:end].tolist(), self._impacts[start:end].tolist()))


def _counted(records: list[dict], terms: Terms, settings: Settings) -> tuple[dict[str, int], list]:
    """(term -> its number, in order of first sight; per field in FIELDS: its postings' term numbers,
    frequencies and documents as arrays, and each document's length in terms)."""
    ids: dict[str, int] = {}
    fields = []
    for name, _ in FIELDS:
        numbers, frequencies, sizes, lengths = array("i"), array("i"), array("i"), array("l")
        for record in records:
            text = record["body_text"] if name == "body" else record.get(name, "")
            if name == "body" and settings.body_words is not None:
                text = " ".join(text.split()[: settings.body_words])
            tokens = terms(text)
            counted = Counter(tokens)
            numbers.extend([ids.setdefault(term, len(ids)) for term in counted])
            frequencies.extend(counted.values())
            sizes.append(len(counted))
            lengths.append(len(tokens))
        documents = numpy.repeat(numpy.arange(len(records), dtype=numpy.int32), numpy.frombuffer(sizes, numpy.int32))
        fields.append((numpy.frombuffer(numbers, numpy.int32), numpy.frombuffer(frequencies, numpy.int32),
                       documents, lengths))
    return ids, fields


def _scored(fields: list, rank, count: int, settings: Settings):
    """Per field, yielded: its postings' (term, document) keys (the term's sorted place * count +
    document) and rounded scores. `fields` is emptied as it goes: a field's arrays are freed once
    scored (a language's postings are millions)."""
    # lunr's document frequency counts (document, field) pairs; idf by Python's math.log, whose
    # results numpy's vectorised log does not promise to match.
    df = sum(numpy.bincount(numbers, minlength=len(rank)) for numbers, *_ in fields).tolist()
    idf = numpy.array([math.log(1 + abs((count - n + 0.5) / (n + 0.5))) for n in df], dtype=numpy.float64)
    k1, b = settings.k1, settings.b
    for _, boost in FIELDS:
        numbers, frequencies, documents, lengths = fields.pop(0)
        # lunr.py's Builder._create_field_vectors: a field's score is idf * ((k1 + 1) * tf) /
        # (norm + tf), times the field's boost, times the document's (1), rounded to 3 decimals.
        # The same operations in the same order, in place.
        average = sum(lengths) / count if count else 0
        norms = (k1 * (1 - b + b * (numpy.asarray(lengths, dtype=numpy.float64) / average)) if average
                 else numpy.full(count, k1 * (1 - b)))
        key = rank[numbers]
        key *= count
        key += documents
        score = idf[numbers]
        other = (k1 + 1) * frequencies
        score *= other
        numpy.add(norms[documents], frequencies, out=other)
        score /= other
        score *= boost
        del numbers, frequencies, documents, other
        yield key, round3(score)
        del key, score


def _summed(scored, count: int) -> tuple:
    """(terms' sorted places, documents, impacts) of every (term, document) pair, in key order, from
    each field's (keys, scores) as `_scored` yields them: a pair's fields' scores summed in FIELDS
    order and the sum rounded. A stable sort keeps each pair's scores
    in field order; a pair has at most one score per field, and a field without it adds nothing."""
    keys, scores = zip(*scored)
    keys = numpy.concatenate(keys)
    order = numpy.argsort(keys, kind="stable")
    keys = keys[order]
    scores = numpy.concatenate(scores)[order]
    del order
    starts = numpy.flatnonzero(numpy.concatenate(([len(keys) > 0], keys[1:] != keys[:-1])))
    sizes = numpy.diff(numpy.append(starts, len(keys)))
    impacts = scores[starts]
    for field in range(1, len(FIELDS)):
        more = sizes > field
        impacts[more] += scores[starts[more] + field]
    del scores, sizes
    term_of, documents = numpy.divmod(keys[starts], max(count, 1))
    return term_of, documents, round3(impacts)


def round3(values):
    """Python's round(value, 3) of each value: numpy's scaled rounding, except where the scaled value
    lies so near a half that the scaling's own rounding error could tip it, where Python rounds."""
    scaled = values * 1000
    rounded = numpy.rint(scaled)
    numpy.subtract(scaled, rounded, out=scaled)  # exact: how far it was from the nearest whole number
    near = numpy.flatnonzero(numpy.abs(scaled, out=scaled) > 0.5 - 1e-6)
    rounded /= 1000
    if len(near):
        rounded[near] = [round(value, 3) for value in values[near].tolist()]
    return rounded


def tiers(ranked: list, settings: Settings) -> list[list]:
    """A term's ranked documents cut into tiers: the first `tier_docs`, then each further tier as
    many as all before it times (tier_growth - 1), so each tier multiplies what is loaded."""
    result, start = [ranked[: settings.tier_docs]], settings.tier_docs
    while start < len(ranked):
        size = start * (settings.tier_growth - 1)
        result.append(ranked[start: start + size])
        start += size
    return result


class Refs:
    """The documents' lunr refs (their numbers in base 36) and their field vectors' keys, made once
    per index rather than once per shard and tier that holds the document."""

    def __init__(self, count: int):
        self.names = [ref(number) for number in range(count)]
        self.vectors = [f"{FIELD}/{name}" for name in self.names]


def lunr_index(terms: list[tuple[str, list]], refs: Refs, pipeline: list[str]) -> dict:
    """A lunr index of these terms and their (document, impact), as lunr.py's Index.serialize()
    writes it (a test compares them), built directly: lunr.py's index, vector and token-set
    objects cost most of a large hub's indexing, and lunr.js rebuilds the token set on load anyway.

    One field, FIELD, whose weight for a (term, document) is the impact: lunr.js scores a document
    for one term as the dot product of the query vector (1 for the term) with the field vector, so
    it gives the impact itself, as it would sum the three fields' weighted scores. The impacts come
    rounded to 3 decimals (Postings), as lunr rounds a field vector's elements.
    """
    inverted = []
    vectors: dict[int, list] = defaultdict(list)
    no_metadata: dict = {}  # a posting's metadata (lunr's metadataWhitelist is empty), one `{}` for all
    names, keys = refs.names, refs.vectors
    for term_index, (term, documents) in enumerate(sorted(terms, key=itemgetter(0))):
        documents = sorted(documents, key=itemgetter(0))
        for doc, impact in documents:
            vectors[doc] += (term_index, impact)
        inverted.append([term, {FIELD: dict.fromkeys([names[doc] for doc, _ in documents], no_metadata),
                                "_index": term_index}])
    return {"version": LUNR_JS_VERSION, "fields": [FIELD], "pipeline": pipeline,
            "fieldVectors": [[keys[doc], vectors[doc]] for doc in sorted(vectors)],
            "invertedIndex": inverted}


# --- the build -------------------------------------------------------------------------------------


class Pack:
    """The language's index files as members of a few pack files.

    Each member is gzipped on its own (or stored plain when gzip saves little: JSON never starts with
    gzip's magic bytes, so the reader tells them apart) and fetched with an HTTP Range request for its bytes, as
    PMTiles and sql.js-httpvfs read archives from static hosts: a hub of any size adds a handful of
    files to the site rather than one per shard, row chunk and filter (which once made 91% of a large
    hub's files), and a member costs a reader the same bytes as a precompressed file of its own. A
    pack is cut before it passes `limit` bytes (hosts limit a file's size); a member never spans two.
    Members are addressed by [offset, length] in the packs laid end to end.
    """

    def __init__(self, limit: int):
        self.limit = limit
        self.packs: list[bytearray] = [bytearray()]
        self.starts = [0]
        self.at: dict[str, list[int]] = {}  # label (the member's name, for tests and tools) -> location

    @staticmethod
    def member(raw: bytes) -> bytes:
        """A member's bytes in the pack: gzipped, or plain when gzip saves little (unzipping would
        cost the reader more than it saves)."""
        member = gz(raw)
        return raw if len(member) > len(raw) * 0.8 else member

    def put(self, label: str, raw: bytes) -> list[int]:
        return self.place(label, self.member(raw))

    def place(self, label: str, member: bytes) -> list[int]:
        if self.packs[-1] and len(self.packs[-1]) + len(member) > self.limit:
            self.starts.append(self.starts[-1] + len(self.packs[-1]))
            self.packs.append(bytearray())
        location = [self.starts[-1] + len(self.packs[-1]), len(member)]
        self.packs[-1] += member
        self.at[label] = location
        return location

    def put_run(self, labelled: list[tuple[str, bytes]]) -> dict:
        """Members read by number (doc chunks, shards), given as `member` made them: where the first is
        and each one's size."""
        locations = [self.place(label, member) for label, member in labelled]
        return {"start": locations[0][0] if locations else 0, "sizes": [size for _, size in locations]}


def run_location(run: dict, number: int) -> list[int]:
    """The location of member `number` of a run laid down by Pack.put_run (pack cuts add no gaps
    inside a pack, and a new pack starts where the previous one ended)."""
    return [run["start"] + sum(run["sizes"][:number]), run["sizes"][number]]


def frequent_terms(postings: Postings, settings: Settings) -> set[str]:
    """The terms that get a rows file: the `rows_terms` with the most documents (at least `rows_min_docs`)."""
    counts = {term: count for term, count in postings.counts.items() if count >= settings.rows_min_docs}
    return set(sorted(counts, key=lambda term: (-counts[term], term))[: settings.rows_terms])


def shard_data(number: int, terms: list[str], postings: Postings, rows: list, refs: Refs,
               pipeline: list[str], pack: Pack, settings: Settings, with_rows: set[str]) -> bytes:
    """Shard `number` (its terms' first tiers), after packing its terms' further tiers and rows. Its
    terms' ranked postings become Python tuples here, one shard at a time: all of a language's at
    once took most of a build's memory (half a gigabyte for 16,000 documents)."""
    current = [(term, first, rest) for term in terms for first, *rest in [tiers(postings.ranked(term), settings)]]
    further, best_rows = {}, {}
    for term_index, (term, first, rest) in enumerate(current):
        count = len(first) + sum(map(len, rest))
        if term in with_rows:
            best = (first + [doc for tier in rest for doc in tier])[: settings.term_rows]
            path = f"r/{number}.{term_index}.json"
            best_rows[term] = [path, *pack.put(path, dumps([[doc, *rows[doc]] for doc, _ in best]))]
        if not rest:
            continue
        tier_files = []
        for tier, documents in enumerate(rest, start=1):
            path = f"t/{number}.{term_index}.{tier}.json"
            location = pack.put(path, dumps({"index": lunr_index([(term, documents)], refs, pipeline),
                                             "term": term, "tier": tier}))
            tier_files.append([path, len(documents), documents[0][1], *location])
        further[term] = {"docs": count, "tiers": tier_files}
    return dumps({"index": lunr_index([(term, first) for term, first, _ in current], refs, pipeline),
                  "more": further, "rows": best_rows})


def shards(postings: Postings, settings: Settings) -> list[list[str]]:
    """Terms in order, cut into shards of about `shard_budget` postings of their first tiers."""
    cut: list[list] = [[]]
    cost = 0
    for term, count in postings.counts.items():
        term_cost = 2 + min(count, settings.tier_docs)  # the first tier (tiers)
        if cut[-1] and cost + term_cost > settings.shard_budget:
            cut.append([])
            cost = 0
        cut[-1].append(term)
        cost += term_cost
    return [shard for shard in cut if shard]


def facet_members(records: list[dict], pack: Pack) -> dict[str, dict[str, list]]:
    """Each filter value's documents (delta-coded numbers) as a member: value -> [label, count, *location]."""
    members: dict[str, dict[str, set[int]]] = {}
    for number, record in enumerate(records):
        for field, ids in record["terms"].items():
            for value in ids:
                members.setdefault(field, {}).setdefault(str(value), set()).add(number)
    facets: dict[str, dict[str, list]] = {}
    for field_number, field in enumerate(sorted(members)):
        facets[field] = {}
        for value_number, value in enumerate(sorted(members[field])):
            numbers = sorted(members[field][value])
            path = f"f/{field_number}.{value_number}.json"
            location = pack.put(path, dumps([numbers[0]] + [b - a for a, b in zip(numbers, numbers[1:])]))
            facets[field][value] = [path, len(numbers), *location]
    return facets


def build(records: list[dict], lang: str, settings: Settings = Settings(), terms: Terms | None = None) -> dict[str, bytes]:
    """The language's search files: relative path -> bytes (manifest.json and the packs). `terms`
    may bring the pieces an earlier build analysed (the same bytes either way; cache.py)."""
    check(records)
    records = ordered(records)
    pipeline = Pipeline()
    pipeline.add(*registered_functions(lang))
    pipeline = pipeline.serialize()
    postings = Postings(records, lang, settings, terms)
    refs = Refs(len(records))
    pack = Pack(settings.pack_bytes)

    # Passages: each document's text as indexed, a member of its own that a result fetches only when
    # its summary lacks the query's words; its row says where it is.
    passages = [passage_member(number, record, pack, settings) for number, record in enumerate(records)]
    # The doc store: display rows, `doc_chunk` per member, in document-number order.
    rows = [[record["url"], record["title"], record["section"], record["date"],
             display_summary(record, settings.summary_chars),
             {field: ids for field, ids in sorted(record["terms"].items()) if ids}, record.get("lang", ""),
             passage]
            for record, passage in zip(records, passages)]
    docs = pack.put_run([(f"d/{chunk}.json", pack.member(dumps(rows[start: start + settings.doc_chunk])))
                         for chunk, start in enumerate(range(0, len(rows), settings.doc_chunk))])
    facets = facet_members(records, pack)
    cut = shards(postings, settings)
    keys = [""] + [separating_prefix(before[-1], after[0]) for before, after in zip(cut, cut[1:])]
    with_rows = frequent_terms(postings, settings)
    # Each shard's further tiers and rows go into the pack as it is made; the shards themselves, read
    # by number, follow as one run.
    shard_run = pack.put_run([(f"s/{number}.json", pack.member(
        shard_data(number, terms, postings, rows, refs, pipeline, pack, settings, with_rows)))
                              for number, terms in enumerate(cut)])
    sections: dict[str, list[int]] = {}
    for number, record in enumerate(records):
        sections.setdefault(record["section"], [number, number])[1] = number + 1

    # Every build changes every weight (idf and average lengths move with each document), so the
    # packs are named by one hash of them all: a new build is a new folder.
    generation = hashlib.sha256()
    for data in pack.packs:
        generation.update(f"{len(data)}\0".encode() + data)
    base = generation.hexdigest()[:12] + "/"
    manifest = {
        "format": FORMAT, "lang": lang, "profile": profile(lang).as_json(), "count": len(records),
        "base": base, "fields": [[name, boost] for name, boost in FIELDS], "shards": keys[: len(cut)],
        "shard_run": shard_run, "packs": [[f"{number}.bin", start] for number, start in enumerate(pack.starts)],
        "docs": {"chunk": settings.doc_chunk, "columns": list(DOC_COLUMNS), "term_rows": settings.term_rows,
                 **docs},
        "sections": sections, "facets": facets,
    }
    files = {"manifest.json": dumps(manifest)}
    files.update((f"{base}{number}.bin", bytes(data)) for number, data in enumerate(pack.packs))
    return files


# --- the Python reader -----------------------------------------------------------------------------


def shard_of(keys: list[str], term: str) -> int:
    """The number of the shard whose range holds `term` (the last key <= term)."""
    low, high = 0, len(keys)
    while high - low > 1:
        middle = (low + high) // 2
        if keys[middle] <= term:
            low = middle
        else:
            high = middle
    return low


class Reader:
    """A built language index read from its files (a dict from `build`, or a folder)."""

    def __init__(self, files: dict[str, bytes] | Path):
        self._files = files
        self.manifest = json.loads(self.read("manifest.json"))
        self.loaded: list[str] = []  # members read, by label, in order, for tests

    def read(self, path: str) -> bytes:
        if isinstance(self._files, dict):
            return self._files[path]
        return (Path(self._files) / path).read_bytes()

    def member(self, label: str, location: list[int]):
        """A member's JSON, as the browser reads it: the bytes of its range in its pack, gunzipped."""
        offset, length = location
        number = max(n for n, (_, start) in enumerate(self.manifest["packs"]) if start <= offset)
        name, start = self.manifest["packs"][number]
        data = self.read(self.manifest["base"] + name)[offset - start: offset - start + length]
        self.loaded.append(self.manifest["base"] + label)
        return json.loads(gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data)

    def term_scores(self, term: str) -> dict[int, float]:
        """Every document of `term` (all tiers) -> its lunr score."""
        if not self.manifest["shards"]:
            return {}
        number = shard_of(self.manifest["shards"], term)
        shard = self.member(f"s/{number}.json", run_location(self.manifest["shard_run"], number))
        indexes = [shard["index"]]
        indexes += [self.member(label, location)["index"]
                    for label, _, _, *location in shard["more"].get(term, {}).get("tiers", [])]
        found: dict[int, float] = {}
        for serialised in indexes:
            index = Index.load(serialised)
            query = index.create_query()
            query.term(term, use_pipeline=False, wildcard=Query.WILDCARD_NONE)
            for result in index.query(query):
                found[int(result["ref"], 36)] = result["score"]
        return found

    def documents(self, numbers: list[int]) -> list[dict]:
        chunk, columns = self.manifest["docs"]["chunk"], self.manifest["docs"]["columns"]
        rows = []
        for number in numbers:
            data = self.member(f"d/{number // chunk}.json", run_location(self.manifest["docs"], number // chunk))
            rows.append(dict(zip(columns, data[number % chunk])))
        return rows

    def passage(self, row: dict) -> str:
        """The passage of a result (a row of `documents`), or "" when its summary is all it has."""
        return self.member(f"p/{row.get('number', '')}.json", row["passage"]) if row["passage"] else ""

    def search(self, text: str, filters: dict | None = None, limit: int = 10) -> list[dict]:
        """Documents with every term of `text` (after the language's pipeline), best first."""
        registered_functions(self.manifest["lang"])
        terms = list(dict.fromkeys(Analyzer(profile(self.manifest["lang"])).tokens(text)))
        if not terms:
            return []
        scores = [self.term_scores(term) for term in terms]
        numbers = set(scores[0]).intersection(*scores[1:])
        for field, wanted in (filters or {}).items():
            if field != "section" and field not in self.manifest["facets"]:
                raise ValueError(f"no filter {field!r}; known: section, {', '.join(self.manifest['facets'])}")
            wanted = [wanted] if isinstance(wanted, (str, int)) else wanted
            allowed = set()
            for value in wanted:
                if field == "section":
                    start, end = self.manifest["sections"].get(value, (0, 0))
                    allowed.update(range(start, end))
                elif str(value) in self.manifest["facets"][field]:
                    label, _, *location = self.manifest["facets"][field][str(value)]
                    deltas = self.member(label, location)
                    total = 0
                    for delta in deltas:
                        total += delta
                        allowed.add(total)
            numbers &= allowed
        total = {number: round(sum(s[number] for s in scores), 6) for number in numbers}
        ranked = sorted(numbers, key=lambda n: (-total[n], n))[:limit]
        results = []
        for number, row in zip(ranked, self.documents(ranked)):
            row.update(number=number, score=total[number], matched=terms)
            results.append(row)
        return results


def unpack(files: dict[str, bytes]) -> dict[str, bytes]:
    """Every member of a built index under its own name (base + label), with the manifest: the
    index as separate files, for tests and tools that look inside."""
    reader = Reader(files)
    manifest, base = reader.manifest, reader.manifest["base"]
    found = {"manifest.json": files["manifest.json"]}

    def take(label, location):
        data = reader.member(label, location)
        found[base + label] = dumps(data)
        return data

    for chunk in range(len(manifest["docs"]["sizes"])):
        rows = take(f"d/{chunk}.json", run_location(manifest["docs"], chunk))
        for position, row in enumerate(rows):
            if row[DOC_COLUMNS.index("passage")]:
                take(f"p/{chunk * manifest['docs']['chunk'] + position}.json", row[DOC_COLUMNS.index("passage")])
    for values in manifest["facets"].values():
        for label, _, *location in values.values():
            take(label, location)
    for number in range(len(manifest["shards"])):
        shard = take(f"s/{number}.json", run_location(manifest["shard_run"], number))
        for label, *location in shard["rows"].values():
            take(label, location)
        for more in shard["more"].values():
            for label, _, _, *location in more["tiers"]:
                take(label, location)
    return dict(sorted(found.items()))


def search(files: dict[str, bytes] | Path, text: str, filters: dict | None = None, limit: int = 10) -> list[dict]:
    """Search a built language index in Python (every tier: complete, for tests and tools)."""
    return Reader(files).search(text, filters, limit)
