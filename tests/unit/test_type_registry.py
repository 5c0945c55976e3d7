"""The registry of content types (hub_content.types): one module per type, named by HUB_CONTENT_TYPES."""

import pickle

import pytest

from hub_build.errors import ProblemFound
from hub_content.types import BUILT_IN, load, load_one
from hubtest import ROOT


def test_the_built_in_types_come_from_their_modules_in_section_order():
    types = load()
    assert [t.name for t in types] == ["news", "resource", "event", "course", "opportunity", "country", "partner",
                                       "page"]
    assert [t.module for t in types] == list(BUILT_IN)
    assert types.by_folder["events"].calendar and not types.by_folder["news"].calendar
    assert all(t.label and all(listing.label for listing in t.listings) for t in types)
    assert all(all(t.home_labels) for t in types if t.home)


def test_a_type_survives_the_item_cache_as_the_same_object():
    event = load().by_name["event"]
    assert pickle.loads(pickle.dumps(event)) is event


@pytest.mark.parametrize("modules, message", [
    (("no.such.module",), "cannot import 'no.such.module': No module named 'no'"),
    (("hub_content.fields",), "'hub_content.fields' declares no CONTENT_TYPE"),
    ((*BUILT_IN, "hub_content.content_types.news"), "two content types have the name 'news'"),
])
def test_a_wrong_module_is_named_with_the_fix(modules, message):
    load.cache_clear()
    load_one.cache_clear()
    with pytest.raises(ProblemFound) as found:
        load(modules)
    assert found.value.message == message
    assert found.value.fix


def test_every_content_type_is_documented_for_developers_and_coordinators():
    developers = (ROOT / "docs" / "developers.md").read_text()
    coordinators = (ROOT / "docs" / "coordinators.md").read_text()
    for content_type in load():
        assert f"| `{content_type.folder}/` |" in developers, content_type.name
        assert f"`content/{content_type.folder}/`" in coordinators, content_type.name
