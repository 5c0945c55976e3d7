from hub_content.cache import ItemCache


def test_cache_is_keyed_by_content_and_place_not_time(tmp_path):
    cache = ItemCache(tmp_path)
    cache.put("news/a.md", "en", b"one", {"title": "A"})
    assert ItemCache(tmp_path).get("news/a.md", "en", b"one") == {"title": "A"}  # a new process, same bytes
    assert cache.get("news/a.md", "en", b"two") is None
    assert cache.get("sq/news/a.md", "sq", b"one") is None
    assert ItemCache(None).get("news/a.md", "en", b"one") is None
