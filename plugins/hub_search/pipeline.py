"""The search text pipeline: turn text into the terms of a language's lunr index.

The index is built here with lunr.py; readers query it in the browser with lunr.js, whose pipeline is
`theme/static/js/search/pipeline.js`. Both must turn the same text into the same terms, so every step
below exists twice, step for step, and `tests/search/vectors.json` proves they agree.

For every token that lunr's tokenizer cuts at whitespace and hyphens (and lowercases), the pipeline
runs, in this order, functions registered in lunr under stable labels:

    hub-trimmer          NFKC; delete apostrophes and invisible joiners; split into words
    hub-fold-<lang>      lowercase fully; Serbian Cyrillic to Latin (Serbian family), Bulgarian
                         and Ukrainian to their official romanisation (romanisation.py);
                         strip diacritics, unless the language's stemmer needs them
    hub-stopwords-<lang> drop the language's function words, compared without diacritics
    hub-stemmer-<lang>   stem (Snowball or a light suffix stripper), then strip diacritics

Stemming is most of an index build's analysis: `snowballstemmer` hands it to PyStemmer, the same
Snowball algorithms compiled from C (15 to 50 times faster), when that is installed, as the
requirements pin it; `tests/unit/test_stemmers.py` proves both give the same stems.

The per-language choices (stemmer, whether it sees diacritics, transliteration, stopwords) are data
in `languages.json`; a language missing there gets trimming and folding only. See
docs/search-pipeline.md for the reasons and the measurements behind each choice.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

import snowballstemmer
from lunr.pipeline import Pipeline
from lunr.tokenizer import Tokenizer

from hub_search import romanisation

DATA = Path(__file__).with_name("languages.json")

# Deleted, never split on: readers type м'ята, м’ята, мʼята or мята for the same word, and soft
# hyphens or joiners pasted from word processors sit invisibly inside words.
DELETED = dict.fromkeys(map(ord, "'\u2019\u02bc\u00ad\u200c\u200d\u2060"))

# Lowercase is not quite casefold; these are the differences that matter in European scripts
# (Python's str.casefold has no JavaScript twin, so both sides use lowercase plus this table).
CASEFOLD = {"ß": "ss", "ς": "σ"}

# Serbian Cyrillic to Serbian Latin (Vuk's alphabet to Gaj's), one letter to one or two.
SERBIAN_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "đ", "е": "e", "ж": "ž", "з": "z", "и": "i",
    "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "ћ": "ć", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "č", "џ": "dž", "ш": "š",
}

# Letters that carry their diacritic inside (NFD cannot split them), written as readers without
# the key write them: Đorđević is typed Djordjevic; Ukrainian ґ is typed г on most keyboards.
LETTERS = {"đ": "dj", "ð": "d", "ø": "o", "ł": "l", "ħ": "h", "ı": "i", "ŧ": "t", "æ": "ae", "œ": "oe", "þ": "th",
           "ґ": "г"}

BREVE, DIAERESIS = "\u0306", "\u0308"


def split_words(text: str) -> list[str]:
    """Words of `text`: runs of letters and digits (with their combining marks).

    Everything else separates words, including punctuation, symbols, emoji and characters outside
    the Basic Multilingual Plane: JavaScript counts those as two UTF-16 units and sorts them
    differently from Python, which would break lunr.js's sorted term set and the stemmers' offsets.
    """
    if text.isascii() and text.isalnum():
        return [text]  # the common case, and what the general path below gives it
    text = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).translate(DELETED))
    words: list[str] = []
    word = ""
    for char in text:
        if is_word_char(char, started=bool(word)):
            word += char
        elif word:
            words.append(word)
            word = ""
    if word:
        words.append(word)
    return words


def is_word_char(char: str, started: bool) -> bool:
    if ord(char) > 0xFFFF:
        return False
    kind = unicodedata.category(char)[0]
    return kind in "LN" or (started and kind == "M")


def casefold(word: str) -> str:
    return "".join(CASEFOLD.get(char, char) for char in word.lower())


def is_cyrillic(char: str) -> bool:
    return "\u0400" <= char <= "\u052f"


def transliterate_serbian(word: str) -> str:
    """Serbian Cyrillic to Latin, for lowercase words written wholly in Serbian's letters.

    A word with other Cyrillic letters (я, щ, ы, ї...) is Russian, Ukrainian or Bulgarian quoted in a
    Serbian text, and stays as written rather than becoming a half-Latin hybrid.
    """
    cyrillic = [char for char in word if is_cyrillic(char)]
    if not cyrillic or any(char not in SERBIAN_LATIN for char in cyrillic):
        return word
    return "".join(SERBIAN_LATIN.get(char, char) for char in word)


def unaccent(word: str) -> str:
    """Strip diacritics as a reader without them types: čćđšž ăâîșț ë ç to c c dj s z a a i s t e c.

    Marks are dropped only on Latin, Greek and Cyrillic letters (elsewhere they can be vowels). In
    Cyrillic, й, ў and ї are letters of their own with their own keys, so their breve and diaeresis
    stay; ё becomes е and the accent of ѝ goes, as readers write them.
    """
    kept: list[str] = []
    base = ""
    for char in unicodedata.normalize("NFD", word):
        if unicodedata.category(char) == "Mn":
            if not droppable_mark(base, char):
                kept.append(char)
            continue
        base = char
        kept.append(LETTERS.get(char, char))
    return unicodedata.normalize("NFC", "".join(kept))


def droppable_mark(base: str, mark: str) -> bool:
    if is_cyrillic(base):
        return not (mark == BREVE or (mark == DIAERESIS and base == "і"))
    return base == "" or base <= "\u052f" or "\u1e00" <= base <= "\u1fff"


def light_stem(word: str, suffixes: tuple[str, ...], min_stem: int) -> str:
    """Remove the longest listed suffix that leaves at least `min_stem` characters."""
    for suffix in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= min_stem:
            return word[: len(word) - len(suffix)]
    return word


@dataclass(frozen=True)
class Profile:
    """How one language's text becomes index terms; `as_json()` is what the browser receives."""

    lang: str
    stemmer: str | None = None  # a Snowball algorithm, "light", or None
    stem_first: bool = False  # the stemmer sees diacritics (stripped after stemming)
    transliterate: str | None = None  # "serbian": Serbian Cyrillic becomes Latin; "bg", "uk": romanised
    stopwords: tuple[str, ...] = ()  # folded and sorted
    suffixes: tuple[str, ...] = ()  # folded, longest first (light stemmer)
    min_stem: int = 3

    def as_json(self) -> dict:
        return {"lang": self.lang, "stemmer": self.stemmer, "stem_first": self.stem_first,
                "transliterate": self.transliterate, "romanisation": self.romanisation,
                "stopwords": list(self.stopwords), "suffixes": list(self.suffixes), "min_stem": self.min_stem}

    @property
    def romanisation(self) -> dict | None:
        """The romanisation table of a romanised language (the browser applies the same)."""
        return romanisation.table(self.transliterate) if self.transliterate in romanisation.LANGUAGES else None

    @classmethod
    def from_json(cls, data: dict) -> Profile:
        return cls(lang=data["lang"], stemmer=data["stemmer"], stem_first=data["stem_first"],
                   transliterate=data["transliterate"], stopwords=tuple(data["stopwords"]),
                   suffixes=tuple(data["suffixes"]), min_stem=data["min_stem"])


KEYS = {"stemmer", "stem_first", "transliterate", "stopwords", "suffixes", "min_stem"}


def make_profile(lang: str, entry: dict) -> Profile:
    """A profile from one entry of languages.json, validated, its word lists folded once."""
    unknown = set(entry) - KEYS
    if unknown:
        raise ValueError(f"search language {lang!r}: unknown keys {sorted(unknown)}; known: {sorted(KEYS)}")
    stemmer = entry.get("stemmer")
    if stemmer not in (None, "light") and stemmer not in snowballstemmer.algorithms():
        raise ValueError(f"search language {lang!r}: no stemmer {stemmer!r}; use a Snowball algorithm, "
                         "'light' or null")
    if entry.get("stem_first") and stemmer is None:
        raise ValueError(f"search language {lang!r}: stem_first needs a stemmer")
    transliterate = entry.get("transliterate")
    if transliterate not in (None, "serbian", *romanisation.LANGUAGES):
        raise ValueError(f"search language {lang!r}: transliterate must be 'serbian', "
                         f"{', '.join(map(repr, romanisation.LANGUAGES))} or null")
    rules = romanisation.table(transliterate) if transliterate in romanisation.LANGUAGES else None
    # The lists are compared folded; a romanised language's endings are romanised as word endings.
    fold = lambda word: unaccent(romanisation.romanise(casefold(word), rules) if rules else casefold(word))  # noqa: E731
    fold_suffix = lambda word: unaccent(romanisation.romanise_suffix(casefold(word), rules) if rules  # noqa: E731
                                        else casefold(word))
    suffixes = {fold_suffix(s) for s in entry.get("suffixes", ())} - {""}
    return Profile(lang=lang, stemmer=stemmer, stem_first=bool(entry.get("stem_first")),
                   transliterate=transliterate,
                   stopwords=tuple(sorted({fold(word) for word in entry.get("stopwords", ())})),
                   suffixes=tuple(sorted(suffixes, key=lambda s: (-len(s), s))),
                   min_stem=int(entry.get("min_stem", 3)))


@functools.cache
def profiles() -> dict[str, Profile]:
    """Every language described in languages.json (read once: it is a constant table)."""
    entries = json.loads(DATA.read_text(encoding="utf-8"))["languages"]
    return {lang: make_profile(lang, entry) for lang, entry in sorted(entries.items())}


def profile(lang: str) -> Profile:
    """The language's profile; a code with a subtag (sr-latn) takes its language's (sr) when it has
    none of its own; an unknown code gets trimming and folding only."""
    known = profiles()
    if lang in known:
        return known[lang]
    base = lang.split("-")[0]
    return replace(known[base], lang=lang) if base in known else Profile(lang=lang)


class Analyzer:
    """The word-level steps of one profile, and the lunr functions made of them."""

    def __init__(self, profile: Profile):
        self.profile = profile
        self._stopwords = frozenset(profile.stopwords)
        self._snowball = snowballstemmer.stemmer(profile.stemmer) if profile.stemmer not in (None, "light") else None
        self._romanisation = profile.romanisation
        # A hub repeats its words: remember recent results of the word-level steps.
        self.fold = functools.lru_cache(maxsize=1 << 16)(self._fold)
        self.is_stopword = functools.lru_cache(maxsize=1 << 16)(self._is_stopword)
        self.stem = functools.lru_cache(maxsize=1 << 16)(self._stem)

    def _fold(self, word: str) -> str:
        word = casefold(word)
        if self.profile.transliterate == "serbian":
            word = transliterate_serbian(word)
        elif self._romanisation is not None:
            word = romanisation.romanise(word, self._romanisation)
        return word if self.profile.stem_first else unaccent(word)

    def _is_stopword(self, word: str) -> bool:
        return unaccent(word) in self._stopwords

    def foreign(self, word: str) -> bool:
        """A word a Serbian-family profile left in Cyrillic is Russian, Ukrainian or Bulgarian: Serbian's
        stemmer would transliterate it by halves (русский to russkiй), so it stays as written."""
        return self.profile.transliterate == "serbian" and any(map(is_cyrillic, word))

    def _stem(self, word: str) -> str:
        if self._snowball is not None and not self.foreign(word):
            word = self._snowball.stemWord(word)
        elif self.profile.stemmer == "light":
            word = light_stem(word, self.profile.suffixes, self.profile.min_stem)
        return unaccent(word)

    def lunr_functions(self) -> list:
        """The pipeline as lunr functions, labelled as lunr.js must register them."""
        lang = self.profile.lang

        def fold(token, i=None, tokens=None):
            word = self.fold(str(token))
            return token.update(lambda string, metadata: word) if word else None

        def stopwords(token, i=None, tokens=None):
            return None if self.is_stopword(str(token)) else token

        def stemmer(token, i=None, tokens=None):
            stem = self.stem(str(token))
            return token.update(lambda string, metadata: stem) if stem else None

        functions = [(fold, f"hub-fold-{lang}")]
        if self.profile.stopwords:
            functions.append((stopwords, f"hub-stopwords-{lang}"))
        if self.profile.stemmer:
            functions.append((stemmer, f"hub-stemmer-{lang}"))
        for function, label in functions:
            function.label = label
            function.hub_profile = self.profile
        return [hub_trimmer] + [function for function, _ in functions]

    def piece_terms(self, piece: str) -> list[str]:
        """The terms of one lowercased piece of text between lunr's separators: the same as running
        the lunr pipeline on its one token (tests compare them), without lunr's token objects,
        which cost most of an index build."""
        terms = []
        for word in split_words(piece):
            word = self.fold(word)
            if not word or (self._stopwords and self.is_stopword(word)):
                continue
            if self.profile.stemmer:
                word = self.stem(word)
                if not word:
                    continue
            terms.append(word)
        return terms

    def tokens(self, text: str) -> list[str]:
        """The terms lunr.py indexes for `text`: its tokenizer, then this pipeline."""
        pipeline = Pipeline()
        pipeline.add(*self.lunr_functions())
        return [str(token) for token in pipeline.run(Tokenizer(text))]


def hub_trimmer(token, i=None, tokens=None):
    """The same for every language: a token becomes the words in it (none, one or several)."""
    return [token.clone(lambda string, metadata, word=word: word) for word in split_words(str(token))]


hub_trimmer.label = "hub-trimmer"


def registered_functions(lang: str) -> list:
    """The language's pipeline functions, registered with lunr (once per label and profile).

    lunr keeps one global registry, which it needs to load a saved index; a rebuild in the same
    process finds the functions already there and reuses them rather than overwriting them (lunr
    would warn). The registry is lunr's; this module keeps no state of its own.
    """
    wanted = profile(lang)
    registry = Pipeline.registered_functions
    functions = Analyzer(wanted).lunr_functions()
    for position, function in enumerate(functions):
        existing = registry.get(function.label)
        if existing is function or (existing is not None and getattr(existing, "hub_profile", None) == wanted):
            functions[position] = existing
        else:
            Pipeline.register_function(function, function.label)
    return functions


def configure_builder(builder, lang: str):
    """Give a lunr.py Builder the language's pipeline, for indexing and as its saved search pipeline."""
    functions = registered_functions(lang)
    for pipeline in (builder.pipeline, builder.search_pipeline):
        pipeline.reset()
        pipeline.add(*functions)
    return builder


def tokens(text: str, lang: str) -> list[str]:
    """The terms lunr.py indexes for `text` in `lang`."""
    return Analyzer(profile(lang)).tokens(text)
