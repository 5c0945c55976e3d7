"""Every page of the hostile site in headless Chromium: no dialog, ever."""

import pytest

from hubtest import serve_folder
from payloads import PAYLOADS

pytestmark = pytest.mark.browser


@pytest.fixture
def watched(hostile, browser):
    """(base URL, a tab on the served hostile site, the dialogs it raised)."""
    base, server = serve_folder(hostile)
    dialogs = []
    context = browser.new_context()
    tab = context.new_page()
    tab.on("dialog", lambda dialog: (dialogs.append((tab.url, dialog.message)), dialog.dismiss()))
    yield base, tab, dialogs
    context.close()
    server.shutdown()


def test_no_page_raises_a_dialog(hostile, watched):
    base, tab, dialogs = watched
    pages = sorted(hostile.rglob("index.html"))
    for page in pages:
        path = page.relative_to(hostile).as_posix().removesuffix("index.html")
        tab.goto(f"{base}/{path}", wait_until="load")
        tab.mouse.move(200, 200)  # hover payloads
        tab.keyboard.press("Tab")  # focus payloads
    assert len(pages) > 2 * len(PAYLOADS)
    assert dialogs == []


def test_the_dialog_watch_does_see_a_dialog(browser):
    context = browser.new_context()
    tab = context.new_page()
    seen = []
    tab.on("dialog", lambda dialog: (seen.append(dialog.message), dialog.dismiss()))
    tab.set_content("<img src=x onerror=alert('seen')>")
    tab.wait_for_timeout(200)
    context.close()
    assert seen == ["seen"]


def test_search_results_show_hostile_titles_as_text(watched):
    base, tab, dialogs = watched
    for prefix, query, title in (("en", "img onerror title", PAYLOADS[1] + " title"),
                                 ("sr", "Српски img onerror", "Српски " + PAYLOADS[1])):
        tab.goto(f"{base}/{prefix}/search/?q={query}")
        tab.wait_for_selector("ol.search-results li")
        titles = tab.eval_on_selector_all("ol.search-results h2", "hs => hs.map(h => h.textContent)")
        assert title in titles
        assert tab.eval_on_selector_all("ol.search-results img, ol.search-results script", "found => found.length") == 0
        tab.mouse.move(300, 300)
        tab.keyboard.press("Tab")
    assert dialogs == []
