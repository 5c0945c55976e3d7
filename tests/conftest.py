"""Shared test helpers: building sites with the real Pelican, reading built pages."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "tests"))

from hubtest import build, build_demo  # noqa: E402


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: runs the built site in headless Chromium")


@pytest.fixture(scope="session")
def demo(tmp_path_factory):
    """The demo content built once with pelicanconf.py."""
    output = tmp_path_factory.mktemp("demo") / "output"
    result = build_demo(output)
    assert result.returncode == 0, result.stderr
    return output
