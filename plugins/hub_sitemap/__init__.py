"""Sitemaps per language with hreflang alternates, and a sitemap index."""

from .glue import register

__all__ = ["register"]
