"""Interface strings the root pages show in every language at once, and the names of shared
fields and search filters. A content type's own strings (section, listings, home block, its
fields' headings) are in its module (hub_content/content_types/).

Marked with N_ so that `invoke catalogs` extracts them; templates translate them
with each language's own catalog.
"""

from hub_content.types import N_


CHOOSE_LANGUAGE = N_("Choose your language")
READ_IN = N_("Read the hub in this language")
PAGE_NOT_FOUND = N_("Page not found")
NOT_FOUND_HELP = N_("This page does not exist or has moved. Start again from the home page:")
REMEMBER = N_("Your choice is remembered on this device.")


# Names of the fields every section may browse, as headings of their browse pages (a content type
# names its own fields' headings: ContentType.headings).
FIELDS = {
    "topics": N_("Topics"),
    "countries": N_("Countries"),
    "partners": N_("Partners"),
}

# Names of the search page's filters.
SEARCH_FILTERS = {
    "section": N_("Section"),
    "type": N_("Type"),
    "topics": N_("Topic"),
    "countries": N_("Country"),
}

# Issue 13 (a): the root chooser marks the language the browser asks for first.
SUGGESTED = N_("Your browser's language")
