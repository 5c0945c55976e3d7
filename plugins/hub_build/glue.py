"""Connects build infrastructure to Pelican: settings validated when Pelican starts, and the
warning counter of strict mode. The build itself is hub_site.build."""

from __future__ import annotations

import importlib
import logging
from pathlib import Path

from pelican import signals
from pelican.log import LimitFilter

from . import settings as declared
from . import staging
from .errors import BuildFailed, Problem

class WarningCounter(logging.Handler):
    """Counts the warnings of one build, for strict mode."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    @classmethod
    def install(cls) -> "WarningCounter":
        # Pelican's log filter remembers warnings across runs and would hide repeats from strict mode.
        LimitFilter._raised_messages.clear()
        LimitFilter._group_count.clear()
        counter = cls()
        logging.getLogger().addHandler(counter)
        return counter

    def emit(self, record):
        self.messages.append(record.getMessage())

    def remove(self) -> None:
        logging.getLogger().removeHandler(self)


def strict_problems(settings: dict, warnings: list[str]) -> list[Problem]:
    if not settings["HUB_STRICT"]:
        return []
    return [Problem("build", 0, "", f"warning in strict mode: {message}",
                    "fix the warning, or build with pelicanconf.py instead of publishconf.py") for message in warnings]


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
    if not getattr(type(pelican), "hub_build", False):
        problems.append(Problem("settings", 0, "PELICAN_CLASS", "Pelican's own class does not build the hub",
                                "set PELICAN_CLASS = \"hub_site.HubPelican\" (pelicanconf.py does; import it)"))
    if problems:
        raise BuildFailed(problems)
    declared.apply_defaults(settings, every)
    # Metadata is untrusted: every template autoescapes, whatever the settings say.
    # Each build makes its environment afresh, so templates need no re-check on every include.
    settings["JINJA_ENVIRONMENT"] = {"auto_reload": False, **settings.get("JINJA_ENVIRONMENT", {}),
                                     "autoescape": True}
    refused = staging.refusal(Path(pelican.output_path), Path(pelican.path))
    if refused:
        raise BuildFailed([Problem("settings", 0, "OUTPUT_PATH", refused,
                                   "build into an empty folder, or one an earlier hub build made (it holds .hub-output)")])


def register():
    signals.initialized.connect(on_initialized)
