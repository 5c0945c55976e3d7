from hub_build.settings import Setting

from .types import BUILT_IN, load


def _content_types(value, settings):
    load(tuple(value))  # raises ProblemFound naming the module that is wrong


SETTINGS = [
    Setting("HUB_CONTENT_TYPES", list, list(BUILT_IN),
            "the modules that declare the hub's content types (CONTENT_TYPE), in the order of its sections; "
            "add your own module's dotted name to add a type", check=_content_types),
]
