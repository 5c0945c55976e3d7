"""Hostile content made by hypothesis, and a build that says exactly how it ended.

Shared by tests/site/test_no_tracebacks.py (a few hundred examples in the suite) and `invoke fuzz`
(as many as asked). Each example is a small content tree: a valid base plus generated items of
every type, with front matter across every field kind (random Unicode written plainly, quoted or as
YAML escapes, control characters, extreme numbers and dates, nesting, long values) and generated
bodies, sometimes an attachment or a vocabulary of random bytes. The build runs in this process
through Pelican's API, as live reload runs it, so that hundreds of builds take minutes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import sys
import traceback
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from hub_content.types import load as content_types  # noqa: E402

LANGUAGES = ("en", "sr")
LABELS = "".join(f"  {code}: Label {code}\n" for code in LANGUAGES)
BASE = {
    "news/base.md": "---\ntitle: Base\ndate: 2024-12-04\nsummary: A summary.\n---\nBody.\n",
    "data/topics.yaml": "online-safety:\n" + LABELS,
    "data/countries.yaml": "albania:\n" + LABELS,
    "data/partners.yaml": "tdh:\n" + LABELS,
    "data/event-types.yaml": "webinar:\n" + LABELS,
    "data/resource-types.yaml": "guide:\n" + LABELS,
    "data/course-levels.yaml": "beginner:\n" + LABELS,
    "data/opportunity-kinds.yaml": "vacancy:\n" + LABELS,
    "files/guide.pdf": b"%PDF-1.4\n%%EOF\n",
    # A real picture (2×1 pixels): hub_images reads every image an item shows.
    "files/picture.png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x02\x00\x00\x00\x01\x08\x02\x00\x00\x00{@"
                          b"\xe8\xdd\x00\x00\x00\x0fIDATx\x9cc``````\x00\x00\x00\x07\x00\x01W!b\x19\x00\x00\x00\x00IEND"
                          b"\xaeB`\x82"),
    "news/with-picture.md": "---\ntitle: Picture\ndate: 2024-12-05\nimage: files/picture.png\nimage_alt: A picture\n---\nx\n",
    "resources/base.md": "---\ntitle: Guide\ndate: 2024-12-04\nresource_type: guide\nfile: files/guide.pdf\n---\nx\n",
}
SETTINGS = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from pelicanconf import *
HUB_LANGUAGES = [entry for entry in HUB_LANGUAGES if entry["code"] in {LANGUAGES!r}]
for entry in HUB_LANGUAGES:
    entry["fallbacks"] = [code for code in entry["fallbacks"] if code in {LANGUAGES!r}]
HUB_CACHE_PATH = ""
HUB_PROCESSES = 1
HUB_SKIP_UNCHANGED = False
"""
DRAFT = re.compile(rb"^status: *['\"]?draft", re.MULTILINE)
PROBLEM_LINE = re.compile(r"^[^\n]+?: .+$")

# Characters the gate cares about, and the rest of Unicode (surrogates included: written as escapes).
SPECIAL = st.sampled_from(["\x00", "\x07", "\x1b", "\r", "\x85", "\u2028", "\u2029", "\u202e", "\u2066", "\ufeff",
                           "\u200b", "\u200d", "\ud800", "\udfff", "\t", "\n", "<", ">", "&", '"', "'", ":", "#",
                           "]]>", "</script>", "{{ x }}", "{% raw %}", "\\", "\u0301", "ﷺ", "\U0001F600"])
CHARACTER = st.one_of(st.characters(codec=None), SPECIAL)
TEXT = st.lists(CHARACTER, max_size=30).map("".join)
LONG = st.integers(1, 4000).map(lambda n: "word " * n)
NUMBER = st.one_of(st.integers(-10**20, 10**20), st.integers(-3, 3000)).map(str)
DATE = st.tuples(st.integers(0, 12000), st.integers(0, 13), st.integers(0, 32)).map(
    lambda t: f"{t[0]:04d}-{t[1]:02d}-{t[2]:02d}")
GOOD_DATE = st.dates().map(lambda d: d.isoformat()) | st.sampled_from(["1900-01-01", "2199-12-31", "2026-03-29"])
TIME = st.tuples(st.integers(0, 25), st.integers(0, 61)).map(lambda t: f"{t[0]:02d}:{t[1]:02d}")
DATETIME = st.tuples(st.one_of(DATE, GOOD_DATE), TIME).map(" ".join)
ZONE = st.sampled_from(["Europe/Budapest", "UTC", "localtime", "UTC+1", "Pacific/Kiritimati", "Pacific/Apia",
                        "America/St_Johns", "Etc/GMT-14", "../etc", "Europe/Kyiv", "Asia/Kathmandu"])
TERM = st.sampled_from(["online-safety", "albania", "tdh", "webinar", "guide", "beginner", "vacancy", "nope"])
URL = st.sampled_from(["https://example.org/", "javascript:alert(1)", "http://", "https://exa mple.org/x",
                       "ftp://x", "https://example.org/?q=<script>"])
SCALAR = st.one_of(TEXT, NUMBER, DATE, DATETIME, ZONE, TERM, URL, st.sampled_from(["yes", "no", "~", "", "null"]))


def nested(depth: int):
    return st.recursive(SCALAR, lambda inner: st.lists(inner, max_size=3), max_leaves=depth)


def deep(levels: int) -> str:
    return "[" * levels + "x" + "]" * levels


VALUE = st.one_of(SCALAR, SCALAR, SCALAR, LONG, nested(8), st.integers(1, 200).map(deep),
                  st.lists(TERM, max_size=4), st.lists(TEXT, max_size=3))


def yaml_scalar(value: str, style: int) -> str:
    """A string as YAML: plain, single-quoted, or double-quoted with escapes for what cannot be written."""
    if style == 0:
        return value
    if style == 1:
        return "'" + value.replace("'", "''") + "'"
    out = []
    for character in value:
        code = ord(character)
        if character in '"\\':
            out.append("\\" + character)
        elif code < 0x20 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF or code in (0x2028, 0x2029, 0xFEFF):
            out.append(f"\\u{code:04x}")
        else:
            out.append(character)
    return '"' + "".join(out) + '"'


def yaml_value(value, style: int) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(yaml_value(v, style) for v in value) + "]"
    return yaml_scalar(value, style)


# Text that passes the gate: any letter, mark, number, symbol or punctuation of Unicode, spaces and
# format characters (zero-width joiners...), so that accepted items carry odd text into every writer.
FAIR_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp"),
                                  exclude_characters="\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"),
                    min_size=1, max_size=40).filter(lambda t: t.strip() and not t.strip().startswith(("#", "-", "?")))
FAIR_DATE = st.dates(dt.date(1900, 1, 1), dt.date(2199, 12, 31))
FAIR_ZONE = st.sampled_from(["Europe/Budapest", "UTC", "Pacific/Kiritimati", "Pacific/Apia", "America/St_Johns",
                             "Etc/GMT-14", "Europe/Kyiv", "Asia/Kathmandu", "Australia/Lord_Howe"])


@st.composite
def fair_value(draw, name, spec, folder):
    """A value the field accepts (mostly: edges of dates, zones and ranges are where bugs live)."""
    kind = type(spec.kind).__name__
    if kind == "Text":
        return draw(FAIR_TEXT)
    if kind == "Date":
        return draw(FAIR_DATE).isoformat()
    if kind == "DateTime":
        return f"{draw(FAIR_DATE).isoformat()} {draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}"
    if kind == "TimeZone":
        return draw(FAIR_ZONE)
    if kind == "Term":
        return {"resource-types": "guide", "event-types": "webinar", "course-levels": "beginner",
                "opportunity-kinds": "vacancy"}[spec.kind.vocabulary]
    if kind == "Terms":
        return {"topics": ["online-safety"], "countries": ["albania"], "partners": ["tdh"]}[spec.kind.vocabulary]
    if kind == "Url":
        return "https://example.org/" + draw(st.from_regex(r"[a-z0-9/_-]{0,20}", fullmatch=True))
    if kind == "YesNo":
        return draw(st.sampled_from(["yes", "no"]))
    if kind == "Year":
        return str(draw(st.integers(1900, 2099)))
    if kind == "WholeNumber":
        return str(draw(st.integers(spec.kind.minimum, spec.kind.maximum)))
    if kind == "LanguageTags":
        return draw(st.lists(st.sampled_from(["en", "sr-Latn", "sq", "uk"]), min_size=1, max_size=3, unique=True))
    if kind == "File":
        return "files/guide.pdf" if not spec.kind.images_only else "files/picture.png"
    if kind == "Key":
        return draw(st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6})?", fullmatch=True))
    if kind == "Names":
        return draw(st.lists(FAIR_TEXT, min_size=1, max_size=3))
    if kind == "Choice":
        return draw(st.sampled_from(spec.kind.choices))
    return draw(FAIR_TEXT)


@st.composite
def front_matter(draw, content_type, hostile: bool) -> str:
    schema = content_type.schema
    values = {name: draw(fair_value(name, spec, content_type.folder)) for name, spec in schema.items()
              if spec.required or draw(st.integers(0, 2)) == 0}
    values.pop("translation_key", None)
    values.pop("status", None) if draw(st.integers(0, 5)) else None
    if content_type.folder == "events":
        start = dt.datetime.fromisoformat(values["start"])
        values["end"] = (start + dt.timedelta(minutes=draw(st.integers(0, 60 * 24 * 3)))).strftime("%Y-%m-%d %H:%M")
        values.setdefault("online", "yes")
    for _ in range(draw(st.sampled_from([1, 1, 2, 4])) if hostile else 0):  # hostile values and names
        name = draw(st.sampled_from(sorted(schema) + ["draft", "save_as", "\ufefftitle", "Title", "x" * 300]))
        values[name] = draw(st.one_of(VALUE, GOOD_DATE, DATE, DATETIME, TEXT))
    lines = [f"{name}: {yaml_value(value, draw(st.sampled_from([2, 1, 2, 0] if hostile else [2, 1])))}"
             for name, value in values.items()]
    if hostile and draw(st.booleans()):
        lines.append(draw(TEXT).replace("\x00", ""))  # any line at all
    return "---\n" + "\n".join(lines) + "\n---\n"


BODY_PART = st.one_of(
    TEXT, st.sampled_from(["# Heading", "- item", "> quote", "```\ncode\n```", "| a | b |\n|---|---|\n| 1 | 2 |",
                           "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[a](javascript:alert(1))",
                           "[about](/en/about/)", "[it](/en/news/base/)", "[file](/files/guide.pdf)",
                           "[x](/sr/news/base/)", "[y](/en/abuot/)", "[z](/files/nope.pdf)", "![i](/files/guide.pdf)",
                           "&#7;", "&#x202E;", "&#xD800;", "&#13;", "&#x85;", "&#0;", "&#1114112;", "&#x2028;"]),
    st.integers(1, 40).map(lambda n: "\n".join("  " * i + "- x" for i in range(n))),
    st.integers(1, 40).map(lambda n: ">" * n + " deep"),
    st.just("word " * 210_000),  # over the 1,000,000-byte limit
)


SLUG = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8})?", fullmatch=True)
ODD_NAME = st.one_of(st.sampled_from(["con", "aux", "about", "albania", "tdh", "news", "topics", "search",
                                      "translation-status", "files", "First"]),
                     TEXT.filter(lambda t: t and "/" not in t and "\x00" not in t and t not in (".", "..")
                                 and not t.startswith(".") and len(t.encode("utf-8", "surrogatepass")) < 100
                                 and not re.search("[\ud800-\udfff]", t)))
FAIR_BODY = st.one_of(FAIR_TEXT, st.sampled_from(["# Heading", "- item", "> quote", "[it](/en/news/base/)",
                                                  "[file](/files/guide.pdf)", "*emphasis* and `code`"]))


@st.composite
def item_file(draw) -> tuple[str, bytes]:
    """One item: fair most of the time (so that builds succeed and odd text reaches every writer),
    hostile in one file of five (hypothesis favours small numbers: the hostile branch is the large one)."""
    hostile = draw(st.integers(0, 9)) >= 8
    content_type = draw(st.sampled_from(content_types().all))
    lang = draw(st.sampled_from(["", "sr/"]))
    if content_type.folder in ("countries", "partners"):
        stem = draw(st.sampled_from(["albania", "tdh", "atlantis"] if hostile else ["albania", "tdh"]))
    else:
        stem = draw(st.one_of(SLUG, ODD_NAME) if hostile else SLUG)
    body = draw(st.lists(st.one_of(FAIR_BODY, BODY_PART) if hostile else FAIR_BODY, max_size=6))
    text = draw(front_matter(content_type, hostile)) + "\n\n".join(body)
    if hostile and draw(st.booleans()):
        return f"{lang}{content_type.folder}/{stem}.md", draw(st.binary(max_size=200))
    return f"{lang}{content_type.folder}/{stem}.md", text.encode("utf-8", "surrogatepass")


@st.composite
def content_tree(draw) -> dict[str, bytes]:
    files = {rel: data if isinstance(data, bytes) else data.encode() for rel, data in BASE.items()}
    for rel, data in draw(st.lists(item_file(), min_size=1, max_size=5)):
        files[rel] = data
    extra = draw(st.integers(0, 19))  # hypothesis favours small numbers: the rare cases are the large ones
    if extra == 19:
        name = draw(st.sampled_from(["files/x.svg", "files/x.html", "files/My File.pdf", "files/con.pdf",
                                     "files/x.pdf", "files/x.csv", "files/X.PNG"]))
        files[name] = draw(st.sampled_from([b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
                                            b"%PDF-1.4\n", b"<script>alert(1)</script>", b"a,b\n1,2\n",
                                            b"<svg xmlns='http://www.w3.org/2000/svg'><rect/></svg>"]))
    elif extra == 18:
        files["data/topics.yaml"] = draw(st.binary(max_size=300))
    elif extra == 17:
        files["data/topics.yaml"] = ("online-safety:\n" + "".join(
            f"  {code}: {yaml_value(draw(TEXT), draw(st.integers(0, 2)))}\n" for code in LANGUAGES)).encode(
            "utf-8", "surrogatepass")
    return files


@dataclass
class Outcome:
    ok: bool
    problems: list[str]
    crash: str | None  # a traceback: never allowed
    log: str


def write_tree(root: Path, files: dict[str, bytes]) -> None:
    if root.exists():
        shutil.rmtree(root)
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def build(content: Path, output: Path, settings: Path) -> Outcome:
    """One build in this process; a BuildFailed gives the problem lines, anything else is a crash."""
    from hub_build.settings import read_file
    from hub_site import HubPelican

    captured = io.StringIO()
    try:
        with redirect_stdout(captured), redirect_stderr(captured):
            HubPelican(read_file(str(settings), override={"PATH": str(content), "OUTPUT_PATH": str(output)})).run()
    except SystemExit as stop:
        if not stop.code:
            return Outcome(True, [], None, captured.getvalue())
        return Outcome(False, str(stop.code).splitlines(), None, captured.getvalue())
    except BaseException:  # noqa: BLE001  (what the property is about: nothing may end here)
        return Outcome(False, [], traceback.format_exc(), captured.getvalue())
    return Outcome(True, [], None, captured.getvalue())


def snapshot(folder: Path) -> dict[str, bytes]:
    if not folder.exists():
        return {}
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def check(files: dict[str, bytes], work: Path) -> Outcome:
    """Build `files` over the previous output in `work`; assert the property; return the outcome."""
    content, output, settings = work / "content", work / "output", work / "fuzzconf.py"
    if not settings.exists():
        settings.write_text(SETTINGS, encoding="utf-8")
    write_tree(content, files)
    before = snapshot(output)
    outcome = build(content, output, settings)
    assert outcome.crash is None, f"a traceback for {sorted(files)}:\n{outcome.crash}"
    if outcome.ok:
        assert "Traceback" not in outcome.log, outcome.log
        published = snapshot(output)
        for rel, data in files.items():
            if rel.endswith(".md") and not DRAFT.search(data):
                stem, parts = rel.removesuffix(".md").split("/")[-1], rel.split("/")
                lang = parts[0] if parts[0] in LANGUAGES else "en"
                folder = parts[1] if lang != "en" else parts[0]
                path = f"{lang}/{stem}/index.html" if folder == "pages" else f"{lang}/{folder}/{stem}/index.html"
                assert path in published, f"{rel} was accepted but {path} was not published"
    else:
        assert outcome.problems and outcome.problems[-1].startswith("Build stopped:"), outcome.problems
        assert all(PROBLEM_LINE.match(line) for line in outcome.problems[:-1]), outcome.problems
        assert "Traceback" not in "\n".join(outcome.problems) + outcome.log
        assert snapshot(output) == before, "a failed build changed the previous output"
    return outcome
