"""Build infrastructure: errors, declared settings, staged (atomic) output, strict mode."""

from .glue import register

__all__ = ["register"]
