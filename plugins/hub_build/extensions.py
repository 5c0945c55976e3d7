"""The extension points of a build: what a plugin may add, and when the build asks for it.

The build itself is one function, `hub_site.build.build`, which reads top to bottom. Plugins
above the content model and the page plan (translation status, search, feeds, calendars,
sitemaps) take part through the one class below, never through keys of a shared dict:

- a plugin package exports `extension`, a subclass of `Extension`;
- every build makes a new instance of each, in the order of `PLUGINS`, so an extension may keep
  what one step found for a later step (search keeps its records from `pages` to `write`), and
  nothing outlives the build;
- each method is one extension point, called once per build at the moment its docstring says,
  with the `Build` as it stands then. The base class does nothing at each.

docs/developers.md lists these points; a test checks that every one is documented there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

if TYPE_CHECKING:  # only for annotations: hub_build is below every other plugin
    from hub_content.hub import Hub
    from hub_pages.routes import Page, SitePlan


@dataclass
class Build:
    """One build as it stands: what each step has made so far, for the steps after it."""

    settings: dict
    content: Path  # the content folder
    theme: Path
    output: Path  # the staging folder this build writes into; swapped into place at the end
    env: Any  # the theme's Jinja2 environment, as Pelican configures it (JINJA_FILTERS, ...)
    hub: "Hub | None" = None  # after reading
    catalogs: dict = field(default_factory=dict)  # language code -> gettext catalog of the interface
    notices: dict = field(default_factory=dict)  # item source -> ((kind, date, original source), ...)
    pictures: dict = field(default_factory=dict)  # attachment path -> the picture pages show for it (plain data)
    plan: "SitePlan | None" = None  # after planning: every page of every language, the extensions' too

    def updates(self) -> dict[str, str]:
        """Item source -> the ISO date its content last changed after it was posted (the notices of
        kind "updated", from hub_status's reading of git): feeds' `updated`, sitemaps' `lastmod`."""
        return {source: date for source, notices in self.notices.items() for kind, date, _ in notices
                if kind == "updated"}


class Extension:
    """A plugin's part in a build. Subclass it, override the points you need, and export the class
    as `extension` from the plugin package."""

    name = "extension"  # used in the build's stage times and in messages

    def notices(self, build: Build) -> dict[str, tuple]:
        """After reading, before planning: notices to show on item pages, by item source, as
        ((kind, ISO date or None, original's source), ...). Example: hub_status's "out of date"."""
        return {}

    def pictures(self, build: Build) -> dict[str, dict]:
        """After reading, before planning: pictures of attachments, by their path under content/
        (`files/...`), as plain data. A page receives `pictures[path]` for every attachment named by
        the items it shows (its item, its entries, its blocks' entries), as part of its cache key.
        Example: hub_images' image sizes and PDF thumbnails."""
        return {}

    def pages(self, build: Build) -> Iterable["Page"]:
        """After the content's pages are planned, before the collision check: more pages for the
        plan. The theme renders them like every page, the switcher, hreflang and sitemaps list them,
        and a content page at the same address is an error naming both. A page's `data` is what its
        template receives beyond the common context (plain data: it is part of the page's cache key).
        Examples: the search page, the translation-status pages."""
        return ()

    def files(self, build: Build) -> Iterable[str]:
        """After planning, before the collision check: the output paths this extension will write
        itself (feeds, calendars, sitemaps, indexes). A page or attachment at one of them is an error."""
        return ()

    def write(self, build: Build) -> None:
        """After the pages are rendered: write this extension's files into `build.output`."""


def discover(plugins: Iterable) -> list[type[Extension]]:
    """The extension classes of the loaded plugin packages, in plugin order."""
    return [plugin.extension for plugin in plugins if isinstance(getattr(plugin, "extension", None), type)
            and issubclass(plugin.extension, Extension)]
