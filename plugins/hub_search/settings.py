from hub_build.settings import Setting

SETTINGS = [
    Setting("HUB_SEARCH", bool, True,
            "False to build neither the search indexes nor the search pages (and no search box in the header)"),
    Setting("HUB_SEARCH_FALLBACKS", bool, True,
            "False to index only a language's own items, not those it shows through fallbacks (smaller indexes)"),
    Setting("HUB_SEARCH_GZIP", bool, False,
            "True to also write `.gz` twins of the search manifests and scripts, for hosts that serve "
            "precompressed files (nginx gzip_static); most hosts compress on their own"),
]
