"""A topic's page across sections, as the plan makes it on the demo hub: one page per topic (never
paginated) with a block per section holding the topic, each the first entries of that section's own
page of the topic, and a link to that page when it holds more. BLOCK_SIZE is made 1 here, so that the
demo's few items per topic exercise the links."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

from hub_content.hub import load_hub
from hub_pages import routes
from hub_pages.routes import SitePlan

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def hub():
    settings = {k: v for k, v in runpy.run_path(str(ROOT / "pelicanconf.py")).items() if k.isupper()}
    return load_hub(ROOT / "content", settings)


def test_a_topic_page_holds_the_first_of_each_sections_page_of_the_topic(hub, monkeypatch):
    monkeypatch.setattr(routes, "BLOCK_SIZE", 1)
    plan = SitePlan(hub, 2)
    linked = 0
    for language in plan.languages:
        pages = plan.language_pages(language.code)
        section_pages: dict[tuple[str, str], list] = {}
        for page in pages:
            if page.kind == "browse" and page.content_type is not None and page.field == "topics":
                section_pages.setdefault((page.content_type.name, page.term), []).append(page)
        topic_pages = [page for page in pages if page.kind == "browse" and page.content_type is None]
        index = next(page for page in pages if page.kind == "browse-index" and page.content_type is None)
        assert [term for term, _ in index.terms] == [page.term for page in topic_pages]
        assert {term for _, term in section_pages} == {page.term for page in topic_pages}
        for topic in topic_pages:
            assert (topic.number, topic.count, topic.entries) == (1, 1, ())
            expected = []
            for content_type in hub.content_types:
                listed = [entry for page in section_pages.get((content_type.name, topic.term), ())
                          for entry in page.entries]
                if listed:
                    more = section_pages[(content_type.name, topic.term)][0].path if len(listed) > 1 else None
                    expected.append((content_type.name, (listed[0],), len(listed), more))
                    linked += more is not None
            assert [(b.name, b.entries, b.total, b.more) for b in topic.blocks] == expected, topic.path
            assert topic.total == sum(total for _, _, total, _ in expected) == dict(index.terms)[topic.term]
    assert linked > 20
