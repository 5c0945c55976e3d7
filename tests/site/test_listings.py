"""Listings in the built demo: each language's order on browse indexes, filters and search facets,
the filter data of every page, pagination links that say which way they go, and event lines."""

import json

from hubtest import demo_languages, page

LANGUAGES = demo_languages()


def texts(tree, xpath: str) -> list[str]:
    return [" ".join(node.text_content().split()) for node in tree.xpath(xpath)]


def test_browse_indexes_filters_and_search_facets_sort_by_the_language(demo):
    key = LANGUAGES["uk"].collation_key
    topics = texts(page(demo, "uk/topics/"), "//ul[@class='terms']/li/a")
    # І is a letter after И in Ukrainian; its code point comes before А
    assert topics.index("Інвалідність") > topics.index("Безпека в інтернеті")
    assert topics == sorted(topics, key=key) != sorted(topics)
    listing = page(demo, "uk/resources/")
    options = listing.xpath("//select[@name='topics']/option[@value!='']/@data-label")
    assert options == sorted(options, key=key) and "Інвалідність" in options
    search = texts(page(demo, "uk/search/"), "//select[@name='topics']/option[@value!='']")
    assert [s.rsplit(" (", 1)[0] for s in search] == sorted((s.rsplit(" (", 1)[0] for s in search), key=key)


def test_the_filter_form_is_on_every_page_of_every_listing_with_the_documents_languages(demo):
    for path in ("en/resources/", "en/resources/page/2/", "en/events/past/", "sr-latn/news/page/2/"):
        form = page(demo, path).xpath("//form[@class='filters']")
        assert form, path
    resources = page(demo, "en/resources/page/3/")
    languages = resources.xpath("//select[@name='languages']/option[@value!='']")
    names = {option.get("value"): option.get("data-label") for option in languages}
    assert names["sr-Latn"] == "Serbian (Latin)" and names["en"] == "English"
    assert resources.xpath("//form[@class='filters']/@data-listing") == ["all"]
    data = json.loads((demo / "en/resources/filter.json").read_text())
    assert "document_languages" in data["fields"]
    tagged = [item for item in data["items"] if "sr-Latn" in item["terms"].get("document_languages", [])]
    assert len(tagged) == int(languages[[o.get("value") for o in languages].index("sr-Latn")].text
                              .rsplit("(", 1)[1].rstrip(")"))


def test_pages_of_a_listing_say_which_way_they_go(demo):
    links = lambda path: {a.get("rel"): a.text for a in page(demo, path).xpath("//nav[@class='pagination']/a")}
    assert links("en/events/") == {"next": "Later"}  # upcoming events: page 2 holds later ones
    assert links("en/events/page/2/") == {"prev": "Earlier"}
    assert links("sr/events/") == {"next": "Касније"}
    assert links("en/resources/") == {"next": "Older"}  # newest first


def test_event_lines_name_the_zone_and_show_the_city_or_online(demo):
    lines = texts(page(demo, "en/events/"), "//div[@id='entries']//p[@class='meta']")
    lines += texts(page(demo, "en/events/page/2/"), "//div[@id='entries']//p[@class='meta']")
    sarajevo = next(line for line in lines if "Workshop" in line)
    assert sarajevo.endswith("(Central European Time) · Workshop · Sarajevo")
    assert any(line.endswith("· Webinar · Online") for line in lines)
    assert any(line.endswith("· Tirana · Online") for line in lines)  # a venue and online
    assert not any("UTC" in line for line in lines)
    serbian = texts(page(demo, "sr/events/"), "//div[@id='entries']//p[@class='meta']")
    assert any("(Средњеевропско време) · Радионица · Сарајево" in line for line in serbian)
