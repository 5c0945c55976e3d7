"""Makes Jinja2's i18n extension available to every template environment, and loads the
interface catalogs for the build."""

import logging

from pelican import signals

from . import catalogs

logger = logging.getLogger(__name__)

EXTENSION = "jinja2.ext.i18n"


def on_initialized(pelican):
    environment = dict(pelican.settings.get("JINJA_ENVIRONMENT", {}))
    extensions = list(environment.get("extensions", []))
    if EXTENSION not in extensions:
        extensions.append(EXTENSION)
    environment["extensions"] = extensions
    pelican.settings["JINJA_ENVIRONMENT"] = environment


def register():
    signals.initialized.connect(on_initialized)


def load_catalogs(build) -> dict:
    """The interface catalog of every language (theme/translations); a catalog's problems are warnings."""
    found, problems = catalogs.load(build.theme / "translations", build.hub.languages)
    for problem in problems:
        logger.warning("%s", problem)
    return found
