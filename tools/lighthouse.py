"""What `invoke lighthouse` does: Lighthouse's scores for one page of each type of the production build.

The demo is built with publishconf.py (strict, absolute addresses) for the address of a local
server, which sends text gzip-compressed as hosts do and answers search's Range requests; then
Lighthouse (pinned in package.json, run from node_modules with Node) audits each page in Debian's
Chromium, as a phone by default. A report, not a test: it prints the scores and fails on nothing.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE / "tools"))
from page_types import PAGE_TYPES  # noqa: E402
from static_server import RANGE, RangeRequestHandler  # noqa: E402

LIGHTHOUSE = HERE / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = "/usr/bin/chromium"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".atom", ".ics", ".txt")


class CompressingHandler(RangeRequestHandler):
    """Text gzipped on the fly, as GitHub Pages, Netlify or nginx with `gzip on` send it."""

    def log_message(self, format, *args):
        pass

    def send_head(self):
        path = self._compressible()
        if path is None:
            return super().send_head()
        with open(path, "rb") as file:
            body = gzip.compress(file.read(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)

    def _compressible(self) -> str | None:
        """The file to send gzipped, or None for what the plain handler answers: Range requests,
        binary files, missing files, and folders without their "/" (which it redirects)."""
        if RANGE.match(self.headers.get("Range", "")) or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return None
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?")[0].endswith("/"):
                return None
            path = os.path.join(path, "index.html")
        return path if path.endswith(COMPRESSED) and os.path.isfile(path) else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _build(output: Path, siteurl: str) -> None:
    environment = {**os.environ, "HUB_SITEURL": siteurl, "HUB_ADMIN": "false"}
    result = subprocess.run([sys.executable, "-m", "pelican", str(HERE / "content"), "-o", str(output),
                             "-s", str(HERE / "publishconf.py")], cwd=HERE, env=environment, text=True,
                            capture_output=True)
    if result.returncode:
        raise SystemExit(f"lighthouse: the production build failed:\n{result.stderr}")


def _audit(url: str, form_factor: str) -> dict[str, int]:
    command = ["node", str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
               f"--only-categories={','.join(CATEGORIES)}",
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu"]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    result = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True)
    if result.returncode:
        return {}
    report = json.loads(result.stdout)
    return {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES
            if report["categories"][name]["score"] is not None}


def main(form_factor: str = "mobile", only: str = "") -> None:
    if shutil.which("node") is None or not LIGHTHOUSE.exists():
        raise SystemExit("lighthouse: needs Node and Lighthouse: run npm ci (package.json pins lighthouse 12.2.3)")
    pages = {kind: path for kind, path in PAGE_TYPES.items() if not only or kind in only.split(",")}
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="hub-lighthouse-") as folder:
        output = Path(folder) / "output"
        print(f"Building the demo with publishconf.py for {base} ...", flush=True)
        _build(output, base)
        server = ThreadingHTTPServer(("127.0.0.1", port), partial(CompressingHandler, directory=str(output)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            print(f"Lighthouse 12 ({form_factor}), scores out of 100:")
            print(f"{'page':<12} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5}  address")
            for kind, path in pages.items():
                scores = _audit(f"{base}/{path}", form_factor)
                cells = " ".join(f"{scores.get(name, '-')!s:>5}" for name in CATEGORIES)
                print(f"{kind:<12} {cells}  /{path}" + ("" if scores else "  (Lighthouse failed)"), flush=True)
        finally:
            server.shutdown()
