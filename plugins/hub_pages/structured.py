"""Structured data for item pages: schema.org JSON-LD, written safely into <script>.

Pure: from an item page to a JSON string. The text comes from coordinators, so
every character that could end the script element is escaped.
"""

from __future__ import annotations

import json

from hub_content import moments
from hub_content.fields import Attachment

SCHEMA_TYPES = {
    "news": "NewsArticle",
    "resource": "CreativeWork",
    "event": "Event",
    "course": "Course",
    "opportunity": "JobPosting",
    "country": "Place",
    "partner": "Organization",
    "page": "WebPage",
}


def json_ld(page, absolute, lang_tag: str, label, modified: str | None = None) -> str:
    """`modified`: the ISO date the item's content last changed after it was posted (from git)."""
    item = page.item
    meta = item.meta
    data = {"@context": "https://schema.org", "@type": SCHEMA_TYPES[item.type], "url": absolute(page.path),
            "inLanguage": lang_tag, "name": item.title}
    if meta.get("summary"):
        data["description"] = meta["summary"]
    data.update(EXTRA.get(item.type, lambda meta, absolute, label: {})(meta, absolute, label))
    if item.type == "news":
        data["headline"] = item.title
    if meta.get("topics"):
        data["keywords"] = [label("topics", term) for term in meta["topics"]]
    if modified:
        data["dateModified"] = modified
    return dumps(data)


def dumps(data) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=None)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _people(names):
    return [{"@type": "Person", "name": name} for name in names]


def _news(meta, absolute, label):
    data = {"datePublished": meta["date"].isoformat()}
    if meta.get("authors"):
        data["author"] = _people(meta["authors"])
    if meta.get("image"):
        data["image"] = absolute(meta["image"].target)
    return data


def _resource(meta, absolute, label):
    file: Attachment = meta["file"]
    data = {"dateCreated": meta["date"].isoformat(), "genre": label("resource-types", meta["resource_type"]),
            "encoding": {"@type": "MediaObject",
                         "contentUrl": absolute(file.target) if file.local else file.target}}
    if file.size:
        data["encoding"]["contentSize"] = f"{file.size} B"
    if file.format:
        data["encoding"]["encodingFormat"] = file.format
    if meta.get("authors"):
        data["author"] = _people(meta["authors"])
    if meta.get("publisher"):
        data["publisher"] = {"@type": "Organization", "name": meta["publisher"]}
    if meta.get("year"):
        data["copyrightYear"] = meta["year"]
    if meta.get("licence"):
        data["license"] = meta["licence"]
    return data


def _event(meta, absolute, label):
    online = bool(meta.get("online"))
    data = {"startDate": moments.start(meta).isoformat(), "endDate": moments.end(meta).isoformat(),
            "eventAttendanceMode": "https://schema.org/" + (
                "MixedEventAttendanceMode" if online and meta.get("venue") else
                "OnlineEventAttendanceMode" if online else "OfflineEventAttendanceMode"),
            "eventStatus": "https://schema.org/EventScheduled"}
    if meta.get("venue"):
        data["location"] = {"@type": "Place", "name": meta["venue"]}
    elif online:
        data["location"] = {"@type": "VirtualLocation", "url": meta.get("registration") or absolute("")}
    if meta.get("organisers"):
        data["organizer"] = [{"@type": "Organization", "name": label("partners", t)} for t in meta["organisers"]]
    return data


def _course(meta, absolute, label):
    data = {"provider": {"@type": "Organization", "name": meta["provider"]}}
    if meta.get("course_languages"):
        data["availableLanguage"] = list(meta["course_languages"])
    if meta.get("duration_hours"):
        data["timeRequired"] = f"PT{meta['duration_hours']}H"
    return data


def _opportunity(meta, absolute, label):
    data = {"datePosted": meta["date"].isoformat(), "validThrough": meta["deadline"].isoformat(),
            "hiringOrganization": {"@type": "Organization", "name": meta["organisation"]},
            "employmentType": label("opportunity-kinds", meta["kind"])}
    if meta.get("place"):
        data["jobLocation"] = {"@type": "Place", "name": meta["place"]}
    return data


def _partner(meta, absolute, label):
    return {"sameAs": meta["website"]} if meta.get("website") else {}


EXTRA = {"news": _news, "resource": _resource, "event": _event, "course": _course,
         "opportunity": _opportunity, "partner": _partner}
