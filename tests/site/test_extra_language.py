"""Adding a language is configuration only: a table entry, a content folder, a catalog."""

import datetime as dt
import shutil

from babel.dates import format_date
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from hubtest import ROOT, build, page, settings_file, write_tree

RUSSIAN = ('{"code": "ru", "name": "Русский", "locale": "ru", "tag": "ru", "script": "Cyrl", '
           '"direction": "ltr", "fallbacks": ["uk", "en"], "prefix": "ru"}')


def russian_catalog(theme):
    with open(theme / "translations" / "messages.pot", "rb") as handle:
        template = read_po(handle)
    catalog = Catalog(locale="ru", domain="messages")
    for message in template:
        if not message.id:
            continue
        if message.pluralizable:
            catalog.add(message.id, tuple(f"[ru] {message.id[1]}" for _ in range(catalog.num_plurals)))
        else:
            catalog.add(message.id, f"[ru] {message.id}")
    target = theme / "translations" / "ru" / "LC_MESSAGES"
    target.mkdir(parents=True)
    with open(target / "messages.po", "wb") as handle:
        write_po(handle, catalog)


def test_a_site_with_an_extra_language_builds(tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    russian_catalog(theme)
    content = write_tree(tmp_path / "content", {
        "news/first.md": "---\ntitle: First\ndate: 2025-03-08\n---\nBody\n",
        "ru/news/first.md": "---\ntitle: Первая новость\n---\nТекст\n",
        "news/only-english.md": "---\ntitle: Only English\ndate: 2025-01-01\n---\nBody\n",
    })
    settings = settings_file(tmp_path, f"THEME = {str(theme)!r}\nHUB_LANGUAGES = HUB_LANGUAGES + [{RUSSIAN}]\n"
                                       "HUB_STRICT = True\n")
    result = build(content, tmp_path / "output", settings)
    assert result.returncode == 0, result.stderr + result.stdout
    home = page(tmp_path / "output", "ru/")
    assert home.get("lang") == "ru"
    item = page(tmp_path / "output", "ru/news/first/")
    assert item.xpath("string(//article/h1)") == "Первая новость"
    assert item.xpath("string(//article//time)") == format_date(dt.date(2025, 3, 8), "long", locale="ru")
    assert item.xpath("string(//a[@class='skip'])") == "[ru] Skip to content"
    fallback = page(tmp_path / "output", "ru/news/only-english/")
    assert fallback.xpath("//article/@lang") == ["en"]
    switcher = page(tmp_path / "output", "en/news/first/").xpath("//nav[@class='languages']//a/@hreflang")
    assert "ru" in switcher
