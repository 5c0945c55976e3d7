"""The hub's build, read top to bottom in `build.py`, and the Pelican class that runs it.

pelicanconf.py sets PELICAN_CLASS = "hub_site.HubPelican": Pelican reads the settings, loads
the plugins and fires its signals; the hub's build replaces Pelican's own generators.
"""

from .pelican import HubPelican

__all__ = ["HubPelican"]
