"""The web editor's part in a build: /admin/ with the pinned Decap CMS from node_modules, its
configuration generated from the hub's content types, and the hub's own script."""

from __future__ import annotations

import html
import json
import os
import shutil
from pathlib import Path

from hub_build.errors import Problem, fail_if
from hub_build.extensions import Extension
from hub_build.staging import contained

from . import cms

HERE = Path(__file__).resolve().parent
CMS_DIST = HERE.parents[1] / "node_modules" / "decap-cms" / "dist"
FOLDER = "admin"


def cms_files(dist: Path = CMS_DIST) -> list[Path]:
    """The CMS's script, the chunks it loads on demand and their WebAssembly; no source maps."""
    return sorted([*dist.glob("*decap-cms.js"), *dist.glob("*.wasm"), *dist.glob("decap-cms.js.LICENSE.txt")])


class AdminExtension(Extension):
    """The editor's files at /admin/, in the collision check with every page and file."""

    name = "admin"

    def files(self, build) -> list[str]:
        if not build.settings["HUB_ADMIN"]:
            return []
        if not (CMS_DIST / "decap-cms.js").is_file():
            fail_if([Problem("settings", 0, "HUB_ADMIN", f"the web editor's files are missing ({CMS_DIST})",
                             "run ./hub setup (it runs npm ci), or set HUB_ADMIN = False")])
        return ([f"{FOLDER}/{name}" for name in ("config.yml", "index.html", "hub-admin.js")]
                + [f"{FOLDER}/{file.name}" for file in cms_files()])

    def write(self, build) -> None:
        if not build.settings["HUB_ADMIN"]:
            return
        settings, hub = build.settings, build.hub
        backend = cms.Backend(settings["HUB_ADMIN_REPOSITORY"], settings["HUB_ADMIN_BRANCH"],
                              settings["HUB_ADMIN_AUTH_URL"], settings["HUB_ADMIN_LOCAL_BACKEND"])
        config = cms.cms_config(hub.types, hub.vocabularies, hub.languages, backend, settings.get("SITEURL", ""))
        translations = json.dumps(cms.translation_pages(hub.types, hub.languages), sort_keys=True)
        script = f"window.HUB_TRANSLATIONS = {translations};\n" + (HERE / "static" / "hub-admin.js").read_text("utf-8")
        page = (HERE / "static" / "index.html").read_text("utf-8").replace("{site}", html.escape(settings["SITENAME"]))
        _write(build.output, f"{FOLDER}/config.yml", cms.to_yaml(config))
        _write(build.output, f"{FOLDER}/index.html", page)
        _write(build.output, f"{FOLDER}/hub-admin.js", script)
        for file in cms_files():
            _place(file, contained(build.output, f"{FOLDER}/{file.name}"))


def _place(source: Path, target: Path) -> None:
    """The CMS's 6.5 MB are hard-linked where the file system allows (npm replaces files, never
    changes them in place, and nothing writes into the output's files), else copied."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _write(output: Path, relative: str, text: str) -> None:
    target = contained(output, relative)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(text.encode("utf-8"))
