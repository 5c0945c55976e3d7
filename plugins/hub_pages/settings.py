from hub_build.errors import ProblemFound
from hub_build.settings import Setting


def _positive(value, settings):
    if value < 1:
        raise ProblemFound(f"must be at least 1, got {value}", "set a whole number such as 10")


SETTINGS = [
    Setting("HUB_PAGE_SIZE", int, 10, "how many items one listing page shows (a whole number, at least 1)",
            check=_positive),
    Setting("HUB_PROCESSES", int, 1, "how many processes render languages in parallel (a whole number, at least 1)",
            check=_positive),
    Setting("HUB_LIVERELOAD", bool, False, "True to add the live-reload script (set by invoke livereload)"),
]
