"""The theme of issue 13 (a) in headless Chromium, on the demo build: at phone and desktop widths every
page type fits the screen, keeps the header short, shows where it is (breadcrumbs, the current section)
and passes axe; the menus work from the keyboard; the language menu, the root chooser and the 404 page
follow the reader's language; an item prints without the site's furniture."""

import json

import pytest

from hubtest import ROOT

pytestmark = pytest.mark.browser
AXE = (ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
WIDTHS = [320, 390, 1366]
PHONE = 390

# page type -> (address, the section link marked current, the last breadcrumb's text or None on home)
PAGES = {
    "home": ("en/", "/en/", None),
    "listing": ("en/resources/", "/en/resources/", "Library"),
    "resource": ("en/resources/positive-discipline-guide/", "/en/resources/", "Positive discipline at home and in school"),
    "news": ("en/news/hub-turns-ten/", "/en/news/", None),
    "event": ("en/events/regional-conference-child-participation/", "/en/events/", None),
    "topic": ("en/topics/online-safety/", "/en/topics/", "Online safety"),
    "browse": ("en/resources/types/guide/", "/en/resources/", "Guide"),
    "search": ("en/search/", None, "Search"),
    "fallback": ("bs/news/croatian-helpline-volunteers/", "/bs/news/", None),
    "root": ("", None, None),
    "not-found": ("sq/no-such-page/", None, None),
}


def open_page(tab, served, demo, path, width):
    tab.set_viewport_size({"width": width, "height": 844 if width < 1000 else 900})
    if path.startswith("sq/no-such"):  # a static host answers a missing address with /404.html
        tab.route(f"{served}/{path}", lambda route: route.fulfill(status=404, path=str(demo / "404.html"),
                                                                   content_type="text/html; charset=utf-8"))
    tab.goto(f"{served}/{path}")


def axe_violations(tab):
    tab.add_script_tag(content=AXE)
    result = tab.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", list(PAGES))
def test_every_page_type_fits_shows_where_it_is_and_passes_axe(served, demo, tab, kind, width):
    path, section, last = PAGES[kind]
    open_page(tab, served, demo, path, width)
    fits = tab.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    if kind not in ("root", "not-found"):
        header = tab.locator("header.site").bounding_box()["height"]
        if width <= PHONE:
            assert header <= 120, f"{kind} at {width}: header {header} px"
        current = tab.eval_on_selector_all("nav.sections a[aria-current]", "links => links.map(a => a.getAttribute('href'))")
        if section:
            assert current == [section], kind
        else:  # the search page marks its own link
            assert current == [] and tab.locator("a.search-link[aria-current=page]").count() == 1
        crumbs = tab.eval_on_selector_all("nav.crumbs ol > li", "items => items.map(li => li.textContent.trim())")
        if kind == "home":
            assert crumbs == []
        else:
            assert crumbs[0] in ("Home", "Početna") and len(crumbs) >= 2, crumbs
            assert tab.locator("nav.crumbs [aria-current=page]").count() == 1
            if last:
                assert crumbs[-1] == last
    if width != 1366:  # the phone layouts differ from each other by little; the desktop one is swept by test_pages
        violations = axe_violations(tab)
        assert violations == [], json.dumps(violations, ensure_ascii=False)
    assert fits[0] <= fits[1], f"{kind} at {width}: scrolls sideways ({fits[0]} > {fits[1]})"


def test_an_item_page_marks_its_section_and_every_level_of_its_trail(served, demo, tab):
    open_page(tab, served, demo, "en/events/past/", 1366)
    crumbs = tab.eval_on_selector_all("nav.crumbs a", "links => links.map(a => a.getAttribute('href'))")
    assert crumbs == ["/en/", "/en/events/", "/en/events/past/"]
    assert tab.locator("nav.sections a[aria-current=true]").get_attribute("href") == "/en/events/"
    assert tab.locator("nav.sections a[aria-current=true]").is_visible()  # inline on a wide screen


def test_menus_open_and_close_with_the_keyboard_and_few_stops_come_before_the_content(served, demo, tab):
    open_page(tab, served, demo, "en/resources/", PHONE)
    sections = tab.locator("nav.sections")
    languages = tab.locator("nav.languages")
    assert sections.is_hidden() and languages.is_hidden()
    stops = []
    for _ in range(8):
        tab.keyboard.press("Tab")
        stops.append(tab.evaluate("document.activeElement.closest('main') ? 'main' : "
                                  "(document.activeElement.textContent.trim() || document.activeElement.className)"))
        if stops[-1] == "main":
            break
    assert stops[0] == "Skip to content" and stops[-1] == "main" and len(stops) <= 7, stops
    menu = tab.locator("details.sections-menu > summary")
    menu.focus()
    tab.keyboard.press("Enter")
    assert sections.is_visible()
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.getAttribute('href')") == "/en/"
    menu.focus()
    tab.keyboard.press("Enter")
    assert sections.is_hidden()
    summary = tab.locator("details.languages-menu > summary")
    summary.focus()
    tab.keyboard.press(" ")
    assert languages.is_visible()
    tab.keyboard.press(" ")
    assert languages.is_hidden()


def test_the_language_menu_marks_other_texts_and_remembers_the_choice(served, demo, tab):
    open_page(tab, served, demo, "bs/news/croatian-helpline-volunteers/", PHONE)
    shows = tab.eval_on_selector_all("nav.languages a", "links => links.map(a => [a.dataset.language, "
                                     "(a.querySelector('.shows') || {}).textContent || ''])")
    shows = dict(shows)
    assert shows["hr"] == "" and "hrvatski" in shows["bs"] and "hrvatski" in shows["sr"] and "engleski" in shows["sq"]
    tab.locator("details.languages-menu > summary").click()
    tab.locator("nav.languages a[data-language=uk]").click()
    tab.wait_for_url("**/uk/news/croatian-helpline-volunteers/")
    tab.goto(f"{served}/")
    tab.wait_for_url("**/uk/")


def test_the_root_suggests_the_browser_language_without_leaving(served, browser):
    context = browser.new_context(locale="sr-Latn-RS")
    tab = context.new_page()
    tab.goto(f"{served}/")
    first = tab.locator("ul.chooser > li").first
    assert first.get_attribute("lang") == "sr-Latn" and "suggested" in first.get_attribute("class")
    assert first.locator(".why").is_visible() and first.locator(".why").inner_text() == "Jezik vašeg pregledača"
    assert tab.url == f"{served}/"
    context.close()


def test_the_404_page_starts_with_the_language_of_the_address(served, demo, tab):
    open_page(tab, served, demo, "sq/no-such-page/", PHONE)
    first = tab.locator("ul.not-found > li").first
    assert first.get_attribute("lang") == "sq"
    assert first.locator("details").get_attribute("open") is not None
    assert tab.locator("ul.not-found details[open]").count() == 1
    assert first.locator("input[type=search]").is_visible()
    links = first.locator("nav a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert {"/sq/", "/sq/news/", "/sq/resources/", "/sq/events/"} <= set(links)


def test_an_item_prints_its_content_with_link_addresses(served, demo, tab):
    open_page(tab, served, demo, "en/events/tirana-conference-alternative-care/", 1366)
    tab.emulate_media(media="print")
    for hidden in ("header.site", "footer.site", "nav.sections", "nav.languages", "nav.crumbs", "a.skip"):
        assert tab.locator(hidden).first.is_hidden(), hidden
    assert tab.locator("article h1").is_visible()
    after = tab.evaluate("""() => [...document.querySelectorAll('main a[href^="http"]')]
        .map(a => [a.href, getComputedStyle(a, '::after').content])""")
    assert after and all(href in content for href, content in after), after
    tab.emulate_media(media="screen")
    assert tab.locator("header.site").is_visible()
