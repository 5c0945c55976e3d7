"""Accessibility (axe-core) and behaviour of the built demo in headless Chromium."""

import json

import pytest

from hubtest import ROOT, demo_languages

pytestmark = pytest.mark.browser
AXE = (ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
PAGES = ["{p}/", "{p}/news/", "{p}/news/hub-turns-ten/", "{p}/topics/", "{p}/about/", "{p}/resources/",
         "{p}/resources/positive-discipline-guide/", "{p}/events/regional-conference-child-participation/",
         "{p}/events/past/", "{p}/courses/child-protection-basics/", "{p}/opportunities/",
         "{p}/countries/albania/", "{p}/resources/types/"]


@pytest.mark.parametrize("prefix", ["en", "sr", "sr-latn", "sq"])
@pytest.mark.parametrize("path", PAGES)
def test_axe_reports_no_violations(served, tab, prefix, path):
    tab.goto(f"{served}/{path.format(p=prefix)}")
    tab.add_script_tag(content=AXE)
    result = tab.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    violations = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert violations == [], json.dumps(violations, ensure_ascii=False)


def test_axe_on_a_fallback_page_and_the_root(served, tab):
    for path in ("bs/news/croatian-helpline-volunteers/", "sr-latn/translation-status/", "", "404.html"):
        tab.goto(f"{served}/{path}")
        tab.add_script_tag(content=AXE)
        result = tab.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        assert [v["id"] for v in result["violations"]] == [], path


def test_language_switcher_leads_to_the_same_item(served, tab):
    tab.goto(f"{served}/en/news/hub-turns-ten/")
    tab.click("details.languages-menu > summary")  # the language menu opens first
    tab.click("nav.languages a[hreflang='sr-Cyrl']")
    assert tab.url.endswith("/sr/news/hub-turns-ten/")
    assert tab.locator("html").get_attribute("lang") == "sr-Cyrl"
    tab.click("details.languages-menu > summary")
    tab.click("nav.languages a[hreflang='uk']")
    assert tab.url.endswith("/uk/news/hub-turns-ten/")


def test_root_chooser_remembers_the_choice(served, tab):
    tab.goto(f"{served}/")
    tab.click("a[data-language='sq']")
    assert tab.url.endswith("/sq/")
    tab.goto(f"{served}/")
    tab.wait_for_url("**/sq/")
    tab.goto(f"{served}/?choose")
    assert tab.locator("ul.chooser a").count() == len(demo_languages())  # every edition, sr-latn too


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


def static_listing(tab, served, path):
    """Every entry of a static browse page, following its pagination, as absolute paths."""
    found = []
    url = f"{served}/{path}"
    while url:
        tab.goto(url)
        found += tab.eval_on_selector_all("#entries ul.entries > li a, main > ul.entries > li > h2 a",
                                          "links => links.map(a => a.getAttribute('href'))")
        following = tab.locator("a[rel=next]")
        url = f"{served}{following.get_attribute('href')}" if following.count() else None
    return found


@pytest.mark.parametrize("prefix", ["en", "sr"])
def test_library_filters_show_the_intersection_of_the_browse_pages(served, tab, prefix):
    by_type = static_listing(tab, served, f"{prefix}/resources/types/guide/")
    by_topic = static_listing(tab, served, f"{prefix}/resources/topics/online-safety/")
    expected = sorted(set(by_type) & set(by_topic))
    assert len(expected) >= 2
    tab.goto(f"{served}/{prefix}/resources/")
    tab.wait_for_selector("form.filters[data-ready]")
    tab.select_option("select[name=types]", "guide")
    tab.select_option("select[name=topics]", "online-safety")
    shown = tab.eval_on_selector_all(".filter-results li h2 a", "links => links.map(a => a.getAttribute('href'))")
    assert sorted(shown) == expected
    assert tab.locator("#entries").is_hidden()
    assert tab.locator("p.count").inner_text().strip()
    tab.select_option("select[name=types]", "")
    tab.select_option("select[name=topics]", "")
    assert tab.locator("#entries").is_visible() and tab.locator(".filter-results").is_hidden()


def test_without_javascript_the_library_is_browsable(served, browser):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{served}/en/resources/")
    assert tab.locator("form.filters").is_hidden()
    links = tab.eval_on_selector_all(".browse-by a", "links => links.map(a => a.getAttribute('href'))")
    assert links == ["/en/resources/types/", "/en/resources/years/", "/en/resources/topics/",
                     "/en/resources/countries/"]
    context.close()


def test_event_time_is_also_shown_in_the_reader_zone(served, browser):
    context = browser.new_context(timezone_id="America/New_York", locale="en-US")
    tab = context.new_page()
    tab.goto(f"{served}/en/events/webinar-supervision-for-caseworkers/")
    reader = tab.locator(".reader-time")
    reader.wait_for(state="visible")
    assert "9:00" in reader.inner_text() and "America/New_York" in reader.inner_text()
    context.close()
