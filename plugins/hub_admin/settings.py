import re

from hub_build.errors import ProblemFound
from hub_build.settings import Setting


def _repository(value, settings):
    if value and not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9_.-]+", value):  # owners have no dots
        raise ProblemFound(f"{value!r} is not a GitHub repository", "write it as OWNER/NAME, e.g. childhub/hub")


def _address(value, settings):
    if value and not re.fullmatch(r"https?://[^\s/]+(/\S*)?", value):
        raise ProblemFound(f"{value!r} is not a web address", "write a full address such as https://auth.example.org")


SETTINGS = [
    Setting("HUB_ADMIN", bool, True,
            "publishes the web editor (Decap CMS) at /admin/; False leaves /admin/ out of the site"),
    Setting("HUB_ADMIN_REPOSITORY", str, "",
            "the GitHub repository the editor commits to, OWNER/NAME; \"\" uses only the local backend "
            "(npx decap-server), for working on one's own machine", check=_repository),
    Setting("HUB_ADMIN_BRANCH", str, "main", "the branch the editor's pull requests go into"),
    Setting("HUB_ADMIN_AUTH_URL", str, "",
            "the address of the OAuth service that signs coordinators in to GitHub (Decap's base_url); "
            "\"\" is Netlify's", check=_address),
    Setting("HUB_ADMIN_LOCAL_BACKEND", str, "http://localhost:8081/api/v1",
            "where the editor looks for decap-server when it is opened on localhost", check=_address),
]
