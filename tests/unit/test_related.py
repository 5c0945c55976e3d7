"""Related items as the plan computes them (fast, for every item of every language) against their
definition, on the demo hub: same-language items sharing topics (weighing double) or countries,
the heaviest first, newest first among equals. Every topic and country of the demo holds fewer
items than RELATED_POOL, so the plan's cut does not apply here."""

from __future__ import annotations

import runpy
from collections import Counter
from pathlib import Path

import pytest

from hub_content.hub import load_hub
from hub_pages.routes import RELATED_POOL, RELATED_SIZE, Entry, SitePlan, field_terms, newest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def plan():
    settings = {k: v for k, v in runpy.run_path(str(ROOT / "pelicanconf.py")).items() if k.isupper()}
    return SitePlan(load_hub(ROOT / "content", settings), 10)


def defined(own: list, entry) -> list:
    def weight(other) -> int:
        return sum(weight * len(set(field_terms(entry.item, name)) & set(field_terms(other.item, name)))
                   for name, weight in (("topics", 2), ("countries", 1)))

    sharing = [other for other in own if other.path != entry.path and weight(other)]
    return sorted(sharing, key=lambda other: (-weight(other), newest(other)))[:RELATED_SIZE]


def test_related_items_are_those_of_the_definition(plan):
    compared = 0
    for language in plan.languages:
        pages = [page for page in plan.language_pages(language.code)
                 if page.kind == "item" and page.content_type.listed and not page.content_type.vocabulary]
        own = [Entry(page.item, page.path, False, page.state) for page in pages
               if page.content_type.dated and not page.fallback]
        terms = Counter(term for entry in own for name in ("topics", "countries")
                        for term in field_terms(entry.item, name))
        assert max(terms.values()) < RELATED_POOL  # the definition holds whole
        for page in pages:
            related = [block for block in page.blocks if block.name == "related"]
            found = [entry.path for entry in related[0].entries] if related else []
            expected = defined(own, Entry(page.item, page.path, page.fallback, page.state))
            assert found == [other.path for other in expected], page.path
            compared += len(found) > 1
    assert compared > 50
