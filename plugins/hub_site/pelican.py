"""Pelican, running the hub's build instead of its own generators (PELICAN_CLASS)."""

from __future__ import annotations

from pelican import Pelican, signals

from hub_build.errors import BuildFailed, ProblemsFound

from .build import build


class HubPelican(Pelican):
    """Pelican's command line, settings, plugin loading and signals; the hub's build."""

    hub_build = True  # hub_build refuses to start with any other class

    def run(self):
        try:
            build(self)
        except ProblemsFound as found:
            # A SystemExit: Pelican's command line prints a traceback for any Exception, and
            # coordinators need the plain list of problems instead.
            raise BuildFailed(found.problems) from None
        signals.finalized.send(self)
