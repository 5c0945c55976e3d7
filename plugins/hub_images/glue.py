"""The pictures' part in a build, through the extension points only: `pictures` after reading
(checks, then every picture made or found in the cache), `files` (their output paths, so the
collision check sees them), `write` (copied into the staging folder, so output stays atomic)."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from hub_build.errors import Problem, ProblemFound, fail_if
from hub_build.extensions import Extension
from hub_build.staging import contained
from hub_content.fields import Attachment, File

from . import pictures as core
from . import social
from .store import PictureStore

logger = logging.getLogger(__name__)


class PicturesExtension(Extension):
    name = "pictures"

    def __init__(self):
        self.store: PictureStore | None = None
        self.made: dict[str, dict] = {}  # attachment path -> the picture pages show for it
        self.recipes: dict[str, str] = {}  # attachment path -> its recipe digest

    def pictures(self, build) -> dict[str, dict]:
        settings = build.settings
        cache = settings.get("HUB_CACHE_PATH")
        self.store = PictureStore(Path(cache) / "pictures" if cache else None)
        limits = core.Limits(settings["HUB_IMAGE_MAX_BYTES"], settings["HUB_IMAGE_MAX_PIXELS"])
        problems, warnings = [], set()
        done: set[str] = set()
        translations = build.hub.translations
        # Originals first: a picture's problem names the file that names the picture.
        for item in sorted(translations.items(), key=lambda i: (translations.original(i.key).source != i.source,
                                                                  i.source, i.lang)):
            for field, target, message, fix in core.alt_problems(item.meta, item.body_html):
                line = (_line_of(build.content / item.source, target) if field == "body"
                        else item.lines.get("image", 0))
                warnings.add(Problem(item.source, line, field, message, fix))
            for target, field, kind in _pictures_of(item):
                if target in done:
                    continue
                done.add(target)
                try:
                    self.made[target] = self.make(build.content / target, target, kind, settings, limits)
                except ProblemFound as problem:
                    found = Problem(item.source, item.lines.get(field, 0), field, f"{target} {problem.message}",
                                    problem.fix)
                    # A PDF PDFium cannot open is still published, without a thumbnail: the attachment
                    # policy accepted it by its signature, other readers may open it (or it needs a
                    # password readers are given), and a library without the document would lose more
                    # than a picture. Strict mode (publishconf.py) still stops on the warning.
                    (warnings.add if kind == "thumbnail" else problems.append)(found)
            for src, _ in core.body_images(item.body_html):
                target = src.lstrip("/")
                path = build.content / target
                if target in done or not target.startswith("files/") or not path.is_file():
                    continue
                done.add(target)
                found = self.limit_problem(path, target, limits)
                if found:
                    problems.append(Problem(item.source, _line_of(build.content / item.source, target), "body", *found))
        for warning in sorted(warnings):
            logger.warning("%s", warning)
        fail_if(problems)
        return dict(self.made)

    def make(self, path: Path, target: str, kind: str, settings: dict, limits: core.Limits) -> dict:
        if kind == "image":
            found = self.limit_problem(path, target, limits)
            if found:
                raise ProblemFound(found[0].removeprefix(target + " "), found[1])
        widths = settings["HUB_IMAGE_WIDTHS"] if kind == "image" else settings["HUB_THUMBNAIL_WIDTHS"]
        recipe = core.recipe_digest(self.store.file_digest(path), kind, widths)
        variants = self.store.variants(recipe)
        if variants is None:
            data = path.read_bytes()
            variants = core.resize(data, widths) if kind == "image" else core.pdf_thumbnail(data, widths)
            self.store.put(recipe, variants)
        self.recipes[target] = recipe
        return core.picture(kind, recipe, variants)

    def limit_problem(self, path: Path, target: str, limits: core.Limits):
        size = path.stat().st_size
        if size > limits.max_bytes:
            return core.limit_problem(target, size, None, limits)
        try:
            pixels = core.image_size(path.read_bytes())
        except ProblemFound as problem:
            return (f"{target} {problem.message}", problem.fix)
        return core.limit_problem(target, size, pixels, limits)

    def files(self, build):
        found = [core.file_name(self.recipes[target], width)
                 for target, made in sorted(self.made.items()) for _, width in made["srcset"]]
        if build.settings["HUB_SOCIAL_CARD"]:
            found += [social_card_path(language.code) for language in build.hub.languages]
        return found

    def write(self, build) -> None:
        try:
            for target, made in sorted(self.made.items()):
                for _, width in made["srcset"]:
                    output = contained(build.output, core.file_name(self.recipes[target], width))
                    output.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(self.store.path(self.recipes[target], width), output)
            if build.settings["HUB_SOCIAL_CARD"]:
                self.write_social_cards(build)
        finally:
            self.store.close()

    def write_social_cards(self, build) -> None:
        tagline = "Child Protection Hub for South-East Europe"  # the header's tagline, in each catalog
        font = build.settings["HUB_SOCIAL_CARD_FONT"]
        for language in build.hub.languages:
            try:
                data = social.card(build.settings["SITENAME"], build.catalogs[language.code].gettext(tagline), font)
            except ProblemFound as problem:
                fail_if([problem.at("settings", field="HUB_SOCIAL_CARD_FONT")])
            output = contained(build.output, social_card_path(language.code))
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_bytes(data)


def social_card_path(code: str) -> str:
    return f"{core.OUTPUT_FOLDER}/social-{code}.png"


def _pictures_of(item):
    """(attachment path, field, kind) of each picture an item's pages show: its images, and a
    thumbnail of each local PDF it offers."""
    for name, value in sorted(item.meta.items()):
        if not isinstance(value, Attachment) or not value.local:
            continue
        kind = item.content_type.schema[name].kind
        suffix = value.target.lower().rpartition(".")[2]
        if isinstance(kind, File) and kind.images_only and "." + suffix in core.RASTER:
            yield value.target, name, "image"
        elif suffix == "pdf":
            yield value.target, name, "thumbnail"


def _line_of(path: Path, text: str) -> int:
    """The first line of a source file naming `text` (a body's image), or 0."""
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if text in line:
                return number
    except (OSError, UnicodeDecodeError):
        pass
    return 0


def register():
    pass  # no signals: the build calls the extension's points
