"""A deterministic corpus in the hub's content format, for benchmarks.

Every item is an English news item; every third one is translated into each other
language (Serbian in Cyrillic), the rest reach other languages through fallbacks.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path

WORDS = {
    "en": "child protection social work family care school safety support community rights case".split(),
    "sq": "mbrojtja fëmijëve punë sociale familja kujdes shkolla siguria mbështetje komuniteti".split(),
    "bs": "zaštita djece socijalni rad porodica briga škola sigurnost podrška zajednica prava".split(),
    "bg": "закрила деца социална работа семейство грижа училище безопасност подкрепа общност".split(),
    "hr": "zaštita djece socijalni rad obitelj skrb škola sigurnost potpora zajednica prava".split(),
    "ro": "protecția copilului asistență socială familie îngrijire școală siguranță sprijin".split(),
    "sr": "заштита деце социјални рад породица брига школа безбедност подршка заједница".split(),
    "uk": "захист дітей соціальна робота сімʼя турбота школа безпека підтримка громада".split(),
}


def text(rng: random.Random, lang: str, words: int) -> str:
    return " ".join(rng.choice(WORDS[lang]) for _ in range(words))


def generate(target: Path, items: int, demo_content: Path) -> None:
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(demo_content / "data", target / "data")
    topics = [line.split(":")[0] for line in (demo_content / "data/topics.yaml").read_text().splitlines()
              if line and not line.startswith((" ", "#"))]
    rng = random.Random(2014)
    start = dt.date(2015, 1, 1)
    for number in range(items):
        slug = f"item-{number:06d}"
        date = start + dt.timedelta(days=number % 4000)
        chosen = sorted(rng.sample(topics, 2))
        _write(target / "news" / f"{slug}.md",
               f"---\ntitle: {text(rng, 'en', 6)}\ndate: {date}\nsummary: {text(rng, 'en', 20)}\n"
               f"topics: [{', '.join(chosen)}]\n---\n{text(rng, 'en', 250)}\n")
        if number % 3 == 0:
            for lang in WORDS:
                if lang != "en":
                    _write(target / lang / "news" / f"{slug}.md",
                           f"---\ntitle: {text(rng, lang, 6)}\nsummary: {text(rng, lang, 20)}\n---\n"
                           f"{text(rng, lang, 250)}\n")


def _write(path: Path, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
