"""The web editor at /admin/: a pinned Decap CMS whose configuration is generated from the content types."""

from .glue import register  # noqa: F401
