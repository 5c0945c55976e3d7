"""The web editor's configuration covers every field of every content type, from the registry alone."""

from __future__ import annotations

import pytest
import yaml

from hub_admin import cms
from hub_content import vocabulary
from hub_content.fields import Field, Names, Terms, WholeNumber
from hub_content.types import ContentType, load
from hubtest import ROOT, demo_languages

CONTENT_TYPES = load().all  # the built-in types, in section order

LANGUAGES = demo_languages()
BACKEND = cms.Backend(repository="childhub/hub", auth_url="https://auth.example.org")


def vocabularies():
    found = {}
    for path in sorted((ROOT / "content" / "data").glob("*.yaml")):
        loaded, problems = vocabulary.load(path.stem, f"data/{path.name}", path.read_text("utf-8"), LANGUAGES)
        assert problems == []
        found[loaded.name] = loaded
    return found


def config(content_types=CONTENT_TYPES):
    return cms.cms_config(content_types, vocabularies(), LANGUAGES, BACKEND)


def by_name(config):
    return {collection["name"]: collection for collection in config["collections"]}


def field_names(collection):
    return [field["name"] for field in collection["fields"]]


def test_every_field_of_every_type_is_in_its_collection_with_its_widget_required_flag_and_hint():
    collections = by_name(config())
    for content_type in CONTENT_TYPES:
        collection = collections[content_type.folder]
        assert collection["folder"] == f"content/{content_type.folder}"
        fields = {field["name"]: field for field in collection["fields"]}
        assert set(fields) == set(content_type.schema) | {"body"}
        for name, spec in content_type.schema.items():
            assert fields[name]["widget"], name
            assert fields[name]["required"] is spec.required, name
            assert fields[name]["hint"] == spec.doc, name


def test_each_language_has_translation_collections_holding_only_translatable_fields():
    collections = by_name(config())
    for language in LANGUAGES:
        if language.code == LANGUAGES.default or language.derived:  # a derived edition has no folder
            continue
        for content_type in CONTENT_TYPES:
            collection = collections[f"{content_type.folder}-{language.code}"]
            assert collection["folder"] == f"content/{language.code}/{content_type.folder}"
            translatable = {name for name, spec in content_type.schema.items() if spec.translatable}
            assert set(field_names(collection)) == translatable | {"translation_key", "status", "source_revision",
                                                                     "body"}
            original = collection["fields"][0]
            assert original["widget"] == "relation" and original["collection"] == content_type.folder
            assert collection["slug"] == "{{translation_key}}"  # the translation sits at the original's place


def test_a_type_added_to_the_registry_appears_in_the_editor():
    toolkit = ContentType(name="toolkit", folder="toolkits", url="toolkits/{slug}/", fields=(
        Field("pages", WholeNumber(0, 999_999_999), required=True, doc="how many pages it has"),
        Field("audiences", Terms("topics"), doc="who it is for"),
        Field("chapters", Names(), translatable=True, doc="its chapters"),
    ))
    collections = by_name(config(CONTENT_TYPES + (toolkit,)))
    fields = {field["name"]: field for field in collections["toolkits"]["fields"]}
    assert fields["pages"] == {"name": "pages", "label": "Pages", "required": True, "hint": "how many pages it has",
                               "widget": "number", "value_type": "int", "min": 0, "max": 999_999_999}
    assert fields["audiences"]["widget"] == "select" and fields["audiences"]["multiple"] is True
    assert "chapters" in field_names(collections["toolkits-sr"]) and "pages" not in field_names(
        collections["toolkits-sr"])


def test_a_kind_without_a_widget_stops_the_build_naming_the_field():
    class Mood:
        label = "mood"

    odd = ContentType(name="odd", folder="odds", url="odds/{slug}/", fields=(Field("mood", Mood()),))
    with pytest.raises(cms.UnknownKind, match="field 'mood': the web editor has no widget for Mood"):
        config(CONTENT_TYPES + (odd,))


def test_vocabularies_are_selects_with_their_labels_and_ids_as_values():
    resources = {field["name"]: field for field in by_name(config())["resources"]["fields"]}
    assert {"label": "Serbia", "value": "serbia"} in resources["countries"]["options"]
    assert {"label": "North Macedonia", "value": "north-macedonia"} in resources["countries"]["options"]
    assert resources["resource_type"]["widget"] == "select" and "multiple" not in resources["resource_type"]
    values = [option["value"] for option in resources["topics"]["options"]]
    assert set(values) == set(vocabularies()["topics"].labels)


def test_attachments_go_into_content_files_and_the_backend_is_github_with_pull_requests():
    generated = config()
    assert generated["media_folder"] == "content/files" and generated["public_folder"] == "files"
    assert generated["backend"] == {"name": "github", "repo": "childhub/hub", "branch": "main",
                                    "open_authoring": True, "squash_merges": True,
                                    "base_url": "https://auth.example.org"}
    assert generated["publish_mode"] == "editorial_workflow"
    local = cms.cms_config(CONTENT_TYPES, vocabularies(), LANGUAGES, cms.Backend())
    assert local["backend"]["name"] == "proxy"


def test_the_yaml_reads_back_as_the_same_configuration_without_aliases():
    generated = config()
    text = cms.to_yaml(generated)
    assert text.startswith("# Generated by the hub's build")
    assert "&id" not in text and "*id" not in text
    assert yaml.safe_load(text) == generated


def test_document_languages_offer_the_hubs_languages_by_their_own_names_then_others():
    resources = {field["name"]: field for field in by_name(config())["resources"]["fields"]}
    options = resources["document_languages"]["options"]
    assert options[:len(LANGUAGES)] == [{"label": language.name, "value": language.code} for language in LANGUAGES]
    assert {"label": "Macedonian", "value": "mk"} in options and {"label": "Serbian (Latin)", "value": "sr-Latn"} in options
