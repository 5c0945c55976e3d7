"""iCalendar files: one per event and one feed of events per language."""

from .glue import CalendarExtension as extension


def register():
    pass  # no signals: the build asks the extension (hub_build.extensions)


__all__ = ["extension", "register"]
