import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from hubtest import build, settings_file, write_tree  # noqa: E402
from payloads import hostile_site  # noqa: E402

LANGUAGES = ["en", "sr"]
SETTINGS = """
HUB_LANGUAGES = [{**l, "fallbacks": []} for l in HUB_LANGUAGES if l["code"] in ("en", "sr")]
HUB_PAGE_SIZE = 100
"""


@pytest.fixture(scope="session")
def hostile(tmp_path_factory):  # shared with the browser test
    root = tmp_path_factory.mktemp("hostile")
    content = write_tree(root / "content", hostile_site(LANGUAGES))
    result = build(content, root / "output", settings_file(root, SETTINGS))
    assert result.returncode == 0, result.stderr
    return root / "output"


