"""Interface strings the root pages show in every language at once.

Marked with N_ so that `invoke catalogs` extracts them; templates translate them
with each language's own catalog.
"""


def N_(message: str) -> str:
    return message


CHOOSE_LANGUAGE = N_("Choose your language")
READ_IN = N_("Read the hub in this language")
PAGE_NOT_FOUND = N_("Page not found")
NOT_FOUND_HELP = N_("This page does not exist or has moved. Start again from the home page:")
REMEMBER = N_("Your choice is remembered on this device.")
