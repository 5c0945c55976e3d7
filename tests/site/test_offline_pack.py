"""The offline pack (`invoke offline-pack`, hub_offline.zim) of one language of the demo, opened
with libzim's own reader: every page and attachment of the language, links that stay inside the
pack, the metadata Kiwix shows, and a full-text index."""

import posixpath
import sys
from urllib.parse import urlsplit

import pytest
from libzim.reader import Archive
from libzim.search import Query, Searcher
from lxml import html

from hubtest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
from offline_pack import main as offline_pack  # noqa: E402

LANG = "sq"


@pytest.fixture(scope="module")
def pack(demo, tmp_path_factory):
    path = offline_pack(LANG, str(demo), str(tmp_path_factory.mktemp("packs")), str(ROOT / "pelicanconf.py"),
                        "https://childhub.example.org")
    return Archive(path)


def language_pages(demo):
    return [p.relative_to(demo).as_posix() for p in sorted((demo / LANG).rglob("index.html"))
            if not p.relative_to(demo / LANG).as_posix().startswith(("search/", "offline/"))]


def test_the_pack_holds_every_page_and_attachment_of_its_language(demo, pack):
    pages = language_pages(demo)
    assert len(pages) > 100 and f"{LANG}/resources/positive-discipline-guide/index.html" in pages
    assert [page for page in pages if not pack.has_entry_by_path(page)] == []
    attachments = {href.lstrip("/") for page in pages for href in html.fromstring((demo / page).read_bytes())
                   .xpath("//a/@href | //img/@src") if href.startswith("/files/")}
    assert "files/positive-discipline-guide.pdf" in attachments
    for path in attachments:
        assert bytes(pack.get_entry_by_path(path).get_item().content) == (demo / path).read_bytes(), path
    assert not pack.has_entry_by_path(f"{LANG}/search/index.html")
    assert not pack.has_entry_by_path("en/index.html")


def test_links_inside_the_pack_lead_to_its_entries(demo, pack):
    broken = []
    for page in language_pages(demo):
        document = html.fromstring(bytes(pack.get_entry_by_path(page).get_item().content))
        for link in document.xpath("//a/@href | //link/@href | //img/@src | //script/@src"):
            parts = urlsplit(link)
            if parts.scheme or link.startswith(("#", "mailto:")):
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), parts.path))
            if not pack.has_entry_by_path(target):
                broken.append((page, link))
    assert broken == []
    document = html.fromstring(bytes(pack.get_entry_by_path(f"{LANG}/news/hub-turns-ten/index.html").get_item().content))
    assert "https://childhub.example.org/en/news/hub-turns-ten/" in document.xpath("//nav[@class='languages']//a/@href")
    assert document.xpath("//script[@data-worker]") == []  # no service worker inside a pack


def test_the_pack_says_what_it_is(pack):
    assert pack.main_entry.get_item().path == f"{LANG}/index.html"
    assert pack.get_metadata("Language") == b"sqi"  # ISO 639-3
    assert pack.get_metadata("Title") == "ChildHub (Shqip)".encode()
    assert pack.get_metadata("Description") == "Qendra për mbrojtjen e fëmijëve në Evropën Juglindore".encode()
    assert pack.get_metadata("Name") == b"childhub_sq"
    assert pack.has_illustration(48)
    assert bytes(pack.get_illustration_item(48).content).startswith(b"\x89PNG")


def test_its_full_text_index_finds_an_item_by_a_word_of_its_title(pack):
    assert pack.has_fulltext_index
    search = Searcher(pack).search(Query().set_query("feston"))
    found = list(search.getResults(0, 10))
    assert f"{LANG}/news/hub-turns-ten/index.html" in found
    assert pack.get_entry_by_path(found[0]).title.startswith("ChildHub feston dhjetë vjet")


def test_a_language_the_hub_does_not_have_is_refused(demo, tmp_path):
    with pytest.raises(SystemExit, match="offline-pack: --lang 'xx' is not a language of .*pelicanconf.py: use one of en, sq"):
        offline_pack("xx", str(demo), str(tmp_path), str(ROOT / "pelicanconf.py"), "")
    with pytest.raises(SystemExit, match=f"offline-pack: {tmp_path} holds no built hub with the language 'sq': "
                                         f"build it first \\(invoke build --output {tmp_path}\\)"):
        offline_pack(LANG, str(tmp_path), str(tmp_path / "packs"), str(ROOT / "pelicanconf.py"), "")
    assert not (tmp_path / "packs").exists()
