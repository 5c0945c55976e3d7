"""What `content/files/` may publish: passive formats only, under names every system can hold.

An attachment is served from the hub's own origin, so a file a browser would run (HTML, a
script, an SVG or XML document with script or event handlers) would run as the hub: it could
read what the reader's browser keeps for the hub and change any page they see. So only declared
passive formats are published (documents, images, data, audio, video); a binary format must
start with its own signature (an HTML page renamed guide.pdf is refused); an SVG may hold only
drawing, checked against an allow-list of SVG elements and attributes after parsing it with
lxml (no entity expansion, no network). Our own checks, because the sanitisers we use (nh3)
clean HTML fragments, not SVG documents, and refusing tells the coordinator what to fix where
rewriting the file would not.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from unidecode import unidecode

from hub_build.errors import Problem

from .fields import WINDOWS_RESERVED

DOCUMENTS = {"pdf", "txt", "rtf", "odt", "ods", "odp", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "epub"}
IMAGES = {"png", "jpg", "jpeg", "gif", "webp", "avif", "svg"}
DATA = {"csv", "tsv", "json", "zip"}
AUDIO = {"mp3", "ogg", "oga", "opus", "m4a", "wav", "flac"}
VIDEO = {"mp4", "m4v", "webm", "ogv"}
PASSIVE = DOCUMENTS | IMAGES | DATA | AUDIO | VIDEO
ACTIVE = {"html", "htm", "xhtml", "shtml", "xht", "js", "mjs", "xml", "xsl", "xslt", "svgz", "swf", "hta",
          "exe", "msi", "bat", "cmd", "com", "scr", "ps1", "sh", "vbs", "jar", "apk", "dmg", "wasm", "php", "py"}
SIGNATURES = {  # formats a browser could be made to render as something else, by their first bytes
    "pdf": (b"%PDF-",), "png": (b"\x89PNG\r\n\x1a\n",), "jpg": (b"\xff\xd8\xff",), "jpeg": (b"\xff\xd8\xff",),
    "gif": (b"GIF87a", b"GIF89a"), "webp": (b"RIFF",), "zip": (b"PK\x03\x04", b"PK\x05\x06"),
    "docx": (b"PK\x03\x04",), "xlsx": (b"PK\x03\x04",), "pptx": (b"PK\x03\x04",), "odt": (b"PK\x03\x04",),
    "ods": (b"PK\x03\x04",), "odp": (b"PK\x03\x04",), "epub": (b"PK\x03\x04",),
}
NAME = re.compile(r"^[a-z0-9]+([-_][a-z0-9]+)*$")
KINDS = "documents (PDF, Word, OpenDocument, EPUB, text), images (PNG, JPEG, GIF, WebP, AVIF, SVG), " \
        "data (CSV, TSV, JSON, ZIP), audio (MP3, Ogg, M4A, WAV, FLAC) and video (MP4, WebM, Ogg)"

SVG_NS, XLINK_NS = "http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"
SVG_ELEMENTS = {
    "svg", "g", "defs", "symbol", "use", "title", "desc", "metadata", "path", "rect", "circle", "ellipse", "line",
    "polyline", "polygon", "text", "tspan", "textPath", "linearGradient", "radialGradient", "stop", "pattern",
    "clipPath", "mask", "marker", "image", "style", "filter", "feBlend", "feColorMatrix", "feComponentTransfer",
    "feComposite", "feFlood", "feGaussianBlur", "feMerge", "feMergeNode", "feOffset", "feFuncA", "feFuncR",
    "feFuncG", "feFuncB", "feDropShadow", "feMorphology", "feTurbulence", "feDisplacementMap", "switch",
}
SAFE_HREF = re.compile(r"^(#[\w.:-]*|data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*)$")


def problems(root: Path, attachments: list[str], taken: set[str]) -> list[Problem]:
    """The problems of `attachments` (those being checked); `taken` holds every attachment's path,
    which a suggested new name must avoid."""
    found = []
    for rel in attachments:
        problem = name_problem(rel, taken) or format_problem(rel, root / rel)
        if problem:
            found.append(problem)
    return found


def name_problem(rel: str, taken: set[str]) -> Problem | None:
    """Names are part of the address: no spaces, lowercase, nothing Windows reserves."""
    parts = rel.split("/")
    bad = [part for part in parts[1:] if not _good_name(part)]
    if not bad:
        return None
    suggestion = suggest_path(rel, taken)
    return Problem(rel, 0, "", "an attached file's name may hold only lowercase letters, digits, hyphens "
                   "and underscores, one dot before its format, and no Windows device name (con, aux, nul...)",
                   f"rename it to {suggestion} and write files/{suggestion.split('/', 1)[1]} in the items "
                   "that name it")


def _good_name(part: str) -> bool:
    stem, dot, suffix = part.partition(".")
    if "." in suffix:
        return False
    return bool(NAME.match(stem)) and stem not in WINDOWS_RESERVED and (not dot or bool(NAME.match(suffix)))


def _fixed(part: str, last: bool) -> str:
    stem, _, suffix = part.rpartition(".") if last and "." in part else (part, "", "")
    clean = re.sub(r"[^a-z0-9]+", "-", unidecode(stem).lower()).strip("-") or "file"
    if clean in WINDOWS_RESERVED:
        clean += "-file"
    suffix = re.sub(r"[^a-z0-9]", "", unidecode(suffix).lower())
    return f"{clean}.{suffix}" if suffix else clean


def suggest_path(rel: str, taken: set[str]) -> str:
    """A valid path for `rel`, not already taken by another attachment."""
    parts = rel.split("/")
    fixed = [parts[0]] + [_fixed(part, index == len(parts) - 1) for index, part in enumerate(parts[1:], 1)]
    suggestion = "/".join(fixed)
    stem, dot, suffix = suggestion.rpartition(".") if "." in fixed[-1] else (suggestion, "", "")
    number = 2
    while suggestion in taken and suggestion != rel:
        suggestion = f"{stem}-{number}{dot}{suffix}"
        number += 1
    return suggestion


def format_problem(rel: str, path: Path) -> Problem | None:
    suffix = PurePosixPath(rel).suffix.lower().lstrip(".")
    if suffix in ACTIVE or suffix not in PASSIVE:
        what = f"a .{suffix} file" if suffix else "a file without a format ending"
        why = "a browser would run it as part of the hub" if suffix in ACTIVE else "not a declared passive format"
        return Problem(rel, 0, "", f"is {what}: {why}",
                       f"attach only {KINDS}; give a web page or program as a web address instead")
    head = _head(path, 16)
    signatures = SIGNATURES.get(suffix)
    if signatures and not head.startswith(signatures):
        return Problem(rel, 0, "", f"does not hold what its name says: it is not a .{suffix} file inside",
                       f"export the document again as .{suffix}, or give it the ending of its real format")
    if suffix == "svg":
        return svg_problem(rel, path.read_bytes())
    return None


def _head(path: Path, size: int) -> bytes:
    with path.open("rb") as opened:
        return opened.read(size)


def svg_problem(rel: str, data: bytes) -> Problem | None:
    """An SVG opened on its own is a document that can run script: it may hold only drawing."""
    from lxml import etree

    fix = "export the picture again as plain SVG (no scripts, links, animation or embedded HTML), or as PNG"
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        return Problem(rel, error.lineno or 0, "", f"is not a readable SVG picture: {error.msg}", fix)
    tree = root.getroottree()
    if tree.docinfo.internalDTD is not None or b"<!ENTITY" in data or b"<!DOCTYPE" in data:
        return Problem(rel, 1, "", "the picture has a DOCTYPE or entity declarations", fix)
    outside = [*root.itersiblings(preceding=True), *root.itersiblings()]  # processing instructions, comments
    for node in [*outside, *root.iter()]:
        reason = _refused(node)
        if reason:
            return Problem(rel, node.sourceline or 0, "", f"the picture holds {reason}; an attached SVG may hold "
                           "only drawing", fix)
    return None


def _refused(node) -> str | None:
    from lxml import etree

    if isinstance(node, etree._ProcessingInstruction):
        return f"a processing instruction <?{node.target}?>"
    if not isinstance(node.tag, str):  # comments
        return None
    namespace, _, local = node.tag.rpartition("}")
    if namespace.lstrip("{") != SVG_NS or local not in SVG_ELEMENTS:
        return f"the element <{local}>"
    for name, value in node.attrib.items():
        attribute = name.rpartition("}")[2]
        if attribute.lower().startswith("on"):
            return f"an event handler ({attribute}) on <{local}>"
        if attribute == "href" and not SAFE_HREF.match(value.strip()):
            return f"a link or reference to {value[:60]!r} on <{local}>"
        if "javascript:" in value.lower().replace(" ", ""):
            return f"a javascript: address on <{local}>"
    if local == "style" and re.search(r"@import|url\(\s*['\"]?(?!#)", node.text or "", re.IGNORECASE):
        return "a style that loads something from elsewhere"
    return None
