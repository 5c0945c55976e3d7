"""The sitemaps' part in a build: each language's sitemap and the sitemap index."""

from hub_build.extensions import Extension
from hub_pages.render import write

from .sitemap import language_sitemap, sitemap_index, sitemap_path


class SitemapExtension(Extension):
    name = "sitemaps"

    def files(self, build) -> list[str]:
        return [sitemap_path(language) for language in build.plan.languages] + ["sitemap.xml"]

    def write(self, build) -> None:
        siteurl = build.settings.get("SITEURL", "").rstrip("/")
        updates = build.updates()
        for language in build.plan.languages:
            write(build.output, sitemap_path(language), language_sitemap(build.plan, language.code, siteurl, updates))
        write(build.output, "sitemap.xml", sitemap_index(build.plan, siteurl))
