"""Connects the content model to Pelican: one generator that reads the whole tree
into `context['hub']` for every plugin above it."""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from .hub import load_hub

logger = logging.getLogger(__name__)


class HubContentGenerator(Generator):
    def generate_context(self):
        cache = self.settings.get("HUB_CACHE_PATH")
        hub = load_hub(Path(self.path), self.settings, Path(cache) if cache else None)
        for warning in hub.warnings:
            logger.warning("%s", warning)
        self.context["hub"] = hub


def get_generators(pelican):
    return HubContentGenerator


def register():
    signals.get_generators.connect(get_generators)
