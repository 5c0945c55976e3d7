"""No attachment the build accepts can run script when a reader opens its address directly.

A site is built with one attachment of every accepted kind, each carrying script in every form its
format lets it hold (a plain SVG with escaped markup, text and data files holding HTML, binary
formats whose signature is followed by HTML). Each published file under /files/ is then opened in
Chromium, served with the types a static host gives them: no script runs, no dialog opens. The
active kinds (HTML, JavaScript, XML, SVG with script or handlers) are refused by the build, with
their messages asserted in tests/site/test_refused.py.
"""

import pytest
from playwright.sync_api import Error as PlaywrightError

from hubtest import build, serve_folder, settings_file, write_tree

pytestmark = pytest.mark.browser

SCRIPT = ("<html><body onload=\"window.ran=1;alert('ran')\"><script>window.ran=1;alert('ran')</script>"
          "<img src=x onerror=\"window.ran=1;alert('ran')\"></body></html>")
SVG_TEXT = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><style>rect { fill: #c00 }</style>'
            '<title>&lt;script&gt;window.ran=1&lt;/script&gt;</title><rect width="10" height="10"/>'
            '<text>&lt;img src=x onerror=alert(1)&gt;</text></svg>')
ACCEPTED = {
    "files/drawing.svg": SVG_TEXT,
    "files/notes.txt": SCRIPT,
    "files/table.csv": "a,b\n" + SCRIPT + ",1\n",
    "files/table.tsv": "a\tb\n" + SCRIPT + "\t1\n",
    "files/data.json": '{"html": "' + SCRIPT.replace('"', '\\"') + '"}',
    "files/guide.pdf": b"%PDF-1.4\n" + SCRIPT.encode(),
    "files/picture.png": b"\x89PNG\r\n\x1a\n" + SCRIPT.encode(),
    "files/picture.gif": b"GIF89a" + SCRIPT.encode(),
    "files/picture.jpg": b"\xff\xd8\xff\xe0" + SCRIPT.encode(),
    "files/picture.webp": b"RIFF\x00\x00\x00\x00WEBP" + SCRIPT.encode(),
    "files/archive.zip": b"PK\x03\x04" + SCRIPT.encode(),
    "files/report.docx": b"PK\x03\x04" + SCRIPT.encode(),
    "files/letter.rtf": "{\\rtf1 " + SCRIPT + "}",
    "files/sound.mp3": b"ID3" + SCRIPT.encode(),
    "files/clip.webm": b"\x1aE\xdf\xa3" + SCRIPT.encode(),
    "files/clip.mp4": b"\x00\x00\x00\x18ftypmp42" + SCRIPT.encode(),
}
SITE = {
    "news/first.md": "---\ntitle: First\ndate: 2024-12-04\nimage: files/drawing.svg\nimage_alt: A drawing\n---\n"
                     + "".join(f"[{rel}](/{rel})\n\n" for rel in ACCEPTED),
    "data/topics.yaml": "online-safety:\n" + "".join(f"  {c}: L {c}\n" for c in "en sq bs bg hr ro sr uk".split()),
    **ACCEPTED,
}
OPEN_AND_CHECK = "() => window.ran === 1"


@pytest.fixture(scope="module")
def attachments_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("attachments")
    content = write_tree(root / "content", SITE)
    result = build(content, root / "output", settings_file(root))
    assert result.returncode == 0, result.stderr + result.stdout  # every one of them was accepted
    base, server = serve_folder(root / "output")
    yield root / "output", base
    server.shutdown()


def ran_script(tab, url: str) -> bool:
    """Open `url` as a reader would; True if any script ran in the document it became."""
    try:
        tab.goto(url, wait_until="load")
    except PlaywrightError as error:  # offered as a download: no document, nothing runs
        assert "Download is starting" in str(error) or "ERR_ABORTED" in str(error), error
        return False
    tab.mouse.move(5, 5)
    tab.keyboard.press("Tab")
    return tab.evaluate(OPEN_AND_CHECK)


def test_no_accepted_attachment_runs_script_when_opened(attachments_site, browser):
    output, base = attachments_site
    published = sorted(path.relative_to(output).as_posix() for path in (output / "files").rglob("*") if path.is_file())
    assert published == sorted(ACCEPTED)
    context = browser.new_context(accept_downloads=True)
    tab = context.new_page()
    dialogs = []
    tab.on("dialog", lambda dialog: (dialogs.append((tab.url, dialog.message)), dialog.dismiss()))
    ran = [rel for rel in published if ran_script(tab, f"{base}/{rel}")]
    context.close()
    assert ran == [] and dialogs == []


def test_the_check_does_see_an_active_svg_run(browser, tmp_path):
    """The same check on an SVG the build refuses: it runs, so the check above could have failed."""
    write_tree(tmp_path, {"files/active.svg": '<svg xmlns="http://www.w3.org/2000/svg" '
                                              'onload="window.ran=1"><rect width="5" height="5"/></svg>'})
    base, server = serve_folder(tmp_path)
    context = browser.new_context()
    tab = context.new_page()
    try:
        assert ran_script(tab, f"{base}/files/active.svg")
    finally:
        context.close()
        server.shutdown()
