"""Connects the content model to Pelican: one generator that reads the whole tree
into `context['hub']` for every plugin above it."""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals
from pelican.generators import Generator
from pelican.log import console

from hub_build.staging import folder_tag, published_path

from . import unchanged
from .hub import build_time, load_hub

logger = logging.getLogger(__name__)


CODE = Path(__file__).resolve().parents[1]  # the hub's plugins, all of them inputs of a build


class HubContentGenerator(Generator):
    def generate_context(self):
        cache = Path(self.settings["HUB_CACHE_PATH"]) if self.settings.get("HUB_CACHE_PATH") else None
        staging = Path(self.output_path)
        inputs = None
        if cache and self.settings["HUB_SKIP_UNCHANGED"]:
            inputs = unchanged.inputs(Path(self.path), Path(self.theme), CODE, self.settings)
            published = published_path(staging)
            if unchanged.unchanged(cache, inputs, folder_tag(published) if published else None, build_time()):
                console.print(f"Hub: nothing changed since {published} was built (content, theme, code, settings; "
                              "no event ended, no deadline passed): it is kept as it is")
                raise SystemExit(0)  # the empty staging folder goes with the process (hub_build)
        hub = load_hub(Path(self.path), self.settings, cache)
        for warning in hub.warnings:
            logger.warning("%s", warning)
        self.context["hub"] = hub
        if inputs:
            unchanged.remember(cache, inputs, folder_tag(staging),
                               unchanged.next_change(hub.translations.items(), hub.build_time))


def get_generators(pelican):
    return HubContentGenerator


def register():
    signals.get_generators.connect(get_generators)
