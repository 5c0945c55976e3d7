from hub_build.errors import ProblemFound
from hub_build.settings import Setting


def _widths(value, settings):
    if not value or any(not isinstance(w, int) or isinstance(w, bool) or not 16 <= w <= 4096 for w in value):
        raise ProblemFound(f"must be a list of whole numbers from 16 to 4096, got {value!r}",
                           "set widths in pixels such as [320, 640, 960, 1280]")


def _positive(value, settings):
    if value < 1:
        raise ProblemFound(f"must be at least 1, got {value}", "set a whole number such as 5000000")


SETTINGS = [
    Setting("HUB_IMAGE_WIDTHS", list, [320, 640, 960, 1280],
            "the widths in pixels, each at most the original's, that every image is resized to (WebP)", check=_widths),
    Setting("HUB_THUMBNAIL_WIDTHS", list, [160, 320],
            "the widths in pixels of a PDF's first-page thumbnail (WebP)", check=_widths),
    Setting("HUB_IMAGE_MAX_BYTES", int, 5_000_000, "the largest image file an item may show, in bytes",
            check=_positive),
    Setting("HUB_IMAGE_MAX_PIXELS", int, 25_000_000, "the largest image an item may show, in pixels (width × height)",
            check=_positive),
    Setting("HUB_SOCIAL_CARD", bool, True,
            "True: a 1200×630 social card per language (the hub's name and tagline) is each page's og:image "
            "when the page has no picture of its own"),
    Setting("HUB_SOCIAL_CARD_FONT", str, "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
            "the TrueType font the social cards are drawn with (Debian's fonts-dejavu-core; it has Cyrillic)"),
]
