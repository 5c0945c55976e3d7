"""The golden three-language fixture's whole output, byte for byte."""

import difflib

from golden_site import EXPECTED, build_golden, snapshot


def test_golden_site_output_is_unchanged(tmp_path):
    built = build_golden(tmp_path / "output")
    expected = snapshot(EXPECTED)
    assert sorted(built) == sorted(expected), "files added or removed: run `invoke golden` if intended"
    for path in sorted(expected):
        if built[path] != expected[path]:
            diff = difflib.unified_diff(expected[path].decode().splitlines(), built[path].decode().splitlines(),
                                        "expected/" + path, "built/" + path, lineterm="", n=2)
            raise AssertionError("\n".join(list(diff)[:60]) + "\n(run `invoke golden` if intended)")


def test_golden_output_is_sanitised_and_falls_back():
    item = (EXPECTED / "en/news/safer-internet-day/index.html").read_text()
    assert "<script>alert" not in item and "javascript:" not in item
    fallback = (EXPECTED / "sr/news/safer-internet-day/index.html").read_text()
    assert '<article lang="hr"' in fallback
    assert not (EXPECTED / "en/news/lokalna-vest").exists() and (EXPECTED / "sr/news/lokalna-vest").exists()
