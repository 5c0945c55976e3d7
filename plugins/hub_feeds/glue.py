"""The feeds' part in a build: each language's Atom feeds (everything, sections, topics, countries),
after the pages are rendered."""

from hub_build.extensions import Extension
from hub_pages.render import write

from .atom import atom, feed_path, feed_types, term_feed_paths, term_feeds


class FeedsExtension(Extension):
    name = "feeds"

    def files(self, build) -> list[str]:
        plan = build.plan
        return [path for language in plan.languages for path in
                [feed_path(language, content_type) for content_type in [None] + feed_types(plan)]
                + [path for _, _, path in term_feed_paths(plan, language.code)]]

    def write(self, build) -> None:
        plan = build.plan
        siteurl = build.settings.get("SITEURL", "").rstrip("/")
        sitename = build.settings["SITENAME"]
        updates = build.updates()
        for language in plan.languages:
            gettext = build.catalogs[language.code].gettext
            title = gettext("%(site)s: everything new") % {"site": sitename}
            write(build.output, feed_path(language), atom(plan, language, siteurl, sitename, title, updates=updates))
            for content_type in feed_types(plan):
                title = f"{sitename}: {gettext(content_type.label)}"
                write(build.output, feed_path(language, content_type),
                      atom(plan, language, siteurl, sitename, title, content_type, updates=updates))
            for vocabulary, term, path, shown in term_feeds(plan, language.code):
                title = f"{sitename}: {plan.hub.vocabularies[vocabulary].label(term, language.code)}"
                write(build.output, path, atom(plan, language, siteurl, sitename, title, path=path,
                                               home=path.removesuffix("feed.atom"), shown=shown, updates=updates))
