"""`invoke bench-build`: time the hub's build on a generated hub shaped like the real one.

Generates `items` items (tools/corpus.py: the real hub's language mix and type shares), then
times, each as a separate `pelican` process measured with os.wait4 (wall time, peak memory of the
largest process):

- cold: no cache; the previous output is there, so the time includes replacing it, as a
  pull request's production build on a fresh runner with a published site would;
- warm: nothing changed since the last build;
- one edit: one English resource's body changed;
- with --vs-hugo, Hugo on the same documents (tools/hugo_site.py), in turn with ours, cleaning
  its output first and counting that time as ours counts replacing the previous output.

Each stage's time comes from the build's own log (`pelican -v`, hub_build's "hub stage" lines).
Machines are noisy: every figure is the median of `runs` runs.
"""

from __future__ import annotations

import os
import re
import runpy
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from corpus import generate  # noqa: E402

STAGE = re.compile(r"hub stage (.+?): ([\d.]+) s")
EPOCH = "1795262400"  # 2026-11-21 12:00 UTC, as the tests: same corpus, same site


def run_build(content: Path, output: Path, conf: Path) -> dict:
    """One build in its own process: wall seconds, peak memory (MB) of its largest process and of all
    its processes together, and each stage's seconds."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "COLUMNS": "200"}
    started = time.monotonic()
    process = subprocess.Popen([sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s", str(conf),
                                "-v"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    together = TreeMemory(process.pid)
    together.start()
    log = process.stdout.read().decode(errors="replace")
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - started
    together.stop()
    process.stdout.close()
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"the build failed:\n{log[-4000:]}")
    stages: dict[str, float] = {}
    for name, value in STAGE.findall(log):
        stages[name] = stages.get(name, 0.0) + float(value)
    return {"seconds": seconds, "peak_mb": usage.ru_maxrss / 1024, "all_mb": together.peak_mb, "stages": stages}


class TreeMemory(threading.Thread):
    """The peak of a process's and its children's memory together, sampled twice a second (Linux).

    Each process counts its proportional set size (PSS): pages a forked worker still shares with
    the build's process are counted once between them, not once in each, as the largest process's
    resident size (ru_maxrss) counts them. Elsewhere it reports 0."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak_mb, self.done = pid, 0.0, threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.5):
            self.peak_mb = max(self.peak_mb, sum(map(pss_mb, tree(self.pid))))

    def stop(self) -> None:
        self.done.set()
        self.join()


def tree(pid: int) -> list[int]:
    found = [pid]
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as children:
                for child in children.read().split():
                    found += tree(int(child))
    except OSError:  # ended meanwhile, or not Linux
        pass
    return found


def pss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def site_size(output: Path) -> dict:
    files = [path for path in output.rglob("*") if path.is_file()]
    search = [path for path in files if "search" in path.relative_to(output).parts[1:2]]
    pages = [path for path in files if path.suffix == ".html"]
    return {"files": len(files), "bytes": sum(path.stat().st_size for path in files), "pages": len(pages),
            "search files": len(search)}


def median_run(runs: int, prepare, measure) -> dict:
    results = []
    for _ in range(runs):
        prepare()
        results.append(measure())
    best = sorted(results, key=lambda result: result["seconds"])[len(results) // 2]
    stages = {name: statistics.median(result["stages"].get(name, 0.0) for result in results)
              for name in results[0].get("stages", {})}
    return {**best, "seconds": statistics.median(r["seconds"] for r in results),
            "all": [round(r["seconds"], 2) for r in results], "stages": stages}


def edit(content: Path, number: int) -> None:
    """Change the body of one English resource (a different word each time, so each edit is new)."""
    path = min((content / "resources").glob("item-*.md"))
    text = path.read_text(encoding="utf-8")
    head, body = text.split("\n---\n", 1)
    path.write_text(f"{head}\n---\nEdited {number}. {body.split('. ', 1)[-1]}", encoding="utf-8")


def report(label: str, result: dict) -> None:
    stages = ", ".join(f"{name} {seconds:.1f}" for name, seconds in result["stages"].items() if seconds >= 0.05)
    together = f" (all processes {result['all_mb']:.0f} MB)" if result.get("all_mb") else ""
    print(f"{label:<26} {result['seconds']:8.2f} s  (runs {result['all']})  peak {result['peak_mb']:6.0f} MB"
          f"{together}")
    if stages:
        print(f"{'':<26} stages, s: {stages}")


def published_page_size() -> int:
    """The published hub's items per listing page (publishconf.py), which the bench builds with."""
    return runpy.run_path(str(ROOT / "publishconf.py"))["HUB_PAGE_SIZE"]


def main(items: int, runs: int, vs_hugo: bool, keep: str = "", copies_off: bool = False) -> None:
    folder = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="hub-bench-"))
    content, output, cache = folder / "content", folder / "output", folder / "cache"
    started = time.monotonic()
    generate(content, items, ROOT / "content")
    sources = sum(1 for _ in content.rglob("*.md"))
    print(f"generated {items} items ({sources} source files with the demo's) in {time.monotonic() - started:.0f} s "
          f"in {folder}; {os.cpu_count()} cores")
    conf = folder / "benchconf.py"
    page_size = published_page_size()
    conf.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
                    f"HUB_CACHE_PATH = {str(cache)!r}\nHUB_PAGE_SIZE = {page_size}\n", encoding="utf-8")
    hugo = None
    if vs_hugo:
        import hugo_site

        hugo_site.hugo_binary()  # fails early, with the way to install it
        documents = hugo_site.write_site(content, folder / "hugo", hugo_site.LANGUAGES, page_size=page_size)
        print(f"Hugo site: {documents} documents")
    build = lambda: run_build(content, output, conf)  # noqa: E731
    try:
        run_build(content, output, conf)  # so that every cold run replaces a published site
        cold = median_run(runs, lambda: shutil.rmtree(cache, ignore_errors=True), build)
        size = site_size(output)
        if vs_hugo:
            def hugo_run():
                measured = hugo_site.build(folder / "hugo", folder / "hugo-output")
                return {"seconds": measured["seconds"] + measured["clean_seconds"], "peak_mb": measured["peak_mb"],
                        "stages": {"clean": measured["clean_seconds"], "build": measured["seconds"]},
                        "files": measured["files"], "bytes": measured["bytes"]}
            hugo = median_run(runs, lambda: None, hugo_run)
        warm = median_run(runs, lambda: None, build)
        edits = iter(range(1, 1000))
        one_edit = median_run(runs, lambda: edit(content, next(edits)), build)
        if copies_off:  # one cold build linking to the versions in fallback languages instead of copies
            off_conf = folder / "benchconf-copies-off.py"
            off_conf.write_text(conf.read_text(encoding="utf-8") + "HUB_FALLBACK_COPIES = False\n"
                                f"HUB_CACHE_PATH = {str(folder / 'cache-copies-off')!r}\n", encoding="utf-8")
            shutil.rmtree(folder / "cache-copies-off", ignore_errors=True)
            off = run_build(content, folder / "output-copies-off", off_conf)
            off_size = site_size(folder / "output-copies-off")
    finally:
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"site: {size['pages']} pages, {size['files']} files, {size['bytes'] / 1e6:.0f} MB; search: "
          f"{size['search files']} files ({100 * size['search files'] / max(1, size['files'] - size['search files']):.1f}%"
          " of the other files)")
    report("cold build (no cache)", cold)
    report("warm build (no change)", warm)
    report("one edited body", one_edit)
    if copies_off:
        report("cold build, copies off", {**off, "all": [round(off["seconds"], 2)]})
        print(f"site with copies off: {off_size['pages']} pages, {off_size['files']} files, "
              f"{off_size['bytes'] / 1e6:.0f} MB; search: {off_size['search files']} files")
    if hugo:
        report("Hugo (clean + build)", hugo)
        print(f"Hugo site: {hugo['files']} files, {hugo['bytes'] / 1e6:.0f} MB")
        print(f"cold build / Hugo: {cold['seconds'] / hugo['seconds']:.1f}x")
