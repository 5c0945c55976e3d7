"""The icons' names in parts/icons.html are the symbols of theme/static/img/icons.svg: a name with no
drawing would show nothing where a page points at it."""

import re
from xml.etree import ElementTree

from hubtest import ROOT

SVG = "{http://www.w3.org/2000/svg}"


def test_every_icon_name_has_a_symbol_and_every_symbol_a_name():
    template = (ROOT / "theme/templates/parts/icons.html").read_text(encoding="utf-8")
    names = re.findall(r'"([a-z-]+)"', re.search(r"{% set drawn = \((.*?)\) %}", template).group(1))
    sprite = ElementTree.parse(ROOT / "theme/static/img/icons.svg").getroot()
    symbols = [symbol.get("id") for symbol in sprite.iter(f"{SVG}symbol")]
    assert "item" in names  # what a name not drawn falls back to
    assert symbols == [f"i-{name}" for name in names]
    assert all(symbol.get("viewBox") == "0 0 24 24" and symbol.find(f"{SVG}path").get("d")
               for symbol in sprite.iter(f"{SVG}symbol"))
