"""The script transform (hub_languages.scripts) and the derived editions it makes
(hub_content.editions), without Pelican."""

import datetime as dt
import re

import cyrtranslit
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hub_build.errors import ProblemFound
from hub_content import translations
from hub_content.reader import Item
from hub_content.types import load
from hub_languages import scripts
from hub_languages.model import parse


def table(**latin):
    def entry(code, fallbacks=(), **extra):
        return {"code": code, "name": code, "locale": code, "tag": code, "script": "Latn",
                "direction": "ltr", "fallbacks": list(fallbacks), "prefix": code, **extra}
    derived = {"from": "sr", "transliterate": "sr", **latin}
    return parse([entry("en"), entry("hr", ["sr-latn"]), entry("sr", ["hr"], script="Cyrl", tag="sr-Cyrl"),
                  entry("sr-latn", ["hr"], locale="sr_Latn", tag="sr-Latn", derived=derived)], "en")


def test_text_is_the_library_transliteration_with_addresses_kept():
    sentence = "Деца и млади: пишите на hub@example.org или https://пример.org/ђак, ЉУБАВ и Љубав."
    assert scripts.text(sentence, "sr") == (
        cyrtranslit.to_latin("Деца и млади: пишите на ", "sr") + "hub@example.org или".replace("или", "ili")
        + " https://пример.org/ђак, LJUBAV i Ljubav.")


def test_html_keeps_code_foreign_words_and_attributes():
    markup = ('<p title="Наслов">Реч <code>код</code> и <span lang="en">Ђ</span> <a href="/sr/вест/">веза</a></p>'
              '<pre><code>штампај()</code></pre><img alt="Слика" src="files/a.png">')
    assert scripts.html_text(markup, "sr") == (
        '<p title="Naslov">Reč <code>код</code> i <span lang="en">Ђ</span> <a href="/sr/вест/">veza</a></p>'
        '<pre><code>штампај()</code></pre><img alt="Slika" src="files/a.png">')


def test_written_in_counts_letters():
    assert scripts.written_in("Ово је ћирилица, with a few words") == "Cyrl"
    assert scripts.written_in("Ovo je latinica") == "Latn"
    assert scripts.written_in("2024 — 12") is None


def item(lang, title, body="", slug="x", **fields):
    source = f"news/{slug}.md" if lang == "en" else f"{lang}/news/{slug}.md"
    fields = {"title": title, **fields}
    return Item(source, lang, "news", slug, f"news:{slug}", fields, {}, body, "digest", content_type=load().by_name["news"])


def test_an_edition_is_derived_for_every_item_of_its_base():
    tmap, _, errors, _ = translations.build(
        [item("en", "News", date=dt.date(2025, 1, 1)),
         item("sr", "Вест", '<p>Ђаци <a href="/sr/news/y/">вест</a> <a href="/en/news/y/">news</a></p>')], table())
    assert not errors
    latin = tmap.versions("news:x")["sr-latn"]
    assert (latin.title, latin.meta["date"]) == ("Vest", dt.date(2025, 1, 1))
    assert latin.body_html == '<p>Đaci <a href="/sr-latn/news/y/">vest</a> <a href="/en/news/y/">news</a></p>'
    assert latin.source == "sr/news/x.md" and tmap.is_derived(latin)
    assert [i.lang for i in tmap.items()] == ["en", "sr"]  # derived versions are not files
    assert tmap.resolve("news:x", "hr").lang == "sr-latn"  # chains may name the edition


def test_a_text_typed_in_latin_belongs_to_the_edition_and_its_base_shows_it():
    tmap, _, errors, _ = translations.build(
        [item("sr", "Vest latinicom", "<p>Samo latinicom.</p>", slug="local", date=dt.date(2025, 1, 1))], table())
    assert not errors
    versions = tmap.versions("news:local")
    assert list(versions) == ["sr-latn"] and not tmap.is_derived(versions["sr-latn"])
    assert tmap.resolve("news:local", "sr").lang == "sr-latn"


@pytest.mark.parametrize("derived, message", [
    ({"from": "xx"}, "bad derived"),
    ({"from": "xx", "transliterate": "sr"}, "derived from 'xx', which is not configured"),
    ({"from": "sr", "transliterate": "klingon"}, "which cyrtranslit does not know"),
])
def test_bad_derived_entries_name_the_problem(derived, message):
    with pytest.raises(ProblemFound) as caught:
        table(**derived) if "transliterate" in derived and derived.get("from") != "xx" else parse(
            [{"code": "en", "name": "en", "locale": "en", "tag": "en", "script": "Latn", "direction": "ltr",
              "fallbacks": [], "prefix": "en"},
             {"code": "sr-latn", "name": "s", "locale": "sr_Latn", "tag": "sr-Latn", "script": "Latn",
              "direction": "ltr", "fallbacks": [], "prefix": "sr-latn", "derived": derived}], "en")
    assert message in caught.value.message


SCRIPT_SAMPLES = st.text(alphabet=st.sampled_from("abcžđČĆ ЉњЖжшђ.-@:/1wW\u0500\u00bf"), max_size=60)


@settings(max_examples=400, deadline=None)
@given(SCRIPT_SAMPLES)
def test_written_in_counts_letters_by_runs_as_one_by_one(sample):
    cyrillic = len(re.findall(r"[\u0400-\u04ff]", sample))
    latin = len(re.findall(r"[A-Za-z\u00c0-\u024f]", sample))
    expected = None if not cyrillic and not latin else "Cyrl" if cyrillic >= latin else "Latn"
    assert scripts.written_in(sample) == expected


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["Заштита", "деце", "https://пример.рс/а", "WWW.EXAMPLE.ORG", "www.x.rs",
                                 "ana@primer.rs", "@", "://", "a", " ", "\n"]), max_size=12).map("".join))
def test_without_addresses_is_untouched_sub_when_there_may_be_an_address(text):
    assert scripts.without_addresses(text) == scripts.UNTOUCHED.sub(" ", text)
    assert scripts.may_hold_address(text) or not scripts.UNTOUCHED.search(text)
