from hub_build.settings import SETTINGS as BUILD_SETTINGS
from hub_build.settings import validate
from hub_languages.settings import SETTINGS as LANGUAGE_SETTINGS
from hub_pages.settings import SETTINGS as PAGE_SETTINGS

DECLARED = BUILD_SETTINGS + LANGUAGE_SETTINGS + PAGE_SETTINGS


def test_every_bad_setting_is_reported_together():
    problems = validate({"HUB_STRICT": "yes", "HUB_PAGE_SIZE": 0, "HUB_PAGESIZE": 3,
                         "HUB_LANGUAGES": [], "HUB_DEFAULT_LANGUAGE": "en"}, DECLARED, "pelicanconf.py")
    fields = sorted(p.field for p in problems)
    assert fields == ["HUB_LANGUAGES", "HUB_PAGESIZE", "HUB_PAGE_SIZE", "HUB_STRICT"]
    assert all(p.path == "pelicanconf.py" and p.fix for p in problems)


def test_every_setting_is_documented():
    from hubtest import ROOT
    docs = (ROOT / "docs" / "developers.md").read_text(encoding="utf-8")
    missing = [s.name for s in DECLARED if f"`{s.name}`" not in docs]
    assert not missing
