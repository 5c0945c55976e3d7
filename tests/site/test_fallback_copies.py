"""HUB_FALLBACK_COPIES = False: a language lists what its fallback chain shows and links to it in its
own language, instead of publishing a copy."""

import sys

import pytest

from hub_search.index import Reader
from hubtest import ROOT, build, page, settings_file

sys.path.insert(0, str(ROOT / "tools"))
from check_output import check_hreflang, check_links  # noqa: E402

GOLDEN = ROOT / "tests" / "golden"


@pytest.fixture(scope="module")
def linked(tmp_path_factory):
    folder = tmp_path_factory.mktemp("copies")
    settings = settings_file(folder, "from tests.golden.settings import *\nHUB_FALLBACK_COPIES = False\n")
    result = build(GOLDEN / "content", folder / "output", settings)
    assert result.returncode == 0, result.stderr
    return folder / "output"


def test_no_copy_is_published_and_listings_link_to_the_original(linked):
    assert (linked / "en/news/third-item/index.html").exists()
    assert not (linked / "hr/news/third-item").exists()  # English only: hr shows it through its chain
    listing = page(linked, "hr/news/page/2/")  # the golden site lists two items a page
    entry = listing.xpath("//li[.//a[@href='/en/news/third-item/']]")
    assert len(entry) == 1 and entry[0].get("lang") == "en"
    assert entry[0].xpath(".//span[@class='badge']")  # the language badge


def test_the_switcher_leads_to_what_each_language_shows(linked):
    switcher = {a.get("hreflang") or a.text_content().strip(): a.get("href")
                for a in page(linked, "en/news/third-item/").xpath("//nav[contains(@class, 'languages')]//a")}
    assert "/hr/news/third-item/" not in switcher.values()
    assert list(switcher.values()).count("/en/news/third-item/") >= 2  # en itself, and hr through its chain


def test_search_finds_the_item_at_its_own_address(linked):
    reader = Reader(linked / "hr" / "search")
    rows = reader.documents(list(range(reader.manifest["count"])))
    third = [row for row in rows if row["url"].endswith("/news/third-item/")]
    assert [row["url"] for row in third] == ["en/news/third-item/"] and third[0]["lang"] == "en"


def test_every_link_and_hreflang_holds(linked):
    assert check_links(linked) == []
    assert check_hreflang(linked) == []
