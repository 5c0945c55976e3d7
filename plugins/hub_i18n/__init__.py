"""Interface translations (gettext catalogs managed with Babel) and CLDR formatting."""

from .glue import register

__all__ = ["register"]
