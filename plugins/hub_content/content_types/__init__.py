"""The hub's built-in content types, one module each (see hub_content.types for what a module
declares, and HUB_CONTENT_TYPES for the list a hub uses)."""
