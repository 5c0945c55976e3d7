"""The content model: reading Markdown items with YAML front matter, vocabularies,
and the one translation map every other plugin asks."""

from .glue import register

__all__ = ["register"]
