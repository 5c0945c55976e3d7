"""Rendering a SitePlan with the theme's Jinja2 templates, one language at a time.

Each language gets its own gettext catalog and Babel localizer; items' bodies were
sanitised when read, everything else is autoescaped by the templates.
"""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from hub_build.staging import contained
from hub_i18n.l10n import Localizer

from . import messages
from .routes import Page, SitePlan


def write(output: Path, relative: str, text: str) -> None:
    target = contained(output, relative)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


class Renderer:
    def __init__(self, env, plan: SitePlan, catalogs: dict, settings: dict):
        self.env = env
        self.plan = plan
        self.catalogs = catalogs
        self.settings = settings
        self.siteurl = settings.get("SITEURL", "").rstrip("/")

    def url(self, path: str) -> str:
        return f"{self.siteurl}/{path}"

    def render_language(self, lang: str | None, output: Path) -> None:
        code = lang or self.plan.languages.default
        self.env.install_gettext_translations(self.catalogs[code], newstyle=True)
        for page in self.plan.pages:
            if page.lang == lang:
                write(output, page.output, self.render(page))

    def render_all(self, output: Path, processes: int = 1) -> None:
        """Render every language; with processes > 1, languages render in forked processes."""
        codes = [language.code for language in self.plan.languages] + [None]
        if processes <= 1 or len(codes) < 2:
            self.render_group(codes, output)
            return
        context = multiprocessing.get_context("fork")
        groups = [codes[i::processes] for i in range(processes)]
        workers = [context.Process(target=self.render_group, args=(group, output)) for group in groups if group]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        failed = [worker.exitcode for worker in workers if worker.exitcode != 0]
        if failed:
            raise RuntimeError(f"{len(failed)} rendering process(es) failed; see the errors above")

    def render_group(self, codes, output: Path) -> None:
        for code in codes:
            self.render_language(code, output)

    def render(self, page: Page) -> str:
        template = self.env.get_template(page.template)
        return template.render(self.context(page))

    def context(self, page: Page) -> dict:
        languages = self.plan.languages
        lang = languages[page.lang] if page.lang else languages.default_language
        return {
            **self.settings,
            "page": page,
            "plan": self.plan,
            "hub": self.plan.hub,
            "lang": lang,
            "languages": languages,
            "l10n": Localizer(lang.locale),
            "url": self.url,
            "switcher": self.plan.switcher(page) if page.lang else [],
            "alternates": self.plan.alternates(page),
            "x_default": self.plan.x_default(page),
            "canonical": self.plan.canonical(page),
            "navigation": self.plan.navigation(lang.code),
            "sections": self.plan.sections(lang.code),
            "catalogs": self.catalogs,
            "messages": messages,
            "label": lambda vocabulary, term: self.plan.hub.vocabularies[vocabulary].label(term, lang.code),
            "item_language": lambda item: languages[item.lang],
        }
