"""Translation status from git: notices on stale translations and a status page per language."""

from .glue import StatusExtension as extension


def register():
    pass  # no signals: the build asks the extension (hub_build.extensions)


__all__ = ["extension", "register"]
