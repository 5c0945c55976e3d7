"""Reads the git history once per build: notices for stale translations (shown by
hub_pages) and a translation status page per language."""

from pathlib import Path

from pelican import signals
from pelican.generators import Generator
from pelican.log import console

from hub_pages.render import Renderer, write
from hub_pages.routes import Page

from . import report
from .history import read_history


def status_for(content: Path, hub):
    """The status report and history of a content folder inside (or outside) a git repository."""
    content = content.resolve()
    history = read_history(content.parent, content.name)
    return report.build(hub.translations, hub.languages, history, f"{content.name}/", hub.build_time), history


class HubStatusGenerator(Generator):
    def generate_context(self):
        hub = self.context["hub"]
        status, history = status_for(Path(self.path), hub)
        self.context["hub_translation_status"] = status
        self.context["hub_translation_history"] = history
        # issue 14: "Updated on" dates from the same history; said once when there is none
        self.context["hub_page_notices"] = report.merged(report.notices(status), report.update_notices(
            hub.translations, history, f"{Path(self.path).resolve().name}/"))
        if report.dates_note(history):
            console.print(f"Hub: {report.dates_note(history)}")

    def generate_output(self, writer):
        if not self.settings["HUB_STATUS_PAGE"]:
            return
        plan = self.context["hub_plan"]
        renderer = Renderer(self.env, plan, self.context["hub_catalogs"], self.settings)
        template = self.env.get_template("translation-status.html")
        history = self.context["hub_translation_history"]
        for language in plan.languages:
            if language.code == plan.languages.default:
                continue
            page = Page(language.code, f"{language.prefix}/translation-status/", "translation-status",
                        ("translation-status",), "translation-status.html")
            self.env.install_gettext_translations(self.context["hub_catalogs"][language.code], newstyle=True)
            context = {**renderer.context(page), "status": self.context["hub_translation_status"][language.code],
                       "history": history, "repository": self.settings["HUB_REPOSITORY_URL"],
                       "item_page": lambda item, lang=language.code: plan.page(("item", item.key), lang)}
            write(Path(self.output_path), page.output, template.render(context))


def get_generators(pelican):
    return HubStatusGenerator


def register():
    signals.get_generators.connect(get_generators)
