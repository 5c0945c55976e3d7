"""Each language's order (ICU's collation through PyICU), checked against the order of its alphabet:
every list below is written in the order its readers expect, and code point order gets each wrong."""

import datetime as dt
import random
from zoneinfo import ZoneInfo

import pytest

from hub_i18n.l10n import zone_name
from hubtest import demo_languages

LANGUAGES = demo_languages()

EXPECTED = {
    # Serbian Cyrillic: Ђ after Д, Ј after И, Љ, Њ after Л, Н, Ћ after Т, Џ after Ч
    "sr": ["Дрво", "Ђак", "Жута", "Зец", "Ивица", "Јаје", "Коњ", "Лука", "Љиљан", "Нос", "Њива", "Тигар",
           "Ћуп", "Чаша", "Џак", "Шума"],
    # Croatian: Č, Ć after C; Dž, Đ after D; Lj, Nj after L, N; Š, Ž after S, Z; none after Z
    "hr": ["Cvijet", "Čaša", "Ćup", "Dan", "Dom", "Džep", "Đak", "Lopta", "Ljubav", "Nos", "Njiva", "Sova",
           "Šuma", "Zec", "Žuta"],
    "bs": ["Cvijet", "Čaša", "Ćup", "Dan", "Džep", "Đak", "Lopta", "Ljubav", "Nos", "Njiva", "Sova", "Šuma",
           "Zec", "Žuta"],
    # Serbian Latin (the edition derived from Serbian) sorts like its own alphabet, not like Cyrillic
    "sr-latn": ["Cvet", "Čaša", "Ćup", "Dan", "Džak", "Đak", "Lopta", "Ljubav", "Nos", "Njiva", "Sova",
                "Šuma", "Zec", "Žuta"],
    # Romanian: Ă, Â after A; Î after I; Ș after S; Ț after T
    "ro": ["Apa", "Ăla", "Âna", "Inel", "Îndemn", "Soare", "Șase", "Ștefan", "Tudor", "Țara", "Zebra"],
    # Albanian: Ç after C, Dh after D, Ë after E, Gj after G, Ll after L, Nj after N, Rr after R,
    # Sh after S, Th after T, Xh after X, Zh after Z
    "sq": ["Cila", "Çelës", "Dora", "Dhe", "Era", "Ëndërr", "Gur", "Gjak", "Lule", "Llamba", "Nata", "Një",
           "Rosa", "Rruga", "Sot", "Shtëpi", "Tirana", "Thesar", "Xeni", "Xhami", "Zog", "Zoti", "Zhurma"],
    # Bulgarian: Щ after Ш, then Ъ, Ю, Я; capitals and small letters together
    "bg": ["Ар", "бор", "Чаша", "Шапка", "Щит", "Ъгъл", "Юг", "Ябълка"],
    # Ukrainian: Ґ after Г, Є after Е, І, Ї after И, Й after Ї, Ь before Ю
    "uk": ["Гора", "Ґанок", "Дім", "Ера", "Єва", "Жук", "Зуб", "Ирій", "Іван", "Їжак", "Йод", "Кіт", "Ща",
           "Ьо", "Юра", "Яр"],
    # English ignores case and accents first
    "en": ["apple", "Banana", "eclair", "Éclair", "zebra", "Zoo"],
}


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_each_language_sorts_in_its_own_order(code):
    expected = EXPECTED[code]
    shuffled = random.Random(code).sample(expected, len(expected))
    assert sorted(shuffled, key=LANGUAGES[code].collation_key) == expected
    assert sorted(expected) != expected  # code point order would be wrong: the test can fail


def test_ties_between_case_and_accent_are_decided_the_same_way_every_time():
    key = LANGUAGES["hr"].collation_key
    assert key("Šuma") != key("šuma") and key("Sova") != key("sova")
    assert sorted(["šuma", "Šuma", "Sova", "sova"], key=key) == ["sova", "Sova", "šuma", "Šuma"]


MOMENTS = {"winter": dt.datetime(2027, 1, 15, 10), "summer": dt.datetime(2027, 7, 15, 10)}


@pytest.mark.parametrize("zone, locale, season, expected", [
    ("Europe/Budapest", "en", "winter", "Central European Time"),
    ("Europe/Budapest", "en", "summer", "Central European Time"),  # the generic name holds all year
    ("Europe/Budapest", "hr", "winter", "srednjoeuropsko vrijeme"),
    ("Europe/Sarajevo", "sr", "summer", "Средњеевропско време"),
    ("Europe/Belgrade", "sr_Latn", "winter", "Srednjeevropsko vreme"),
    ("Europe/Tirane", "sq", "winter", "Ora e Evropës Qendrore"),
    ("Europe/Chisinau", "ro", "winter", "Ora Europei de Est"),
    ("Europe/Sofia", "bg", "winter", "Източноевропейско време"),
    # Babel's alias table calls Europe/Kyiv canonical but knows its metazone only as Europe/Kiev
    ("Europe/Kyiv", "uk", "winter", "за східноєвропейським часом"),
    ("Europe/Kyiv", "en", "summer", "Eastern European Time"),
    ("Asia/Kolkata", "en", "winter", "India Standard Time"),  # a metazone with no generic name
    ("Europe/London", "en", "summer", "British Summer Time"),  # a zone's own name for the season
    ("Europe/London", "en", "winter", "Greenwich Mean Time"),
    ("UTC", "bs", "winter", "Koordinirano svjetsko vrijeme"),
    ("Etc/GMT-3", "en", "winter", "UTC+03:00"),  # no name in CLDR: its offset
])
def test_zones_are_named_in_the_readers_language(zone, locale, season, expected):
    assert zone_name(MOMENTS[season].replace(tzinfo=ZoneInfo(zone)), locale) == expected
