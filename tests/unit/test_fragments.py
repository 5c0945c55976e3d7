"""Fragments: a part of pages is drawn once per key, and the renderer's clearing forgets it."""

from hub_pages.render import Fragments


def test_a_fragment_is_drawn_once_per_key_and_forgotten_when_cleared():
    calls = []

    def draw(*args):
        calls.append(args)
        return f"<li>{args}</li>"

    fragment = Fragments()
    assert fragment(("card", "/en/a/", None), draw, "a", 2) == "<li>('a', 2)</li>"
    assert fragment(("card", "/en/a/", None), draw, "a", 2) == "<li>('a', 2)</li>"
    assert fragment(("card", "/en/b/", None), draw, "b", 2) == "<li>('b', 2)</li>"
    assert calls == [("a", 2), ("b", 2)]
    fragment.clear()
    fragment(("card", "/en/a/", None), draw, "a", 2)
    assert calls == [("a", 2), ("b", 2), ("a", 2)]
