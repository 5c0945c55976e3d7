"""The web editor at /admin/: a pinned Decap CMS whose configuration is generated from the content types."""

from .glue import AdminExtension as extension


def register():
    pass  # no signals: the build asks the extension (hub_build.extensions)


__all__ = ["extension", "register"]
