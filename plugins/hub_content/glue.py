"""The content model's step of the build: read the whole content tree into the Hub."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from pelican.log import console

from hub_build.staging import folder_tag, published_path

from . import unchanged
from .hub import Hub, build_time, load_hub

logger = logging.getLogger(__name__)


CODE = Path(__file__).resolve().parents[1]  # the hub's plugins, all of them inputs of a build


def read_content(build) -> Hub | None:
    """The hub model of `build.content`; None when the build can stop here because its inputs are those
    of the build that made the published output (HUB_SKIP_UNCHANGED)."""
    settings = build.settings
    cache = Path(settings["HUB_CACHE_PATH"]) if settings.get("HUB_CACHE_PATH") else None
    inputs = None
    if cache and settings["HUB_SKIP_UNCHANGED"]:
        hashes = unchanged.load_hashes(cache)
        started = time.time_ns()  # files changed after this are not trusted by the next build's hashes
        inputs = unchanged.inputs(build.content, build.theme, CODE, settings, hashes)
        unchanged.save_hashes(cache, hashes, started)
        published = published_path(build.output)
        if unchanged.unchanged(cache, inputs, folder_tag(published) if published else None, build_time()):
            console.print(f"Hub: nothing changed since {published} was built (content, theme, code, settings; "
                          "no event ended, no deadline passed): it is kept as it is")
            return None
    hub = load_hub(build.content, settings, cache)
    for warning in hub.warnings:
        logger.warning("%s", warning)
    if inputs:
        unchanged.remember(cache, inputs, folder_tag(build.output),
                           unchanged.next_change(hub.translations.items(), hub.build_time))
    return hub


def register():
    pass  # no signals: hub_site.build calls read_content
