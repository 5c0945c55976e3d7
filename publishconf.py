"""Production settings: absolute URLs and strict mode (any warning fails the build).

The web editor commits to GITHUB_REPOSITORY (set by GitHub Actions; or set it by hand) through
GitHub sign-in at HUB_ADMIN_AUTH_URL; HUB_ADMIN=false leaves it out (.github/workflows/deploy.yml).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: E402,F401,F403

SITEURL = os.environ.get("HUB_SITEURL", "https://childhub.example.org")
HUB_STRICT = True
# 50 cards a listing page: about 30 KB of HTML (8 KB compressed), pictures loaded as they scroll in.
# Fewer, fuller pages pay the head, header, filters and footer fewer times: at 20 a page, those were
# half a large hub's listing bytes (docs/performance.md).
HUB_PAGE_SIZE = 50
HUB_ADMIN = os.environ.get("HUB_ADMIN", "true").strip().lower() not in ("false", "no", "0")
HUB_ADMIN_REPOSITORY = os.environ.get("GITHUB_REPOSITORY", "")
HUB_ADMIN_AUTH_URL = os.environ.get("HUB_ADMIN_AUTH_URL", "")
