"""Production settings: absolute URLs and strict mode (any warning fails the build)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: E402,F401,F403

SITEURL = os.environ.get("HUB_SITEURL", "https://childhub.example.org")
HUB_STRICT = True
HUB_PAGE_SIZE = 20
