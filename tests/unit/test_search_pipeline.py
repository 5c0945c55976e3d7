"""The search text pipeline (plugins/hub_search/pipeline.py), without Pelican.

The shared vectors are checked here against Python and in tests/unit/test_search_node.py against
lunr.js; the properties below say what readers must be able to rely on, whatever the vectors hold.
"""

from __future__ import annotations

import json
import logging
import sys
from importlib import metadata

import pytest
import snowballstemmer
from lunr.builder import Builder
from lunr.index import Index

from hub_search.pipeline import (Analyzer, Profile, casefold, configure_builder, make_profile, profile, profiles,
                                 split_words, tokens, unaccent)
from hub_search.romanisation import romanise
from hubtest import ROOT, demo_languages

VECTORS = json.loads((ROOT / "tests" / "search" / "vectors.json").read_text(encoding="utf-8"))
STEMMERS = ROOT / "theme" / "static" / "js" / "search" / "stemmers"


@pytest.mark.parametrize("case", VECTORS["cases"], ids=lambda case: f"{case['lang']}:{case['text'][:30]}")
def test_python_gives_the_vector_terms(case):
    analyzer = Analyzer(Profile.from_json(VECTORS["profiles"][case["lang"]]))
    assert analyzer.tokens(case["text"]) == case["tokens"]


def test_vector_profiles_are_the_current_profiles():
    stale = [lang for lang, stored in VECTORS["profiles"].items() if stored != profile(lang).as_json()]
    assert not stale, f"languages.json changed: run tools/search_vectors.py and review the diff ({stale})"
    assert VECTORS["snowballstemmer"] == metadata.version("snowballstemmer"), "regenerate the vectors and stemmers"


def test_vectors_cover_every_hub_language_and_russian_and_hungarian():
    covered = {case["lang"] for case in VECTORS["cases"] if case["tokens"]}
    wanted = set(demo_languages().codes) | {"ru", "hu"} | set(profiles())
    assert wanted <= covered, f"no vectors for {sorted(wanted - covered)}"


@pytest.mark.parametrize("lang", ["sr", "hr", "bs"])
def test_serbian_cyrillic_latin_and_plain_latin_meet(lang):
    assert tokens("човек", lang) == tokens("čovek", lang) == tokens("covek", lang) == tokens("ČOVEK", lang)
    assert tokens("čuvanje", lang) == tokens("cuvanje", lang) == tokens("чување", lang)
    assert tokens("Ђорђе", lang) == tokens("Đorđe", lang) == tokens("Djordje", lang)


def test_romanian_comma_cedilla_and_plain_spellings_meet():
    assert tokens("organizații", "ro") == tokens("organizaţii", "ro") == tokens("organizatii", "ro")
    assert tokens("școală", "ro") == tokens("şcoală", "ro") == tokens("scoala", "ro")


def test_a_stemmer_that_sees_diacritics_still_joins_comma_and_cedilla():
    stem_first = Analyzer(Profile.from_json({**profile("ro").as_json(), "stem_first": True}))
    assert stem_first.tokens("organizații") == stem_first.tokens("organizaţii") == ["organiz"]


@pytest.mark.parametrize("lang, inflected, base", [
    ("en", "protecting", "protection"), ("en", "families", "family"),
    ("ro", "copilului", "copil"), ("ro", "organizațiile", "organizații"),
    ("sr", "porodicama", "породица"), ("sr", "деце", "djeca"),
    ("hr", "školama", "škola"), ("bs", "izvještaja", "izvještaji"),
    ("sq", "fëmijëve", "fëmijë"), ("bg", "децата", "деца"), ("uk", "школою", "школа"),
    ("ru", "насилием", "насилие"), ("hu", "gyermekeknek", "gyermekek"),
])
def test_an_inflected_form_meets_its_base_form(lang, inflected, base):
    assert tokens(inflected, lang) == tokens(base, lang)


def test_an_unknown_language_is_trimmed_and_folded_only():
    assert tokens("«Čuvanje», the ÉCOLES!", "xx") == ["cuvanje", "the", "ecoles"]
    assert profile("xx") == Profile(lang="xx")


# Examples of the official systems: Bulgaria's Transliteration Act (2009) and Ukraine's
# resolution 55 of the Cabinet of Ministers (2010), which lists these names.
@pytest.mark.parametrize("lang, cyrillic, latin", [
    ("bg", "София", "sofia"), ("bg", "Шумен", "shumen"), ("bg", "Златица", "zlatitsa"),
    ("bg", "Оряховица", "oryahovitsa"), ("bg", "Щастлив", "shtastliv"), ("bg", "Бургас", "burgas"),
    ("bg", "Юлия", "yulia"), ("bg", "Шофьор", "shofyor"), ("bg", "история", "istoria"),
    ("uk", "Алушта", "alushta"), ("uk", "Згорани", "zghorany"), ("uk", "Розгон", "rozghon"),
    ("uk", "Ізмаїл", "izmail"), ("uk", "Їжакевич", "yizhakevych"), ("uk", "Кадиївка", "kadyivka"),
    ("uk", "Йосипівка", "yosypivka"), ("uk", "Стрий", "stryi"), ("uk", "Олексій", "oleksii"),
    ("uk", "Юрій", "yurii"), ("uk", "Корюківка", "koriukivka"), ("uk", "Яготин", "yahotyn"),
    ("uk", "Костянтин", "kostiantyn"), ("uk", "Феодосія", "feodosiia"), ("uk", "Щербухи", "shcherbukhy"),
    ("uk", "Гоща", "hoshcha"), ("uk", "Харків", "kharkiv"), ("uk", "Житомир", "zhytomyr"),
    ("uk", "Єнакієве", "yenakiieve"), ("uk", "Рівне", "rivne"), ("uk", "Біла Церква", "bila tserkva"),
    ("uk", "Ґорґани", "gorgany"), ("uk", "Знамʼянка", "znamianka"),
])
def test_bulgarian_and_ukrainian_are_romanised_officially(lang, cyrillic, latin):
    words = [romanise(casefold(word), profile(lang).romanisation) for word in split_words(cyrillic)]
    assert " ".join(words) == latin


@pytest.mark.parametrize("lang, cyrillic, latin", [
    ("bg", "Закрила на детето", "zakrila na deteto"), ("bg", "Социалните работници", "sotsialnite rabotnitsi"),
    ("bg", "ДЕЦАТА в училищата", "detsata v uchilishtata"),
    ("uk", "Захист дітей від насильства", "zakhyst ditei vid nasylstva"), ("uk", "школою", "shkoloiu"),
    ("uk", "Україна", "Ukraina"),
])
def test_bulgarian_and_ukrainian_typed_in_latin_find_cyrillic(lang, cyrillic, latin):
    assert tokens(latin, lang) == tokens(cyrillic, lang)
    assert tokens(cyrillic, lang)


def test_serbian_leaves_other_cyrillic_languages_whole():
    assert tokens("Русский язык", "sr") == ["русский", "язык"]


def test_ukrainian_apostrophes_are_one_word():
    assert tokens("м'ята", "uk") == tokens("м’ята", "uk") == tokens("мʼята", "uk") == tokens("мята", "uk")


@pytest.mark.parametrize("written, plain", [
    ("čćđšž", "ccdjsz"), ("ȘșŞşȚțŢţ".lower(), "sssstttt"), ("ăâî", "aai"), ("ëç", "ec"), ("øłæœ", "olaeoe"),
    ("й ї ў", "й ї ў"), ("ё ѝ", "е и"), ("ά ϊ", "α ι"), ("ґ", "г"),
])
def test_unaccent_writes_as_a_reader_without_diacritics(written, plain):
    assert unaccent(written) == plain


@pytest.mark.parametrize("text, words", [
    ("child-friendly e-mail", ["child", "friendly", "e", "mail"]),
    ("(quoted), «this»… “that”!", ["quoted", "this", "that"]),
    ("<img src=x onerror=alert(1)>", ["img", "src", "x", "onerror", "alert", "1"]),
    ("ﬁle ２０２４ 𝐀𝐁", ["file", "2024", "AB"]),
    ("emoji🙂here 𠜎字", ["emoji", "here", "字"]),
    ("soft\u00adhyphen", ["softhyphen"]),
    ("\u0301orphan", ["orphan"]),
    ("", []),
])
def test_split_words(text, words):
    assert split_words(text) == words


def test_stopwords_go_in_any_spelling():
    assert tokens("și şi si ȘI", "ro") == []
    assert tokens("the The THE", "en") == []


def serbian_index():
    builder = configure_builder(Builder(), "sr")
    builder.ref("id")
    builder.field("title")
    for ref, title in {"cyr": "Човек и природа", "lat": "Čuvanje dece", "other": "Zaštita sredine"}.items():
        builder.add({"id": ref, "title": title})
    return builder.build()


def test_builder_gets_the_labelled_pipeline_and_finds_across_scripts():
    index = serbian_index()
    assert index.serialize()["pipeline"] == ["hub-trimmer", "hub-fold-sr", "hub-stopwords-sr", "hub-stemmer-sr"]
    assert [hit["ref"] for hit in index.search("covek")] == ["cyr"]
    assert [hit["ref"] for hit in index.search("чување")] == ["lat"]
    reloaded = Index.load(json.loads(json.dumps(index.serialize())))
    assert [hit["ref"] for hit in reloaded.search("djece")] == ["lat"]


def test_registering_again_does_not_overwrite(caplog):
    serbian_index()
    with caplog.at_level(logging.WARNING, logger="lunr"):
        serbian_index()
        tokens("covek", "sr")
    assert "Overwriting" not in caplog.text


@pytest.mark.parametrize("entry, message", [
    ({"stemmer": "klingon"}, "no stemmer 'klingon'"),
    ({"stemmer": None, "stem_first": True}, "stem_first needs a stemmer"),
    ({"transliterate": "greek"}, "transliterate must be"),
    ({"stopword": ["a"]}, "unknown keys ['stopword']"),
])
def test_bad_profile_entries_are_named(entry, message):
    with pytest.raises(ValueError, match="search language 'xx'") as caught:
        make_profile("xx", entry)
    assert message in str(caught.value)


def test_every_snowball_profile_has_its_browser_stemmer_current():
    sys.path.insert(0, str(ROOT / "tools"))
    import snowball_js

    algorithms = {chosen.stemmer for chosen in profiles().values()} - {None, "light"}
    assert algorithms <= set(snowballstemmer.algorithms())
    for algorithm in sorted(algorithms):
        vendored = STEMMERS / f"{algorithm}.js"
        assert vendored.exists(), f"run tools/snowball_js.py {algorithm}"
        assert vendored.read_text(encoding="utf-8") == snowball_js.translate(algorithm), \
            f"{vendored.name} differs from snowballstemmer's: run tools/snowball_js.py {algorithm}"
