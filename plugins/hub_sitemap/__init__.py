"""Sitemaps per language with hreflang alternates, and a sitemap index."""

from .glue import SitemapExtension as extension


def register():
    pass  # no signals: the build asks the extension (hub_build.extensions)


__all__ = ["extension", "register"]
