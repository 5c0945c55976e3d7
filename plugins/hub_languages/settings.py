from hub_build.settings import Setting

from .model import parse


def _check_table(value, settings):
    parse(value, settings.get("HUB_DEFAULT_LANGUAGE", "en"))


SETTINGS = [
    Setting("HUB_LANGUAGES", list, [],
            "a list of dicts with code, name, locale, tag, script, direction, fallbacks, prefix",
            check=_check_table),
    Setting("HUB_DEFAULT_LANGUAGE", str, "en", "the code of the language that lives directly in content/"),
]
