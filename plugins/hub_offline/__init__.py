"""Offline reading: a service worker that keeps the theme and every page a reader visited, an
offline page per language, "Save for offline" on items with attachments, and links to each
language's offline pack (a ZIM file for Kiwix, written by `invoke offline-pack`, `zim.py`)."""

from .glue import OfflineExtension as extension


def register():
    pass  # no signals: the build asks the extension (hub_build.extensions)


__all__ = ["extension", "register"]
