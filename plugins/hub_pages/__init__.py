"""The per-language hub: home, listings, browse pages, item pages, fallbacks, root."""

from .glue import register

__all__ = ["register"]
