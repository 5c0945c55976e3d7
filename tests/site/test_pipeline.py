"""The build pipeline: one function, declared extension points, every page in the plan.

A fixture plugin (written into the test's folder, loaded through PLUGIN_PATHS as any Pelican
plugin would be) takes part through hub_build.extensions only: it adds a page with its own
template and data, writes a file, and listens to Pelican's content_written signal.
"""

import inspect
import re

from hubtest import ROOT, build, demo_languages, page, settings_file, write_tree

from test_invalid import GOOD

EXTRA_PLUGIN = '''
from pathlib import Path

from pelican import signals

from hub_build.extensions import Extension
from hub_pages.render import write
from hub_pages.routes import Page

WRITTEN = []


class Extra(Extension):
    name = "extra"

    def pages(self, build):
        return [Page(language.code, f"{language.prefix}/extra/", "extra", ("extra",), "extra.html",
                     data={"greeting": f"Hello from {language.code}", "count": len(build.hub.translations.items())})
                for language in build.plan.languages]

    def files(self, build):
        return [f"{language.prefix}/extra.txt" for language in build.plan.languages]

    def write(self, build):
        for language in build.plan.languages:
            write(build.output, f"{language.prefix}/extra.txt", f"extra {language.code}\\n")


extension = Extra


def on_written(path, context):
    WRITTEN.append(path)


def on_finalized(pelican):
    (Path(pelican.settings["PATH"]).parent / "written.txt").write_text("\\n".join(sorted(WRITTEN)))


def register():
    signals.content_written.connect(on_written)
    signals.finalized.connect(on_finalized)
'''

SWITCHER = "//nav[contains(@class, 'languages')]//a"

EXTRA_TEMPLATE = ('{% extends "base.html" %}{% block title %}Extra{% endblock %}'
                  '{% block main %}<h1 id="greeting">{{ greeting }}</h1><p id="count">{{ count }}</p>{% endblock %}')


def extra_site(tmp_path, files=None):
    content = write_tree(tmp_path / "content", {**GOOD, **(files or {})})
    write_tree(tmp_path / "plugins" / "hub_extra", {"__init__.py": EXTRA_PLUGIN})
    write_tree(tmp_path / "templates", {"extra.html": EXTRA_TEMPLATE})
    settings = settings_file(tmp_path, f"""
        PLUGIN_PATHS = PLUGIN_PATHS + [{str(tmp_path / 'plugins')!r}]
        PLUGINS = PLUGINS + ["hub_extra"]
        THEME_TEMPLATES_OVERRIDES = [{str(tmp_path / 'templates')!r}]
        HUB_PROCESSES = 1
    """)
    return content, settings


def test_the_build_reads_top_to_bottom_in_one_function():
    from hub_site.build import build as hub_build

    lines = inspect.getsource(hub_build).splitlines()
    assert len(lines) <= 60, f"hub_site.build.build is {len(lines)} lines"
    steps = ["read_content", "load_catalogs", "plan_pages", ".collisions(", "render_pages", "extension.write",
             "staging.publish"]
    positions = [next(i for i, line in enumerate(lines) if step in line) for step in steps]
    assert positions == sorted(positions), "the build's steps are not in build order"


def test_an_extension_adds_pages_and_files_and_pelican_plugins_keep_their_signals(tmp_path):
    content, settings = extra_site(tmp_path)
    output = tmp_path / "output"
    result = build(content, output, settings)
    assert result.returncode == 0, result.stderr
    assert "Done: Processed" not in result.stdout + result.stderr  # Pelican's count of its own (idle) generators
    items = re.search(r"(\d+) items published", result.stdout).group(1)
    for language in demo_languages():
        shown = page(output, f"{language.prefix}/extra/")
        assert shown.get_element_by_id("greeting").text == f"Hello from {language.code}"
        assert shown.get_element_by_id("count").text == items
        switcher = {a.get("hreflang"): a.get("href") for a in shown.xpath(SWITCHER)}
        assert switcher == {other.tag: f"/{other.prefix}/extra/" for other in demo_languages()}
        assert (output / language.prefix / "extra.txt").read_text() == f"extra {language.code}\n"
    pages = sorted([p.relative_to(output).as_posix() for p in output.rglob("index.html")
                    if p.relative_to(output).parts[0] != "admin"] + ["404.html"])  # the editor's page is a file
    written = (tmp_path / "written.txt").read_text().split("\n")
    # Written into the staging folder (.output.staging-PID), which then became the output.
    assert sorted(path.split(".output.staging-", 1)[1].split("/", 1)[1] for path in written) == sorted(pages)


def test_a_page_in_the_way_of_an_extensions_file_is_an_error_naming_both(tmp_path):
    content, settings = extra_site(tmp_path)
    output = tmp_path / "output"
    assert build(content, output, settings).returncode == 0
    write_tree(content, {"pages/extra.md": "---\ntitle: Extra page\n---\nText.\n"})
    result = build(content, output, settings)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == ("pages/extra.md: its address /en/extra/ is also used by the extra page "
                                             "(rename one of the two files)")


def test_a_language_prefix_may_not_be_the_attachments_folder(tmp_path):
    content = write_tree(tmp_path / "content", GOOD)
    settings = settings_file(tmp_path, """
        HUB_LANGUAGES = [{**entry, "prefix": "files"} if entry["code"] == "ro" else entry for entry in HUB_LANGUAGES]
    """)
    result = build(content, tmp_path / "output", settings)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "settings: HUB_LANGUAGES: the prefix 'files' of ro is also where the attachment content/files/guide.pdf is "
        "published (/files/guide.pdf) (give the language another prefix)")
    assert not (tmp_path / "output").exists()


def test_status_pages_link_to_each_other_in_every_language(demo):
    languages = list(demo_languages())
    expected = {language.tag: f"/{language.prefix}/translation-status/" for language in languages}
    for language in languages:
        shown = page(demo, f"{language.prefix}/translation-status/")
        switcher = {a.get("hreflang"): a.get("href") for a in shown.xpath(SWITCHER)}
        assert switcher == expected
        assert not shown.xpath(SWITCHER + "[contains(@class, 'missing')]")
        hreflang = {link.get("hreflang"): link.get("href") for link in shown.xpath("//link[@rel='alternate'][@hreflang]")}
        assert {tag: href for tag, href in hreflang.items() if tag != "x-default"} == expected
        assert hreflang["x-default"] == expected["en"]


def test_a_settings_file_without_the_hub_class_is_refused(tmp_path):
    content = write_tree(tmp_path / "content", GOOD)
    settings = settings_file(tmp_path, 'PELICAN_CLASS = "pelican.Pelican"\n')
    result = build(content, tmp_path / "output", settings)
    assert result.returncode == 1
    assert ("settings: PELICAN_CLASS: Pelican's own class does not build the hub (set PELICAN_CLASS = "
            "\"hub_site.HubPelican\" (pelicanconf.py does; import it))") in result.stderr
    assert not (tmp_path / "output").exists()


def test_every_extension_point_is_documented_for_developers():
    from hub_build.extensions import Extension

    guide = (ROOT / "docs" / "developers.md").read_text()
    points = [name for name, member in vars(Extension).items() if callable(member) and not name.startswith("_")]
    assert points == ["notices", "pictures", "pages", "files", "write"]
    assert all(f"`{name}(build)`" in guide for name in points), "docs/developers.md misses an extension point"
