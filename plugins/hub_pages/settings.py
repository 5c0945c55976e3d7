from hub_build.errors import ProblemFound
from hub_build.settings import Setting


def _not_negative(value, settings):
    if value < 0:
        raise ProblemFound(f"must be 0 or more, got {value}", "set 0 (one per core) or a whole number such as 2")


def _positive(value, settings):
    if value < 1:
        raise ProblemFound(f"must be at least 1, got {value}", "set a whole number such as 10")


SETTINGS = [
    Setting("HUB_PAGE_SIZE", int, 10, "how many items one listing page shows (a whole number, at least 1)",
            check=_positive),
    Setting("HUB_PROCESSES", int, 0, "how many processes render pages and build search indexes in parallel "
            "(0: one per core; 1: none)", check=_not_negative),
    Setting("HUB_FALLBACK_COPIES", bool, True,
            "True: a language publishes its own copy of each item it shows through its fallback chain (with a "
            "notice); False: it lists the item with its language badge and links to it in its own language "
            "(a much smaller site)"),
    Setting("HUB_LIVERELOAD", bool, False, "True to add the live-reload script (set by invoke livereload)"),
]
