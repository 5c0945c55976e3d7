"""`invoke livereload` in a real process: serves, rebuilds on change, survives a broken file."""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from hubtest import ROOT, settings_file, write_tree


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def wait_for(predicate, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


@pytest.fixture
def server(tmp_path):
    content = write_tree(tmp_path / "content", {
        "news/first.md": "---\ntitle: First version\ndate: 2024-12-04\n---\nBody\n"})
    settings = settings_file(tmp_path)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "invoke", "livereload", "--port", str(port), "--content", str(content),
         "--output", str(tmp_path / "output"), "--settings", str(settings)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        assert wait_for(lambda: fetch(f"{base}/en/news/first/")[0] == 200), "the server did not start"
        yield base, content
    finally:
        process.terminate()
        process.wait(timeout=10)


def state(base, since):
    return json.loads(fetch(f"{base}/__livereload?since={since}")[1])


def test_livereload_rebuilds_and_keeps_serving_after_a_broken_file(server):
    base, content = server
    status, body = fetch(f"{base}/en/news/first/")
    assert "First version" in body and "livereload.js" in body
    first = state(base, -1)
    assert first["error"] is None
    (content / "news/first.md").write_text("---\ntitle: Second version\ndate: 2024-12-04\n---\nBody\n")
    second = state(base, first["build"])
    assert second["build"] > first["build"] and second["error"] is None
    assert "Second version" in fetch(f"{base}/en/news/first/")[1]
    time.sleep(2)
    assert state(base, -1)["build"] == second["build"], "a build's own reads and swaps must not start builds"
    (content / "news/first.md").write_text("---\ntitle: Broken\ndate: someday\n---\nBody\n")
    third = state(base, second["build"])
    assert "news/first.md:3: date: 'someday' is not a date" in third["error"]
    assert "Second version" in fetch(f"{base}/en/news/first/")[1], "the previous site is still served"
    assert fetch(f"{base}/nowhere/")[0] == 404
