"""Offline reading (hub_offline) in headless Chromium: the service worker keeps visited pages and
the theme, serves the network first, falls back to the language's offline page, and "Save for
offline" keeps an item's attachment."""

import shutil

import pytest

from hubtest import serve_folder

pytestmark = pytest.mark.browser
PDF = "/files/positive-discipline-guide.pdf"


def controlled(tab, url):
    """Open `url` and wait until the hub's worker controls it (the first visit only registers it)."""
    tab.goto(url)
    tab.evaluate("navigator.serviceWorker.ready")
    tab.wait_for_function("navigator.serviceWorker.controller !== null")


def until(tab, expression):
    """Wait until a JS expression whose value is a promise resolves truthy (wait_for_function would
    take the promise itself for true)."""
    for _ in range(300):
        if tab.evaluate(expression):
            return
        tab.wait_for_timeout(100)
    raise AssertionError(f"never true: {expression}")


def kept(tab, address):
    """Wait until the worker has kept `address` (a JS expression): it stores pages after serving them."""
    until(tab, f"caches.match({address}).then(found => found !== undefined)")


@pytest.fixture
def context(browser):
    context = browser.new_context()
    yield context
    context.close()


def test_a_visited_page_opens_with_the_network_off(served, context):
    tab = context.new_page()
    controlled(tab, f"{served}/sr/")
    tab.goto(f"{served}/sr/news/hub-turns-ten/")
    title = tab.text_content("h1")
    kept(tab, "location.href")
    kept(tab, "location.origin + '/sr/offline/'")
    context.set_offline(True)
    tab.goto(f"{served}/sr/news/hub-turns-ten/")
    assert tab.text_content("h1") == title
    # The theme's stylesheet came from the worker's shell: the page is styled offline too.
    assert tab.evaluate("getComputedStyle(document.querySelector('a.skip')).position") != "static"
    # An address never visited gets the offline page of its language.
    tab.goto(f"{served}/sr/events/")
    assert tab.locator("html").get_attribute("lang") == "sr-Cyrl"
    assert tab.text_content("h1") == "Нисте повезани на интернет"
    assert tab.locator("link[rel=canonical]").get_attribute("href").endswith("/sr/offline/")
    context.set_offline(False)
    tab.goto(f"{served}/sr/events/")
    assert tab.locator("link[rel=canonical]").get_attribute("href").endswith("/sr/events/")


def test_online_the_network_answers_first(demo, context, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(demo, site, ignore=shutil.ignore_patterns("admin"))
    base, server = serve_folder(site)
    try:
        tab = context.new_page()
        controlled(tab, f"{base}/en/")
        tab.goto(f"{base}/en/about/")
        first = tab.text_content("h1")
        page = site / "en" / "about" / "index.html"
        page.write_text(page.read_text(encoding="utf-8").replace(f"<h1>{first}</h1>", "<h1>Changed since</h1>"),
                        encoding="utf-8")
        tab.reload()
        assert tab.text_content("h1") == "Changed since"
        until(tab, "caches.match(location.href).then(r => r && r.text()).then(t => Boolean(t && t.includes('Changed since')))")
        context.set_offline(True)
        tab.reload()
        assert tab.text_content("h1") == "Changed since"  # the kept copy is the one last seen
    finally:
        server.shutdown()


def test_save_for_offline_keeps_the_attachment(demo, served, context):
    tab = context.new_page()
    controlled(tab, f"{served}/en/")
    tab.goto(f"{served}/en/resources/positive-discipline-guide/")
    button = tab.locator(".save-offline button")
    button.wait_for(state="visible")
    assert button.text_content() == "Save for offline"
    button.click()
    tab.wait_for_function("document.querySelector('.save-offline [role=status]').textContent !== ''")
    assert tab.text_content(".save-offline [role=status]").startswith("Saved")
    assert button.text_content() == "Remove from offline reading"
    saved = "caches.open('hub-saved:' + location.origin + '/').then(c => c.match(location.origin + '%s'))"
    size = tab.evaluate(saved % PDF + ".then(r => r.arrayBuffer()).then(b => b.byteLength)")
    assert size == len((demo / PDF.lstrip("/")).read_bytes())
    context.set_offline(True)
    fetched = f"fetch('{PDF}', {{cache: 'no-store'}}).then(r => r.arrayBuffer()).then(b => b.byteLength)"
    assert tab.evaluate(fetched) == size  # "no-store": from the worker, not the browser's HTTP cache
    tab.goto(f"{served}/en/resources/positive-discipline-guide/")  # offline, the page says it is saved
    assert tab.locator(".save-offline button").text_content() == "Remove from offline reading"
    tab.locator(".save-offline button").click()
    tab.wait_for_function("document.querySelector('.save-offline [role=status]').textContent.startsWith('Removed')")
    assert tab.evaluate(saved % PDF) is None
    with pytest.raises(Exception, match="Failed to fetch"):
        tab.evaluate(f"fetch('{PDF}', {{cache: 'no-store'}})")


def test_without_service_workers_the_button_does_not_show(browser, served):
    for options in ({"java_script_enabled": False}, {"service_workers": "block"}):
        context = browser.new_context(**options)
        tab = context.new_page()
        tab.goto(f"{served}/en/resources/positive-discipline-guide/")
        assert tab.locator(".save-offline").count() == 1
        assert not tab.locator(".save-offline").is_visible(), options
        context.close()
