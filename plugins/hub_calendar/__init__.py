"""iCalendar files: one per event and one feed of events per language."""

from .glue import register  # noqa: F401
