"""Finding every source file of a content tree and deciding what it is.

Language comes from the place: `content/<type>/...` is the default language,
`content/<lang>/<type>/...` is `<lang>`. Every file is either an item, a
vocabulary, or a problem: nothing is silently skipped. Names starting with a dot
(.gitkeep, .DS_Store) are not content and are passed over.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from hub_build.errors import Problem

from .fields import FILES_FOLDER
from .types import DATA_FOLDER, ContentType, ContentTypes, load

LANGUAGE_LIKE = re.compile(r"^[a-z]{2,3}$")


@dataclass(frozen=True)
class SourceFile:
    rel: str
    lang: str
    content_type: ContentType | None  # None for a vocabulary or an attachment
    attachment: bool = False  # a document or picture under content/files/, published as it is

    @property
    def is_vocabulary(self) -> bool:
        return self.content_type is None and not self.attachment

    @property
    def vocabulary(self) -> str:
        return Path(self.rel).stem


def scan(root: Path, languages, types: ContentTypes | None = None) -> tuple[list[SourceFile], list[Problem]]:
    files: list[SourceFile] = []
    problems: list[Problem] = []
    for rel, is_link in _walk(root):
        if is_link:
            problems.append(Problem(rel, 0, "", "is a symbolic link, which content may not contain",
                                    "replace the link with the real file"))
            continue
        found = classify(rel, languages, types)
        if isinstance(found, Problem):
            problems.append(found)
        else:
            files.append(found)
    return files, problems


def _walk(root: Path):
    """Yield (relative posix path, is_symlink) for every file, in a stable order."""
    for dirpath, dirnames, filenames in os.walk(root):
        base = Path(dirpath)
        links = [d for d in dirnames if (base / d).is_symlink()]
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in links)
        for name in sorted(filenames + links):
            if name.startswith("."):
                continue
            path = base / name
            yield path.relative_to(root).as_posix(), path.is_symlink()


def classify(rel: str, languages, types: ContentTypes | None = None) -> SourceFile | Problem:
    folders = (types or load()).by_folder
    parts = rel.split("/")
    lang = languages.default
    if parts[0] in languages and parts[0] != languages.default and len(parts) > 1:
        lang, parts = parts[0], parts[1:]
        edition = languages[lang]
        if edition.derived:
            return Problem(rel, 0, "", f"'{lang}' is made from content/{edition.derived_from}/ by transliteration "
                           "and has no folder of its own",
                           f"move the file to content/{edition.derived_from}/{'/'.join(parts)}: a text typed in "
                           f"{edition.name}'s script is served as it is in both editions")
    top = parts[0]
    if len(parts) == 1:
        return Problem(rel, 0, "", "is not inside a section folder",
                       f"move it into one of: {', '.join(sorted(folders))}")
    if top == DATA_FOLDER:
        return _vocabulary(rel, parts, lang, languages)
    if top == FILES_FOLDER:
        return _attachment(rel, lang, languages)
    if top not in folders:
        return _unknown_folder(rel, top, lang, languages, folders)
    if not rel.endswith(".md"):
        return Problem(rel, 0, "", "is not a Markdown file (.md); content folders hold only .md files",
                       "rename it to end in .md if it is content, or move it out of content/")
    return SourceFile(rel, lang, folders[top])


def _vocabulary(rel, parts, lang, languages) -> SourceFile | Problem:
    if lang != languages.default:
        return Problem(rel, 0, "", "vocabularies live only in content/data/, with every language's label inside",
                       f"move the labels into content/data/{parts[-1]}")
    if len(parts) != 2 or not rel.endswith(".yaml"):
        return Problem(rel, 0, "", "content/data/ holds only vocabulary files ending in .yaml",
                       "rename the file to end in .yaml or move it out of content/")
    return SourceFile(rel, lang, None)


def _attachment(rel, lang, languages) -> SourceFile | Problem:
    if lang != languages.default:
        return Problem(rel, 0, "", "attached files live only in content/files/, shared by every language",
                       f"move it to content/{rel.split('/', 1)[1]} and refer to it as {rel.split('/', 1)[1]}")
    return SourceFile(rel, lang, None, attachment=True)


def _unknown_folder(rel, top, lang, languages, folders) -> Problem:
    if lang == languages.default and top == languages.default:
        return Problem(rel, 0, "", f"'{top}' is the default language, whose content lives directly in content/",
                       f"move it to content/{rel.split('/', 1)[1]}")
    if lang == languages.default and LANGUAGE_LIKE.match(top) and top not in folders:
        return Problem(rel, 0, "", f"'{top}' is not a configured language",
                       f"add {top!r} to HUB_LANGUAGES in pelicanconf.py, or use one of "
                       f"{', '.join(c for c in languages.written if c != languages.default)}")
    return Problem(rel, 0, "", f"'{top}' is not a content section",
                   f"move it into one of: {', '.join(sorted(folders))}")
