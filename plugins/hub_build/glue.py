"""Connects build infrastructure to Pelican's signals: settings, staging, strictness."""

from __future__ import annotations

import atexit
import importlib
import shutil
import logging
import time
from pathlib import Path

from pelican import signals
from pelican.log import LimitFilter

from . import phases
from . import settings as declared
from . import staging
from .errors import Problem, fail_if

logger = logging.getLogger("hub.stages")

# Pelican's own generators must not read our content: the hub plugins do.
PELICAN_OVERRIDES = {
    "ARTICLE_PATHS": [], "PAGE_PATHS": [], "STATIC_PATHS": [],
    "DIRECT_TEMPLATES": [], "PAGINATED_TEMPLATES": {},
    "FEED_ALL_ATOM": None, "FEED_ALL_RSS": None, "CATEGORY_FEED_ATOM": None,
    "TRANSLATION_FEED_ATOM": None, "AUTHOR_FEED_ATOM": None, "AUTHOR_FEED_RSS": None,
    "TAG_SAVE_AS": "", "CATEGORY_SAVE_AS": "", "AUTHOR_SAVE_AS": "",
    "ARCHIVES_SAVE_AS": "", "YEAR_ARCHIVE_SAVE_AS": "", "MONTH_ARCHIVE_SAVE_AS": "",
    "DAY_ARCHIVE_SAVE_AS": "", "DRAFT_SAVE_AS": "", "DRAFT_PAGE_SAVE_AS": "",
    "DELETE_OUTPUT_DIRECTORY": False, "CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False,
}


class WarningCounter(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def declared_settings(pelican) -> list:
    found = []
    for plugin in pelican.plugins:
        try:
            module = importlib.import_module(f"{plugin.__name__}.settings")
        except ModuleNotFoundError:
            continue
        found.extend(getattr(module, "SETTINGS", []))
    return found


def on_initialized(pelican):
    settings = pelican.settings
    every = declared_settings(pelican)
    problems = declared.validate(settings, every, "settings")
    fail_if(problems)
    declared.apply_defaults(settings, every)
    settings.update(PELICAN_OVERRIDES)
    # Metadata is untrusted: every template autoescapes, whatever the settings say.
    settings["JINJA_ENVIRONMENT"] = {**settings.get("JINJA_ENVIRONMENT", {}), "autoescape": True}
    pelican.hub_output = Path(pelican.output_path)
    refused = staging.refusal(pelican.hub_output, Path(pelican.path))
    if refused:
        fail_if([Problem("settings", 0, "OUTPUT_PATH", refused,
                         "build into an empty folder, or one an earlier hub build made (it holds .hub-output)")])


def on_run_start(pelican):
    """Called by get_generators, i.e. at the start of every run."""
    # Pelican's log filter remembers warnings across runs and would hide repeats from strict mode.
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, WarningCounter)]:
        root.removeHandler(handler)
    pelican.hub_warnings = WarningCounter()
    root.addHandler(pelican.hub_warnings)
    staged = staging.start(pelican.hub_output)
    # A failed build exits through BuildFailed; its half-built folder goes with the process.
    # (A killed one is removed by the next build's staging.start.)
    atexit.register(shutil.rmtree, staged, ignore_errors=True)
    pelican.output_path = str(staged)
    return None


STAGES = {  # (generator class, method) -> the build stage it is, in build order
    ("HubContentGenerator", "generate_context"): "read", ("HubPagesGenerator", "generate_context"): "plan",
    ("HubSearchGenerator", "generate_context"): "search records", ("HubPagesGenerator", "generate_output"): "render",
    ("HubSearchGenerator", "generate_output"): "search",
}


def timed(name: str, method):
    def run(*args, **kwargs):
        phases.reached(name)
        started = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            logger.info("hub stage %s: %.2f s", name, time.perf_counter() - started)
    return run


def on_generator_init(generator):
    """Log how long each stage of the build takes (`pelican -v` shows it; invoke bench-build reads it)."""
    kind = type(generator).__name__
    if not kind.startswith("Hub"):  # Pelican's own generators are given nothing to do
        return
    for method in ("generate_context", "generate_output"):
        if hasattr(generator, method):
            name = STAGES.get((kind, method), f"write ({kind.removeprefix('Hub').removesuffix('Generator').lower()})")
            setattr(generator, method, timed(name, getattr(generator, method)))


def on_finalized(pelican):
    logging.getLogger().removeHandler(pelican.hub_warnings)
    staged = Path(pelican.output_path)
    pelican.output_path = str(pelican.hub_output)
    if pelican.settings["HUB_STRICT"] and pelican.hub_warnings.messages:
        fail_if([Problem("build", 0, "", f"warning in strict mode: {message}",
                         "fix the warning, or build with pelicanconf.py instead of publishconf.py")
                 for message in pelican.hub_warnings.messages])
    timed("publish", staging.publish)(staged, pelican.hub_output)


def register():
    signals.initialized.connect(on_initialized)
    signals.get_generators.connect(on_run_start)
    signals.finalized.connect(on_finalized)
    signals.generator_init.connect(on_generator_init)
