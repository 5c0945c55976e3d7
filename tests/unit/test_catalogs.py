from pathlib import Path

from babel.messages.plurals import get_plural

from hub_i18n import catalogs
from hubtest import ROOT, demo_languages

LANGUAGES = demo_languages()
FOLDER = ROOT / "theme" / "translations"


def test_every_configured_language_has_a_complete_catalog():
    found, problems = catalogs.load(FOLDER, LANGUAGES)
    assert [str(p) for p in problems] == []
    assert set(found) == set(LANGUAGES.codes)


def test_catalogs_hold_every_extracted_string():
    template = catalogs.read(FOLDER / "messages.pot", LANGUAGES["en"])
    wanted = {m.id if isinstance(m.id, str) else m.id[0] for m in template if m.id}
    for language in LANGUAGES:
        if catalogs.needs_catalog(language):
            catalog = catalogs.read(catalogs.catalog_path(FOLDER, language.code), language)
            have = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
            assert wanted <= have, f"{language.code}: run invoke catalogs and translate {wanted - have}"


def test_slavic_catalogs_have_three_plural_forms():
    for code in ("bs", "hr", "sr", "uk"):
        catalog = catalogs.read(catalogs.catalog_path(FOLDER, code), LANGUAGES[code])
        assert catalog.num_plurals == get_plural(LANGUAGES[code].locale).num_plurals == 3
    ukrainian = catalogs.compile_catalog(catalogs.read(catalogs.catalog_path(FOLDER, "uk"), LANGUAGES["uk"]))
    forms = {ukrainian.ngettext("%(num)s item", "%(num)s items", n) for n in (1, 3, 5)}
    assert len(forms) == 3


def test_untranslated_and_fuzzy_entries_are_reported(tmp_path: Path):
    po = tmp_path / "messages.po"
    po.write_text('msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : '
                  'n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\n'
                  'msgid "Home"\nmsgstr ""\n\n#, fuzzy\nmsgid "News"\nmsgstr "Vesti"\n\n'
                  'msgid "%(num)s item"\nmsgid_plural "%(num)s items"\nmsgstr[0] "a"\nmsgstr[1] "b"\n',
                  encoding="utf-8")
    problems = catalogs.check(catalogs.read(po, LANGUAGES["sr"]), po, LANGUAGES["sr"])
    messages = [p.message for p in problems]
    assert messages == ["'Home' is not translated", "'News' is marked fuzzy", "'%(num)s item' is not translated"]
    assert [p.line for p in problems] == [5, 9, 12]  # the msgid lines


def test_the_committed_template_holds_every_string_the_code_uses(tmp_path):
    """Fails when a template or plugin gains a string and `invoke catalogs` was not run."""
    import subprocess
    import sys

    fresh = tmp_path / "messages.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg", "-k", "N_",
                    "-k", "_", "-k", "gettext", "-k", "ngettext:1,2", "--no-location", "-o", str(fresh), "."], cwd=ROOT, check=True, capture_output=True)
    ids = lambda path: {m.id if isinstance(m.id, str) else m.id[0]
                        for m in catalogs.read(path, LANGUAGES["en"]) if m.id}
    assert ids(fresh) == ids(FOLDER / "messages.pot"), "run: invoke catalogs, then translate the new strings"
