"""Live reload for people editing the hub: build, serve, watch, rebuild, reload.

Builds run in this process through Pelican's API (the hub plugins keep no state
between builds; their modules are re-imported when plugin code changes). A failed
build leaves the previous site in place, prints the problems, and shows them over
the page in the browser; the server keeps running.
"""

from __future__ import annotations

import importlib
import json
import sys
import threading
import time
import weakref
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

sys.path.insert(0, str(Path(__file__).parent))
from static_server import RangeRequestHandler  # noqa: E402

CHANGES = ("created", "modified", "moved", "deleted")
STAGING_MARK, PREVIOUS_MARK = ".staging-", ".previous-"
WAIT_SECONDS = 25
QUIET_SECONDS = 0.3


class BuildState:
    """The number of the last build and its error, for the browsers that wait on it."""

    def __init__(self):
        self.number = 0
        self.error: str | None = None
        self.changed = threading.Condition()

    def finish(self, error: str | None) -> None:
        with self.changed:
            self.number += 1
            self.error = error
            self.changed.notify_all()

    def wait(self, since: int) -> dict:
        with self.changed:
            self.changed.wait_for(lambda: self.number != since, timeout=WAIT_SECONDS)
            return {"build": self.number, "error": self.error}


def forget_plugin_code() -> None:
    """Drop the hub plugins' modules and signal receivers so the next build imports them afresh."""
    from pelican.plugins import signals

    for signal in vars(signals).values():
        for receiver in list(getattr(signal, "receivers", {}).values()):
            function = receiver() if isinstance(receiver, weakref.ref) else receiver
            if getattr(function, "__module__", "").startswith("hub_"):
                signal.disconnect(function)
    for name in [m for m in sys.modules if m.split(".")[0].startswith("hub_")]:
        del sys.modules[name]


def build_once(root: Path, content: str, output: str, settings: str, reload_code: bool) -> str | None:
    """Build the site; return None on success or the text of the problems."""
    if reload_code:
        forget_plugin_code()
    if str(root / "plugins") not in sys.path:
        sys.path.insert(0, str(root / "plugins"))  # before the settings file, which puts it there too
    from hub_build.settings import read_file

    overrides = {"PATH": str(root / content), "OUTPUT_PATH": str(root / output), "HUB_LIVERELOAD": True}
    started = time.monotonic()
    try:
        found = read_file(str(root / settings), override=overrides)
        module, name = found["PELICAN_CLASS"].rsplit(".", 1)  # as Pelican's command line does
        getattr(importlib.import_module(module), name)(found).run()
    except SystemExit as stop:  # BuildFailed carries the list of problems
        return None if not stop.code else str(stop.code)
    except Exception as error:  # a bug or a bad setting must not stop the server
        return f"{type(error).__name__}: {error}"
    print(f"Built in {time.monotonic() - started:.2f} s")
    return None


class Watcher(FileSystemEventHandler):
    def __init__(self, rebuild, root: Path, output: Path):
        self.rebuild = rebuild
        self.root = root.resolve()
        self.output = output.resolve()
        self.timer: threading.Timer | None = None
        self.code_changed = False
        self.lock = threading.Lock()

    def on_any_event(self, event):
        # Reads (opened, closed) and folder timestamps are not changes; builds read files.
        if event.event_type not in CHANGES or event.is_directory and event.event_type == "modified":
            return
        path = str(getattr(event, "dest_path", "") or event.src_path)
        if not self.relevant(path):
            return
        with self.lock:
            self.code_changed |= path.endswith(".py")
            if self.timer:
                self.timer.cancel()
            self.timer = threading.Timer(QUIET_SECONDS, self._fire)
            self.timer.start()

    def relevant(self, path: str) -> bool:
        parts = Path(path).parts
        if "__pycache__" in parts or path.endswith((".pyc", "~", ".swp", ".tmp")):
            return False
        if any(STAGING_MARK in part or PREVIOUS_MARK in part for part in parts):
            return False
        if self.output in Path(path).parents or Path(path) == self.output:
            return False
        if Path(path).parent == self.root:
            return path.endswith(".py")  # settings files
        return True

    def _fire(self):
        with self.lock:
            code_changed, self.code_changed = self.code_changed, False
        self.rebuild(code_changed)


def handler_class(output: Path, state: BuildState):
    class Handler(RangeRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(output), **kwargs)

        def do_GET(self):
            parts = urlsplit(self.path)
            if parts.path == "/__livereload":
                since = int(parse_qs(parts.query).get("since", ["-1"])[0])
                body = json.dumps(state.wait(since)).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Cache-Control", "no-store")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            super().do_GET()

        def send_error(self, code, message=None, explain=None):
            not_found = output / "404.html"
            if code == 404 and not_found.exists():
                body = not_found.read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            super().send_error(code, message, explain)

        def log_message(self, format, *args):
            pass

    return Handler


def serve(root: Path, content="content", output="output", settings="pelicanconf.py",
          host="127.0.0.1", port=8000) -> None:
    state = BuildState()
    lock = threading.Lock()

    def rebuild(code_changed=False):
        with lock:
            error = build_once(root, content, output, settings, code_changed)
            if error:
                print(error, file=sys.stderr)
                print("The previous site is still served; fix the problem and save again.", file=sys.stderr)
            state.finish(error)

    rebuild()
    watcher = Watcher(rebuild, root, root / output)
    observer = Observer()
    for watched in (root / content, root / "theme", root / "plugins"):
        observer.schedule(watcher, str(watched), recursive=True)
    observer.schedule(watcher, str(root), recursive=False)  # settings files
    settings_folder = (root / settings).resolve().parent
    if settings_folder != root.resolve():
        observer.schedule(watcher, str(settings_folder), recursive=False)
    observer.start()
    server = ThreadingHTTPServer((host, port), handler_class(root / output, state))
    print(f"Serving the hub on http://{host}:{port}/ (Ctrl+C to stop); rebuilding on every change")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        observer.stop()
        server.server_close()
