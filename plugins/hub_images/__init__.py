"""Pictures: images resized into WebP sizes, PDF thumbnails, the social cards; alt-text checks."""

from .glue import PicturesExtension as extension, register  # noqa: F401
