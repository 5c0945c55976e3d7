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
 "text: character reference in the body": {"news/bad.md": N + "---\nA bell: &#7; here.\n"},
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
 "links: a picture that does not exist": {"news/bad.md": N + "---\n![A team](/files/team.png)\n"},
 "links: outside every language": {"news/bad.md": N + "---\nSee [about](/about/).\n"},
 "names: con.md": {"pages/con.md": "---\ntitle: Contact\n---\nText.\n"},
 "names: aux.md in a section": {"news/aux.md": N + "---\n"},
 "names: a name taken after case folding": {"news/First.md": N + "---\n"},
 "messages: draft: yes": {"news/bad.md": N + "draft: yes\n---\n"},
}

EXPECTED = {
    'attachment: HTML named .pdf':
        'files/guide.pdf: does not hold what its name says: it is not a .pdf file inside (export the document again as .pdf, or give it the ending of its real format)',
    'attachment: HTML page':
        'files/page.html: is a .html file: a browser would run it as part of the hub (attach only documents (PDF, Word, OpenDocument, EPUB, text), images (PNG, JPEG, GIF, WebP, AVIF, SVG), data (CSV, TSV, JSON, ZIP), audio (MP3, Ogg, M4A, WAV, FLAC) and video (MP4, WebM, Ogg); give a web page or program as a web address instead)',
    'attachment: JavaScript':
        'files/app.js: is a .js file: a browser would run it as part of the hub (attach only documents (PDF, Word, OpenDocument, EPUB, text), images (PNG, JPEG, GIF, WebP, AVIF, SVG), data (CSV, TSV, JSON, ZIP), audio (MP3, Ogg, M4A, WAV, FLAC) and video (MP4, WebM, Ogg); give a web page or program as a web address instead)',
    'attachment: SVG with a javascript: link':
        'files/logo.svg:1: the picture holds the element <a>; an attached SVG may hold only drawing (export the picture again as plain SVG (no scripts, links, animation or embedded HTML), or as PNG)',
    'attachment: SVG with an entity':
        'files/logo.svg:1: the picture has a DOCTYPE or entity declarations (export the picture again as plain SVG (no scripts, links, animation or embedded HTML), or as PNG)',
    'attachment: SVG with foreignObject':
        'files/logo.svg:1: the picture holds the element <foreignObject>; an attached SVG may hold only drawing (export the picture again as plain SVG (no scripts, links, animation or embedded HTML), or as PNG)',
    'attachment: SVG with onload':
        'files/logo.svg:1: the picture holds an event handler (onload) on <svg>; an attached SVG may hold only drawing (export the picture again as plain SVG (no scripts, links, animation or embedded HTML), or as PNG)',
    'attachment: SVG with script':
        'files/logo.svg:1: the picture holds the element <script>; an attached SVG may hold only drawing (export the picture again as plain SVG (no scripts, links, animation or embedded HTML), or as PNG)',
    'attachment: Windows device name':
        "files/aux.pdf: an attached file's name may hold only lowercase letters, digits, hyphens and underscores, one dot before its format, and no Windows device name (con, aux, nul...) (rename it to files/aux-file.pdf and write files/aux-file.pdf in the items that name it)",
    'attachment: XML':
        'files/data.xml: is a .xml file: a browser would run it as part of the hub (attach only documents (PDF, Word, OpenDocument, EPUB, text), images (PNG, JPEG, GIF, WebP, AVIF, SVG), data (CSV, TSV, JSON, ZIP), audio (MP3, Ogg, M4A, WAV, FLAC) and video (MP4, WebM, Ogg); give a web page or program as a web address instead)',
    'attachment: executable':
        'files/setup.exe: is a .exe file: a browser would run it as part of the hub (attach only documents (PDF, Word, OpenDocument, EPUB, text), images (PNG, JPEG, GIF, WebP, AVIF, SVG), data (CSV, TSV, JSON, ZIP), audio (MP3, Ogg, M4A, WAV, FLAC) and video (MP4, WebM, Ogg); give a web page or program as a web address instead)',
    'attachment: name with spaces':
        "files/My Guide.pdf: an attached file's name may hold only lowercase letters, digits, hyphens and underscores, one dot before its format, and no Windows device name (con, aux, nul...) (rename it to files/my-guide.pdf and write files/my-guide.pdf in the items that name it)",
    'attachment: no format ending':
        'files/readme: is a file without a format ending: not a declared passive format (attach only documents (PDF, Word, OpenDocument, EPUB, text), images (PNG, JPEG, GIF, WebP, AVIF, SVG), data (CSV, TSV, JSON, ZIP), audio (MP3, Ogg, M4A, WAV, FLAC) and video (MP4, WebM, Ogg); give a web page or program as a web address instead)',
    'attachment: uppercase name taken in lowercase':
        "files/Guide.pdf: an attached file's name may hold only lowercase letters, digits, hyphens and underscores, one dot before its format, and no Windows device name (con, aux, nul...) (rename it to files/guide-2.pdf and write files/guide-2.pdf in the items that name it)",
    'limits: front matter nested deep':
        'news/bad.md:4: summary: is nested more than 32 levels deep (lists or groups of fields) (flatten the nesting; no real text needs this many levels)',
    'limits: front matter nested deep in blocks':
        'news/bad.md:37: authors: is nested more than 32 levels deep (lists or groups of fields) (flatten the nesting; no real text needs this many levels)',
    'limits: vocabulary nested deep':
        'data/topics.yaml:10: x: is nested more than 32 levels deep (lists or groups of fields) (flatten the nesting; no real text needs this many levels)',
    'limits: vocabulary not UTF-8':
        'data/topics.yaml:2: is not valid UTF-8 (byte 28) (save the file as UTF-8 in your editor)',
    'limits: vocabulary over the size limit':
        'data/topics.yaml: the file is 1,200,135 bytes, more than the 1,000,000 allowed (split it into smaller items, or link large documents instead of pasting them)',
    'limits: vocabulary with a NUL byte':
        'data/topics.yaml:2: contains a NUL byte at byte 27 (save the file again as UTF-8 text)',
    'links: a draft':
        'news/bad.md:5: body: links to /en/news/hidden/, which is a draft (publish it (status: published) or remove the link until it is)',
    'links: a listing page that does not exist':
        'news/bad.md:5: body: links to /en/news/page/9/, which does not exist (check the address; items are at /<language>/<section>/<file name>/ and attachments at /files/<name>)',
    'links: item only in another language':
        'news/bad.md:5: body: links to /en/news/local/, which exists only in sr (link to /sr/news/local/, or translate the item into this language)',
    'links: one-segment address misspelt':
        'news/bad.md:5: body: links to /en/abuot/, which does not exist (check the address; items are at /<language>/<section>/<file name>/ and attachments at /files/<name>)',
    'links: a picture that does not exist':
        'news/bad.md:5: body: links to /files/team.png, which does not exist (check the address; items are at /<language>/<section>/<file name>/ and attachments at /files/<name>)',
    'links: outside every language':
        'news/bad.md:5: body: links to /about/, which does not exist (check the address; items are at /<language>/<section>/<file name>/ and attachments at /files/<name>)',
    'messages: draft: yes':
        "news/bad.md:4: draft: is not a field of news/ (to keep the file out of the site, write 'status: draft')",
    'names: a name taken after case folding':
        'news/First.md: the file name is used in the web address and may only hold lowercase letters, digits and single hyphens (rename the file to first-2.md, and its translations too)',
    'names: aux.md in a section':
        "news/aux.md: 'aux' is a device name on Windows, so the repository could not be checked out there (rename the file to aux-page.md, and its translations too)",
    'names: con.md':
        "pages/con.md: 'con' is a device name on Windows, so the repository could not be checked out there (rename the file to con-page.md, and its translations too)",
    'numbers: menu position zero':
        "pages/bad.md:3: menu: '0' is not between 1 and 99 (write a whole number from 1 to 99)",
    'numbers: negative course duration':
        "courses/bad.md:6: duration_hours: '-12' is not between 1 and 2000 (write a whole number from 1 to 2000)",
    'text: NEL':
        'news/bad.md:2: title: contains the invisible character U+0085 (next line, NEL) (delete it; if you cannot see it, retype the line, since copying from other programs can add such characters)',
    'text: NUL as a YAML escape':
        'news/bad.md:4: summary: contains the invisible character U+0000 (NUL) (delete it; if you cannot see it, retype the line, since copying from other programs can add such characters)',
    'text: bell as a YAML escape':
        'news/bad.md:2: title: contains the invisible character U+0007 (bell) (delete it; if you cannot see it, retype the line, since copying from other programs can add such characters)',
    'text: bidirectional override in the body':
        'news/bad.md:6: body: contains the invisible character U+202E (right-to-left override) (delete it; if you cannot see it, retype the line, since copying from other programs can add such characters)',
    'text: byte-order mark inside the front matter':
        'news/bad.md:2: title: contains the invisible character U+FEFF (byte-order mark) (delete it; if you cannot see it, retype the line, since copying from other programs can add such characters)',
    'text: carriage return as a YAML escape':
        'events/bad.md:2: title: contains the invisible character U+000D (carriage return) (delete it; if you cannot see it, retype the line, since copying from other programs can add such characters)',
    'text: line separator':
        'news/bad.md:2: title: contains the invisible character U+2028 (line separator) (delete it; if you cannot see it, retype the line, since copying from other programs can add such characters)',
    'text: lone surrogate':
        'news/bad.md:2: title: contains the invisible character U+D800 (a lone surrogate, which is not a character) (delete it; if you cannot see it, retype the line, since copying from other programs can add such characters)',
    'text: raw control character':
        'news/bad.md:2: title: contains the invisible character U+0007 (bell) (delete it; if you cannot see it, retype the line, since copying from other programs can add such characters)',
    'text: character reference in the body':
        'news/bad.md:5: body: &#7; writes the invisible character U+0007 (bell) (delete the reference)',
    'text: title of zero-width characters':
        'news/bad.md:2: title: holds only invisible characters (such as zero-width spaces) (write the value in letters, or remove the line)',
    'time: date in the year 9999':
        "news/bad.md:3: date: '9999-12-31' is outside the dates the hub accepts (1900-01-01 to 2199-12-31) (write the date as YYYY-MM-DD, for example 2024-12-04)",
    'time: start in the year 1':
        "events/bad.md:6: start: '0001-01-01 00:00' is outside the dates the hub accepts (1900-01-01 to 2199-12-31) (write the local date and time as YYYY-MM-DD HH:MM, for example 2026-03-26 15:00)",
    'time: start inside the daylight-saving gap':
        'events/bad.md:6: start: 2026-03-29 02:30 does not exist in Europe/Budapest: the clocks jump from 2026-03-29 02:00 to 03:00 (write 2026-03-29 01:59 or 2026-03-29 03:00)',
    'time: timezone as an offset':
        "events/bad.md:8: timezone: 'UTC+1' is an offset, not a time zone name (write an IANA time zone such as Europe/Budapest, Europe/Kyiv or UTC; an offset does not follow daylight saving time)",
    'time: timezone localtime':
        "events/bad.md:8: timezone: 'localtime' is the zone of the machine that builds the hub, not a time zone name (write an IANA time zone such as Europe/Budapest, Europe/Kyiv or UTC)",
    'vocabulary: control character':
        'data/topics.yaml:2: online-safety: contains the invisible character U+0085 (next line, NEL) (delete it; if you cannot see it, retype the line, since copying from other programs can add such characters)',
    'vocabulary: label on two lines':
        'data/topics.yaml:2: online-safety: the sq label spans more than one line (write the label on one line after the language code)',
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


def test_a_settings_file_with_a_syntax_error_stops_with_one_line(built, tmp_path):
    import subprocess
    import sys

    from hubtest import ROOT

    settings = tmp_path / "brokenconf.py"
    settings.write_text('from pelicanconf import *\nSITENAME = "ChildHub\n', encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "invoke", "-r", str(ROOT), "build", "--content", str(built / "content"),
                             "--output", str(tmp_path / "output"), "--settings", str(settings)],
                            cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "brokenconf.py:2: settings: is not valid Python: unterminated string literal (detected at line 2) "
        "(check the quotes, brackets and indentation there; each setting is NAME = value)",
        "Build stopped: 1 problem found; nothing was published."]
    assert "Traceback" not in result.stdout + result.stderr and not (tmp_path / "output").exists()


def test_settings_texts_pass_the_same_gate(built, tmp_path):
    settings = settings_file(tmp_path, 'SITENAME = "Child\\u202eHub"\nHUB_LANGUAGES[0] = {**HUB_LANGUAGES[0], "name": "English\\r"}\n')
    result = build(built / "content", tmp_path / "output", settings)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[:2] == [
        "settings: HUB_LANGUAGES: contains the invisible character U+000D (carriage return) (delete it; if you "
        "cannot see it, retype the line, since copying from other programs can add such characters)",
        "settings: SITENAME: contains the invisible character U+202E (right-to-left override) (delete it; if you "
        "cannot see it, retype the line, since copying from other programs can add such characters)"]
