"""Translation status from git: stale notices on pages, a status page per language,
and the data `invoke status` prints."""

from .glue import register  # noqa: F401
