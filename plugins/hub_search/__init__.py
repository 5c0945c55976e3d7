"""Client-side search: a split lunr index per language, built with the hub's own text pipeline,
and a search page per language that queries it in the reader's browser."""

from .glue import register  # noqa: F401
