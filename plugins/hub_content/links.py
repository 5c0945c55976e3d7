"""Links in a body to another page of the hub or to an attached file must lead somewhere.

Two checks, one rule. `link_problems` runs while reading (the build and `invoke check`): attached
files must exist, and a link to an item must name one that the link's language shows, itself or
through its fallback chain, and that is not a draft. `plan_problems` runs once every page is
planned: every address under a language prefix, of any kind and depth (`/en/abuot/`,
`/sq/topics/x/page/2/`), must be a page of that language's plan. Generated files with a format
ending (`feed.atom`, `events.ics`, `sitemap.xml`) are left to `invoke check-output`.
"""

from __future__ import annotations

import re
from pathlib import Path

from hub_build.errors import Problem

from .fields import FILES_FOLDER
from .types import ContentTypes, load

LINK = re.compile(r'(?:href|src)="(/[^"#?]*)')  # links, and pictures shown in the text
ROOT_ADDRESSES = {"/", "/404.html", "/sitemap.xml"}
FIX = "check the address; items are at /<language>/<section>/<file name>/ and attachments at /files/<name>"


def link_problems(root: Path, items, languages, types: ContentTypes | None = None) -> list[Problem]:
    """While reading: files exist; items exist in the link's language or its fallback chain, and are
    not drafts."""
    sections = frozenset(t.folder for t in (types or load()) if not t.url.startswith("{"))  # not plain pages
    shown = _item_addresses([i for i in items if not i.draft], languages)
    drafts = {address for addresses in _item_addresses([i for i in items if i.draft], languages).values()
              for address in addresses}
    owners = _owners([i for i in items if not i.draft], languages)
    problems = []
    for item in items:
        for target in _targets(item):
            if not _exists(root, target, languages, shown, sections):
                problems.append(_problem(root, item, target, *_why(target, drafts, owners, languages)))
    return problems


def _why(target: str, drafts: set[str], owners: dict, languages) -> tuple[str, str]:
    """What is wrong with a link to an item, told as precisely as the reading knows it."""
    parts = [p for p in target.split("/") if p]
    address = "/".join(parts[1:3]) if len(parts) == 3 else ""
    if address in owners:
        where = owners[address]
        first = next(language for language in languages if language.code == where[0])
        return (f"links to {target}, which exists only in {', '.join(where)}",
                f"link to /{first.prefix}/{address}/, or translate the item into this language")
    if address in drafts:
        return (f"links to {target}, which is a draft",
                "publish it (status: published) or remove the link until it is")
    return (f"links to {target}, which does not exist", FIX)


def _owners(items, languages) -> dict[str, list[str]]:
    """'section/slug' -> the languages that have the item, in table order."""
    found: dict[str, set[str]] = {}
    for code, addresses in _item_addresses(items, languages, chains=False).items():
        for address in addresses:
            found.setdefault(address, set()).add(code)
    return {address: [c for c in languages.codes if c in codes] for address, codes in found.items()}


def plan_problems(root: Path, items, languages, planned: dict) -> list[Problem]:
    """Once planned: every internal address resolves against the plan of its language.
    `planned` maps a language code to the paths of its pages ("en/news/x/")."""
    prefixes = {language.prefix: language.code for language in languages}
    problems = []
    for item in items:
        if item.draft:
            continue  # never published: its links lead nowhere anyone can follow
        for target in _targets(item):
            parts = [p for p in target.split("/") if p]
            if not parts or target in ROOT_ADDRESSES or parts[0] == FILES_FOLDER:
                continue  # the root, or a file, which link_problems checked
            if parts[0] in prefixes and "." in parts[-1]:
                continue  # a generated file (feed, calendar, sitemap): check-output follows those
            path = "/".join(parts) + "/"
            if parts[0] not in prefixes or path not in planned.get(prefixes[parts[0]], ()):
                problems.append(_problem(root, item, target))
    return problems


def _targets(item) -> list[str]:
    return sorted(set(LINK.findall(item.body_html)))


def _problem(root: Path, item, target: str, message: str = "", fix: str = FIX) -> Problem:
    return Problem(item.source, _line_of(root / item.source, target), "body",
                   message or f"links to {target}, which does not exist", fix)


def _item_addresses(items, languages, chains: bool = True) -> dict[str, set[str]]:
    """Language code -> the 'section/slug' of every given item it shows (its own, and with `chains`
    those of its fallback chain)."""
    own: dict[str, set[str]] = {}
    for item in items:
        section = item.source.removeprefix(f"{item.lang}/") if item.lang != languages.default else item.source
        own.setdefault(item.lang, set()).add(f"{section.split('/', 1)[0]}/{item.slug}")
    return {language.code: set().union(*(own.get(code, set()) for code in
                                         [language.code, *(languages.chain(language.code) if chains else ())]))
            for language in languages}


def _exists(root: Path, target: str, languages, shown: dict[str, set[str]], sections: frozenset) -> bool:
    parts = [p for p in target.split("/") if p]
    if parts and parts[0] == FILES_FOLDER:
        return (root / "/".join(parts)).is_file()
    prefixes = {language.prefix: language.code for language in languages}
    if not parts or parts[0] not in prefixes:
        return True  # plan_problems decides, once every page is planned
    rest = parts[1:]
    if len(rest) != 2:
        return True  # a home, listing, browse or plain page: plan_problems decides
    return f"{rest[0]}/{rest[1]}" in shown[prefixes[parts[0]]] or rest[0] not in sections




def _line_of(path: Path, target: str) -> int:
    try:
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            if target in line:
                return number
    except (OSError, UnicodeDecodeError):
        pass
    return 0
