"""One build of the hub, top to bottom.

Settings were validated when Pelican started (hub_build). `build` then reads the content, plans
every page of every language (the extensions' pages too), checks that no two outputs share an
address, renders, lets each extension write its files, and swaps the new output into place.
Everything is written into a staging folder first: a failed build leaves the published output
as it was. Each step is a named call of the plugin that owns it; `stage` logs its time
(`pelican -v` shows them; `invoke bench-build` reads them).
"""

from __future__ import annotations

import logging
import shutil
import time
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from hub_build import phases, staging
from hub_build.errors import fail_if
from hub_build.extensions import Build, discover
from hub_build.glue import WarningCounter, strict_problems
from hub_content.glue import read_content
from hub_i18n.glue import load_catalogs
from hub_pages.glue import (copy_attachments, copy_theme, filter_files, link_problems, plan_pages, render_pages,
                            shared_files, summary)

logger = logging.getLogger("hub.stages")


def build(pelican) -> None:
    output = Path(pelican.output_path)
    with staging.exclusive(output):  # one build of an output at a time: the next waits for this one
        warnings = WarningCounter.install()
        staged = staging.start(output)
        try:
            site = Build(pelican.settings, Path(pelican.path), Path(pelican.theme), staged, theme_environment(pelican))
            site.hub = stage("read", read_content, site)
            if site.hub is None:  # nothing changed since the published output was built: it stays as it is
                shutil.rmtree(staged, ignore_errors=True)
                return
            extensions = [make() for make in discover(pelican.plugins)]
            site.catalogs = stage("catalogs", load_catalogs, site)
            for extension in extensions:
                site.notices.update(stage(f"notices ({extension.name})", extension.notices, site))
            for extension in extensions:
                site.pictures.update(stage(f"pictures ({extension.name})", extension.pictures, site))
            site.plan = stage("plan", plan_pages, site)
            for extension in extensions:
                site.plan.add_pages(list(stage(f"plan ({extension.name})", extension.pages, site)))
            shared = shared_files(site)  # the theme's files and the attachments, in no language's folder
            written = shared + filter_files(site) + [(extension.name, path) for extension in extensions
                                                     for path in extension.files(site)]
            fail_if(stage("check", lambda: site.plan.collisions(written, shared) + link_problems(site)))
            stage("render", render_pages, site, content_written(site))
            for extension in extensions:
                stage(extension.name, extension.write, site)
            stage("theme", copy_theme, site)
            stage("attachments", copy_attachments, site)
            fail_if(strict_problems(site.settings, warnings.messages))
        except BaseException:
            shutil.rmtree(staged, ignore_errors=True)
            raise
        finally:
            warnings.remove()
        stage("publish", staging.publish, staged, output)
        summary(site)


def stage(name: str, step, *args):
    phases.reached(name)  # where a test may stop the build (tests/hostile/test_builds.py)
    started = time.perf_counter()
    try:
        return step(*args)
    finally:
        logger.info("hub stage %s: %.2f s", name, time.perf_counter() - started)


def theme_environment(pelican):
    """The theme's Jinja2 environment exactly as Pelican makes it for its generators (JINJA_FILTERS,
    JINJA_GLOBALS, THEME_TEMPLATES_OVERRIDES, extensions), so Pelican users keep those settings."""
    return Generator(context=pelican.settings.copy(), settings=pelican.settings, path=pelican.path,
                     theme=pelican.theme, output_path=pelican.output_path).env


def content_written(site: Build):
    """Pelican's content_written signal for every page written, when a plugin listens to it."""
    if not signals.content_written.receivers:
        return None
    return lambda path, page: signals.content_written.send(str(path), context={**site.settings, "page": page})
