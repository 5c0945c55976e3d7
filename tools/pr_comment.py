"""The pull request's comment: the translation status of the content files it changes, and where to
download the built site to preview it.

    python tools/pr_comment.py STATUS.json CHANGED.txt [PREVIEW_URL] > comment.md

STATUS.json is `invoke status --format json`; CHANGED.txt the changed files, one a line, from the
repository's root (`git diff --name-only`). The workflow posts the text (.github/workflows/pr.yml).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

CONTENT = "content/"
MARKS = {"translated": "✅ up to date", "stale": "⚠️ out of date", "missing": "➖ missing", "original": "📝 original"}


def comment(status: dict, changed: list[str], preview_url: str = "") -> str:
    rows, states = {}, _states(status)
    for path in changed:
        if not path.startswith(CONTENT) or not path.endswith(".md"):
            continue
        rel = path[len(CONTENT):]
        original = next((o for o, versions in states.items() if o == rel or rel in versions.values()), None)
        if original is not None:
            rows[original] = states[original]
    languages = sorted(status.get("languages", {}))
    lines = ["### Translation status of the changed files", ""]
    if rows:
        lines += ["| original | " + " | ".join(languages) + " |", "| --- | " + " | ".join("---" for _ in languages) + " |"]
        for original, versions in sorted(rows.items()):
            # every language's status names every original but in its own language
            cells = [MARKS[versions.get(code, ("original", ""))[0]] for code in languages]
            lines.append(f"| `content/{original}` | " + " | ".join(cells) + " |")
        lines += ["", "Out of date: the original changed after the translation was made; missing: no translation "
                      "yet. Translators: docs/translators.md says how to bring each up to date."]
    else:
        lines.append("No translated content file changes in this pull request.")
    history = status.get("history", {})
    if history and not history.get("available", True):
        lines += ["", f"Note: {history.get('reason', 'the git history was not available')}"]
    lines += ["", "### Preview", ""]
    if preview_url:
        lines.append(f"The built site: [download it]({preview_url}), unzip it and open `index.html` through a local "
                     "server (`python3 -m http.server` in the unzipped folder), or see the checks' log.")
    else:
        lines.append("The site was not built: the check or the build failed; the checks list each problem on its line.")
    return "\n".join(lines) + "\n"


def _states(status: dict) -> dict[str, dict[str, tuple[str, str]]]:
    """original -> language -> (state, translation file)."""
    found: dict[str, dict[str, tuple[str, str]]] = {}
    for code, language in status.get("languages", {}).items():
        for state in ("translated", "stale"):
            for entry in language.get(state, []):
                found.setdefault(entry["original"], {})[code] = (state, entry["translation"])
        for entry in language.get("missing", []):
            found.setdefault(entry["original"], {})[code] = ("missing", "")
    return found


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    status = json.loads(Path(argv[0]).read_text("utf-8"))
    changed = [line.strip() for line in Path(argv[1]).read_text("utf-8").splitlines() if line.strip()]
    sys.stdout.write(comment(status, changed, argv[2] if len(argv) == 3 else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
