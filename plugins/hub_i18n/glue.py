"""Makes Jinja2's i18n extension available to every template environment."""

from pelican import signals

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
