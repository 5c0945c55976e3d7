"""The web editor's configuration, generated from the content types and vocabularies.

Pure: `cms_config` turns the hub's content types (`hub.types`, from HUB_CONTENT_TYPES), the
vocabularies and the language table into the dictionary Decap CMS reads as
`admin/config.yml`. Nothing here names a field of a type: every field of every type
becomes a widget from its kind, so a field added to a type appears in the editor
without anyone touching this file, and a kind without a widget stops the build.

Our layout does not fit Decap's own i18n structures (they put every language in a
folder or file suffix of its own, the default one too; ours keeps the default
language in `content/<section>/` and the others in `content/<lang>/<section>/`),
so each language gets collections of its own: the default language's hold every
field, the others' hold only the translatable fields plus the original they
translate (`translation_key`, chosen among the default language's entries; it also
names the file, so the translation sits at the original's place).
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml
from babel import Locale

from hub_content.fields import (FILES_FOLDER, SLUG, Choice, Date, DateTime, File, Key, LanguageTags, Names, Term,
                                Terms, Text, TimeZone, Url, WholeNumber, Year, YesNo)

CONTENT_FOLDER = "content"
NOT_TRANSLATED = ("source_revision",)  # a translation's own bookkeeping, shown in its collections only
TRANSLATION_OWN = ("status", "source_revision")

# Time zones offered for events: the hub's countries and its partners' usual ones. A fixed list, so
# that the editor's configuration does not depend on the tz database of the machine that builds it.
TIME_ZONES = ("Europe/Budapest", "Europe/Belgrade", "Europe/Bucharest", "Europe/Chisinau", "Europe/Kyiv",
              "Europe/Podgorica", "Europe/Sarajevo", "Europe/Skopje", "Europe/Sofia", "Europe/Tirane",
              "Europe/Zagreb", "Europe/Athens", "Europe/Berlin", "Europe/Brussels", "Europe/Istanbul",
              "Europe/Lisbon", "Europe/London", "Europe/Paris", "Europe/Rome", "Europe/Vienna",
              "America/New_York", "Asia/Tbilisi", "UTC")
# Languages a document or event may be in, beyond the hub's own: the region's and the big ones.
EXTRA_LANGUAGE_TAGS = ("de", "el", "es", "fr", "hu", "it", "mk", "ru", "sr-Latn", "tr")

URL_PATTERN = [r"^https?://[^\s/]+\S*$", "write a full address starting with https://"]
TEXT_PATTERN = [r"\S", "write some text, not only spaces"]


@dataclass(frozen=True)
class Backend:
    """Where the editor reads and commits: GitHub (pull requests) or, on one's own machine, decap-server."""

    repository: str = ""
    branch: str = "main"
    auth_url: str = ""
    local_url: str = "http://localhost:8081/api/v1"


class UnknownKind(Exception):
    """A field kind the editor has no widget for: a developer adds one in `widget()`."""


def cms_config(content_types, vocabularies: dict, languages, backend: Backend, site_url: str = "") -> dict:
    config = {
        "backend": _backend(backend),
        "local_backend": {"url": backend.local_url},
        "publish_mode": "editorial_workflow",
        "media_folder": f"{CONTENT_FOLDER}/{FILES_FOLDER}",
        "public_folder": FILES_FOLDER,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": collections(content_types, vocabularies, languages),
    }
    if site_url:
        config["site_url"] = config["display_url"] = site_url
    return config


def _backend(backend: Backend) -> dict:
    if not backend.repository:
        # No repository: only decap-server on this machine can be written to.
        return {"name": "proxy", "proxy_url": backend.local_url, "branch": backend.branch}
    settings = {"name": "github", "repo": backend.repository, "branch": backend.branch,
                "open_authoring": True, "squash_merges": True}
    if backend.auth_url:
        settings["base_url"] = backend.auth_url
    return settings


def collections(content_types, vocabularies: dict, languages) -> list[dict]:
    default = languages.default_language
    found = [original_collection(t, vocabularies, languages) for t in content_types]
    for language in languages:
        if language.code != default.code and not language.derived:  # a derived edition has no folder
            found += [translation_collection(t, language, default) for t in content_types]
    return found


def collection_name(content_type, language_code: str | None = None) -> str:
    return content_type.folder if language_code is None else f"{content_type.folder}-{language_code}"


def original_collection(content_type, vocabularies: dict, languages) -> dict:
    default = languages.default_language
    fields = [widget(spec, vocabularies, languages) for spec in _ordered(content_type.schema.values())]
    collection = {
        "name": collection_name(content_type),
        "label": f"{_label(content_type.folder)} · {default.name}",
        "label_singular": _label(content_type.name),
        "folder": f"{CONTENT_FOLDER}/{content_type.folder}",
        "extension": "md", "format": "yaml-frontmatter",
        "create": content_type.vocabulary is None,
        "slug": "{{slug}}",
        "summary": "{{title}}",
        "description": _description(content_type, default.name),
        "fields": fields + [_body()],
    }
    if content_type.dated:
        collection["sortable_fields"] = ["date", "title"]
    return collection


def translation_collection(content_type, language, default) -> dict:
    original = {
        "name": "translation_key", "label": f"Original ({default.name})", "widget": "relation",
        "collection": collection_name(content_type), "value_field": "{{slug}}", "search_fields": ["title"],
        "display_fields": ["title"], "required": True,
        "hint": f"the {default.name} item this file translates; the translation takes its file name",
    }
    fields = [widget(spec, {}, None) for spec in _ordered(content_type.schema.values())
              if spec.translatable or spec.name in TRANSLATION_OWN]
    return {
        "name": collection_name(content_type, language.code),
        "label": f"{_label(content_type.folder)} · {language.name}",
        "label_singular": f"{_label(content_type.name)} ({language.name})",
        "folder": f"{CONTENT_FOLDER}/{language.code}/{content_type.folder}",
        "extension": "md", "format": "yaml-frontmatter", "create": True,
        "slug": "{{translation_key}}",
        "summary": "{{title}}",
        "description": (f"Translations into {language.name} (content/{language.code}/{content_type.folder}/). "
                        f"Dates, topics, countries, files and addresses come from the {default.name} original."),
        "fields": [original] + fields + [_body()],
    }


def widget(spec, vocabularies: dict, languages) -> dict:
    """The editor's field for one field of the schema, with its label, hint and required flag."""
    entry = {"name": spec.name, "label": _label(spec.name), "required": spec.required, "hint": spec.doc}
    entry.update(_kind_widget(spec, vocabularies, languages))
    return entry


def _kind_widget(spec, vocabularies: dict, languages) -> dict:
    kind = spec.kind
    if isinstance(kind, Term):  # before Terms: a Term is a Terms of one
        return {"widget": "select", "options": _term_options(kind.vocabulary, vocabularies, languages)}
    if isinstance(kind, Terms):
        return {"widget": "select", "multiple": True,
                "options": _term_options(kind.vocabulary, vocabularies, languages)}
    if isinstance(kind, Choice):
        return {"widget": "select", "options": list(kind.choices)}
    if isinstance(kind, DateTime):
        return {"widget": "datetime", "format": "YYYY-MM-DD HH:mm", "date_format": "YYYY-MM-DD",
                "time_format": "HH:mm", "picker_utc": True}
    if isinstance(kind, Date):
        extra = {"default": "{{now}}"} if spec.required and spec.name == "date" else {}
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False,
                "picker_utc": True, **extra}
    if isinstance(kind, File):
        return {"widget": "image" if kind.images_only else "file", "choose_url": not kind.images_only}
    if isinstance(kind, Url):
        return {"widget": "string", "pattern": URL_PATTERN}
    if isinstance(kind, Key):
        return {"widget": "string", "pattern": [SLUG.pattern, "use lowercase letters, digits and single hyphens"]}
    if isinstance(kind, Year):
        return {"widget": "number", "value_type": "int", "min": 1900, "max": 2099}
    if isinstance(kind, WholeNumber):
        return {"widget": "number", "value_type": "int", "min": kind.minimum, "max": kind.maximum}
    if isinstance(kind, YesNo):
        return {"widget": "boolean"}
    if isinstance(kind, TimeZone):
        return {"widget": "select", "options": list(TIME_ZONES), "default": TIME_ZONES[0]}
    if isinstance(kind, LanguageTags):
        return {"widget": "select", "multiple": True, "options": _language_options(languages)}
    if isinstance(kind, Names):
        return {"widget": "list", "field": {"name": "name", "label": "Name", "widget": "string"}}
    if isinstance(kind, Text):
        return {"widget": "string", "pattern": TEXT_PATTERN}
    raise UnknownKind(f"field {spec.name!r}: the web editor has no widget for {type(kind).__name__}; "
                      "add one in plugins/hub_admin/cms.py")


def _term_options(vocabulary: str, vocabularies: dict, languages) -> list[dict]:
    known = vocabularies.get(vocabulary)
    if known is None or languages is None:
        return []
    default = languages.default
    collate = languages.default_language.collation_key  # the labels' own order, as the hub's lists
    return [{"label": labels.get(default, term), "value": term}
            for term, labels in sorted(known.labels.items(), key=lambda kv: collate(kv[1].get(default, kv[0])))]


def _language_options(languages) -> list[dict]:
    """The hub's languages by their own names (as in the language switcher), then a few more."""
    own = [{"label": language.name, "value": language.code} for language in languages or ()]
    known = {option["value"] for option in own}
    return own + [{"label": Locale.parse(tag.replace("-", "_")).get_display_name("en"), "value": tag}
                  for tag in EXTRA_LANGUAGE_TAGS if tag not in known]


def _body() -> dict:
    return {"name": "body", "label": "Text", "widget": "markdown", "required": False,
            "modes": ["rich_text", "raw"], "editor_components": [],
            "sanitize_preview": True,  # the preview runs on the hub's origin; bodies are untrusted
            "buttons": ["bold", "italic", "link", "heading-two", "heading-three", "quote",
                        "bulleted-list", "numbered-list"],
            "hint": "the text of the page; links to other items are /<language>/<section>/<file name>/"}


def _ordered(specs):
    """What a coordinator fills in first, the hub's bookkeeping last."""
    bookkeeping = ("translation_key", "status", "source_revision")
    specs = list(specs)
    return [s for s in specs if s.name not in bookkeeping] + [s for s in specs if s.name in bookkeeping]


def _description(content_type, language_name: str) -> str:
    where = f"content/{content_type.folder}/ ({language_name})"
    if content_type.vocabulary:
        return (f"Files in {where}. Each is the page of a term of content/data/{content_type.vocabulary}.yaml: "
                "a new one starts with its term there.")
    return f"Files in {where}. Translations are in the collections of each language."


def _label(name: str) -> str:
    return name.replace("_", " ").capitalize()


def translation_pages(content_types, languages) -> dict[str, dict]:
    """What the preview of each translation collection shows next to the translation: the original's
    entry (its collection) and its published page, relative to /admin/ ({slug} to fill in)."""
    default = languages.default_language
    return {collection_name(t, language.code): {"original": collection_name(t), "lang": language.tag,
                                                 "page": f"../{default.prefix}/{t.url}"}
            for language in languages if language.code != default.code and not language.derived
            for t in content_types}


def to_yaml(config: dict) -> str:
    header = ("# Generated by the hub's build (plugins/hub_admin) from the content types and vocabularies.\n"
              "# Do not edit: change plugins/hub_content/types.py or content/data/*.yaml instead.\n")
    return header + yaml.dump(config, Dumper=_PlainDumper, sort_keys=False, allow_unicode=True, width=120)


class _PlainDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # libyaml when there: 4x faster, same bytes
    """No anchors and aliases: whoever reads the configuration sees every field whole."""

    def ignore_aliases(self, data):
        return True
