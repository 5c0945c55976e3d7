import re

from hub_build.errors import ProblemFound
from hub_build.settings import Setting


def _address(value, settings):
    if value and not re.match(r"https?://", value):
        raise ProblemFound(f"{value!r} is not a web address",
                           "set the address files are shown at, e.g. https://github.com/ORG/REPO/blob/main/, or ''")


SETTINGS = [
    Setting("HUB_STATUS_PAGE", bool, True,
            "True to publish a translation status page per language (/<lang>/translation-status/)"),
    Setting("HUB_REPOSITORY_URL", str, "",
            "where the status page links a file to, e.g. https://github.com/ORG/REPO/blob/main/ ('' for no links)",
            check=_address),
]
