"""The small per-language, per-section JSON the filter form reads: for each entry of every
listing of the section, its address, title, state (the listing it is in) and the terms of every
field the form offers; and the browse segment of each field that has browse pages. Labels stay
in the HTML (already translated there), so the file holds only ids and titles."""

from __future__ import annotations

import json

from .routes import field_terms


def filter_data(fields: tuple, entries: tuple, url, browsed: tuple = ()) -> str:
    items = []
    for entry in entries:
        item = entry.item
        record = {"url": url(entry.path), "title": item.title, "terms": {
            name: list(field_terms(item, name)) for name in fields if field_terms(item, name)}}
        if item.meta.get("summary"):
            record["summary"] = item.meta["summary"]
        if entry.state:
            record["state"] = entry.state
        if entry.fallback:
            record["lang"] = item.lang
        items.append(record)
    return json.dumps({"fields": list(fields), "browse": dict(browsed), "items": items}, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"))
