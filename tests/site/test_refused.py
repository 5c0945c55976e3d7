"""Hostile and broken content of issue 16 (attachments, invisible characters, limits, time, links,
names): each stops the build with its exact message and leaves the previous output untouched.

Same shape as test_invalid.py, on its small valid site; the site is built once and copied per case.
"""

import shutil

import pytest

from hubtest import build, settings_file, snapshot, write_tree
from test_invalid import GOOD

LABELS = "".join(f"  {c}: Label {c}\n" for c in "en sq bs bg hr ro sr uk".split())
N = "---\ntitle: T\ndate: 2024-01-01\n"
E = "---\ntitle: T\ndate: 2026-01-01\nevent_type: webinar\nonline: yes\n"
C = "---\ntitle: C\ndate: 2026-01-01\nprovider: P\nenrolment: https://example.org/\n"
R = GOOD["resources/guide.md"]
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">{}<rect width="10" height="10"/></svg>'
IMAGE = N + "image: files/logo.svg\nimage_alt: Logo\n---\nText.\n"

CASES = {
 "attachment: HTML page": {"files/page.html": "<script>alert(1)</script>", "resources/guide.md": R.replace("guide.pdf", "page.html")},
 "attachment: JavaScript": {"files/app.js": "alert(1)\n"},
 "attachment: XML": {"files/data.xml": "<?xml version='1.0'?><x:script xmlns:x='http://www.w3.org/1999/xhtml'>alert(1)</x:script>"},
 "attachment: executable": {"files/setup.exe": b"MZ\x90\x00"},
 "attachment: no format ending": {"files/readme": "text\n"},
 "attachment: SVG with script": {"files/logo.svg": SVG.format("<script>alert(1)</script>"), "news/logo.md": IMAGE},
 "attachment: SVG with onload": {"files/logo.svg": SVG.replace("<svg ", '<svg onload="alert(1)" ').format(""), "news/logo.md": IMAGE},
 "attachment: SVG with a javascript: link": {"files/logo.svg": SVG.format('<a href="javascript:alert(1)"><text>x</text></a>'), "news/logo.md": IMAGE},
 "attachment: SVG with foreignObject": {"files/logo.svg": SVG.format('<foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></body></foreignObject>'), "news/logo.md": IMAGE},
 "attachment: SVG with an entity": {"files/logo.svg": '<!DOCTYPE svg [<!ENTITY x "y">]>' + SVG.format("<text>&x;</text>"), "news/logo.md": IMAGE},
 "attachment: HTML named .pdf": {"files/guide.pdf": "<html><script>alert(1)</script></html>"},
 "attachment: name with spaces": {"files/My Guide.pdf": b"%PDF-1.4\n", "resources/guide.md": R.replace("guide.pdf", "My Guide.pdf")},
 "attachment: uppercase name taken in lowercase": {"files/Guide.pdf": b"%PDF-1.4\n"},
 "attachment: Windows device name": {"files/aux.pdf": b"%PDF-1.4\n"},
 "text: bell as a YAML escape": {"news/bad.md": '---\ntitle: "Bad\\a"\ndate: 2024-01-01\n---\n'},
 "text: NUL as a YAML escape": {"news/bad.md": '---\ntitle: T\ndate: 2024-01-01\nsummary: "a\\0b"\n---\n'},
 "text: lone surrogate": {"news/bad.md": '---\ntitle: "Bad \\ud800"\ndate: 2024-01-01\n---\n'},
 "text: carriage return as a YAML escape": {"events/bad.md": E.replace("title: T", 'title: "A\\rDTSTART:19990101T000000"') + "start: 2026-10-29 15:00\nend: 2026-10-29 16:00\n---\n"},
 "text: NEL": {"news/bad.md": '---\ntitle: "A\\Nb"\ndate: 2024-01-01\n---\n'},
 "text: line separator": {"news/bad.md": '---\ntitle: "A\\Lb"\ndate: 2024-01-01\n---\n'},
 "text: raw control character": {"news/bad.md": "---\ntitle: Bad\x07\ndate: 2024-01-01\n---\n"},
 "text: bidirectional override in the body": {"news/bad.md": N + "---\nfine\nevil \u202egnp.exe\n"},
 "text: byte-order mark inside the front matter": {"news/bad.md": "---\n\ufefftitle: Bad\ndate: 2024-01-01\n---\n"},
 "text: title of zero-width characters": {"news/bad.md": "---\ntitle: \u200b\u200d\ndate: 2024-01-01\n---\n"},
 "limits: front matter nested deep": {"news/bad.md": N + "summary: " + "[" * 100 + "]" * 100 + "\n---\n"},
 "limits: front matter nested deep in blocks": {"news/bad.md": N + "authors:\n" + "".join("  " * i + "-\n" for i in range(60)) + "---\n"},
 "limits: vocabulary not UTF-8": {"data/topics.yaml": b"online-safety:\n  en: Online \xff\n"},
 "limits: vocabulary over the size limit": {"data/topics.yaml": "online-safety:\n" + LABELS + "# x\n" * 300000},
 "limits: vocabulary with a NUL byte": {"data/topics.yaml": b"online-safety:\n  en: Online\x00\n"},
 "limits: vocabulary nested deep": {"data/topics.yaml": "online-safety:\n" + LABELS + "x: " + "[" * 100 + "]" * 100 + "\n"},
 "vocabulary: label on two lines": {"data/topics.yaml": "online-safety:\n" + LABELS.replace("  sq: Label sq\n", "  sq: |\n    Label\n    sq\n")},
 "vocabulary: control character": {"data/topics.yaml": "online-safety:\n" + LABELS.replace("Label sq", '"Label\\u0085sq"')},
 "time: start inside the daylight-saving gap": {"events/bad.md": E + "start: 2026-03-29 02:30\nend: 2026-03-29 04:00\n---\n"},
 "time: timezone localtime": {"events/bad.md": E + "start: 2026-10-29 15:00\nend: 2026-10-29 16:00\ntimezone: localtime\n---\n"},
 "time: timezone as an offset": {"events/bad.md": E + "start: 2026-10-29 15:00\nend: 2026-10-29 16:00\ntimezone: UTC+1\n---\n"},
 "time: start in the year 1": {"events/bad.md": E + "start: 0001-01-01 00:00\nend: 2026-10-29 16:00\n---\n"},
 "time: date in the year 9999": {"news/bad.md": "---\ntitle: T\ndate: 9999-12-31\n---\n"},
 "numbers: negative course duration": {"courses/bad.md": C + "duration_hours: -12\n---\n"},
 "numbers: menu position zero": {"pages/bad.md": "---\ntitle: Bad\nmenu: 0\n---\n"},
 "links: one-segment address misspelt": {"pages/about.md": "---\ntitle: About\n---\nText.\n", "news/bad.md": N + "---\nSee [about](/en/abuot/).\n"},
 "links: item only in another language": {"sr/news/local.md": "---\ntitle: Локално\ndate: 2024-01-01\n---\nТекст.\n", "news/bad.md": N + "---\nSee [it](/en/news/local/).\n"},
 "links: a draft": {"news/hidden.md": N + "status: draft\n---\nx\n", "news/bad.md": N + "---\nSee [it](/en/news/hidden/).\n"},
 "links: a listing page that does not exist": {"news/bad.md": N + "---\nSee [page 9](/en/news/page/9/).\n"},
 "links: outside every language": {"news/bad.md": N + "---\nSee [about](/about/).\n"},
 "names: con.md": {"pages/con.md": "---\ntitle: Contact\n---\nText.\n"},
 "names: aux.md in a section": {"news/aux.md": N + "---\n"},
 "names: a name taken after case folding": {"news/First.md": N + "---\n"},
 "messages: draft: yes": {"news/bad.md": N + "draft: yes\n---\n"},
}

EXPECTED = {
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("refused")
    content = write_tree(root / "content", GOOD)
    result = build(content, root / "output", settings_file(root))
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture
def site(built, tmp_path):
    shutil.copytree(built / "content", tmp_path / "content")
    shutil.copytree(built / "output", tmp_path / "output")
    return tmp_path / "content", tmp_path / "output", settings_file(tmp_path)


def test_every_case_has_its_message():
    assert set(CASES) == set(EXPECTED)


@pytest.mark.parametrize("case", sorted(CASES))
def test_refused_content_fails_with_the_exact_message_and_keeps_the_output(site, case):
    content, output, settings = site
    before = snapshot(output)
    for rel, data in CASES[case].items():
        path = content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data) if isinstance(data, bytes) else path.write_text(data, encoding="utf-8")
    result = build(content, output, settings)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.strip().splitlines()
    assert lines[0] == EXPECTED[case], result.stderr
    assert lines[-1].startswith("Build stopped:") and "nothing was published" in lines[-1]
    assert snapshot(output) == before
