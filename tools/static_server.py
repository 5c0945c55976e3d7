"""A static file handler that answers HTTP Range requests, as every static host does.

Python's SimpleHTTPRequestHandler ignores Range and sends whole files; the search index is read
by ranges of its pack files (plugins/hub_search/index.py), so the live-reload server, the tests'
servers and the search benchmark serve through this handler to behave like the real hosts.
"""

from __future__ import annotations

import os
import re
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler

RANGE = re.compile(r"bytes=(\d+)-(\d*)$")


class RangeRequestHandler(SimpleHTTPRequestHandler):
    def send_head(self):
        wanted = RANGE.match(self.headers.get("Range", ""))
        path = self.translate_path(self.path)
        if not wanted or not os.path.isfile(path):
            return super().send_head()
        size = os.path.getsize(path)
        first = int(wanted.group(1))
        last = min(int(wanted.group(2)) if wanted.group(2) else size - 1, size - 1)
        if first > last:
            self.send_response(HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
            self.send_header("Content-Range", f"bytes */{size}")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        source = open(path, "rb")
        source.seek(first)
        self.send_response(HTTPStatus.PARTIAL_CONTENT)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Range", f"bytes {first}-{last}/{size}")
        self.send_header("Content-Length", str(last - first + 1))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        return _Limited(source, last - first + 1)


class _Limited:
    """The open file, read no further than the range (copyfile reads to the end)."""

    def __init__(self, source, length: int):
        self.source, self.left = source, length

    def read(self, size: int = -1) -> bytes:
        size = self.left if size < 0 else min(size, self.left)
        data = self.source.read(size)
        self.left -= len(data)
        return data

    def close(self) -> None:
        self.source.close()
