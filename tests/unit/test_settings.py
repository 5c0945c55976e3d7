import importlib

from hub_build.settings import validate
from hubtest import ROOT

# every plugin's declared settings, found on disk so that a new plugin cannot be forgotten
DECLARED = [setting for path in sorted((ROOT / "plugins").glob("*/settings.py"))
            for setting in importlib.import_module(f"{path.parent.name}.settings").SETTINGS]


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
