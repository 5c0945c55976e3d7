"""Readers' byte budget (issue 13): every page type of the demo, opened in Chromium with an empty
cache, costs at most 25 KB gzipped for everything it requests on load (HTML, CSS, JS, images, the
service worker), the search page's own index excepted; search's first query, index included, at most
150 KB. A body is counted as a compressing server sends it: gzipped, unless it is compressed already
(the search index's packs are gzip members, images are compressed formats), whichever is smaller."""

import gzip
import re

import pytest

from page_types import PAGE_TYPES  # tools/, on the path through hubtest

pytestmark = pytest.mark.browser
PAGE_BUDGET = 25 * 1024
FIRST_QUERY_BUDGET = 150 * 1024
INDEX = re.compile(r"/[a-z-]+/search/.+")  # a language's search index: its manifest and packs, not the page


def sent(body: bytes) -> int:
    return min(len(body), len(gzip.compress(body, compresslevel=6, mtime=0)))


def recorded(context):
    """(url, bytes as sent) of every response the context receives, the service worker's included."""
    seen = []

    def keep(response):
        try:
            seen.append((response.url, sent(response.body())))
        except Exception:  # a redirect or an aborted request has no body: it costs (almost) nothing
            seen.append((response.url, 0))

    context.on("response", keep)
    return seen


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_every_page_type_is_within_25_kb_gzipped(browser, served, kind):
    context = browser.new_context()
    seen = recorded(context)
    tab = context.new_page()
    tab.goto(f"{served}/{PAGE_TYPES[kind]}", wait_until="networkidle")
    context.close()
    counted = [(url, size) for url, size in seen if not INDEX.search(url.removeprefix(served))]
    total = sum(size for _, size in counted)
    assert any(url.endswith("/theme/css/hub.css") for url, _ in counted)  # the page's own files are counted
    assert total <= PAGE_BUDGET, f"{kind}: {total} bytes: " + ", ".join(f"{u.removeprefix(served)} {s}" for u, s in counted)


def test_the_first_search_query_is_within_150_kb(browser, served):
    context = browser.new_context()
    seen = recorded(context)
    tab = context.new_page()
    tab.goto(f"{served}/en/search/", wait_until="networkidle")
    tab.fill("#search-query", "violence")
    tab.wait_for_function("document.querySelector('.search-status').textContent.includes('violence')")
    tab.wait_for_load_state("networkidle")
    context.close()
    index = [(url, size) for url, size in seen if INDEX.search(url.removeprefix(served))]
    assert index, "the query read no index"
    total = sum(size for _, size in seen)
    assert total <= FIRST_QUERY_BUDGET, f"{total} bytes: " + ", ".join(f"{u.removeprefix(served)} {s}" for u, s in seen)
