"""Dates from git: an item edited after it was posted shows "Updated on DATE" on its page, in its
JSON-LD (dateModified), in the sitemap (lastmod) and in the feeds (updated); outside a git
repository the build says once that these dates are left out."""

import json

import feedparser
from lxml import etree

from hubtest import build, page, settings_file, write_tree
from test_authoring import git, invoke, repo  # noqa: F401  (the fixture)

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def lastmod(output, lang, path):
    tree = etree.parse(str(output / lang / "sitemap.xml"))
    url = next(u for u in tree.iter(f"{SITEMAP}url") if u.findtext(f"{SITEMAP}loc") == f"/{lang}/{path}/")
    return url.findtext(f"{SITEMAP}lastmod")


def test_an_item_edited_after_posting_shows_its_update_date(repo, tmp_path):  # noqa: F811
    write_tree(repo / "content", {"news/second.md": "---\ntitle: Second news\ndate: 2024-12-06\n---\nText.\n",
                                  "sq/news/second.md": "---\ntitle: Lajmi i dytë\n---\nTeksti.\n"})
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Second news", when="2024-12-06T09:00:00Z")
    edited = repo / "content/news/second.md"
    edited.write_text(edited.read_text().replace("Text.", "Text, with a correction."))
    git(repo, "commit", "-q", "-am", "Correct the second news", when="2026-03-02T10:00:00Z")

    output = tmp_path / "output"
    result = build(repo / "content", output, repo / "settings.py")
    assert result.returncode == 0, result.stderr
    assert "Update dates are left out" not in result.stdout

    second = page(output, "en/news/second")
    shown = second.xpath("//p[contains(@class, 'updated')]/time")
    assert [t.get("datetime") for t in shown] == ["2026-03-02"] and "2026" in shown[0].text_content()
    data = json.loads(second.xpath("//script[@type='application/ld+json']")[0].text)
    assert data["dateModified"] == "2026-03-02" and data["datePublished"] == "2024-12-06"
    assert lastmod(output, "en", "news/second") == "2026-03-02"
    entry = next(e for e in feedparser.parse((output / "en/feed.atom").read_bytes()).entries
                 if e.link == "/en/news/second/")
    assert entry.updated.startswith("2026-03-02") and entry.published.startswith("2024-12-06")

    # Not edited since posted (first.md), and the Albanian translation (its own file, not edited):
    first = page(output, "en/news/first")
    assert not first.xpath("//p[contains(@class, 'updated')]")
    assert "dateModified" not in json.loads(first.xpath("//script[@type='application/ld+json']")[0].text)
    assert lastmod(output, "en", "news/first") == "2024-12-04"
    assert not page(output, "sq/news/second").xpath("//p[contains(@class, 'updated')]")


def test_outside_git_the_build_says_once_that_update_dates_are_left_out(tmp_path):
    from test_authoring import SITE

    write_tree(tmp_path / "content", SITE)
    result = build(tmp_path / "content", tmp_path / "output", settings_file(tmp_path),
                   env={"GIT_CEILING_DIRECTORIES": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    said = (result.stdout + result.stderr).count("Update dates are left out")
    assert said == 1, result.stdout + result.stderr
    assert not page(tmp_path / "output", "en/news/first").xpath("//p[contains(@class, 'updated')]")
