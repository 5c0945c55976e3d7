"""A section's filter form in Chromium: filters in the address (reload, Back), chips and reset, every
page of a listing, the count above the list, and the languages a document exists in. What each
filter should show is read from the static pages the demo built (browse pages, resource pages)."""

from urllib.parse import parse_qs, urlsplit

import pytest

from hubtest import ROOT, page

pytestmark = pytest.mark.browser

RESULTS = ".filter-results li h2 a"
AXE = (ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")


def browse_pages(demo, path: str) -> list[str]:
    """Every entry of a static browse page or listing, following its pagination."""
    found = []
    while path:
        tree = page(demo, path)
        found += tree.xpath("//main/ul[@class='entries']/li/h2/a/@href"
                            " | //div[@id='entries']/ul[@class='entries']/li/h2/a/@href")
        following = tree.xpath("//a[@rel='next']/@href")
        path = following[0].strip("/") + "/" if following else None
    return found


def shown(tab) -> list[str]:
    return tab.eval_on_selector_all(RESULTS, "links => links.map(a => a.getAttribute('href'))")


def query(tab) -> dict:
    return {name: values[0] for name, values in parse_qs(urlsplit(tab.url).query).items()}


def ready(tab, address: str) -> None:
    tab.goto(address)
    tab.wait_for_selector("form.filters[data-ready]")


def test_filters_live_in_the_address_and_survive_a_reload_and_back(demo, served, tab):
    guides = browse_pages(demo, "en/resources/types/guide/")
    both = sorted(set(guides) & set(browse_pages(demo, "en/resources/topics/online-safety/")))
    assert 2 <= len(both) < len(guides)
    ready(tab, f"{served}/en/resources/")
    tab.select_option("select[name=types]", "guide")
    assert query(tab) == {"types": "guide"}
    tab.select_option("select[name=topics]", "online-safety")
    assert query(tab) == {"types": "guide", "topics": "online-safety"}
    assert sorted(shown(tab)) == both
    tab.reload()
    tab.wait_for_selector("form.filters[data-ready]")
    assert tab.input_value("select[name=types]") == "guide"
    assert tab.input_value("select[name=topics]") == "online-safety"
    assert sorted(shown(tab)) == both
    tab.go_back()
    assert query(tab) == {"types": "guide"}
    assert tab.input_value("select[name=topics]") == ""
    assert sorted(shown(tab)) == sorted(guides)
    tab.go_back()
    assert query(tab) == {}
    assert tab.locator("#entries").is_visible() and tab.locator(".filter-results").is_hidden()


def test_chips_remove_one_filter_and_reset_clears_them(demo, served, tab):
    guides = browse_pages(demo, "en/resources/types/guide/")
    ready(tab, f"{served}/en/resources/?types=guide&topics=online-safety")
    chips = tab.locator(".filter-chips button")
    assert chips.all_inner_texts() == ["Types of resource: Guide", "Topics: Online safety"]
    assert chips.first.get_attribute("aria-label") == "Remove the filter Types of resource: Guide"
    tab.click(".filter-chips button >> text=Topics: Online safety")
    assert query(tab) == {"types": "guide"}
    assert chips.all_inner_texts() == ["Types of resource: Guide"]
    assert sorted(shown(tab)) == sorted(guides)
    tab.select_option("select[name=countries]", "serbia")
    assert tab.locator(".filter-reset").is_visible()
    tab.click(".filter-reset")
    assert query(tab) == {} and urlsplit(tab.url).path == "/en/resources/"
    assert chips.count() == 0 and tab.locator(".filter-chosen").is_hidden()
    assert tab.locator("#entries").is_visible()
    assert [tab.input_value(f"select[name={name}]") for name in ("types", "topics", "countries")] == ["", "", ""]


def test_a_later_page_filters_the_whole_listing(demo, served, tab):
    guides = browse_pages(demo, "en/resources/types/guide/")
    on_page_two = page(demo, "en/resources/page/2/").xpath("//div[@id='entries']//li/h2/a/@href")
    assert set(guides) - set(on_page_two), "the demo should have guides beyond page 2"
    ready(tab, f"{served}/en/resources/page/2/?types=guide")
    assert sorted(shown(tab)) == sorted(guides)
    assert tab.locator("#entries").is_hidden()


def test_the_count_above_the_list_and_the_options_agree_with_the_list(demo, served, tab):
    ready(tab, f"{served}/en/resources/")
    assert tab.inner_text("p.count") == "13 items"
    tab.select_option("select[name=topics]", "online-safety")
    found = len(shown(tab))
    assert found >= 2 and tab.inner_text("p.count") == f"{found} items"
    assert tab.locator(".filter-results li").count() == found
    option = tab.locator("select[name=topics] option[value=online-safety]").inner_text()
    assert option == f"Online safety ({found})"
    # each type's option counts what it would leave among the online-safety resources
    for value, text in tab.eval_on_selector_all(
            "select[name=types] option:not([value=''])", "os => os.map(o => [o.value, o.textContent])"):
        expected = len(set(browse_pages(demo, f"en/resources/types/{value}/")) & set(shown(tab)))
        assert text.endswith(f"({expected})"), (value, text)
    tab.select_option("select[name=types]", "guide")
    narrowed = len(shown(tab))
    assert narrowed < found and tab.inner_text("p.count") == (f"{narrowed} items" if narrowed != 1 else "1 item")
    tab.select_option("select[name=topics]", "")
    tab.select_option("select[name=types]", "")
    assert tab.inner_text("p.count") == "13 items"


def test_the_languages_of_the_document_filter_the_library(demo, served, tab):
    everything = browse_pages(demo, "en/resources/")
    assert len(everything) == 13
    in_latin = sorted(href for href in everything if "Serbian (Latin)" in page(demo, href.strip("/") + "/").xpath(
        "string(//dl[@class='facts'])"))
    assert 1 <= len(in_latin) < len(everything)
    ready(tab, f"{served}/en/resources/page/3/?languages=sr-Latn")
    assert sorted(shown(tab)) == in_latin
    assert tab.locator(".filter-chips button").all_inner_texts() == ["Available in: Serbian (Latin)"]
    assert tab.inner_text("p.count") == (f"{len(in_latin)} items" if len(in_latin) != 1 else "1 item")


def test_a_second_listing_filters_only_its_own_entries(demo, served, tab):
    past = browse_pages(demo, "en/events/past/")
    webinars = set(browse_pages(demo, "en/events/types/webinar/"))
    expected = sorted(set(past) & webinars)
    assert expected and webinars - set(past), "the demo should have upcoming and past webinars"
    ready(tab, f"{served}/en/events/past/?types=webinar")
    assert sorted(shown(tab)) == expected


def test_axe_finds_nothing_with_filters_chosen(served, tab):
    ready(tab, f"{served}/sr/resources/page/2/?types=guide&languages=en")
    tab.add_script_tag(content=AXE)
    result = tab.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]] == []
