"""Development settings of the ChildHub static hub.

The language table below is the one place languages are configured: adding one is
an entry here, a folder content/<code>/ and a catalog theme/translations/<code>/.
Every HUB_ setting is declared (type, default, meaning) in plugins/*/settings.py
and validated when the build starts; docs/developers.md lists them.
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "plugins"))  # hub plugins import each other's cores

SITENAME = "ChildHub"
SITEURL = ""
PATH = "content"
OUTPUT_PATH = "output"
THEME = str(HERE / "theme")
TIMEZONE = "Europe/Budapest"
DEFAULT_LANG = "en"

PELICAN_CLASS = "hub_site.HubPelican"  # Pelican runs the hub's build (plugins/hub_site/build.py)
PLUGIN_PATHS = [str(HERE / "plugins")]
# Order matters: each plugin builds on the ones before it; extensions take part in this order.
PLUGINS = ["hub_build", "hub_languages", "hub_content", "hub_i18n", "hub_pages", "hub_images", "hub_feeds", "hub_calendar", "hub_status", "hub_search", "hub_offline", "hub_sitemap", "hub_admin"]

HUB_DEFAULT_LANGUAGE = "en"
HUB_LANGUAGES = [
    {"code": "en", "name": "English", "locale": "en", "tag": "en", "script": "Latn",
     "direction": "ltr", "fallbacks": [], "prefix": "en"},
    {"code": "sq", "name": "Shqip", "locale": "sq", "tag": "sq", "script": "Latn",
     "direction": "ltr", "fallbacks": ["en"], "prefix": "sq"},
    {"code": "bs", "name": "Bosanski", "locale": "bs", "tag": "bs", "script": "Latn",
     "direction": "ltr", "fallbacks": ["hr", "sr-latn", "en"], "prefix": "bs"},
    {"code": "bg", "name": "Български", "locale": "bg", "tag": "bg", "script": "Cyrl",
     "direction": "ltr", "fallbacks": ["en"], "prefix": "bg"},
    {"code": "hr", "name": "Hrvatski", "locale": "hr", "tag": "hr", "script": "Latn",
     "direction": "ltr", "fallbacks": ["bs", "sr-latn", "en"], "prefix": "hr"},
    {"code": "ro", "name": "Română", "locale": "ro", "tag": "ro", "script": "Latn",
     "direction": "ltr", "fallbacks": ["en"], "prefix": "ro"},
    {"code": "sr", "name": "Српски", "locale": "sr", "tag": "sr-Cyrl", "script": "Cyrl",
     "direction": "ltr", "fallbacks": ["hr", "bs", "en"], "prefix": "sr"},
    # Serbian Latin: made from the Cyrillic content, interface and labels by transliteration.
    {"code": "sr-latn", "name": "Srpski", "locale": "sr_Latn", "tag": "sr-Latn", "script": "Latn",
     "direction": "ltr", "fallbacks": ["hr", "bs", "en"], "prefix": "sr-latn",
     "derived": {"from": "sr", "transliterate": "sr"}},
    {"code": "uk", "name": "Українська", "locale": "uk", "tag": "uk", "script": "Cyrl",
     "direction": "ltr", "fallbacks": ["en"], "prefix": "uk"},
]
HUB_PAGE_SIZE = 3
HUB_STRICT = False

# Pelican's own feeds are off: the hub_feeds plugin writes one feed per language.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
