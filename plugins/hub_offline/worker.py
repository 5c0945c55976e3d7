"""The service worker's script, on plain data: what it keeps and under which version.

Plain JS rather than Workbox: the worker does three things (a versioned shell, network-first
pages, an offline page per language), which is about 80 lines; Workbox's runtime would add more
bytes than that to every first visit and a build step to the hub's static files.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORKER_PATH = "sw.js"  # at the hub's root: its scope is then the whole hub, every language's prefix
OFFLINE_FOLDER = "offline"
# Theme files every page may need offline. Search's scripts, the live-reload script and the
# large icons are left to be kept when first used (the worker keeps whatever it serves from the theme).
SHELL_SUFFIXES = (".css", ".js", ".svg")
NOT_SHELL = ("js/search/", "js/livereload.js")


def offline_path(prefix: str) -> str:
    return f"{prefix}/{OFFLINE_FOLDER}/"


def shell(theme_files: list[str], theme_dir: str = "theme") -> list[str]:
    """The output paths of the theme's files that every page may load: its CSS, scripts and icons."""
    return sorted(path for path in theme_files if path.endswith(SHELL_SUFFIXES)
                  and not path.removeprefix(theme_dir + "/").startswith(NOT_SHELL))


def version(files: dict[str, bytes]) -> str:
    """A digest of what the worker keeps (the shell and the offline pages, by path and bytes): a deploy
    that changes any of them installs a new worker, which replaces the old shell as a whole."""
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.encode() + b"\0" + hashlib.sha256(files[path]).digest())
    return digest.hexdigest()[:16]


def script(shell_paths: list[str], offline_paths: list[str], build_version: str, theme_dir: str = "theme") -> str:
    """The worker. Paths are relative to the worker's own folder, so the same script serves a hub at
    a domain's root or under a path. `offline_paths` starts with the default language's."""
    config = {"version": build_version, "theme": theme_dir + "/", "shell": shell_paths, "offline": offline_paths}
    template = (HERE / "worker.js").read_text(encoding="utf-8")
    return template.replace("/*HUB_CONFIG*/", json.dumps(config, ensure_ascii=False, sort_keys=True), 1)


def retiring_script() -> str:
    """What live reload publishes at the worker's address: a worker that removes itself and its caches."""
    return (HERE / "retire.js").read_text(encoding="utf-8")
