"""Reproducible builds, and builds killed half-way that leave the published site alone."""

import os
import random
import shutil
import signal
import subprocess
import sys
import time

import pytest

from hubtest import EPOCH, ROOT, build, settings_file, snapshot

sys.path.insert(0, str(ROOT / "tools"))
from corpus import generate  # noqa: E402


def copy_with_mtimes(source, target, seed):
    shutil.copytree(ROOT / "content", target)
    rng = random.Random(seed)
    for path in target.rglob("*"):
        stamp = rng.randint(1_000_000_000, 1_900_000_000)
        os.utime(path, (stamp, stamp))
    return target


def test_same_content_gives_the_same_bytes_whatever_the_environment(tmp_path):
    runs = [({"PYTHONHASHSEED": "1", "TZ": "UTC", "LC_ALL": "C"}, 1),
            ({"PYTHONHASHSEED": "4242", "TZ": "Pacific/Auckland", "LC_ALL": "C.UTF-8", "LANG": "sr_RS.UTF-8"}, 2)]
    outputs = []
    for number, (env, seed) in enumerate(runs):
        content = copy_with_mtimes(ROOT / "content", tmp_path / f"content{number}", seed)
        # the content folder's path differs too: nothing may depend on it
        result = build(content, tmp_path / f"out{number}", settings_file(tmp_path), env=env)
        assert result.returncode == 0, result.stderr
        outputs.append(snapshot(tmp_path / f"out{number}"))
    assert outputs[0].keys() == outputs[1].keys()
    different = [path for path in outputs[0] if outputs[0][path] != outputs[1][path]]
    assert different == []


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("kill")
    generate(root / "content", 80, ROOT / "content")
    return root


# Where each kill lands (plugins/hub_build/phases.py), and what the staging folder must then hold to
# prove it: some pages but no feed yet inside the render; pages and feeds but no calendar or sitemap
# inside the writers; everything just before the swap.
PHASES = {  # phase: (globs that must match in the staging folder, paths that must not be there yet)
    "render:5": (["*/**/index.html"], ["en/feed.atom", "sitemap.xml"]),
    "calendars:1": (["en/news/*/index.html", "en/feed.atom", "sr/news/feed.atom"], ["en/events.ics", "sitemap.xml"]),
    "swap:1": (["en/events.ics", "sitemap.xml", "en/search/manifest.json"], []),
}


def stopped(pid: int) -> bool:
    try:
        return open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0] == "T"
    except FileNotFoundError:
        return False


# Every phase with the cache on (unchanged pages are then hard-linked from the published output, the
# riskier path); the render also without it. Each case builds twice, so the suite keeps to four.
@pytest.mark.parametrize("phase, cache", [("render:5", False)] + [(phase, True) for phase in sorted(PHASES)])
def test_a_build_killed_in_each_phase_leaves_the_previous_output_byte_identical(corpus, phase, cache, tmp_path):
    """The build stops itself at a named phase (HUB_STOP_AT), the test checks that it is there, and
    kills it. With the cache on, unchanged pages are hard-linked from the published output: a killed
    build must still leave it as it was."""
    output = tmp_path / "output"
    settings = settings_file(tmp_path, f"HUB_CACHE_PATH = {str(tmp_path / 'cache')!r}\n" if cache else "")
    assert build(corpus / "content", output, settings).returncode == 0
    before = snapshot(output)
    changed = min((corpus / "content" / "news").glob("item-*.md"))
    original = changed.read_text()
    changed.write_text(original.replace("\n---\n", "\n---\nChanged. ", 1))
    note = tmp_path / "stopped-at"
    try:
        process = subprocess.Popen([sys.executable, "-m", "pelican", str(corpus / "content"), "-o", str(output),
                                    "-s", str(settings)], cwd=tmp_path, start_new_session=True,
                                   env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "HUB_STOP_AT": phase,
                                        "HUB_STOP_NOTE": str(note)},
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            while not (note.exists() and note.read_text().endswith("\n")
                       and stopped(int(note.read_text().split()[-1]))):
                assert process.poll() is None, f"the build ended without reaching {phase}"
                time.sleep(0.05)
            name, count, _ = note.read_text().rsplit(" ", 2)
            assert f"{name}:{count}" == phase
            staged = tmp_path / f".output.staging-{process.pid}"
            present, absent = PHASES[phase]
            for pattern in present:
                assert any(staged.glob(pattern)), f"killed at {phase}, but nothing matching {pattern} was written yet"
            for path in absent:
                assert not (staged / path).exists(), f"killed at {phase}, but {path} was already written"
            assert snapshot(output) == before
        finally:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        assert snapshot(output) == before
        rebuilt = build(corpus / "content", output, settings)
        assert rebuilt.returncode == 0
        assert "Changed." in (output / f"en/news/{changed.stem}/index.html").read_text()
        assert not list(tmp_path.glob(".output.staging-*")), "leftovers of the killed build were not cleaned"
    finally:
        changed.write_text(original)


def test_bom_and_crlf_give_the_same_site_as_the_clean_file(tmp_path):
    clean = "---\ntitle: Čuvanje djece\ndate: 2024-12-04\nsummary: Kratko.\n---\nPrvi red.\n\n- a\n- b\n"
    outputs = []
    for number, data in enumerate([clean.encode(), b"\xef\xbb\xbf" + clean.replace("\n", "\r\n").encode()]):
        content = tmp_path / f"content{number}"
        (content / "news").mkdir(parents=True)
        (content / "news" / "cuvanje.md").write_bytes(data)
        assert build(content, tmp_path / f"out{number}", settings_file(tmp_path)).returncode == 0
        outputs.append(snapshot(tmp_path / f"out{number}"))
    assert outputs[0] == outputs[1]


def test_every_source_file_is_accounted_for_in_the_summary(tmp_path):
    content = tmp_path / "content"
    for rel, text in {"news/a.md": "---\ntitle: A\ndate: 2024-01-01\n---\n",
                      "news/b.md": "---\ntitle: B\ndate: 2024-01-01\nstatus: draft\n---\n",
                      "sr/news/a.md": "---\ntitle: А\n---\n"}.items():
        (content / rel).parent.mkdir(parents=True, exist_ok=True)
        (content / rel).write_text(text)
    result = build(content, tmp_path / "out", settings_file(tmp_path))
    summary = " ".join(result.stdout.split())
    assert "Hub: 3 source files: 2 items published, 1 drafts, 0 vocabularies" in summary


def test_a_second_build_of_the_same_output_waits_for_the_first(corpus, tmp_path):
    """Two builds of one output at once (a live server's rebuild and a build from the command line):
    the second must neither take the first's staging folder for a killed build's leftover (the
    first then failed with a traceback) nor publish under it. It waits, then builds and publishes."""
    output = tmp_path / "output"
    settings = settings_file(tmp_path)
    note = tmp_path / "stopped-at"
    command = [sys.executable, "-m", "pelican", str(corpus / "content"), "-o", str(output), "-s", str(settings)]
    environment = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    first = subprocess.Popen(command, cwd=tmp_path, start_new_session=True,
                             env={**environment, "HUB_STOP_AT": "calendars:1", "HUB_STOP_NOTE": str(note)},
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    second = None
    try:
        while not (note.exists() and note.read_text().endswith("\n") and stopped(first.pid)):
            assert first.poll() is None, first.stdout.read()
            time.sleep(0.05)
        staged = tmp_path / f".output.staging-{first.pid}"
        assert staged.is_dir()
        second = subprocess.Popen(command, cwd=tmp_path, env=environment, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, text=True)
        time.sleep(3)
        assert second.poll() is None, second.stdout.read()  # still waiting
        assert staged.is_dir(), "the second build took the first one's staging folder"
        assert not output.exists()
        os.kill(first.pid, signal.SIGCONT)
        first_log, _ = first.communicate(timeout=300)
        assert first.returncode == 0, first_log
        assert (output / "en/events.ics").exists()
        second_log, _ = second.communicate(timeout=300)
        assert second.returncode == 0, second_log
        assert "another build is writing" in second_log and "Traceback" not in second_log
        assert (output / "en/events.ics").exists() and (output / "sitemap.xml").exists()
    finally:
        for process in (first, second):
            if process and process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL) if process is first else process.kill()
                process.wait()
