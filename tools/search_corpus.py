"""A deterministic corpus of search records in the hub's eight languages, for the search benchmark.

    .venv/bin/python tools/search_corpus.py 2000 > records.json

`generate(n)` returns {lang: [record, ...]} with about `n` records in all, split across languages
roughly as on the real hub (English the largest, then the seven coordinator languages). A record is
what `plugins/hub_search/index.py` takes: id, url, title, summary, body_text, section, date, terms.

The words are real: each language's vocabulary is every word of the demo content in that language
(content/**/*.md: titles, summaries and bodies; Serbian in Cyrillic), drawn with the frequencies they
have there, so function words are frequent and most words are rare, as in real text. Real text also
has a long tail of names (people, places, projects, organisations) that no word list holds: each
document carries a few made-up names, drawn with a Zipf law from a pool per language, in its script.
One Romanian document in five is written with the old cedilla letters (ş ţ), as from old keyboards.

Same `n` and seed, same records, byte for byte (the demo content being unchanged).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"

LANGUAGES = ("en", "sq", "bs", "bg", "hr", "ro", "sr", "uk")
ENGLISH_SHARE = 0.40  # the rest is split evenly between the other languages

SECTIONS = (("news", 38), ("resources", 34), ("events", 12), ("courses", 4), ("opportunities", 12))
TYPE_VOCABULARY = {"resources": "resource-types", "events": "event-types", "courses": "course-levels",
                   "opportunities": "opportunity-kinds"}

# Syllables of the made-up names, per script.
LATIN_SYLLABLES = ("ba be bi bo bu da de di do du ga go gu ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni "
                   "no nu pa pe pi po ra re ri ro ru sa se si so ta te ti to tu va ve vi vo za ze zi zo dra bre "
                   "kri slo stra vla mir grad dan ber gor nik tin lan rom").split()
CYRILLIC_SYLLABLES = ("ба бе би бо бу да де ди до ду га го гу ка ке ки ко ку ла ле ли ло лу ма ме ми мо му на не ни "
                      "но ну па пе пи по ра ре ри ро ру са се си со та те ти то ту ва ве ви во за зе зи зо дра бре "
                      "кри сло стра вла мир град дан бер гор ник тин лан ром").split()
SERBIAN_EXTRA = "ћа ђо ља ње џе ча шо жи".split()
UKRAINIAN_EXTRA = "ії єв ґа ця що юр ян".split()
BULGARIAN_EXTRA = "щи ъл юр ян жа ча".split()
ALBANIAN_EXTRA = "ë ç rr ll sh zh".split()
NAMES_PER_LANGUAGE = 20_000

FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n?", re.S)
LINK_TARGET = re.compile(r"\]\([^)]*\)")
WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)?")


def demo_text(path: Path) -> str:
    """Title, summary and body of a demo content file (no other front matter, no link targets)."""
    text = path.read_text(encoding="utf-8")
    parts = []
    match = FRONT_MATTER.match(text)
    if match:
        for line in match.group(1).splitlines():
            key, _, value = line.partition(":")
            if key.strip() in ("title", "summary"):
                parts.append(value.strip())
        text = text[match.end():]
    parts.append(LINK_TARGET.sub("]", text))
    return "\n".join(parts)


def language_of(path: Path) -> str:
    first = path.relative_to(CONTENT).parts[0]
    return first if first in LANGUAGES else "en"


def vocabularies(content: Path = CONTENT) -> dict[str, tuple[list[str], list[int]]]:
    """Per language: its demo words (lowercase, acronyms as written) and their counts, sorted."""
    counts: dict[str, Counter] = {lang: Counter() for lang in LANGUAGES}
    for path in sorted(content.rglob("*.md")):
        lang = language_of(path)
        for word in WORD.findall(demo_text(path)):
            if len(word) >= 2:
                counts[lang][word if word.isupper() else word.lower()] += 1  # acronyms stay
    result = {}
    for lang, counter in counts.items():
        if len(counter) < 100:
            raise SystemExit(f"search_corpus: only {len(counter)} words of {lang!r} in {content}; "
                             "the corpus needs the demo content")
        words = sorted(counter)
        result[lang] = (words, [counter[word] for word in words])
    return result


def vocabulary(lang: str, content: Path = CONTENT) -> list[str]:
    """The demo words of one language, most frequent first (for choosing query words)."""
    words, counts = vocabularies(content)[lang]
    return [word for _, word in sorted(zip((-c for c in counts), words))]


class Sampler:
    """Draws from a weighted list with one bisect per draw (random.choices recomputes the sums)."""

    def __init__(self, items: list[str], weights: list[float]):
        self.items = items
        self.cumulative = list(itertools.accumulate(weights))
        self.total = self.cumulative[-1]

    def draw(self, rng: random.Random, k: int) -> list[str]:
        total, cumulative, items = self.total, self.cumulative, self.items
        return [items[bisect.bisect_right(cumulative, rng.random() * total)] for _ in range(k)]


def name_pool(lang: str, rng: random.Random) -> list[str]:
    if lang in ("bg", "uk", "sr"):
        syllables = CYRILLIC_SYLLABLES + {"sr": SERBIAN_EXTRA, "uk": UKRAINIAN_EXTRA, "bg": BULGARIAN_EXTRA}[lang]
    else:
        syllables = LATIN_SYLLABLES + (ALBANIAN_EXTRA if lang == "sq" else [])
    names: set[str] = set()
    while len(names) < NAMES_PER_LANGUAGE:
        names.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).capitalize())
    return sorted(names)


def vocabulary_terms(name: str, content: Path = CONTENT) -> list[str]:
    path = content / "data" / f"{name}.yaml"
    return [line.split(":")[0] for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith((" ", "#")) and ":" in line]


def sentence(rng: random.Random, words: Sampler, names: Sampler, length: int) -> str:
    chosen = words.draw(rng, length)
    if rng.random() < 0.35:
        chosen[rng.randrange(length)] = names.draw(rng, 1)[0]
    if rng.random() < 0.1:
        chosen[rng.randrange(length)] = str(rng.choice((rng.randint(2000, 2025), rng.randint(1, 500))))
    if rng.random() < 0.3:
        chosen[rng.randrange(length - 1)] += ","
    text = " ".join(chosen)
    return text[:1].upper() + text[1:] + "."


def paragraph(rng: random.Random, words: Sampler, names: Sampler, target: int) -> str:
    sentences, count = [], 0
    while count < target:
        length = rng.randint(8, 18)
        sentences.append(sentence(rng, words, names, length))
        count += length
    return " ".join(sentences)


def cedilla(text: str) -> str:
    return text.translate(str.maketrans("șțȘȚ", "şţŞŢ"))


def slug(title: str, number: int) -> str:
    words = [re.sub(r"[^\w]", "", word.lower()) for word in title.split()[:5]]
    return "-".join([word for word in words if word] + [str(number)])


def split_counts(n: int) -> dict[str, int]:
    english = round(n * ENGLISH_SHARE)
    others = LANGUAGES[1:]
    base, extra = divmod(n - english, len(others))
    return {"en": english, **{lang: base + (index < extra) for index, lang in enumerate(others)}}


def generate(n: int, seed: int = 2014, content: Path = CONTENT) -> dict[str, list[dict]]:
    """About `n` records in all, {lang: [record]}, deterministic for (n, seed, demo content)."""
    vocab = vocabularies(content)
    topics = vocabulary_terms("topics", content)
    countries = vocabulary_terms("countries", content)
    types = {section: vocabulary_terms(name, content) for section, name in TYPE_VOCABULARY.items()}
    sections = Sampler([name for name, _ in SECTIONS], [weight for _, weight in SECTIONS])
    start = dt.date(2014, 12, 1)
    corpus = {}
    for lang, count in split_counts(n).items():
        rng = random.Random(f"{seed}-{lang}")
        words, counts = vocab[lang]
        all_words = Sampler(words, counts)
        # Titles favour content words: long ones, weighted by the square root of their frequency.
        long_words = [(word, c ** 0.5) for word, c in zip(words, counts) if len(word) >= 5]
        title_words = Sampler([w for w, _ in long_words], [c for _, c in long_words])
        pool = name_pool(lang, rng)
        rng.shuffle(pool)
        names = Sampler(pool, [1 / rank for rank in range(1, len(pool) + 1)])
        records = []
        for number in range(count):
            section = sections.draw(rng, 1)[0]
            title_list = title_words.draw(rng, rng.randint(4, 10))
            if rng.random() < 0.4:
                title_list[rng.randrange(len(title_list))] = names.draw(rng, 1)[0]
            title = " ".join(title_list)
            title = title[:1].upper() + title[1:]
            summary = paragraph(rng, all_words, names, rng.randint(18, 35))
            body = "\n\n".join(paragraph(rng, all_words, names, rng.randint(40, 100))
                               for _ in range(rng.randint(2, 4)))
            if lang == "ro" and rng.random() < 0.2:
                title, summary, body = cedilla(title), cedilla(summary), cedilla(body)
            date = start + dt.timedelta(days=rng.randrange(3900))
            terms = {"topics": sorted(rng.sample(topics, rng.randint(1, 3))),
                     "countries": sorted(rng.sample(countries, rng.randint(1, 2)))}
            if section in types:
                terms["type"] = [rng.choice(types[section])]
            # The build indexes the terms' labels in the index's language; their ids stand in for them.
            labels = " ".join(value.replace("-", " ") for ids in terms.values() for value in ids)
            records.append({"id": number, "url": f"/{lang}/{section}/{slug(title, number)}/", "title": title,
                            "summary": summary, "body_text": body, "section": section,
                            "date": date.isoformat(), "terms": terms, "labels": labels})
        corpus[lang] = records
    return corpus


# --- the corpus as content files -------------------------------------------------------------------

FOLDERS = {"news": "news", "resources": "resources", "events": "events", "courses": "courses",
           "opportunities": "opportunities"}


def q(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def front_matter(record: dict) -> list[str]:
    """The front matter lines of a record's section, with the fields each content type requires."""
    date, terms, number = record["date"], record["terms"], record["id"]
    kind = (terms.get("type") or [None])[0]
    lines = [f"title: {q(record['title'])}", f"summary: {q(record['summary'])}",
             f"topics: [{', '.join(terms['topics'])}]"]
    section = record["section"]
    if section != "courses":
        lines.append(f"countries: [{', '.join(terms['countries'])}]")
    if section == "events":
        lines += [f"date: {date}", f"start: {date} 10:00", f"end: {date} 12:00", f"event_type: {kind}", "online: yes"]
    elif section == "courses":
        lines += [f"date: {date}", "provider: ChildHub", f"level: {kind}",
                  f"enrolment: https://example.org/courses/{number}"]
    elif section == "opportunities":
        lines += [f"date: {date}", f"kind: {kind}", "organisation: ChildHub", f"deadline: {date}"]
    elif section == "resources":
        lines += [f"date: {date}", f"resource_type: {kind}", f"file: https://example.org/files/{number}.pdf"]
    else:
        lines.append(f"date: {date}")
    return lines


def write_content(corpus: dict[str, list[dict]], root: Path, default: str = "en", content: Path = CONTENT) -> int:
    """Write the corpus as a content folder (one Markdown file per record, the demo's vocabularies):
    what coordinators write, so that a build reads it as it reads theirs. Returns the files written."""
    (root / "data").mkdir(parents=True, exist_ok=True)
    for vocabulary in sorted((content / "data").glob("*.yaml")):
        (root / "data" / vocabulary.name).write_bytes(vocabulary.read_bytes())
    written = 0
    for lang, records in corpus.items():
        base = root if lang == default else root / lang
        for record in records:
            folder = base / FOLDERS[record["section"]]
            folder.mkdir(parents=True, exist_ok=True)
            text = "---\n" + "\n".join(front_matter(record)) + "\n---\n" + record["body_text"] + "\n"
            (folder / f"{lang}-{record['id']}.md").write_text(text, encoding="utf-8")
            written += 1
    return written


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 1000
    json.dump(generate(n), sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
