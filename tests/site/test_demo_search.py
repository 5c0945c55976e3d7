"""The built demo's search indexes, queried in Node with the lunr.js the site serves.

Runs tests/node/search_engine.test.mjs (module and browser modes) on the demo output: every
language's index loads and finds its own items by their titles, and the acceptance cases of the
search issue hold on real content.
"""

from __future__ import annotations

import gzip
import json
import subprocess

import pytest

from hub_search.index import Reader
from hub_search.pipeline import profile
from hubtest import ROOT, demo_languages, page, needs_node

NODE, needs = needs_node()
SCRIPT = ROOT / "tests" / "node" / "search_engine.test.mjs"
SERVED_LUNR = ROOT / "theme" / "static" / "js" / "search" / "lunr.min.js"

pytestmark = needs

KNOWN = [
    ("a Latin query finds a Cyrillic Serbian item", "sr", "mamljenje",
     ["sr/resources/online-grooming-guide-for-teachers/"]),
    ("organizatii finds both Romanian spellings (ș and the old ş)", "ro", "organizatii",
     ["ro/resources/safe-internet-guide-for-parents/", "ro/resources/ghid-metodologic-asistenti-sociali-comunitari/"]),
    ("cuvanje finds čuvanje", "hr", "cuvanje", ["hr/resources/online-grooming-guide-for-teachers/"]),
    ("cuvanje finds Cyrillic чување", "sr", "cuvanje", ["sr/resources/online-grooming-guide-for-teachers/"]),
    ("an inflected English form finds its base form", "en", "disciplined", ["en/resources/positive-discipline-guide/"]),
    ("an inflected Romanian form finds its base form", "ro", "organizației",
     ["ro/resources/safe-internet-guide-for-parents/"]),
    ("an English fallback is found on the Serbian hub", "sr", "cyberbullying", ["sr/resources/cyberbullying-infographic/"]),
    ("a Croatian fallback is found on the Serbian hub", "sr", "volonteri", ["sr/news/croatian-helpline-volunteers/"]),
    ("a Latin query finds a Cyrillic-source item on the Serbian Latin hub", "sr-latn", "mamljenje",
     ["sr-latn/resources/online-grooming-guide-for-teachers/"]),
    ("a Cyrillic query finds it on the Serbian Latin hub too", "sr-latn", "мамљење",
     ["sr-latn/resources/online-grooming-guide-for-teachers/"]),
    ("Bulgarian typed in Latin letters finds a Cyrillic item", "bg", "zakrila na deteto",
     ["bg/courses/child-protection-basics/"]),
    ("Ukrainian typed in Latin letters finds a Cyrillic item", "uk", "zakhyst ditei",
     ["uk/courses/child-protection-basics/"]),
    ("a topic's label finds its items in English", "en", "violence",
     ["en/news/croatian-helpline-volunteers/", "en/resources/positive-discipline-guide/"]),
    ("and in Serbian, by the Serbian label's words, in either script", "sr", "nasilje",
     ["sr/news/croatian-helpline-volunteers/", "sr/resources/positive-discipline-guide/"]),
    ("and in Ukrainian, typed in Latin letters", "uk", "nasylstvo", ["uk/resources/positive-discipline-guide/"]),
]


def own_titles(demo) -> list[tuple]:
    """For every language, its first own item (not a fallback): its title must find it."""
    cases = []
    for lang in demo_languages().codes:
        reader = Reader(demo / lang / "search")
        assert reader.manifest["count"] > 10, lang
        first = next(row for row in reader.documents(list(range(reader.manifest["count"]))) if not row["lang"])
        cases.append((f"{lang} finds its own item by title", lang, first["title"], [first["url"]]))
    return cases


def run(demo, tmp_path, cases) -> subprocess.CompletedProcess:
    algorithms = sorted({profile(lang).stemmer for lang in demo_languages().codes} - {None, "light"})
    spec = {"folder": str(demo), "algorithms": algorithms, "lunr": str(SERVED_LUNR),
            "cases": [{"name": name, "lang": lang, "text": text, "options": {"limit": 50},
                       "expect": {"includes": urls}} for name, lang, text, urls in cases]}
    spec_file = tmp_path / "spec.json"
    spec_file.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    return subprocess.run([NODE, str(SCRIPT), "--spec", str(spec_file)], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


def test_every_language_index_finds_known_items_in_lunr_js(demo, tmp_path):
    cases = KNOWN + own_titles(demo)
    result = run(demo, tmp_path, cases)
    assert result.returncode == 0, result.stdout + result.stderr[:6000]
    assert f"search engine: {2 * len(cases)}/{2 * len(cases)} cases pass" in result.stdout


def test_a_missing_item_fails(demo, tmp_path):
    result = run(demo, tmp_path, [("wrong", "en", "disciplined", ["en/nowhere/"])])
    assert result.returncode == 1 and '"en/nowhere/"' in result.stderr


def test_the_known_words_are_in_the_demo_as_the_cases_say(demo):
    """The cases above test folding only if the items really are written with those letters."""
    grooming = page(demo, "sr/resources/online-grooming-guide-for-teachers/").text_content()
    assert "мамљење" in grooming and "чување" in grooming
    assert "čuvanje" in page(demo, "hr/resources/online-grooming-guide-for-teachers/").text_content()
    assert "organizații" in page(demo, "ro/resources/safe-internet-guide-for-parents/").text_content()
    assert "organizaţii" in page(demo, "ro/resources/ghid-metodologic-asistenti-sociali-comunitari/").text_content()
    assert "disciplined" not in page(demo, "en/resources/positive-discipline-guide/").text_content()
    assert "закрила" in page(demo, "bg/courses/child-protection-basics/").text_content()
    assert "захист" in page(demo, "uk/courses/child-protection-basics/").text_content().lower()
    # The label cases find items whose own text does not have the word.
    source = (ROOT / "content" / "resources" / "positive-discipline-guide.md").read_text(encoding="utf-8")
    assert "violence" not in source.split("---", 2)[2].lower() and "violence-against-children" in source


def test_the_served_lunr_is_the_pinned_npm_one():
    npm = ROOT / "node_modules" / "lunr" / "lunr.min.js"
    pinned = json.loads((ROOT / "package.json").read_text())["devDependencies"]["lunr"]
    assert SERVED_LUNR.read_bytes() == npm.read_bytes()
    assert f"- {pinned}\n" in SERVED_LUNR.read_text()[:200]


def test_every_language_has_a_search_page_and_an_index_of_a_few_files(demo):
    for lang in demo_languages().codes:
        folder = demo / lang / "search"
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["profile"]["lang"] == lang
        files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
        packs = [f"{manifest['base']}{name}" for name, _ in manifest["packs"]]
        assert files == sorted(["index.html", "manifest.json", *packs])  # no .gz twins unless asked for
        form = page(demo, f"{lang}/search/").xpath("//form[@class='search']")[0]
        assert form.get("data-index").endswith(f"/{lang}/search/manifest.json")
    assert not list((demo / "theme" / "js" / "search").rglob("*.gz"))


def test_fallbacks_can_be_left_out_of_the_indexes(demo, tmp_path):
    from hubtest import build, settings_file

    output = tmp_path / "output"
    result = build(ROOT / "content", output,
                   settings_file(tmp_path, "HUB_SEARCH_FALLBACKS = False\nHUB_SEARCH_GZIP = True\n"))
    assert result.returncode == 0, result.stderr
    # HUB_SEARCH_GZIP: precompressed twins of the manifests and scripts (pack members are gzip already)
    manifest = output / "sr" / "search" / "manifest.json"
    assert gzip.decompress((manifest.parent / "manifest.json.gz").read_bytes()) == manifest.read_bytes()
    script = output / "theme" / "js" / "search" / "search.js"
    assert gzip.decompress(script.with_name("search.js.gz").read_bytes()) == script.read_bytes()
    for lang in ("sr", "bs"):
        own, everything = Reader(output / lang / "search"), Reader(demo / lang / "search")
        rows = everything.documents(list(range(everything.manifest["count"])))
        assert own.manifest["count"] == sum(1 for row in rows if not row["lang"]) < everything.manifest["count"]
    assert Reader(output / "en" / "search").manifest["count"] == Reader(demo / "en" / "search").manifest["count"]
