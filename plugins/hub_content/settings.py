from hub_build.errors import ProblemFound
from hub_build.settings import Setting

from .types import BUILT_IN, load


def _content_types(value, settings):
    load(tuple(value))  # raises ProblemFound naming the module that is wrong


def _not_negative(value, settings):
    if value < 0:
        raise ProblemFound(f"must be 0 or more, got {value}", "set 0 (one per core) or a whole number such as 2")


SETTINGS = [
    Setting("HUB_PROCESSES", int, 0, "how many processes read files, render pages and build search indexes in "
            "parallel (0: one per core; 1: none)", check=_not_negative),
    Setting("HUB_CONTENT_TYPES", list, list(BUILT_IN),
            "the modules that declare the hub's content types (CONTENT_TYPE), in the order of its sections; "
            "add your own module's dotted name to add a type", check=_content_types),
]
