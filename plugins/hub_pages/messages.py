"""Interface strings the root pages show in every language at once.

Marked with N_ so that `invoke catalogs` extracts them; templates translate them
with each language's own catalog.
"""

from hub_content.types import CONTENT_TYPES


def N_(message: str) -> str:
    return message


CHOOSE_LANGUAGE = N_("Choose your language")
READ_IN = N_("Read the hub in this language")
PAGE_NOT_FOUND = N_("Page not found")
NOT_FOUND_HELP = N_("This page does not exist or has moved. Start again from the home page:")
REMEMBER = N_("Your choice is remembered on this device.")


# What each section is called, in the navigation and as a listing's heading.
SECTIONS = {
    "news": N_("News"),
    "resource": N_("Library"),
    "event": N_("Events"),
    "course": N_("Courses"),
    "opportunity": N_("Opportunities"),
    "country": N_("Countries"),
    "partner": N_("Partners"),
    "page": N_("Pages"),
}

# A section's content type name by its folder (search results name their section by folder).
SECTION_OF_FOLDER = {content_type.folder: content_type.name for content_type in CONTENT_TYPES}

# Headings of a section's listings, by (content type, listing).
LISTINGS = {
    ("news", "all"): N_("News"),
    ("resource", "all"): N_("Library"),
    ("event", "upcoming"): N_("Upcoming events"),
    ("event", "past"): N_("Past events"),
    ("course", "all"): N_("Courses"),
    ("opportunity", "open"): N_("Open opportunities"),
    ("opportunity", "closed"): N_("Closed opportunities"),
    ("country", "all"): N_("Countries"),
    ("partner", "all"): N_("Partners"),
}

# Home page blocks: heading and the link to the whole listing.
HOME = {
    "news": (N_("Latest news"), N_("All news")),
    "resource": (N_("New in the library"), N_("The whole library")),
    "event": (N_("Upcoming events"), N_("All upcoming events")),
    "course": (N_("Online courses"), N_("All courses")),
    "opportunity": (N_("Open opportunities"), N_("All open opportunities")),
}

# Names of the browsed fields, as headings of their browse pages.
FIELDS = {
    "topics": N_("Topics"),
    "countries": N_("Countries"),
    "resource_type": N_("Types of resource"),
    "event_type": N_("Types of event"),
    "year": N_("Years"),
    "kind": N_("Kinds of opportunity"),
    "level": N_("Levels"),
}

# Names of the search page's filters.
SEARCH_FILTERS = {
    "section": N_("Section"),
    "type": N_("Type"),
    "topics": N_("Topic"),
    "countries": N_("Country"),
}
