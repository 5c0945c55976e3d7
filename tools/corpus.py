"""A deterministic hub shaped like the real ChildHub, in the hub's content format, for benchmarks.

The shape (issue 11): of N generated items about 30% are English; each of the seven other
languages has about 10%, half of them translations of an English item (same relative path,
translatable fields only), half originals in that language, which reach the other languages
through fallbacks. Types in the real hub's shares: mostly resources and news, some events,
opportunities and courses. Bodies are 400-800 words drawn from a Zipf-distributed vocabulary of
made-up words (a few real ones at the top), so that index sizes, compression and stemming behave
as on real text. The demo's vocabularies, pages, countries, partners and files come along, so
every page type exists. Same arguments, same bytes.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import shutil
from pathlib import Path

LANGUAGES = ("en", "sq", "bs", "bg", "hr", "ro", "sr", "uk")
# (folder, share of items)
SHARES = (("resources", 0.50), ("news", 0.40), ("events", 0.04), ("opportunities", 0.04), ("courses", 0.02))
COMMON = {
    "en": "child protection social work family care school safety support community rights case".split(),
    "sq": "mbrojtja fëmijëve punë sociale familja kujdes shkolla siguria mbështetje komuniteti".split(),
    "bs": "zaštita djece socijalni rad porodica briga škola sigurnost podrška zajednica prava".split(),
    "bg": "закрила деца социална работа семейство грижа училище безопасност подкрепа общност".split(),
    "hr": "zaštita djece socijalni rad obitelj skrb škola sigurnost potpora zajednica prava".split(),
    "ro": "protecția copilului asistență socială familie îngrijire școală siguranță sprijin".split(),
    "sr": "заштита деце социјални рад породица брига школа безбедност подршка заједница".split(),
    "uk": "захист дітей соціальна робота сімʼя турбота школа безпека підтримка громада".split(),
}
LETTERS = {
    "Latn": ("bcdfghjklmnprstvz", "aeiou"),
    "sq": ("bcçdfghjklmnprstvxz", "aeëiouy"),
    "ro": ("bcdfghjlmnprsștțvz", "aăâeiîou"),
    "hr": ("bcčćdđfghjklmnprsštvzž", "aeiou"),
    "Cyrl": ("бвгдзклмнпрстфхцчш", "аеиоуя"),
    "sr": ("бвгдђзклмнпрстћчшј", "аеиоу"),
}
VOCABULARY_SIZE = 8000


def vocabulary(lang: str, rng: random.Random) -> list[str]:
    """The language's words, most frequent first: its common words, then made-up ones."""
    consonants, vowels = LETTERS.get(lang) or LETTERS["Cyrl" if lang in ("bg", "uk") else "Latn"]
    words = list(COMMON[lang])
    seen = set(words)
    while len(words) < VOCABULARY_SIZE:
        word = "".join(rng.choice(consonants) + rng.choice(vowels) for _ in range(rng.randint(1, 4)))
        if word not in seen:
            seen.add(word)
            suffixes = ("", "", "а", "и", "ом") if consonants[0] == "б" else ("", "", "a", "i", "ima", "ul")
            words.append(word + rng.choice(suffixes) if lang != "en" else word)
    return words


class Writer:
    """Draws Zipf-distributed text in one language."""

    def __init__(self, lang: str, rng: random.Random):
        self.rng = rng
        self.words = vocabulary(lang, rng)
        self.cumulative = list(itertools.accumulate(1 / rank for rank in range(1, len(self.words) + 1)))

    def text(self, count: int) -> str:
        return " ".join(self.rng.choices(self.words, cum_weights=self.cumulative, k=count))

    def title(self) -> str:
        return self.text(self.rng.randint(4, 9)).capitalize().replace(":", "")

    def body(self) -> str:
        paragraphs, left = [], self.rng.randint(400, 800)
        while left > 0:
            size = min(left, self.rng.randint(40, 120))
            paragraphs.append(self.text(size).capitalize() + ".")
            left -= size
        if len(paragraphs) > 3:
            paragraphs.insert(2, "## " + self.title())
        return "\n\n".join(paragraphs)


def terms(path: Path) -> list[str]:
    return [line.split(":")[0] for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith((" ", "#"))]


def facts(folder: str, number: int, rng: random.Random, vocab: dict) -> list[str]:
    """The front-matter lines that are facts (an original's only), for one item of `folder`."""
    posted = dt.date(2014, 12, 1) + dt.timedelta(days=number % 4380)
    topics = ", ".join(sorted(rng.sample(vocab["topics"], rng.randint(1, 3))))
    countries = ", ".join(sorted(rng.sample(vocab["countries"], rng.randint(1, 2))))
    lines = [f"date: {posted}", f"topics: [{topics}]"]
    if folder == "resources":
        lines += [f"resource_type: {rng.choice(vocab['resource-types'])}",
                  f"file: https://example.org/library/r{number}.pdf", f"year: {2000 + number % 27}",
                  f"countries: [{countries}]", "publisher: Terre des hommes", "licence: CC BY 4.0"]
    elif folder == "news":
        lines += [f"countries: [{countries}]", "authors: [ChildHub team]"]
    elif folder == "events":
        start = dt.datetime(2015, 1, 5, 10) + dt.timedelta(days=number % 4500)
        lines += [f"start: {start:%Y-%m-%d %H:%M}", f"end: {start + dt.timedelta(hours=2):%Y-%m-%d %H:%M}",
                  f"event_type: {rng.choice(vocab['event-types'])}", "online: yes",
                  "registration: https://example.org/register", f"countries: [{countries}]"]
    elif folder == "opportunities":
        lines += [f"kind: {rng.choice(vocab['opportunity-kinds'])}", "organisation: Save the Children",
                  f"deadline: {posted + dt.timedelta(days=30)}", "apply: https://example.org/apply",
                  f"countries: [{countries}]"]
    elif folder == "courses":
        lines += ["provider: ChildHub Academy", f"level: {rng.choice(vocab['course-levels'])}",
                  "duration_hours: 6", "enrolment: https://example.org/enrol"]
    return lines


def item(writer: Writer, fact_lines: list[str]) -> str:
    summary = writer.text(writer.rng.randint(15, 30)).capitalize() + "."
    head = [f"title: {writer.title()}", f"summary: {summary}", *fact_lines]
    return "---\n" + "\n".join(head) + "\n---\n" + writer.body() + "\n"


def plan(items: int) -> list[tuple[str, str, str, str | None]]:
    """(language, folder, slug, translated-from language or None) for every generated item."""
    rng = random.Random(57000)
    folders = [folder for folder, share in SHARES for _ in range(round(share * 100))]
    rng.shuffle(folders)  # every hundred items has each type in its share, mixed
    english = round(items * 0.3)
    planned = [("en", folders[n % len(folders)], f"item-{n:06d}", None) for n in range(english)]
    per_language = (items - english) // (len(LANGUAGES) - 1)
    for lang in LANGUAGES[1:]:
        translated = rng.sample(range(english), min(english, per_language // 2))
        planned += [(lang, planned[n][1], planned[n][2], "en") for n in sorted(translated)]
        planned += [(lang, folders[n % len(folders)], f"{lang}-item-{n:06d}", None)
                    for n in range(per_language - len(translated))]
    return planned


def generate(target: Path, items: int, demo_content: Path) -> None:
    """Write the demo's content plus `items` generated items under `target`."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(demo_content, target)
    vocab = {path.stem: terms(path) for path in (demo_content / "data").glob("*.yaml")}
    rng = random.Random(2014)
    writers = {lang: Writer(lang, random.Random(f"{lang}-2014")) for lang in LANGUAGES}
    for number, (lang, folder, slug, source) in enumerate(plan(items)):
        fact_lines = [] if source else facts(folder, number, rng, vocab)
        path = target / ("" if lang == "en" else lang) / folder / f"{slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(item(writers[lang], fact_lines), encoding="utf-8")
