"""Accessibility (axe-core) and behaviour of the built demo in headless Chromium."""

import json

import pytest

from hubtest import ROOT

pytestmark = pytest.mark.browser
AXE = (ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
PAGES = ["{p}/", "{p}/news/", "{p}/news/hub-turns-ten/", "{p}/topics/", "{p}/about/"]


@pytest.mark.parametrize("prefix", ["en", "sr", "sq"])
@pytest.mark.parametrize("path", PAGES)
def test_axe_reports_no_violations(served, tab, prefix, path):
    tab.goto(f"{served}/{path.format(p=prefix)}")
    tab.add_script_tag(content=AXE)
    result = tab.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    violations = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert violations == [], json.dumps(violations, ensure_ascii=False)


def test_axe_on_a_fallback_page_and_the_root(served, tab):
    for path in ("bs/news/croatian-helpline-volunteers/", "", "404.html"):
        tab.goto(f"{served}/{path}")
        tab.add_script_tag(content=AXE)
        result = tab.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        assert [v["id"] for v in result["violations"]] == [], path


def test_language_switcher_leads_to_the_same_item(served, tab):
    tab.goto(f"{served}/en/news/hub-turns-ten/")
    tab.click("nav.languages a[hreflang='sr-Cyrl']")
    assert tab.url.endswith("/sr/news/hub-turns-ten/")
    assert tab.locator("html").get_attribute("lang") == "sr-Cyrl"
    tab.click("nav.languages a[hreflang='uk']")
    assert tab.url.endswith("/uk/news/hub-turns-ten/")


def test_root_chooser_remembers_the_choice(served, tab):
    tab.goto(f"{served}/")
    tab.click("a[data-language='sq']")
    assert tab.url.endswith("/sq/")
    tab.goto(f"{served}/")
    tab.wait_for_url("**/sq/")
    tab.goto(f"{served}/?choose")
    assert tab.locator("ul.chooser a").count() == 8


def test_pages_work_without_javascript(browser, served):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{served}/")
    tab.click("a[data-language='uk']")
    assert tab.url.endswith("/uk/")
    tab.click("nav.sections a[href='/uk/news/']")
    assert tab.locator("ul.entries li").count() >= 1
    context.close()


def test_no_request_leaves_the_site(served, tab):
    requested = []
    tab.on("request", lambda request: requested.append(request.url))
    for path in ("en/", "sr/news/hub-turns-ten/", ""):
        tab.goto(f"{served}/{path}")
    assert requested and all(url.startswith(served) for url in requested)


def test_the_axe_harness_does_find_violations(tab):
    tab.set_content('<!doctype html><html><body><img src="x.png"><a href="#"></a></body></html>')
    tab.add_script_tag(content=AXE)
    result = tab.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    found = {v["id"] for v in result["violations"]}
    assert {"image-alt", "html-has-lang"} <= found
