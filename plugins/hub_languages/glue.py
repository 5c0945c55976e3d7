"""No signals of its own: the language table is validated with every other setting
by hub_build (see settings.py), and read by the other plugins through `model`."""


def register():
    pass
