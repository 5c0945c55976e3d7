"""The golden multilingual fixture: build it, compare it with tests/golden/expected/.

Run `invoke golden` to regenerate the expected output after an intended change, then
read the diff before committing it.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hubtest import build, snapshot

GOLDEN = Path(__file__).resolve().parent / "golden"
EXPECTED = GOLDEN / "expected"
COPIED_ASSETS = "theme/"  # the theme's static files are copied verbatim, not generated


def generated(output: Path) -> dict[str, bytes]:
    return {path: data for path, data in snapshot(output).items() if not path.startswith(COPIED_ASSETS)}


def build_golden(output: Path) -> dict[str, bytes]:
    result = build(GOLDEN / "content", output, GOLDEN / "settings.py")
    if result.returncode != 0:
        raise RuntimeError(result.stderr + result.stdout)
    return generated(output)


def regenerate() -> None:
    with tempfile.TemporaryDirectory() as folder:
        files = build_golden(Path(folder) / "output")
    shutil.rmtree(EXPECTED, ignore_errors=True)
    for path, data in files.items():
        target = EXPECTED / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    print(f"Wrote {len(files)} files to {EXPECTED}")
