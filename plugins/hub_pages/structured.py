"""Structured data for item pages: schema.org JSON-LD, written safely into <script>.

Pure: from an item page to a JSON string. The @type and the type's own properties come
from its content type (`schema_org`, `json_ld`). The text comes from coordinators, so
every character that could end the script element is escaped.
"""

from __future__ import annotations

import json


def json_ld(page, absolute, lang_tag: str, label, modified: str | None = None) -> str:
    """`modified`: the ISO date the item's content last changed after it was posted (from git)."""
    item = page.item
    meta = item.meta
    content_type = item.content_type
    data = {"@context": "https://schema.org", "@type": content_type.schema_org, "url": absolute(page.path),
            "inLanguage": lang_tag, "name": item.title}
    if meta.get("summary"):
        data["description"] = meta["summary"]
    if content_type.json_ld:  # the type's own properties (hub_content/content_types/)
        data.update(content_type.json_ld(meta, absolute, label))
    if meta.get("topics"):
        data["keywords"] = [label("topics", term) for term in meta["topics"]]
    if modified:
        data["dateModified"] = modified
    return dumps(data)


def dumps(data) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=None)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
