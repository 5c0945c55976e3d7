"""One page of each type of the demo hub, by the address below the hub's root: what the byte budget
test (tests/browser/test_budget.py) and `invoke lighthouse` measure."""

PAGE_TYPES = {
    "home": "en/",
    "listing": "en/resources/",
    "resource": "en/resources/positive-discipline-guide/",
    "news": "en/news/hub-turns-ten/",
    "event": "en/events/regional-conference-child-participation/",
    "course": "en/courses/child-protection-basics/",
    "opportunity": "en/opportunities/child-protection-officer-tirana/",
    "browse": "en/topics/violence-against-children/",
    "search": "en/search/",
    "root": "",
    "404": "404.html",
}
