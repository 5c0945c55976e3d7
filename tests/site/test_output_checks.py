"""`invoke check-output` on the demo: zero problems; and each check can find a problem."""

import shutil
import subprocess
import sys

import pytest

from hubtest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import check_output  # noqa: E402


def test_demo_passes_every_output_check_and_invoke_check_output_exits_zero(demo):
    # One run of the checks (the Nu checker alone takes a minute on the demo), through the command.
    result = subprocess.run([sys.executable, "-m", "invoke", "check-output", "--output", str(demo)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.split("\n")[:len(check_output.CHECKS)] == [f"{name}: ok" for name in check_output.CHECKS]


@pytest.fixture
def copy(demo, tmp_path):
    target = tmp_path / "site"
    shutil.copytree(demo, target)
    return target


def test_checks_find_broken_output(copy):
    page = copy / "en" / "index.html"
    text = page.read_text()
    text = text.replace('href="/en/news/"', 'href="/en/nowhere/"', 1).replace('href="/en/about/"', 'href="/en/about/#nope"', 1)
    page.write_text(text.replace("<main id=\"main\">", "<main id=\"main\"><section>", 1))
    (copy / "sq" / "feed.atom").write_text("<feed><entry>", encoding="utf-8")
    (copy / "en" / "broken.ics").write_bytes(b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    item = copy / "hr" / "news" / "hub-turns-ten" / "index.html"
    item.write_text(item.read_text().replace('hreflang="sq"', 'hreflang="sq" data-x', 1)
                    .replace("</head>", '<script type="application/ld+json">{nope</script></head>'))
    shutil.rmtree(copy / "bg" / "news" / "hub-turns-ten")
    albanian = copy / "sq" / "index.html"
    albanian.write_text(albanian.read_text().replace('<html lang="sq"', '<html lang="xx"', 1))
    # The Nu checker takes a minute over the whole demo: it gets the broken page alone.
    alone = copy.parent / "alone"
    (alone / "en").mkdir(parents=True)
    shutil.copy(page, alone / "en" / "index.html")
    results = {name: check(copy, "") if name in ("links", "hreflang") else check(copy)
               for name, check in check_output.CHECKS.items() if name != "html"}
    results["html"] = check_output.validate_html(alone)
    assert any("nowhere" in p for p in results["links"])
    assert any("no element with id 'nope'" in p for p in results["links"])
    assert results["html"], "the Nu checker should reject the stray markup"
    assert results["feeds"] and results["calendars"] and results["json-ld"]
    assert any("/bg/news/hub-turns-ten/" in p for p in results["hreflang"] + results["links"])
    assert "/sq/: <html lang> is 'xx', its hreflang says 'sq'" in results["hreflang"]
