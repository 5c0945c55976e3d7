"""The production settings: strict, absolute URLs; `invoke build` equals plain `pelican`."""

import subprocess
import sys

from hubtest import EPOCH, ROOT, build, page, snapshot


def test_demo_builds_with_strict_production_settings(tmp_path):
    result = build(ROOT / "content", tmp_path / "out", ROOT / "publishconf.py",
                   env={"HUB_SITEURL": "https://hub.example.org"})
    assert result.returncode == 0, result.stderr + result.stdout
    tree = page(tmp_path / "out", "sq/news/hub-turns-ten/")
    assert tree.xpath("//link[@rel='canonical']/@href") == ["https://hub.example.org/sq/news/hub-turns-ten/"]
    assert all(h.startswith("https://hub.example.org/") for h in tree.xpath("//link[@hreflang]/@href"))


def test_invoke_build_gives_the_same_site_as_pelican(tmp_path, demo):
    here = tmp_path / "run"  # its own working folder: the default .cache/hub lands there, not in the developer's
    here.mkdir()
    result = subprocess.run([sys.executable, "-m", "invoke", "-r", str(ROOT), "build", "--content", str(ROOT / "content"),
                             "--output", str(tmp_path / "out"), "--settings", str(ROOT / "pelicanconf.py")],
                            cwd=here, capture_output=True, text=True,
                            env={"SOURCE_DATE_EPOCH": EPOCH, "PATH": "/usr/bin:/bin", "COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    assert snapshot(tmp_path / "out") == snapshot(demo)
