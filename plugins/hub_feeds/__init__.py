"""Atom feeds, one per language."""

from .glue import register

__all__ = ["register"]
