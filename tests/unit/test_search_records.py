"""Items to search records (hub_search/records.py), without Pelican."""

import datetime as dt
from types import SimpleNamespace

from hub_content.types import load
from hub_search.records import facets, language_records, plain_text

TYPES = load()


def item(kind="resource", lang="en", title="A guide", body="<p>Body</p>", **meta):
    meta = {"title": title, **meta}
    return SimpleNamespace(type=kind, lang=lang, title=title, body_html=body, meta=meta,
                           content_type=TYPES.by_name[kind])


GUIDE = item(summary="Short.", date=dt.date(2024, 1, 15), resource_type="guide", topics=["online-safety"],
             countries=["serbia", "croatia"], publisher="Terre des hommes", authors=["Ana Ić", "Ben Li"],
             file="files/x.pdf", body="<h2>Why</h2><p>Keep<em>ing</em> children safe&nbsp;online.</p><ul><li>one</li><li>two</li></ul>")
WEBINAR = item("event", "hr", "Webinar", start=dt.datetime(2026, 3, 29, 1, 30), end=dt.datetime(2026, 3, 29, 4, 0),
               timezone="Europe/Zagreb", event_type="webinar", online=True, venue="Zagreb", topics=["online-safety"])


def tags(code):
    return {"hr": "hr", "en": "en"}[code]


def test_a_record_holds_the_words_readers_look_for():
    guide, webinar = language_records([(GUIDE, "sr/resources/guide/", False), (WEBINAR, "sr/events/w/", True)], tags)
    assert guide == {
        "id": 0, "url": "sr/resources/guide/", "title": "A guide", "summary": "Short.",
        "body_text": "Why Keeping children safe online. one two Ana Ić Ben Li Terre des hommes",
        "section": "resources", "date": "2024-01-15",
        "terms": {"topics": ["online-safety"], "countries": ["serbia", "croatia"], "type": ["guide"]}}
    assert webinar["lang"] == "hr" and "lang" not in guide  # only a fallback says its language
    assert webinar["date"] == "2026-03-29" and webinar["section"] == "events"
    assert webinar["terms"] == {"topics": ["online-safety"], "type": ["webinar"]}
    assert webinar["body_text"] == "Body Zagreb"


def test_tag_boundaries_separate_words_but_inline_markup_does_not_join_them():
    assert plain_text("<p>one</p><p>two</p><p>th<strong>re</strong>e</p>") == "one two three"
    assert plain_text("<td>a</td><td>b</td>line<br>break") == "a b line break"
    assert plain_text("a&amp;b &lt;img&gt;") == "a&b <img>"


def test_facets_count_each_value_and_group_types_by_section():
    found = language_records([(GUIDE, "a/", False), (WEBINAR, "b/", False)], tags)
    order = {"serbia": 1, "croatia": 0}
    result = facets(found, lambda vocabulary, value: (order.get(value, 0), value) if vocabulary else value, TYPES)
    assert result == (
        ("section", None, (("events", 1), ("resources", 1))),
        ("resource_type", "resource-types", (("guide", 1),)),
        ("event_type", "event-types", (("webinar", 1),)),
        ("topics", "topics", (("online-safety", 2),)),
        ("countries", "countries", (("croatia", 1), ("serbia", 1))),
    )


def test_every_type_field_is_a_term_of_its_content_type():
    from hub_content.fields import Term

    declared = {t.name: t.type_field for t in TYPES if t.type_field}
    assert declared == {"resource": "resource_type", "event": "event_type", "course": "level", "opportunity": "kind"}
    assert all(isinstance(TYPES.by_name[name].schema[field].kind, Term) for name, field in declared.items())


def test_the_labels_of_topics_type_and_countries_are_indexed_in_the_index_language():
    labels = {("topics", "online-safety"): "Безбедност на интернету", ("countries", "serbia"): "Србија",
              ("countries", "croatia"): "Хрватска", ("resource-types", "guide"): "Водич",
              ("event-types", "webinar"): "Вебинар"}
    asked = []

    def label_of(vocabulary, value):
        asked.append(vocabulary)
        return labels[vocabulary, value]

    guide, webinar = language_records([(GUIDE, "a/", False), (WEBINAR, "b/", True)], tags, None, label_of)
    assert guide["labels"] == "Безбедност на интернету Србија Хрватска Водич"
    assert webinar["labels"] == "Безбедност на интернету Вебинар"
    assert "event-types" in asked and "resource-types" in asked
    assert "labels" not in language_records([(GUIDE, "a/", False)], tags)[0]  # without labels, none
