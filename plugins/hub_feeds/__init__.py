"""Atom feeds, one per language."""

from .glue import FeedsExtension as extension


def register():
    pass  # no signals: the build asks the extension (hub_build.extensions)


__all__ = ["extension", "register"]
