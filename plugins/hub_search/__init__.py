"""Client-side search: an index per language, built with the hub's own text pipeline, and a
search page per language that queries it in the reader's browser."""

from .glue import SearchExtension as extension


def register():
    pass  # no signals: the build asks the extension (hub_build.extensions)


__all__ = ["extension", "register"]
