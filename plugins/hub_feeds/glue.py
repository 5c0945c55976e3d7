"""The feeds' part in a build: each language's Atom feeds, after the pages are rendered."""

from hub_build.extensions import Extension
from hub_pages.render import write

from .atom import atom, feed_path, feed_types


class FeedsExtension(Extension):
    name = "feeds"

    def files(self, build) -> list[str]:
        return [path for path, _, _ in self.feeds(build)]

    def feeds(self, build) -> list[tuple]:
        """(path, content type or None for everything new, language) of every feed."""
        return [(feed_path(language, content_type), content_type, language)
                for language in build.plan.languages for content_type in [None] + feed_types(build.plan)]

    def write(self, build) -> None:
        siteurl = build.settings.get("SITEURL", "").rstrip("/")
        sitename = build.settings["SITENAME"]
        for path, content_type, language in self.feeds(build):
            gettext = build.catalogs[language.code].gettext
            title = (f"{sitename}: {gettext(content_type.label)}" if content_type
                     else gettext("%(site)s: everything new") % {"site": sitename})
            write(build.output, path, atom(build.plan, language, siteurl, sitename, title, content_type))
