"""Offline reading in the built output (hub_offline): the service worker, the offline pages, the
"Save for offline" box, the offline pack links, live reload's retiring worker and the setting's checks.
The worker's behaviour in a browser is tests/browser/test_offline.py."""

import json
import re

from hubtest import build, page, settings_file, write_tree

LANGUAGES = "en sq bs bg hr ro sr uk".split()
SITE = {
    "news/first.md": "---\ntitle: First news\ndate: 2024-12-04\nsummary: A short summary.\n---\nBody text.\n",
    "resources/guide.md": "---\ntitle: Guide\ndate: 2026-01-01\nresource_type: guide\nfile: files/guide.pdf\n---\nText.\n",
    "files/guide.pdf": b"%PDF-1.4\n%%EOF\n",
    **{f"data/{name}.yaml": f"{term}:\n" + "".join(f"  {c}: Label {c}\n" for c in LANGUAGES)
       for name, term in (("topics", "online-safety"), ("event-types", "webinar"), ("resource-types", "guide"),
                          ("opportunity-kinds", "vacancy"))},
}
PACK = "https://downloads.example.org/childhub_sq.zim"


def worker_config(output):
    script = (output / "sw.js").read_text(encoding="utf-8")
    return json.loads(re.search(r"^const HUB = (.*);$", script, re.M).group(1))


def test_the_demo_publishes_the_worker_and_an_offline_page_per_language(demo):
    config = worker_config(demo)
    assert config["offline"][0] == "en/offline/" and "sr-latn/offline/" in config["offline"]
    assert all((demo / path / "index.html").exists() for path in config["offline"])
    assert "theme/css/hub.css" in config["shell"] and "theme/js/offline.js" in config["shell"]
    assert not [path for path in config["shell"] if "/search/" in path or "livereload" in path]
    assert all((demo / path).is_file() for path in config["shell"])
    offline = page(demo, "sr/offline/")
    assert offline.xpath("//meta[@name='robots']/@content") == ["noindex"]
    assert "/sr/offline/" not in (demo / "sr/sitemap.xml").read_text(encoding="utf-8")
    resource = page(demo, "en/resources/positive-discipline-guide/")
    box = resource.xpath("//div[@class='save-offline']")[0]
    assert box.get("data-pending") is not None and box.get("data-files") == "/files/positive-discipline-guide.pdf"
    assert resource.xpath("//script[@data-worker]/@data-worker") == ["/sw.js"]
    assert page(demo, "en/news/hub-turns-ten/").xpath("//div[@class='save-offline']") == []  # no attachment


def test_live_reload_retires_the_worker_and_packs_are_linked(tmp_path):
    content = write_tree(tmp_path / "content", SITE)
    settings = settings_file(tmp_path, f"HUB_SEARCH = False\nHUB_OFFLINE_PACKS = {{'sq': {PACK!r}}}\n")
    result = build(content, tmp_path / "output", settings)
    assert result.returncode == 0, result.stderr
    version = worker_config(tmp_path / "output")["version"]
    assert page(tmp_path / "output", "sq/").xpath("//footer//a[@type='application/x-zim']/@href") == [PACK]
    assert page(tmp_path / "output", "en/").xpath("//a[@type='application/x-zim']") == []  # none for en
    (content / "news/first.md").write_text(SITE["news/first.md"].replace("Body", "Other body"), encoding="utf-8")
    assert build(content, tmp_path / "output", settings).returncode == 0
    assert worker_config(tmp_path / "output")["version"] == version  # pages are not the shell
    live = settings_file(tmp_path, "HUB_SEARCH = False\nHUB_LIVERELOAD = True\n")
    assert build(content, tmp_path / "live", live).returncode == 0
    script = (tmp_path / "live" / "sw.js").read_text(encoding="utf-8")
    assert "self.registration.unregister()" in script and "const HUB" not in script
    resource = page(tmp_path / "live", "en/resources/guide/")
    assert resource.xpath("//script[@data-worker]") == [] and resource.xpath("//div[@class='save-offline']") == []


def test_a_pack_of_an_unknown_language_or_without_an_address_is_refused(tmp_path):
    content = write_tree(tmp_path / "content", SITE)
    for packs, message in (({"xx": PACK}, "settings: HUB_OFFLINE_PACKS: 'xx' is not a language of HUB_LANGUAGES "
                                           "(use one of bg, bs, en, hr, ro, sq, sr, sr-latn, uk)"),
                           ({"sq": "packs/childhub_sq.zim"},
                            "settings: HUB_OFFLINE_PACKS: the pack of 'sq', 'packs/childhub_sq.zim', is not a web "
                            "address (write the full address of the published .zim file, such as "
                            "https://downloads.example.org/childhub_en.zim)")):
        result = build(content, tmp_path / "output", settings_file(tmp_path, f"HUB_OFFLINE_PACKS = {packs!r}\n"))
        assert result.returncode == 1
        assert message in " ".join(result.stderr.split())
