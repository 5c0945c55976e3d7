import pytest

from hub_build.errors import ProblemFound
from hub_languages.model import parse


def entry(code, fallbacks=(), **extra):
    base = {"code": code, "name": code.upper(), "locale": code, "tag": code, "script": "Latn",
            "direction": "ltr", "fallbacks": list(fallbacks), "prefix": code}
    return {**base, **extra}


def test_chain_ends_with_the_default_language():
    table = parse([entry("en"), entry("hr"), entry("bs", ["hr"]), entry("sr", locale="sr", tag="sr-Cyrl")], "en")
    assert table.chain("bs") == ("hr", "en")
    assert table.chain("en") == ()
    assert table["sr"].tag == "sr-Cyrl"
    assert table.codes == ("en", "hr", "bs", "sr")


@pytest.mark.parametrize("entries, default, message", [
    ([entry("en"), entry("en")], "en", "code used by more than one language"),
    ([entry("en")], "fr", "default language 'fr'"),
    ([entry("en", ["xx"])], "en", "fallback 'xx' is not configured"),
    ([entry("en", ["en"])], "en", "lists itself"),
    ([entry("en", locale="zz_QQ")], "en", "Babel does not know locale"),
    ([entry("en", direction="up")], "en", "bad direction"),
    ([{"code": "en"}], "en", "missing"),
    ([entry("en", colour="red")], "en", "unknown ['colour']"),
    ([entry("en", tag="english")], "en", "bad tag"),
])
def test_bad_tables_name_the_problem(entries, default, message):
    with pytest.raises(ProblemFound) as caught:
        parse(entries, default)
    assert message in caught.value.message
    assert caught.value.fix
