"""The golden fixture site: three languages of the demo's table, small pages."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from pelicanconf import *  # noqa: E402,F401,F403

KEEP = ("en", "hr", "sr", "sr-latn")
HUB_LANGUAGES = [{**entry, "fallbacks": [c for c in entry["fallbacks"] if c in KEEP]}
                 for entry in HUB_LANGUAGES if entry["code"] in KEEP]  # noqa: F405
HUB_PAGE_SIZE = 2
HUB_CACHE_PATH = ""
HUB_STRICT = True
HUB_PROCESSES = 2  # the golden output must not depend on parallel rendering
HUB_ADMIN = False  # the editor is 6 MB of Decap CMS; its configuration is tested in tests/unit/test_admin_config.py
