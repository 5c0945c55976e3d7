import re

from hub_build.errors import ProblemFound
from hub_build.settings import Setting


def _domain(value, settings):
    if not re.fullmatch(r"[a-z0-9]+([.-][a-z0-9]+)*\.[a-z]{2,}", value):
        raise ProblemFound(f"{value!r} is not a domain name", "set a domain you own, such as childhub.org")


SETTINGS = [
    Setting("HUB_UID_DOMAIN", str, "childhub.org",
            "the domain that ends every event's calendar UID; keep it stable once calendars are published",
            check=_domain),
]
