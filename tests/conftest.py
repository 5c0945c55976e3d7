"""Shared test helpers: building sites with the real Pelican, reading built pages."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "tests"))

from hubtest import build_demo, serve_folder  # noqa: E402


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: runs the built site in headless Chromium")


@pytest.fixture(scope="session")
def demo(tmp_path_factory):
    """The demo content built once with pelicanconf.py."""
    output = tmp_path_factory.mktemp("demo") / "output"
    result = build_demo(output)
    assert result.returncode == 0, result.stderr
    return output


CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def served(demo):
    base, server = serve_folder(demo)
    yield base
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def tab(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()
