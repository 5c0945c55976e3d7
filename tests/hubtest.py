"""Building sites for tests: real Pelican runs in a subprocess, as a coordinator's would."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
import threading
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path

from lxml import html

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from static_server import RangeRequestHandler  # noqa: E402  (static hosts answer Range requests)
EPOCH = "1795262400"  # 2026-11-21 12:00 UTC, so builds are reproducible


def build(content: Path, output: Path, settings: Path | str = ROOT / "pelicanconf.py",
          env: dict | None = None) -> subprocess.CompletedProcess:
    """Build in a fresh working folder of its own: a settings file's relative HUB_CACHE_PATH (the
    default .cache/hub of pelicanconf.py and publishconf.py) then lands there and goes with it, so no
    test reads or fills the developer's persistent cache."""
    environment = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONHASHSEED": "0", "COLUMNS": "200",
                   **(env or {})}
    paths = [str(Path(path).resolve()) for path in (content, output, settings)]
    with tempfile.TemporaryDirectory(prefix="hub-build-") as here:
        return subprocess.run([sys.executable, "-m", "pelican", paths[0], "-o", paths[1], "-s", paths[2]],
                              cwd=here, env=environment, capture_output=True, text=True, timeout=300)


def needs_node():
    """The path of node and the mark for tests that run it: skipped on a developer's machine without
    node, but under CI (which installs it, as ./hub setup does) a missing node fails the run."""
    import shutil

    import pytest

    node = shutil.which("node")
    if node is None and os.environ.get("CI"):
        pytest.fail("node is not installed, and CI must run the tests that load lunr.js in Node", pytrace=False)
    return node, pytest.mark.skipif(node is None, reason="node is not installed (./hub setup installs it)")


def demo_languages():
    """The language table of pelicanconf.py, read as Pelican reads it."""
    from pelican.settings import read_settings

    from hub_languages.model import LanguageTable

    return LanguageTable.from_settings(read_settings(str(ROOT / "pelicanconf.py")))


def build_demo(output: Path) -> subprocess.CompletedProcess:
    return build(ROOT / "content", output)


def settings_file(folder: Path, extra: str = "") -> Path:
    """A settings file that starts from pelicanconf.py and changes what the test needs."""
    path = folder / "testconf.py"
    path.write_text(textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from pelicanconf import *
        HUB_CACHE_PATH = ""
    """) + textwrap.dedent(extra), encoding="utf-8")
    return path


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(textwrap.dedent(data).lstrip("\n"), encoding="utf-8")
    return root


def page(output: Path, path: str):
    """Parse a built page; `path` as in a URL, e.g. 'sq/news/x/'."""
    file = output / path / "index.html" if not path.endswith((".html", ".xml", ".atom")) else output / path
    return html.fromstring(file.read_bytes())


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


class QuietHandler(RangeRequestHandler):
    def log_message(self, format, *args):
        pass


def serve_folder(folder):
    """Serve a built site on a free localhost port; returns (base URL, server)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


