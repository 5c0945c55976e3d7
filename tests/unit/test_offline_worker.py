"""The pure cores of hub_offline: the service worker's script and version, and the pack's addresses."""

import json
import re

import pytest

from hub_offline import worker, zim


def test_the_version_follows_the_bytes_and_paths_of_what_the_worker_keeps():
    files = {"theme/css/hub.css": b"body{}", "en/offline/": b"<html>"}
    assert worker.version(files) == worker.version(dict(reversed(files.items())))
    assert worker.version(files) != worker.version({**files, "theme/css/hub.css": b"body{ }"})
    assert worker.version(files) != worker.version({"theme/css/other.css": b"body{}", "en/offline/": b"<html>"})


def test_the_shell_is_css_scripts_and_icons_but_not_search_or_live_reload():
    paths = ["theme/css/hub.css", "theme/img/icon.svg", "theme/img/icon-48.png", "theme/js/offline.js",
             "theme/js/livereload.js", "theme/js/search/lunr.min.js", "theme/js/search/stemmers/english.js"]
    assert worker.shell(paths) == ["theme/css/hub.css", "theme/img/icon.svg", "theme/js/offline.js"]


def test_the_script_holds_relative_paths_only_so_it_serves_a_hub_under_any_path():
    script = worker.script(["theme/css/hub.css"], ["en/offline/", "sq/offline/"], "abc")
    config = json.loads(re.search(r"^const HUB = (.*);$", script, re.M).group(1))
    assert config == {"version": "abc", "theme": "theme/", "shell": ["theme/css/hub.css"],
                      "offline": ["en/offline/", "sq/offline/"]}
    assert "/*HUB_CONFIG*/" not in script and "self.registration.scope" in script


@pytest.mark.parametrize("locale, code", [("en", "eng"), ("sq", "sqi"), ("sr_Latn", "srp"), ("uk", "ukr"),
                                          ("bs", "bos"), ("ro", "ron")])
def test_pack_languages_are_iso_639_3(locale, code):
    assert zim.iso639_3(locale) == code


def test_an_unknown_locale_is_a_clear_error():
    with pytest.raises(zim.PackError, match="the locale 'qq' has no ISO 639-3 code"):
        zim.iso639_3("qq")


@pytest.mark.parametrize("address, target", [
    ("/en/news/a/", ("en/news/a/index.html", "")),
    ("/en/news/a/#part", ("en/news/a/index.html", "part")),
    ("/files/a.pdf", ("files/a.pdf", "")),
    ("https://hub.example.org/sub/en/", ("en/index.html", "")),
    ("https://elsewhere.example.org/en/", None),
    ("//cdn.example.org/x.js", None),
    ("mailto:a@example.org", None),
])
def test_addresses_of_the_hub_are_found_whatever_siteurl_they_carry(address, target):
    assert zim._target(address, "https://hub.example.org/sub") == target
