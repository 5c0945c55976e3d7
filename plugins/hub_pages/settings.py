from hub_build.errors import ProblemFound
from hub_build.settings import Setting


def _positive(value, settings):
    if value < 1:
        raise ProblemFound(f"must be at least 1, got {value}", "set a whole number such as 10")


SETTINGS = [
    Setting("HUB_PAGE_SIZE", int, 10, "how many items one listing page shows (a whole number, at least 1)",
            check=_positive),
    Setting("HUB_FALLBACK_COPIES", bool, True,
            "True: a language publishes its own copy of each item it shows through its fallback chain (with a "
            "notice); False: it lists the item with its language badge and links to it in its own language "
            "(a much smaller site)"),
    Setting("HUB_LIVERELOAD", bool, False, "True to add the live-reload script (set by invoke livereload)"),
]
