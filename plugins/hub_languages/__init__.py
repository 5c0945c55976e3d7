"""The hub's one model of languages: codes, locales, scripts, fallback chains, URL prefixes."""

from .glue import register

__all__ = ["register"]
