"""A language's search index, split so a reader's browser never downloads it whole.

Pure core (no Pelican): `build(records, lang)` turns a language's records into files, a dict of
relative path -> bytes; the glue writes them under the language's search folder. Same records, same
bytes. `search(files, lang, text)` is the Python reader, for tests and tools (the browser's reader is
theme/static/js/search/search.js). Read docs/search-index.md for the measurements behind the numbers.

One lunr index of a hub-sized language is tens of megabytes. So the index is cut twice:

- by term: the language's terms, sorted, are cut into contiguous ranges ("shards"), each a complete
  lunr index (lunr.py's `Index.serialize()`, loaded by lunr.js's `lunr.Index.load`) holding only its
  terms; a query fetches the shard of each of its terms. The manifest names each shard with the
  shortest prefix of its first term that sorts after the previous shard's last term.
- by impact, for frequent terms: a term's documents are ranked by what the term adds to their score
  (its lunr BM25 weights summed over the fields); the shard holds the first `tier_docs` of them, and
  further "tier" files (each `tier_growth` times larger than the one before, one term each, also lunr
  indexes) hold the rest, named in the shard, fetched only when a query needs more documents than
  the first tiers give (a rare combination of terms, a narrow filter, a later page).

Weights are computed over the whole language, exactly as lunr.py's Builder computes them for one index
(same BM25, same k1 and b, same idf with lunr's count of (document, field) pairs, same rounding), so
a document's score for a term is the same whichever file holds it; a test proves a one-shard build
equals lunr.py's own. Fields and boosts: title 10, summary 3, body 1.

Display data lives apart, in the doc store: `docs/<volume>.<hash>/<chunk>.json`, `doc_chunk` records
per file, fetched only for the results shown. Documents are numbered by section (in SECTIONS order),
newest first, so a section filter is a range of numbers (in the manifest) and equal scores rank the
newer document first. Filters on terms (type, topics, countries...) use one small file per value,
listing its documents (`facets/`), fetched only when that filter is used.

Every file name but the manifest's carries a hash of its content (of its volume for the doc store),
so hosts may cache them forever. Every file also comes precompressed as `<name>.gz` (gzip level 9,
no timestamp, deterministic): hosts that serve precompressed files (nginx `gzip_static`, Caddy
`precompressed gzip`, the bench's server) send those with `Content-Encoding: gzip`; others ignore them.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import re
from array import array
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from lunr.index import Index
from lunr.pipeline import Pipeline
from lunr.query import Query
from lunr.token_set import TokenSet
from lunr.tokenizer import SEPARATOR_CHARS
from lunr.vector import Vector

from hub_search.pipeline import Analyzer, profile, registered_functions

FORMAT = "hub-search-1"
FIELDS = (("title", 10), ("summary", 3), ("body", 1))
SECTIONS = ("news", "resources", "events", "courses", "opportunities")  # numbering order; others follow, sorted
DOC_COLUMNS = ("url", "title", "section", "date", "summary", "terms")
RECORD_KEYS = {"id", "url", "title", "summary", "body_text", "section", "date", "terms"}

# lunr's tokenizer cuts at these (lunr.py's list; lunr.js cuts at \s and '-', and the hub trimmer
# splits at every other separator, so both sides give the same terms).
SEPARATORS = re.compile("[" + re.escape(SEPARATOR_CHARS) + "]+")


@dataclass(frozen=True)
class Settings:
    """The numbers that trade bytes per query against bytes on disk (see docs/search-index.md)."""

    tier_docs: int = 500  # documents per term in its shard, the best first
    tier_growth: int = 4  # each further tier holds this many times more documents than the one before
    shard_budget: int = 1100  # (document, field) postings per shard, about 9 KB gzip
    doc_chunk: int = 4  # display records per doc-store file
    summary_chars: int = 300  # the display summary (the snippet source) is cut at a word near this
    body_words: int | None = None  # index only the first N words of the body; None: all of it
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

    def __init__(self, lang: str):
        self.analyzer = Analyzer(profile(lang))
        self.memo: dict[str, list[str]] = {}

    def __call__(self, text: str) -> list[str]:
        memo, terms = self.memo, []
        for piece in SEPARATORS.split(text.lower()):
            if not piece:
                continue
            found = memo.get(piece)
            if found is None:
                found = memo[piece] = self.analyzer.tokens(piece)
            terms.extend(found)
        return terms


# --- files -----------------------------------------------------------------------------------------


def dumps(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def gz(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


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
        for key in ("url", "title", "summary", "body_text", "section", "date"):
            if not isinstance(record[key], str):
                raise RecordError(f"{name}: {key} must be a string")
        if record["date"] and not re.fullmatch(r"\d{4}-\d\d-\d\d([T ].*)?", record["date"]):
            raise RecordError(f"{name}: date must be ISO (YYYY-MM-DD...) or empty, not {record['date']!r}")
        terms = record["terms"]
        if not isinstance(terms, dict) or any(not isinstance(v, list) for v in terms.values()):
            raise RecordError(f"{name}: terms must map a field to a list of ids")
        if "section" in terms:
            raise RecordError(f"{name}: 'section' is a record key, not a terms field")


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


# --- weights ---------------------------------------------------------------------------------------


class Postings:
    """Every term's (document, field, weight), computed over the whole language as lunr.py does."""

    def __init__(self, records: list[dict], lang: str, settings: Settings):
        terms = Terms(lang)
        fields = [name for name, _ in FIELDS]
        count = len(records)
        # Per field: per document, its term frequencies and length.
        frequencies: list[list[Counter]] = []
        lengths: list[list[int]] = []
        for name in fields:
            counters, field_lengths = [], []
            for record in records:
                text = record["body_text"] if name == "body" else record[name]
                if name == "body" and settings.body_words is not None:
                    text = " ".join(text.split()[: settings.body_words])
                tokens = terms(text)
                counters.append(Counter(tokens))
                field_lengths.append(len(tokens))
            frequencies.append(counters)
            lengths.append(field_lengths)
        # lunr's document frequency counts (document, field) pairs.
        df: Counter = Counter()
        for counters in frequencies:
            for counter in counters:
                df.update(counter.keys())
        idf = {term: math.log(1 + abs((count - n + 0.5) / (n + 0.5))) for term, n in df.items()}
        k1, b = settings.k1, settings.b
        norms = []  # per field: per document, the BM25 length normalisation
        for position, (name, boost) in enumerate(FIELDS):
            average = sum(lengths[position]) / count if count else 0
            norms.append([k1 * (1 - b + b * (length / average)) for length in lengths[position]] if average
                         else [k1 * (1 - b)] * count)
        # term -> parallel arrays: document * 4 + field, weight (documents ascending, then fields).
        self.keys: dict[str, array] = {term: array("l") for term in sorted(df)}
        self.weights: dict[str, array] = {term: array("d") for term in df}
        for doc in range(count):
            for position, (name, boost) in enumerate(FIELDS):
                norm = norms[position][doc]
                key = doc * 4 + position
                for term, tf in frequencies[position][doc].items():
                    # lunr.py's Builder._create_field_vectors, operation for operation.
                    score = idf[term] * ((k1 + 1) * tf) / (norm + tf)
                    score *= boost
                    score *= 1  # the document boost
                    self.keys[term].append(key)
                    self.weights[term].append(round(score, 3))
        self.fields = fields

    def ranked(self, term: str) -> list[tuple[int, float, list[tuple[int, float]]]]:
        """The term's documents, best first: (document, impact, [(field, weight)])."""
        by_doc: dict[int, list[tuple[int, float]]] = {}
        for key, weight in zip(self.keys[term], self.weights[term]):
            by_doc.setdefault(key >> 2, []).append((key & 3, weight))
        ranked = [(doc, round(sum(w for _, w in entries), 3), entries) for doc, entries in by_doc.items()]
        ranked.sort(key=lambda item: (-item[1], item[0]))
        return ranked


def tiers(ranked: list, settings: Settings) -> list[list]:
    """A term's ranked documents cut into tiers: tier_docs, then tier_growth times more each time."""
    result, start, size = [], 0, settings.tier_docs
    while start < len(ranked) or not result:
        result.append(ranked[start: start + size])
        start += size
        size *= settings.tier_growth
    return result


def lunr_index(terms: list[tuple[str, list]], fields: list[str], refs: list[str], pipeline: Pipeline) -> dict:
    """A lunr index (as lunr.py serialises it) of these terms and their (document, impact, weights)."""
    inverted = {}
    vectors: dict[tuple[int, int], list] = {}
    for term_index, (term, documents) in enumerate(terms):
        posting: dict = {name: {} for name in fields}
        posting["_index"] = term_index
        for doc, _, weights in sorted(documents, key=lambda item: item[0]):
            for field, weight in weights:
                posting[fields[field]][refs[doc]] = {}
                vectors.setdefault((field, doc), []).extend((term_index, weight))
        inverted[term] = posting
    field_vectors = {f"{fields[field]}/{refs[doc]}": Vector(elements) for (field, doc), elements in sorted(vectors.items())}
    index = Index(inverted_index=inverted, field_vectors=field_vectors,
                  token_set=TokenSet.from_list([term for term, _ in terms]), fields=list(fields), pipeline=pipeline)
    return index.serialize()


# --- the build -------------------------------------------------------------------------------------


def build(records: list[dict], lang: str, settings: Settings = Settings()) -> dict[str, bytes]:
    """The language's search files: relative path -> bytes, each with its `.gz` twin."""
    check(records)
    records = ordered(records)
    data: dict[str, bytes] = {}  # paths relative to the generation folder
    search_pipeline = Pipeline()
    search_pipeline.add(*registered_functions(lang))
    postings = Postings(records, lang, settings)
    fields = postings.fields
    refs = [ref(number) for number in range(len(records))]

    # Shards: terms in order, packed up to the budget; a term's further tiers in files of their own.
    shard_keys: list[str] = []
    current: list[tuple[str, list, list]] = []
    cost, previous_last = 0, None

    def flush():
        nonlocal current, cost, previous_last
        number = len(shard_keys)
        further = {}
        for term_index, (term, first, rest) in enumerate(current):
            if not rest:
                continue
            tier_files = []
            for tier, documents in enumerate(rest, start=1):
                path = f"t/{number}.{term_index}.{tier}.json"
                data[path] = dumps({"index": lunr_index([(term, documents)], fields, refs, search_pipeline),
                                    "term": term, "tier": tier})
                tier_files.append([path, len(documents), documents[0][1]])
            further[term] = {"docs": len(first) + sum(map(len, rest)), "tiers": tier_files}
        shard_keys.append("" if previous_last is None else separating_prefix(previous_last, current[0][0]))
        data[f"s/{number}.json"] = dumps({
            "index": lunr_index([(term, first) for term, first, _ in current], fields, refs, search_pipeline),
            "more": further})
        previous_last = current[-1][0]
        current, cost = [], 0

    for term in postings.keys:
        first, *rest = tiers(postings.ranked(term), settings)
        term_cost = 2 + sum(len(weights) for _, _, weights in first)
        if current and cost + term_cost > settings.shard_budget:
            flush()
        current.append((term, first, rest))
        cost += term_cost
    if current:
        flush()

    # The doc store: display records, `doc_chunk` per file, in document-number order.
    rows = [[record["url"], record["title"], record["section"], record["date"],
             display_summary(record, settings.summary_chars),
             {field: ids for field, ids in sorted(record["terms"].items()) if ids}] for record in records]
    for chunk, start in enumerate(range(0, len(rows), settings.doc_chunk)):
        data[f"d/{chunk}.json"] = dumps(rows[start: start + settings.doc_chunk])

    # Sections as ranges of document numbers; term filters as one file per value.
    sections: dict[str, list[int]] = {}
    for number, record in enumerate(records):
        sections.setdefault(record["section"], [number, number])[1] = number + 1
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
            data[path] = dumps([numbers[0]] + [b - a for a, b in zip(numbers, numbers[1:])])
            facets[field][value] = [path, len(numbers)]

    # Every build changes every weight (idf and average lengths move with each document), so the
    # files are named by one hash of them all rather than one each: a new build is a new folder.
    generation = hashlib.sha256()
    for path, raw in sorted(data.items()):
        generation.update(f"{path}\0{len(raw)}\0".encode() + raw)
    base = generation.hexdigest()[:12] + "/"
    manifest = {
        "format": FORMAT, "lang": lang, "profile": profile(lang).as_json(), "count": len(records),
        "base": base, "fields": [[name, boost] for name, boost in FIELDS], "shards": shard_keys,
        "docs": {"chunk": settings.doc_chunk, "columns": list(DOC_COLUMNS)},
        "sections": sections, "facets": facets,
    }
    files = {"manifest.json": dumps(manifest), **{base + path: raw for path, raw in data.items()}}
    for path in list(files):
        files[path + ".gz"] = gz(files[path])
    return dict(sorted(files.items()))


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
        self.loaded: list[str] = []  # files read, in order, for tests

    def read(self, path: str) -> bytes:
        if isinstance(self._files, dict):
            return self._files[path]
        return (Path(self._files) / path).read_bytes()

    def json(self, path: str):
        self.loaded.append(path)
        return json.loads(self.read(path))

    def term_scores(self, term: str) -> dict[int, tuple[float, set[str]]]:
        """Every document of `term` (all tiers) -> (lunr score, fields it is in)."""
        base = self.manifest["base"]
        shard = self.json(f"{base}s/{shard_of(self.manifest['shards'], term)}.json")
        indexes = [shard["index"]]
        indexes += [self.json(base + file)["index"] for file, _, _ in shard["more"].get(term, {}).get("tiers", [])]
        found: dict[int, tuple[float, set[str]]] = {}
        for serialised in indexes:
            index = Index.load(serialised)
            query = index.create_query()
            query.term(term, use_pipeline=False, wildcard=Query.WILDCARD_NONE)
            for result in index.query(query):
                fields = {field for metadata in result["match_data"].metadata.values() for field in metadata}
                found[int(result["ref"], 36)] = (result["score"], fields)
        return found

    def documents(self, numbers: list[int]) -> list[dict]:
        chunk, columns = self.manifest["docs"]["chunk"], self.manifest["docs"]["columns"]
        rows = []
        for number in numbers:
            data = self.json(f"{self.manifest['base']}d/{number // chunk}.json")
            rows.append(dict(zip(columns, data[number % chunk])))
        return rows

    def search(self, text: str, filters: dict | None = None, limit: int = 10) -> list[dict]:
        """Documents with every term of `text` (after the language's pipeline), best first."""
        registered_functions(self.manifest["lang"])
        terms = list(dict.fromkeys(Analyzer(profile(self.manifest["lang"])).tokens(text)))
        if not terms:
            return []
        scores = [self.term_scores(term) for term in terms]
        numbers = set(scores[0]).intersection(*scores[1:])
        for field, wanted in (filters or {}).items():
            wanted = [wanted] if isinstance(wanted, str) else wanted
            allowed = set()
            for value in wanted:
                if field == "section":
                    start, end = self.manifest["sections"].get(value, (0, 0))
                    allowed.update(range(start, end))
                elif value in self.manifest["facets"].get(field, {}):
                    deltas = self.json(self.manifest["base"] + self.manifest["facets"][field][value][0])
                    total = 0
                    for delta in deltas:
                        total += delta
                        allowed.add(total)
            numbers &= allowed
        ranked = sorted(numbers, key=lambda n: (-round(sum(s[n][0] for s in scores), 6), n))[:limit]
        results = []
        for number, row in zip(ranked, self.documents(ranked)):
            row.update(number=number, score=round(sum(s[number][0] for s in scores), 6),
                       matched={term: sorted(s[number][1]) for term, s in zip(terms, scores)})
            results.append(row)
        return results


def search(files: dict[str, bytes] | Path, text: str, filters: dict | None = None, limit: int = 10) -> list[dict]:
    """Search a built language index in Python (every tier: complete, for tests and tools)."""
    return Reader(files).search(text, filters, limit)
