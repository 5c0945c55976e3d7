"""Broken content stops the build with exact messages and leaves the previous output untouched.

Each case adds or replaces files in a small valid site; the message is the first line of the report.
"""

import os
import shutil

import pytest

from hubtest import build, settings_file, snapshot, write_tree

GOOD = {
    "news/first.md": "---\ntitle: First news\ndate: 2024-12-04\nsummary: A short summary.\n---\nBody text.\n",
    "sr/news/first.md": "---\ntitle: Прва вест\n---\nТекст.\n",
    "data/topics.yaml": "online-safety:\n" + "".join(f"  {c}: Label {c}\n" for c in "en sq bs bg hr ro sr uk".split()),
    "data/event-types.yaml": "webinar:\n" + "".join(f"  {c}: Webinar {c}\n" for c in "en sq bs bg hr ro sr uk".split()),
    "data/resource-types.yaml": "guide:\n" + "".join(f"  {c}: Guide {c}\n" for c in "en sq bs bg hr ro sr uk".split()),
    "data/opportunity-kinds.yaml": "vacancy:\n" + "".join(f"  {c}: Vacancy {c}\n" for c in "en sq bs bg hr ro sr uk".split()),
    "events/meet.md": "---\ntitle: Meeting\ndate: 2026-10-01\nstart: 2026-10-29 15:00\nend: 2026-10-29 16:00\n"
                      "event_type: webinar\nonline: yes\n---\nText.\n",
    "sr/events/meet.md": "---\ntitle: Састанак\n---\nТекст.\n",
    "resources/guide.md": "---\ntitle: Guide\ndate: 2026-01-01\nresource_type: guide\nfile: files/guide.pdf\n---\nText.\n",
    "files/guide.pdf": b"%PDF-1.4\n%%EOF\n",
}

N = "---\ntitle: T\ndate: 2024-01-01\n"
E = "---\ntitle: T\ndate: 2026-01-01\nstart: 2026-10-29 15:00\nend: 2026-10-29 16:00\nevent_type: webinar\n"
R = GOOD["resources/guide.md"]
CASES = {
 "yaml: unclosed list": {"news/bad.md": "---\ntitle: Bad\nsummary: [open\ndate: 2024-01-01\n---\nText\n"},
 "yaml: tab indentation": {"news/bad.md": "---\ntitle: Bad\n\tdate: 2024-01-01\n---\n"},
 "yaml: unclosed quote": {"news/bad.md": "---\ntitle: \"Bad\ndate: 2024-01-01\n---\n"},
 "yaml: colon in plain text": {"news/bad.md": "---\ntitle: Bad: worse: worst\ndate: 2024-01-01\n---\n"},
 "yaml: not a mapping": {"news/bad.md": "---\n- title\n---\n"},
 "yaml: alias": {"news/bad.md": "---\ntitle: &t Bad\nsummary: *t\ndate: 2024-01-01\n---\n"},
 "yaml: nested key": {"news/bad.md": "---\ntitle: Bad\ndate: 2024-01-01\nsummary:\n  text: nested\n---\n"},
 "front matter missing": {"news/bad.md": "# Just a heading\n"},
 "front matter unclosed": {"news/bad.md": "---\ntitle: Bad\n"},
 "empty file": {"news/bad.md": ""},
 "duplicate key": {"news/bad.md": "---\ntitle: Bad\ndate: 2024-01-01\ntitle: Again\n---\n"},
 "unknown key": {"news/bad.md": "---\ntitle: Bad\ndate: 2024-01-01\nsumary: typo\n---\n"},
 "save_as from content": {"news/bad.md": N + "save_as: ../../etc/x.html\n---\n"},
 "url from content": {"news/bad.md": N + "url: /elsewhere/\n---\n"},
 "template from content": {"news/bad.md": N + "template: evil\n---\n"},
 "missing title": {"news/bad.md": "---\ndate: 2024-01-01\n---\n"},
 "empty title": {"news/bad.md": "---\ntitle:\ndate: 2024-01-01\n---\n"},
 "title is a list": {"news/bad.md": "---\ntitle: [a, b]\ndate: 2024-01-01\n---\n"},
 "title on two lines": {"news/bad.md": "---\ntitle: |\n  one\n  two\ndate: 2024-01-01\n---\n"},
 "missing date": {"news/bad.md": "---\ntitle: Bad\n---\n"},
 "date: no (YAML 1.1 boolean)": {"news/bad.md": "---\ntitle: Bad\ndate: no\n---\n"},
 "date: impossible day": {"news/bad.md": "---\ntitle: Bad\ndate: 2024-02-30\n---\n"},
 "date: month 13": {"news/bad.md": "---\ntitle: Bad\ndate: 2024-13-01\n---\n"},
 "date: not a leap year": {"news/bad.md": "---\ntitle: Bad\ndate: 2023-02-29\n---\n"},
 "date: day first": {"news/bad.md": "---\ntitle: Bad\ndate: 04.12.2024\n---\n"},
 "date: a time": {"news/bad.md": "---\ntitle: Bad\ndate: 12:30\n---\n"},
 "menu: not a number": {"pages/bad.md": "---\ntitle: Bad\nmenu: first\n---\n"},
 "status: unknown": {"news/bad.md": N + "status: maybe\n---\n"},
 "translation_key: spaces": {"news/bad.md": N + "translation_key: Two Words\n---\n"},
 "topics: a mapping": {"news/bad.md": N + "topics:\n  a: b\n---\n"},
 "topics: repeated term": {"news/bad.md": N + "topics: [online-safety, online-safety]\n---\n"},
 "topics: unknown term": {"news/bad.md": N + "topics: [online-safty]\n---\n"},
 "countries: no vocabulary": {"news/bad.md": N + "countries: [albania]\n---\n"},
 "vocabulary: missing label": {"data/topics.yaml": "online-safety:\n  en: Online safety\n"},
 "vocabulary: unknown language label": {"data/topics.yaml": "online-safety:\n" + "".join(f"  {c}: L\n" for c in "en sq bs bg hr ro sr uk xx".split())},
 "vocabulary: bad term id": {"data/topics.yaml": "Online Safety:\n" + "".join(f"  {c}: L\n" for c in "en sq bs bg hr ro sr uk".split())},
 "vocabulary: duplicate term": {"data/topics.yaml": "a:\n  en: A\nb:\n  en: B\na:\n  en: C\n"},
 "vocabulary: not YAML file": {"data/topics.json": "{}"},
 "vocabulary in a language folder": {"sr/data/topics.yaml": "a:\n  en: A\n"},
 "non-Markdown file": {"news/notes.txt": "hello\n"},
 "file at the top": {"readme.md": "---\ntitle: x\n---\n"},
 "unknown section": {"blog/post.md": "---\ntitle: x\n---\n"},
 "unknown language folder": {"ru/news/first.md": "---\ntitle: Первая\n---\n"},
 "file name with spaces": {"news/Bad Name.md": N + "---\n"},
 "file name in Cyrillic": {"news/вест.md": N + "---\n"},
 "file name emoji only": {"news/😀.md": N + "---\n"},
 "file name dots": {"news/a..b.md": N + "---\n"},
 "file name leading hyphen": {"news/-x.md": N + "---\n"},
 "collision with a listing": {"pages/news.md": "---\ntitle: News page\n---\n"},
 "collision with topics": {"pages/topics.md": "---\ntitle: Topics page\n---\n"},
 "collision with the search page": {"pages/search.md": "---\ntitle: Search page\n---\n"},
 "collision with a status page": {"sr/pages/translation-status.md": "---\ntitle: Статус\n---\n"},
 "two items, one address": {"news/2024/first.md": N + "---\n"},
 "two versions by translation_key": {"news/other.md": N + "translation_key: first\n---\n"},
 "translation repeats fact differently": {"sr/news/first.md": "---\ntitle: Прва\ndate: 2023-01-01\n---\n"},
 "translation sets a fact the original lacks": {"sr/news/first.md": "---\ntitle: Прва\ntopics: [online-safety]\n---\n"},
 "invalid UTF-8": {"news/bad.md": b"---\ntitle: Bad \xff\n---\n"},
 "NUL byte": {"news/bad.md": b"---\ntitle: Bad\x00\n---\n"},
 "UTF-16 file": {"news/bad.md": "---\ntitle: Bad\ndate: 2024-01-01\n---\n".encode("utf-16")},
 "oversize file": {"news/bad.md": N + "---\n" + "word " * 220000},
 "deeply nested list": {"news/bad.md": N + "---\n" + "\n".join("    " * i + "- x" for i in range(200))},
 "deeply nested quote": {"news/bad.md": N + "---\ntext\n\n" + ">" * 1000 + " x\n"},
 "event: translation repeats start differently": {"sr/events/meet.md": "---\ntitle: Састанак\nstart: 2026-10-29 16:00\n---\n"},
 "event: unknown time zone": {"events/bad.md": E + "timezone: Europe/Budapset\n---\n"},
 "event: end before start": {"events/bad.md": "---\ntitle: T\ndate: 2026-01-01\nstart: 2026-10-29 15:00\nend: 2026-10-29 14:00\nevent_type: webinar\nonline: yes\n---\n"},
 "event: neither venue nor online": {"events/bad.md": "---\ntitle: T\ndate: 2026-01-01\nstart: 2026-10-29 15:00\nend: 2026-10-29 16:00\nevent_type: webinar\n---\n"},
 "event: start without time": {"events/bad.md": "---\ntitle: T\ndate: 2026-01-01\nstart: 2026-10-29\nend: 2026-10-29 16:00\nevent_type: webinar\nonline: yes\n---\n"},
 "event: online maybe": {"events/bad.md": E + "online: maybe\n---\n"},
 "event: unknown event type": {"events/bad.md": "---\ntitle: T\ndate: 2026-01-01\nstart: 2026-10-29 15:00\nend: 2026-10-29 16:00\nevent_type: webinr\nonline: yes\n---\n"},
 "resource: missing local file": {"resources/guide.md": R.replace("files/guide.pdf", "files/gide.pdf")},
 "resource: file outside files/": {"resources/guide.md": R.replace("files/guide.pdf", "../pelicanconf.py")},
 "resource: bad year": {"resources/guide.md": R.replace("---\nText", "year: 24\n---\nText")},
 "resource: bad document language": {"resources/guide.md": R.replace("---\nText", "document_languages: [english]\n---\nText")},
 "resource: missing type": {"resources/guide.md": R.replace("resource_type: guide\n", "")},
 "attachment in a language folder": {"sr/files/guide.pdf": b"%PDF-1.4\n"},
 "country page not a term": {"countries/atlantis.md": "---\ntitle: Atlantis\n---\n"},
 "opportunity: deadline not a date": {"opportunities/job.md": "---\ntitle: Job\ndate: 2026-01-01\nkind: vacancy\norganisation: X\ndeadline: soon\n---\n"},
 "deeply nested brackets": {"news/bad.md": N + "---\n" + "[" * 5000 + "x" + "]" * 5000},
}

EXPECTED = {
    'event: translation repeats start differently':
        'sr/events/meet.md:3: start: differs from the original events/meet.md (line 4) (remove the line: translations inherit start from the original; change it in the original if it is wrong)',
    'event: unknown time zone':
        "events/bad.md:7: timezone: 'Europe/Budapset' is not a time zone name (write an IANA time zone such as Europe/Budapest, Europe/Kyiv or UTC)",
    'event: end before start':
        'events/bad.md:5: end: is before the start (write the end as YYYY-MM-DD HH:MM, later than the start)',
    'event: neither venue nor online':
        "events/bad.md:1: venue: is missing, and the event is not marked online (add 'venue: <place, city>' or 'online: yes')",
    'event: start without time':
        "events/bad.md:4: start: '2026-10-29' is not a date and time in the form YYYY-MM-DD HH:MM (write the local date and time as YYYY-MM-DD HH:MM, for example 2026-03-26 15:00)",
    'event: online maybe':
        "events/bad.md:7: online: 'maybe' is not yes or no (write yes or no)",
    'event: unknown event type':
        "events/bad.md:6: event_type: unknown term 'webinr' (did you mean 'webinar'? use a term id from data/event-types.yaml, or add the term there with a label in every language)",
    'resource: missing local file':
        'resources/guide.md:5: file: no file content/files/gide.pdf exists (did you mean files/guide.pdf? put the file in content/files/ and write its path as files/<name>, or give a web address)',
    'resource: file outside files/':
        "resources/guide.md:5: file: '../pelicanconf.py' is not a file in content/files/ (write a path inside content/files/ such as files/guide.pdf, or a full https:// address)",
    'resource: bad year':
        "resources/guide.md:6: year: '24' is not a year (write four digits, for example 2024)",
    'resource: bad document language':
        "resources/guide.md:6: document_languages: 'english' is not a language code (write codes such as en, sq, bs, sr-Latn, uk, as a list: [en, sq])",
    'resource: missing type':
        "resources/guide.md:1: resource_type: is missing (add a line 'resource_type: ...' to the front matter (a type id from content/data/resource-types.yaml))",
    'attachment in a language folder':
        'sr/files/guide.pdf: attached files live only in content/files/, shared by every language (move it to content/files/guide.pdf and refer to it as files/guide.pdf)',
    'country page not a term':
        "countries/atlantis.md: 'atlantis' is not a term of content/data/countries.yaml (name the file after a term id of content/data/countries.yaml, or add the term there with a label in every language)",
    'opportunity: deadline not a date':
        "opportunities/job.md:6: deadline: 'soon' is not a date in the form YYYY-MM-DD (write the date as YYYY-MM-DD, for example 2024-12-04)",
    'yaml: unclosed list':
        "news/bad.md:4: invalid YAML: expected ',' or ']', but got ':' (check quotes, colons and indentation; put text containing ': ' in quotes)",
    'yaml: tab indentation':
        "news/bad.md:3: invalid YAML: found character '\\t' that cannot start any token (check quotes, colons and indentation; put text containing ': ' in quotes)",
    'yaml: unclosed quote':
        "news/bad.md:3: invalid YAML: found unexpected end of stream (check quotes, colons and indentation; put text containing ': ' in quotes)",
    'yaml: colon in plain text':
        "news/bad.md:2: invalid YAML: mapping values are not allowed here (check quotes, colons and indentation; put text containing ': ' in quotes)",
    'yaml: not a mapping':
        "news/bad.md:2: the front matter is not a list of 'field: value' lines (write one 'field: value' per line)",
    'yaml: alias':
        'news/bad.md:2: YAML anchors and aliases (& and *) are not supported (write the value out in full)',
    'yaml: nested key':
        'news/bad.md:5: summary: expected a single value, got a list or a group of fields (write the value on the same line as the field name)',
    'front matter missing':
        "news/bad.md:1: the file does not start with front matter (start the file with a line '---', then the fields, then a line '---', then the text)",
    'front matter unclosed':
        "news/bad.md:1: the front matter is never closed (add a line '---' after the last field)",
    'empty file':
        "news/bad.md:1: the file does not start with front matter (start the file with a line '---', then the fields, then a line '---', then the text)",
    'duplicate key':
        'news/bad.md:4: title: field written twice (first on line 2) (keep only one of the two lines)',
    'unknown key':
        "news/bad.md:4: sumary: is not a field of news/ (did you mean 'summary'?)",
    'save_as from content':
        'news/bad.md:4: save_as: is not a field of news/ (fields of news/ are: authors, countries, date, image, image_alt, image_decorative, source_revision, status, summary, title, topics, translation_key)',
    'url from content':
        'news/bad.md:4: url: is not a field of news/ (fields of news/ are: authors, countries, date, image, image_alt, image_decorative, source_revision, status, summary, title, topics, translation_key)',
    'template from content':
        'news/bad.md:4: template: is not a field of news/ (fields of news/ are: authors, countries, date, image, image_alt, image_decorative, source_revision, status, summary, title, topics, translation_key)',
    'missing title':
        "news/bad.md:1: title: is missing (add a line 'title: ...' to the front matter (the headline, in the file's language))",
    'empty title':
        'news/bad.md:2: title: is empty (write a value after the colon, or remove the line)',
    'title is a list':
        'news/bad.md:2: title: expected a single value, got a list or a group of fields (write the value on the same line as the field name)',
    'title on two lines':
        'news/bad.md:2: title: must be a single line (join the lines into one)',
    'missing date':
        "news/bad.md:1: date: is missing (add a line 'date: ...' to the front matter (the day it was posted on the hub, YYYY-MM-DD))",
    'date: no (YAML 1.1 boolean)':
        "news/bad.md:3: date: 'no' is not a date in the form YYYY-MM-DD (write the date as YYYY-MM-DD, for example 2024-12-04)",
    'date: impossible day':
        "news/bad.md:3: date: '2024-02-30' is not a real date (write the date as YYYY-MM-DD, for example 2024-12-04)",
    'date: month 13':
        "news/bad.md:3: date: '2024-13-01' is not a real date (write the date as YYYY-MM-DD, for example 2024-12-04)",
    'date: not a leap year':
        "news/bad.md:3: date: '2023-02-29' is not a real date (write the date as YYYY-MM-DD, for example 2024-12-04)",
    'date: day first':
        "news/bad.md:3: date: '04.12.2024' is not a date in the form YYYY-MM-DD (write the date as YYYY-MM-DD, for example 2024-12-04)",
    'date: a time':
        "news/bad.md:3: date: '12:30' is not a date in the form YYYY-MM-DD (write the date as YYYY-MM-DD, for example 2024-12-04)",
    'menu: not a number':
        "pages/bad.md:3: menu: 'first' is not a whole number (write digits only, for example 3)",
    'status: unknown':
        "news/bad.md:4: status: 'maybe' is not allowed (write one of: published, draft)",
    'translation_key: spaces':
        "news/bad.md:4: translation_key: 'Two Words' is not a valid key (use lowercase letters, digits and single hyphens, e.g. hub-turns-ten)",
    'topics: a mapping':
        'news/bad.md:5: topics: has an empty or nested entry (write a simple list, e.g. [first, second])',
    'topics: repeated term':
        'news/bad.md:4: topics: lists online-safety more than once (keep each term once)',
    'topics: unknown term':
        "news/bad.md:4: topics: unknown term 'online-safty' (did you mean 'online-safety'? use a term id from data/topics.yaml, or add the term there with a label in every language)",
    'countries: no vocabulary':
        'news/bad.md:4: countries: no vocabulary content/data/countries.yaml exists (create content/data/countries.yaml or remove the field)',
    'vocabulary: missing label':
        "data/topics.yaml:2: online-safety: has no bg label (add a line '  bg: ...' with the label in that language)",
    'vocabulary: unknown language label':
        "data/topics.yaml:2: online-safety: has a label for unknown language 'xx' (use only en, sq, bs, bg, hr, ro, sr, uk)",
    'vocabulary: bad term id':
        'data/topics.yaml:2: Online Safety: is not a valid term id (use lowercase letters, digits and single hyphens)',
    'vocabulary: duplicate term':
        'data/topics.yaml:5: a: field written twice (first on line 1) (keep only one of the two lines)',
    'vocabulary: not YAML file':
        'data/topics.json: content/data/ holds only vocabulary files ending in .yaml (rename the file to end in .yaml or move it out of content/)',
    'vocabulary in a language folder':
        "sr/data/topics.yaml: vocabularies live only in content/data/, with every language's label inside (move the labels into content/data/topics.yaml)",
    'non-Markdown file':
        'news/notes.txt: is not a Markdown file (.md); content folders hold only .md files (rename it to end in .md if it is content, or move it out of content/)',
    'file at the top':
        'readme.md: is not inside a section folder (move it into one of: countries, courses, events, news, opportunities, pages, partners, resources)',
    'unknown section':
        "blog/post.md: 'blog' is not a content section (move it into one of: countries, courses, events, news, opportunities, pages, partners, resources)",
    'unknown language folder':
        "ru/news/first.md: 'ru' is not a configured language (add 'ru' to HUB_LANGUAGES in pelicanconf.py, or use one of sq, bs, bg, hr, ro, sr, uk)",
    'file name with spaces':
        'news/Bad Name.md: the file name is used in the web address and may only hold lowercase letters, digits and single hyphens (rename the file to bad-name.md, and its translations too)',
    'file name in Cyrillic':
        'news/вест.md: the file name is used in the web address and may only hold lowercase letters, digits and single hyphens (rename the file to vest.md, and its translations too)',
    'file name emoji only':
        'news/😀.md: the file name is used in the web address and may only hold lowercase letters, digits and single hyphens (rename the file to item.md, and its translations too)',
    'file name dots':
        'news/a..b.md: the file name is used in the web address and may only hold lowercase letters, digits and single hyphens (rename the file to a-b.md, and its translations too)',
    'file name leading hyphen':
        'news/-x.md: the file name is used in the web address and may only hold lowercase letters, digits and single hyphens (rename the file to x.md, and its translations too)',
    'collision with a listing':
        'pages/news.md: its address /en/news/ is also used by the news listing (rename one of the two files)',
    'collision with topics':
        'pages/topics.md: its address /en/topics/ is also used by the topics pages (rename one of the two files)',
    'collision with the search page':
        'pages/search.md: its address /en/search/ is also used by the search page (rename one of the two files)',
    'collision with a status page':
        'sr/pages/translation-status.md: its address /sr/translation-status/ is also used by the translation status '
        'page (rename one of the two files)',
    'two items, one address':
        'news/2024/first.md: its address /en/news/first/ is also used by news/first.md (rename one of the two files)',
    'two versions by translation_key':
        'news/other.md:4: translation_key: is a second en version of news/first.md (give one of the two files another name or translation_key)',
    'translation repeats fact differently':
        'sr/news/first.md:3: date: differs from the original news/first.md (line 3) (remove the line: translations inherit date from the original; change it in the original if it is wrong)',
    'translation sets a fact the original lacks':
        'sr/news/first.md:3: topics: is a fact, which only the original news/first.md may set (move the line to news/first.md)',
    'invalid UTF-8':
        'news/bad.md:2: is not valid UTF-8 (byte 15) (save the file as UTF-8 in your editor)',
    'NUL byte':
        'news/bad.md:2: contains a NUL byte at byte 14 (save the file again as UTF-8 text)',
    'UTF-16 file':
        'news/bad.md:1: is saved as UTF-16 (save the file as UTF-8 in your editor)',
    'oversize file':
        'news/bad.md: the file is 1,100,034 bytes, more than the 1,000,000 allowed (split it into smaller items, or link large documents instead of pasting them)',
    'deeply nested list':
        'news/bad.md:38: body: the text is nested more than 32 levels deep (lists, quotes or brackets) (flatten the nesting; no real text needs this many levels)',
    'deeply nested quote':
        'news/bad.md:7: body: the text is nested more than 32 levels deep (lists, quotes or brackets) (flatten the nesting; no real text needs this many levels)',
    'deeply nested brackets':
        'news/bad.md:5: body: the text is nested more than 32 levels deep (lists, quotes or brackets) (flatten the nesting; no real text needs this many levels)',
}


@pytest.fixture(scope="module")
def good_output(tmp_path_factory):
    """The valid site, built once: each case starts from a copy of its output (a build's output is
    plain files, so a copy is as good as the original to a later build)."""
    folder = tmp_path_factory.mktemp("good")
    content = write_tree(folder / "content", GOOD)
    output = folder / "output"
    result = build(content, output, settings_file(folder))
    assert result.returncode == 0, result.stderr
    return output


@pytest.fixture
def site(tmp_path, good_output):
    content = write_tree(tmp_path / "content", GOOD)
    output = tmp_path / "output"
    shutil.copytree(good_output, output, symlinks=True)
    return content, output, settings_file(tmp_path)


def test_there_are_at_least_forty_distinct_cases():
    assert len(CASES) >= 40 and set(CASES) == set(EXPECTED)


@pytest.mark.parametrize("case", sorted(CASES))
def test_broken_content_fails_with_the_exact_message_and_keeps_the_output(site, case):
    content, output, settings = site
    before = snapshot(output)
    for rel, data in CASES[case].items():
        path = content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data) if isinstance(data, bytes) else path.write_text(data, encoding="utf-8")
    result = build(content, output, settings)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0] == EXPECTED[case], result.stderr
    assert lines[-1].startswith("Build stopped:") and "nothing was published" in lines[-1]
    assert snapshot(output) == before
    assert not list(output.parent.glob(".output.staging-*")), "a staging folder was left behind"


def test_every_problem_of_every_file_is_reported_at_once(site):
    content, output, settings = site
    write_tree(content, {"news/a.md": "---\ntitle: A\n---\n", "news/b.md": "---\ntitle: B\ndate: x\ncolour: red\n---\n"})
    result = build(content, output, settings)
    assert result.returncode == 1
    assert "Build stopped: 3 problems found; nothing was published." in result.stderr
    assert "news/a.md:1: date: is missing" in result.stderr
    assert "news/b.md:3: date:" in result.stderr and "news/b.md:4: colour:" in result.stderr


def test_withdrawn_content_disappears_and_drafts_are_not_published(site):
    content, output, settings = site
    assert (output / "en/news/first/index.html").exists()
    (content / "sr/news/first.md").unlink()
    (content / "news/first.md").write_text("---\ntitle: First\ndate: 2024-12-04\nstatus: draft\n---\nx\n")
    result = build(content, output, settings)
    assert result.returncode == 0, result.stderr
    assert not (output / "en/news/first").exists()
    assert not (output / "sr/news/first").exists()


def test_bad_settings_are_reported_together(tmp_path):
    content = write_tree(tmp_path / "content", GOOD)
    settings = settings_file(tmp_path, "HUB_PAGE_SIZE = 0\nHUB_STRICTT = True\n")
    result = build(content, tmp_path / "output", settings)
    assert result.returncode == 1
    assert "settings: HUB_PAGE_SIZE: must be at least 1, got 0" in result.stderr
    assert "settings: HUB_STRICTT: unknown setting" in result.stderr
    assert not (tmp_path / "output").exists()


def test_strict_mode_fails_on_a_warning_and_publishes_nothing(tmp_path):
    content = write_tree(tmp_path / "content", {**GOOD, "sr/news/first.md":
                                                 "---\ntitle: Прва\ndate: 2024-12-04\n---\nТекст\n"})
    lax = build(content, tmp_path / "lax", settings_file(tmp_path))
    logged = " ".join((lax.stderr + lax.stdout).split())
    assert lax.returncode == 0 and "sr/news/first.md:3: date: repeats a fact of the" in logged
    strict = build(content, tmp_path / "strict", settings_file(tmp_path, "HUB_STRICT = True\n"))
    assert strict.returncode == 1
    assert "warning in strict mode: sr/news/first.md:3: date: repeats a fact" in strict.stderr
    assert not (tmp_path / "strict").exists()


@pytest.mark.parametrize("kind", ["file", "folder"])
def test_symbolic_links_in_content_are_refused(site, tmp_path, kind):
    content, output, settings = site
    before = snapshot(output)
    outside = write_tree(tmp_path / "outside", {"secret.md": "---\ntitle: S\ndate: 2024-01-01\n---\n"})
    if kind == "file":
        os.symlink(outside / "secret.md", content / "news" / "linked.md")
        expected = "news/linked.md: is a symbolic link, which content may not contain (replace the link with the real file)"
    else:
        os.symlink(outside, content / "news" / "linked")
        expected = "news/linked: is a symbolic link, which content may not contain (replace the link with the real file)"
    result = build(content, output, settings)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[0] == expected
    assert snapshot(output) == before


def test_a_folder_the_hub_did_not_make_is_never_replaced(tmp_path):
    content = write_tree(tmp_path / "content", GOOD)
    precious = write_tree(tmp_path / "www", {"keep.txt": "mine"})
    result = build(content, precious, settings_file(tmp_path))
    assert result.returncode == 1
    assert f"settings: OUTPUT_PATH: the output folder {precious} exists and was not made by the hub" in result.stderr
    assert (precious / "keep.txt").read_text() == "mine"
    inside = build(content, tmp_path, settings_file(tmp_path))
    assert inside.returncode == 1 and "contains the content or the current folder" in inside.stderr
    assert (content / "news" / "first.md").exists()
    again = build(content, tmp_path / "fresh", settings_file(tmp_path))
    assert again.returncode == 0 and (tmp_path / "fresh" / ".hub-output").exists()
    assert build(content, tmp_path / "fresh", settings_file(tmp_path)).returncode == 0
