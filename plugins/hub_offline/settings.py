import re

from hub_build import text as text_gate
from hub_build.errors import ProblemFound
from hub_build.settings import Setting

PACKS_DOC = ("a mapping of language code to the web address of that language's offline pack (a ZIM file "
             "made by `invoke offline-pack`), e.g. {\"en\": \"https://downloads.example.org/childhub_en.zim\"}; "
             "each language's footer links its pack")


def _packs(value, settings):
    codes = {entry.get("code") for entry in settings.get("HUB_LANGUAGES", []) if isinstance(entry, dict)}
    for code, address in value.items():
        if code not in codes:
            raise ProblemFound(f"{code!r} is not a language of HUB_LANGUAGES",
                               f"use one of {', '.join(sorted(c for c in codes if isinstance(c, str)))}")
        if not isinstance(address, str) or not re.fullmatch(r"https?://[^\s/]+/\S*", address):
            raise ProblemFound(f"the pack of {code!r}, {address!r}, is not a web address",
                               "write the full address of the published .zim file, "
                               "such as https://downloads.example.org/childhub_en.zim")
        text_gate.check(address)


SETTINGS = [
    Setting("HUB_OFFLINE", bool, True,
            "True or False: when True, pages register a service worker that keeps what a reader visited "
            "for offline reading, each language has an offline page, and items with attachments a "
            "\"Save for offline\" button (live reload never registers it)"),
    Setting("HUB_OFFLINE_PACKS", dict, {}, PACKS_DOC, check=_packs),
]
