"""The renderer's gettext gives what Jinja's own newstyle gettext gives, message for message."""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from babel.support import Translations
from jinja2 import DictLoader, Environment
from markupsafe import Markup

from hub_i18n.catalogs import compile_catalog
from hub_pages.render import remembered_gettext

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = """{{ _('Search the hub') }}|{{ _('100%% sure') }}|{{ _('Skip to content') }}|\
{{ _('%(site)s: everything new', site=site) }}|{{ gettext('Search the hub') }}|{{ _('Search the hub') }}"""


def rendered(catalog, ours: bool) -> str:
    env = Environment(loader=DictLoader({"t": TEMPLATE}), autoescape=True, extensions=["jinja2.ext.i18n"])
    env.install_gettext_translations(catalog, newstyle=True)
    if ours:
        env.globals["gettext"] = env.globals["_"] = remembered_gettext(catalog)
    return env.get_template("t").render(site="<b>Hub & co</b>")


@pytest.mark.parametrize("lang", ["sr", "uk", None])
def test_remembered_gettext_renders_as_jinja_newstyle_gettext(lang):
    catalog = Translations()  # no catalog: the English messages themselves
    if lang:
        with open(ROOT / "theme" / "translations" / lang / "LC_MESSAGES" / "messages.po", "rb") as handle:
            catalog = compile_catalog(read_po(handle, locale=lang))
    ours, jinja = rendered(catalog, True), rendered(catalog, False)
    assert ours == jinja
    assert "100% sure" in ours and "&lt;b&gt;Hub &amp; co&lt;/b&gt;" in ours
    if lang:
        assert "Search the hub" not in ours  # translated


def test_remembered_gettext_returns_markup_and_looks_each_message_up_once():
    looked_up = []

    class Catalog(Translations):
        def gettext(self, message):
            looked_up.append(message)
            return super().gettext(message)

    gettext = remembered_gettext(Catalog())
    assert gettext("a & b") == "a & b" and gettext("a & b").__html__() == "a & b"
    gettext("a & b")
    assert looked_up == ["a & b"]
    assert gettext("%(x)s!", x="<i>") == "&lt;i&gt;!"
    assert gettext("%(x)s!", x=Markup("<i>")) == "<i>!"  # equal to "<i>", but not escaped
    assert gettext("%(x)s!", x="<i>") == "&lt;i&gt;!"
    assert gettext("%(x)s!", x=["<i>"]) == "[&#39;&lt;i&gt;&#39;]!"
    assert gettext("%(n)s items", n=3) == "3 items" and gettext("%(n)s items", n=4) == "4 items"
    assert looked_up == ["a & b", "%(x)s!", "%(x)s!", "%(x)s!", "%(n)s items", "%(n)s items"]
