"""The web editor end to end: the pinned Decap CMS of /admin/ in Chromium, against its real local
backend (decap-server from node_modules) writing into a temporary content tree, which is then
checked with `invoke check` and built."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import threading

import pytest

from hubtest import ROOT, build, page, serve_folder, settings_file

pytestmark = pytest.mark.browser
DECAP_SERVER = ROOT / "node_modules" / ".bin" / "decap-server"
DOCUMENT = b"%PDF-1.4\n% a small stand-in for a guide\n%%EOF\n"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def decap_server(tmp_path):
    """decap-server (file-system mode) over a fresh content tree holding only the vocabularies."""
    site = tmp_path / "site"
    shutil.copytree(ROOT / "content" / "data", site / "content" / "data")
    (site / "content" / "files").mkdir()
    port = free_port()
    env = {**os.environ, "PORT": str(port), "MODE": "fs", "GIT_REPO_DIRECTORY": str(site), "BIND_HOST": "127.0.0.1"}
    server = subprocess.Popen([str(DECAP_SERVER)], cwd=site, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    for line in server.stdout:  # it says when it listens; ends if it dies first
        if "listening" in line:
            break
    assert server.poll() is None, "decap-server did not start"
    threading.Thread(target=server.stdout.read, daemon=True).start()  # keeps its pipe from filling up
    yield site, port
    server.terminate()
    server.wait()


def build_site(tmp_path, content, output, port):
    # The production configuration (GitHub, pull requests), which Decap replaces by its local backend
    # on localhost: so Decap validates the configuration the public site serves.
    settings = settings_file(tmp_path, f'HUB_ADMIN_LOCAL_BACKEND = "http://localhost:{port}/api/v1"\n'
                                       'HUB_ADMIN_REPOSITORY = "childhub/hub"\n'
                                       'HUB_ADMIN_AUTH_URL = "https://auth.example.org"\n'
                                       "HUB_SEARCH = False\n")
    result = build(content, output, settings)
    assert result.returncode == 0, result.stderr


def publish(tab):
    tab.get_by_role("button", name="Publish").first.click()
    tab.get_by_text("Publish now").click()
    tab.get_by_text("UNSAVED CHANGES").wait_for(state="detached")
    # Decap then moves to the new entry's own address; on a slow machine that can come after the
    # test's next goto and replace the next form under its feet, so wait for it here.
    tab.wait_for_url(re.compile(r"#/collections/[^/]+/entries/"))


def test_a_coordinator_and_a_translator_work_in_the_web_editor(decap_server, tmp_path, browser):
    site, port = decap_server
    content = site / "content"
    build_site(tmp_path, content, tmp_path / "before", port)
    base, server = serve_folder(tmp_path / "before")
    document = tmp_path / "safe-schools.pdf"
    document.write_bytes(DOCUMENT)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    try:
        tab.goto(f"{base}/admin/")
        tab.get_by_role("button", name="Login").click()

        # The coordinator: a resource with a file and a topic.
        tab.goto(f"{base}/admin/#/collections/resources/new")
        tab.get_by_label("Title", exact=True).fill("Safe schools guide")
        tab.get_by_label("Summary").fill("How schools keep children safe online.")
        tab.get_by_label("Resource type").click()
        tab.get_by_text("Guide", exact=True).click()
        tab.get_by_label("Topics").click()
        tab.get_by_text("Online safety", exact=True).click()
        tab.get_by_role("button", name="Choose a file").click()
        tab.locator("input[type=file]").set_input_files(str(document))
        tab.get_by_role("button", name="Choose selected").click()
        tab.get_by_label("Publisher").fill("typed, then cleared")
        tab.get_by_label("Publisher").fill("")
        tab.locator("[contenteditable=true]").last.click()
        tab.keyboard.type("Schools can protect children online.")
        publish(tab)

        # An online event: local date and time pickers, a time zone, a yes-or-no.
        tab.goto(f"{base}/admin/#/collections/events/new")
        tab.get_by_label("Title", exact=True).fill("Webinar on safe spaces")
        tab.get_by_label("Start", exact=True).fill("2027-04-20T09:00")
        tab.get_by_label("End", exact=True).fill("2027-04-20T10:30")
        tab.get_by_label("Event type").click()
        tab.get_by_text("Webinar", exact=True).click()
        tab.get_by_label("Timezone").click()
        tab.get_by_text("Europe/Sarajevo", exact=True).click()
        tab.get_by_label("Online").check()
        publish(tab)

        # The translator: Serbian, next to the original.
        tab.goto(f"{base}/admin/#/collections/resources-sr/new")
        tab.get_by_label("Original (English)").click()
        tab.keyboard.type("Safe")
        tab.get_by_text("Safe schools guide", exact=True).click()
        preview = tab.frame_locator("iframe").first
        preview.get_by_text("How schools keep children safe online.").wait_for()
        tab.get_by_label("Title", exact=True).fill("Водич за безбедне школе")
        tab.get_by_label("Summary").fill("Како школе штите децу на интернету.")
        tab.locator("[contenteditable=true]").last.click()
        tab.keyboard.type("Школе могу да заштите децу.")
        publish(tab)
    finally:
        context.close()
        server.shutdown()
    assert errors == []

    resource = (content / "resources" / "safe-schools-guide.md").read_text("utf-8")
    translation = (content / "sr" / "resources" / "safe-schools-guide.md").read_text("utf-8")
    assert (content / "files" / "safe-schools.pdf").read_bytes() == DOCUMENT
    assert "file: files/safe-schools.pdf" in resource and "- online-safety" in resource
    assert "resource_type: guide" in resource and "publisher" not in resource
    assert "translation_key: safe-schools-guide" in translation
    assert "title: Водич за безбедне школе" in translation
    assert "topics" not in translation and "file" not in translation

    check = subprocess.run([sys.executable, "-m", "invoke", "check", "--content", str(content)],
                           cwd=ROOT, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr

    output = tmp_path / "after"
    build_site(tmp_path, content, output, port)
    english = page(output, "en/resources/safe-schools-guide/")
    assert english.findtext(".//h1").strip() == "Safe schools guide"
    text = english.text_content()
    assert "How schools keep children safe online." in text and "Schools can protect children online." in text
    assert english.xpath("//a[contains(@href, 'topics/online-safety/')]")
    assert english.xpath("//a[contains(@href, 'files/safe-schools.pdf')]")
    event = (content / "events" / "webinar-on-safe-spaces.md").read_text("utf-8")
    assert "start: 2027-04-20 09:00" in event and "timezone: Europe/Sarajevo" in event
    assert page(output, "en/events/webinar-on-safe-spaces/").findtext(".//h1").strip() == "Webinar on safe spaces"
    serbian = page(output, "sr/resources/safe-schools-guide/")
    assert serbian.findtext(".//h1").strip() == "Водич за безбедне школе"
    assert "Школе могу да заштите децу." in serbian.text_content()
