import datetime as dt

from hub_content import translations
from hub_content.reader import Item
from hub_content.types import load
from hub_languages.model import parse


def languages():
    def entry(code, fallbacks=()):
        return {"code": code, "name": code, "locale": code, "tag": code, "script": "Latn",
                "direction": "ltr", "fallbacks": list(fallbacks), "prefix": code}
    return parse([entry("en"), entry("sq"), entry("bs", ["hr", "sr"]), entry("hr", ["bs"]), entry("sr")], "en")


def item(lang, slug="x", type="news", **fields):
    source = f"news/{slug}.md" if lang == "en" else f"{lang}/news/{slug}.md"
    fields.setdefault("title", f"{lang} title")
    lines = {name: number for number, name in enumerate(fields, start=2)}
    return Item(source, lang, type, slug, f"news:{fields.get('translation_key', slug)}", fields, lines, "", "d",
                content_type=load().by_name[type])


def test_translations_inherit_facts_and_fallback_follows_the_chain():
    date = dt.date(2024, 12, 4)
    tmap, drafts, errors, warnings = translations.build(
        [item("en", date=date, topics=("a",)), item("hr"), item("sr")], languages())
    assert not errors and not warnings and not drafts
    assert tmap.versions("news:x").keys() == {"en", "hr", "sr"}
    assert tmap.resolve("news:x", "bs").lang == "hr"
    assert tmap.resolve("news:x", "sq").lang == "en"
    hr = tmap.versions("news:x")["hr"]
    assert hr.meta["date"] == date and hr.meta["topics"] == ("a",) and hr.meta["title"] == "hr title"


def test_local_item_is_an_original_in_its_language():
    tmap, *_ = translations.build([item("sq", slug="local", date=dt.date(2025, 1, 1))], languages())
    assert tmap.original("news:local").lang == "sq"
    assert tmap.resolve("news:local", "en") is None
    assert tmap.resolve("news:local", "bs") is None


def test_original_without_default_language_is_the_one_with_facts():
    tmap, _, errors, _ = translations.build(
        [item("bs", slug="y"), item("hr", slug="y", date=dt.date(2025, 1, 1))], languages())
    assert not errors
    assert tmap.original("news:y").lang == "hr"


def test_conflicting_fact_names_both_files():
    _, _, errors, _ = translations.build(
        [item("en", date=dt.date(2024, 1, 1)), item("hr", date=dt.date(2024, 2, 2))], languages())
    assert len(errors) == 1
    assert errors[0].path == "hr/news/x.md" and errors[0].field == "date"
    assert "news/x.md" in errors[0].message


def test_repeated_equal_fact_is_a_warning():
    _, _, errors, warnings = translations.build(
        [item("en", date=dt.date(2024, 1, 1)), item("hr", date=dt.date(2024, 1, 1))], languages())
    assert not errors and len(warnings) == 1


def test_translation_key_pairs_different_names_and_refuses_two_versions():
    tmap, _, errors, _ = translations.build(
        [item("en", slug="a", date=dt.date(2024, 1, 1)), item("sq", slug="b", translation_key="a")], languages())
    assert not errors and set(tmap.versions("news:a")) == {"en", "sq"}
    _, _, errors, _ = translations.build(
        [item("en", slug="a", date=dt.date(2024, 1, 1)), item("en", slug="b", translation_key="a")], languages())
    assert errors and "second en version" in errors[0].message


def test_draft_original_keeps_its_translations_out():
    tmap, drafts, errors, _ = translations.build(
        [item("en", date=dt.date(2024, 1, 1), status="draft"), item("hr")], languages())
    assert not errors and tmap.keys() == [] and len(drafts) == 2
