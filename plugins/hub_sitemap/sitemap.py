"""Sitemap XML built from the SitePlan: every canonical page of a language, with the
same hreflang alternates the page itself carries."""

from __future__ import annotations

from xml.sax.saxutils import quoteattr, escape

HEADER = ('<?xml version="1.0" encoding="UTF-8"?>\n'
          '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
          'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n')


def sitemap_path(language) -> str:
    return f"{language.prefix}/sitemap.xml"


UNLISTED = {"search", "translation-status", "offline"}  # pages with nothing of their own to find (noindex)


def last_modified(page, updates: dict) -> str | None:
    """An item page's lastmod: the day its content last changed in git, else the day it was posted."""
    if page.item is None:
        return None
    posted = page.item.meta.get("date")
    return updates.get(page.item.source) or (posted.isoformat() if posted else None)


def language_sitemap(plan, lang: str, siteurl: str, updates: dict | None = None) -> str:
    """`updates`: item source -> the ISO date its content last changed (hub_status, from git)."""
    lines = [HEADER]
    for page in plan.language_pages(lang):
        if page.fallback:
            continue  # its canonical address is the original's, listed in that language's sitemap
        if page.kind in UNLISTED:
            continue
        lines.append(f"  <url>\n    <loc>{escape(siteurl + '/' + page.path)}</loc>\n")
        modified = last_modified(page, updates or {})
        if modified:
            lines.append(f"    <lastmod>{modified}</lastmod>\n")
        alternates = plan.alternates(page)
        default = plan.x_default(page)
        for link in alternates + ([default] if default else []):
            tag = "x-default" if link is default else plan.languages[link.lang].tag
            lines.append(f'    <xhtml:link rel="alternate" hreflang={quoteattr(tag)} '
                         f'href={quoteattr(siteurl + "/" + link.path)}/>\n')
        lines.append("  </url>\n")
    lines.append("</urlset>\n")
    return "".join(lines)


def sitemap_index(plan, siteurl: str) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>\n'
             '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n']
    for language in plan.languages:
        lines.append(f"  <sitemap><loc>{escape(siteurl + '/' + sitemap_path(language))}</loc></sitemap>\n")
    lines.append("</sitemapindex>\n")
    return "".join(lines)
