"""Offline packs: one language of a built hub as a ZIM file, the format Kiwix reads on phones and
computers with no connection at all (`invoke offline-pack --lang L`).

Written with libzim (openZIM's own library, from PyPI), which also builds the pack's full-text
and title indexes. A pack holds the language's pages (all but the search page, which needs the
hub's own index, and the offline page, which only the service worker shows), the theme, and the
attachments those pages link to. Links inside the pack are made relative to each page; links
to anything else (other languages, feeds, the search page) lead to the hub online.
"""

from __future__ import annotations

import datetime
import mimetypes
import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from lxml import html

LEFT_OUT = ("search/", "offline/")  # pages of a language that do not work in a pack
ASSET_FOLDERS = ("theme/", "files/")
NOT_PACKED = ("theme/js/search/", "theme/js/livereload.js", "theme/js/offline.js")
LINKING = (("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"), ("source", "src"),
           ("img", "srcset"), ("source", "srcset"), ("form", "action"))


@dataclass(frozen=True)
class PackInfo:
    """What Kiwix shows of a pack (the openZIM metadata conventions: title at most 30 characters,
    description at most 80, language as ISO 639-3)."""

    name: str  # e.g. childhub_en: stable across versions, so that Kiwix offers updates
    title: str
    description: str
    language: str  # ISO 639-3, e.g. srp
    creator: str
    publisher: str
    date: datetime.date
    illustration: bytes  # a 48×48 PNG


class PackError(Exception):
    """A pack cannot be written; the message says why and what to do."""


def iso639_3(locale: str) -> str:
    """The ISO 639-3 code of a Babel locale (sr_Latn -> srp), from pycountry's copy of the ISO table."""
    import pycountry

    code = locale.replace("-", "_").split("_")[0].lower()
    found = pycountry.languages.get(alpha_2=code) if len(code) == 2 else pycountry.languages.get(alpha_3=code)
    if found is None:
        raise PackError(f"the locale {locale!r} has no ISO 639-3 code: check the language's locale in HUB_LANGUAGES")
    return found.alpha_3


def pages(site: Path, prefix: str) -> list[str]:
    """Output paths of the language's pages that go into its pack."""
    root = site / prefix
    found = []
    for path in sorted(root.rglob("index.html")):
        rel = path.relative_to(site).as_posix()
        if not rel.removeprefix(prefix + "/").startswith(LEFT_OUT):
            found.append(rel)
    return found


def _target(value: str, siteurl: str) -> tuple[str, str] | None:
    """(output path, fragment) of an address of the hub, or None for one elsewhere."""
    if siteurl and value.startswith(siteurl + "/"):
        value = value[len(siteurl):]
    if not value.startswith("/") or value.startswith("//"):
        return None
    parts = urlsplit(value)
    path = parts.path.lstrip("/")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return path, parts.fragment


class Pack:
    """The entries of one language's pack, with their links rewritten."""

    def __init__(self, site: Path, prefix: str, siteurl: str, online: str):
        self.site, self.prefix, self.siteurl, self.online = site, prefix, siteurl.rstrip("/"), online.rstrip("/")
        self.pages = pages(site, prefix)
        self.page_set = set(self.pages)
        self.assets: set[str] = {rel for rel in self._theme() if not rel.startswith(NOT_PACKED)}
        self.missing: list[str] = []

    def _theme(self) -> list[str]:
        root = self.site / "theme"
        return [path.relative_to(self.site).as_posix() for path in sorted(root.rglob("*")) if path.is_file()]

    def _rewrite(self, value: str, here: str) -> str:
        found = _target(value.strip(), self.siteurl)
        if found is None:
            return value
        path, fragment = found
        inside = path in self.page_set or path in self.assets
        if not inside and path.startswith(ASSET_FOLDERS) and not path.startswith(NOT_PACKED):
            if (self.site / path).is_file():
                self.assets.add(path)
                inside = True
            else:
                self.missing.append(f"{here} links to /{path}, which the built site does not have")
        if inside:
            relative = posixpath.relpath(path, posixpath.dirname(here))
            return relative + (f"#{fragment}" if fragment else "")
        online = value if value.startswith(("http://", "https://")) else self.online + value.strip()
        return online if self.online else value

    def page(self, rel: str) -> tuple[str, bytes]:
        """The page's title and its HTML for the pack."""
        document = html.document_fromstring((self.site / rel).read_bytes())
        for script in document.xpath("//script[@data-worker]"):  # the pack is offline already
            script.getparent().remove(script)
        for tag, attribute in LINKING:
            for element in document.iter(tag):
                value = element.get(attribute)
                if value is None:
                    continue
                if attribute == "srcset":
                    candidates = [candidate.strip().split(" ", 1) for candidate in value.split(",") if candidate.strip()]
                    element.set(attribute, ", ".join(" ".join([self._rewrite(c[0], rel)] + c[1:]) for c in candidates))
                else:
                    element.set(attribute, self._rewrite(value, rel))
        title = (document.findtext(".//title") or rel).strip()
        title = title.rpartition(" · ")[0] or title  # without the " · SITENAME" every page's title ends with
        body = html.tostring(document, doctype="<!doctype html>", encoding="unicode")
        return title, body.encode("utf-8")


def write_pack(site: Path, prefix: str, target: Path, info: PackInfo, siteurl: str = "", online: str = "") -> dict:
    """Write the pack of the language at `prefix` of the built `site` into `target`; returns counts."""
    from libzim.writer import Creator, FileProvider, Hint, Item, StringProvider

    class Entry(Item):
        def __init__(self, path, title, mimetype, content=None, file=None, front=False):
            super().__init__()
            self.entry_path, self.entry_title, self.mimetype = path, title, mimetype
            self.content, self.file, self.front = content, file, front

        def get_path(self):
            return self.entry_path

        def get_title(self):
            return self.entry_title

        def get_mimetype(self):
            return self.mimetype

        def get_contentprovider(self):
            return StringProvider(self.content) if self.file is None else FileProvider(str(self.file))

        def get_hints(self):
            return {Hint.FRONT_ARTICLE: self.front, Hint.COMPRESS: self.mimetype.startswith("text/")}

    main = f"{prefix}/index.html"
    if not (site / ".hub-output").exists() or not (site / main).exists():
        raise PackError(f"{site} holds no built hub with the language {prefix!r}: "
                        f"build it first (invoke build --output {site})")
    pack = Pack(site, prefix, siteurl, online)
    rendered = {rel: pack.page(rel) for rel in pack.pages}
    if pack.missing:
        raise PackError("; ".join(pack.missing[:5]))
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")  # a failed run leaves no half pack under the name
    partial.unlink(missing_ok=True)
    with Creator(str(partial)).config_indexing(True, info.language).config_verbose(False) as creator:
        creator.set_mainpath(main)
        creator.add_illustration(48, info.illustration)
        for name, value in (("Name", info.name), ("Title", info.title), ("Description", info.description),
                            ("Language", info.language), ("Creator", info.creator),
                            ("Publisher", info.publisher), ("Date", info.date.isoformat()),
                            ("Tags", "_category:other;_pictures:yes;_videos:no;_details:yes;_ftindex:yes")):
            creator.add_metadata(name, value)
        for rel, (title, body) in rendered.items():
            creator.add_item(Entry(rel, title, "text/html", content=body, front=True))
        for rel in sorted(pack.assets):
            mimetype = mimetypes.guess_type(rel)[0] or "application/octet-stream"
            creator.add_item(Entry(rel, "", mimetype, file=site / rel))
    partial.replace(target)
    return {"pages": len(rendered), "files": len(pack.assets)}
