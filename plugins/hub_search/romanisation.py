"""Bulgarian and Ukrainian in Latin letters, as readers on a foreign keyboard type them.

The search pipeline writes bg and uk words in the Latin letters of each language's official
romanisation, so that a reader who types `zakrila` or `zakhyst` finds закрила and захист, as Serbian
readers already find Cyrillic with Latin (pipeline.SERBIAN_LATIN). Both sides of the search (Python
here, theme/static/js/search/pipeline.js in the browser) apply the same table, which the build
ships to the browser inside the language's profile.

The letters are cyrtranslit's (a maintained library with a table per language, already the hub's
for Serbian Latin editions). Its tables are not quite the official systems, so the differences are
written below, each named, and a test compares the result with the official examples:

- Bulgarian, Transliteration Act 2009 (State Gazette 19/2009): cyrtranslit's `bg` table agrees for
  28 of its 30 letters. It writes ъ as "ă" (the Act: "a"; the same once diacritics are folded) and
  ь as "j" (the Act: "y"), and has no rule for -ия at the end of a word (the Act: "ia", as in
  история > istoria).
- Ukrainian, national system of 2010 (Cabinet of Ministers resolution 55, 27 January 2010):
  cyrtranslit's `ua` table is another system (ISO 9-like: ž, č, š, x, j). It agrees for 21 of the 33
  letters (а б в г ґ д е з и і к л м н о п р с т у ф); the others are set here: ж zh, х kh, ц ts,
  ч ch, ш sh, щ shch, ь and the apostrophe omitted, є ye, ї yi, й y, ю yu, я ya at the start of a
  word and ie, i, i, iu, ia elsewhere, and зг as "zgh" (Згорани > Zghorany).

A rule of its own rather than a second library: no maintained package on PyPI implements both
official systems with their positional rules, and the browser needs the same rules as data.
"""

from __future__ import annotations

import functools

from cyrtranslit.mapping import BG_CYR_TO_LAT_DICT, UA_CYR_TO_LAT_DICT

# What each official system writes differently from cyrtranslit's table (lowercase letters).
CORRECTIONS = {
    "bg": {"letters": {"ъ": "a", "ь": "y"}, "initial": {}, "pairs": {}, "final": {"ия": "ia"}},
    "uk": {
        "letters": {"ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "",
                    "є": "ie", "ї": "i", "й": "i", "ю": "iu", "я": "ia"},
        "initial": {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"},
        "pairs": {"зг": "zgh"},
        "final": {},
    },
}
LIBRARY_TABLES = {"bg": BG_CYR_TO_LAT_DICT, "uk": UA_CYR_TO_LAT_DICT}
LANGUAGES = tuple(sorted(CORRECTIONS))


@functools.cache
def table(lang: str) -> dict:
    """The language's romanisation as data (the browser gets it in the profile): `letters` everywhere,
    `initial` for a word's first letter, `pairs` of letters anywhere, `final` pairs ending a word."""
    letters = {cyrillic: latin for cyrillic, latin in LIBRARY_TABLES[lang].items() if cyrillic.islower()}
    letters.update(CORRECTIONS[lang]["letters"])
    return {"letters": dict(sorted(letters.items())), **{key: dict(sorted(CORRECTIONS[lang][key].items()))
                                                         for key in ("initial", "pairs", "final")}}


def romanise(word: str, rules: dict) -> str:
    """A lowercase word in Latin letters by `rules` (a `table`); a word without Cyrillic is unchanged."""
    if not any("\u0400" <= char <= "\u052f" for char in word):
        return word
    letters, initial, pairs, final = rules["letters"], rules["initial"], rules["pairs"], rules["final"]
    out, position, length = [], 0, len(word)
    while position < length:
        two = word[position: position + 2]
        if position + 2 == length and two in final:
            out.append(final[two])
            break
        if two in pairs:
            out.append(pairs[two])
            position += 2
            continue
        char = word[position]
        out.append(initial[char] if position == 0 and char in initial else letters.get(char, char))
        position += 1
    return "".join(out)


def romanise_suffix(suffix: str, rules: dict) -> str:
    """An ending as it is written at the end of a longer word (not a word's first letter)."""
    return romanise("б" + suffix, rules)[1:]
