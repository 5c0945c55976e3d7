"""`invoke publish`: a built hub copied with the real rclone, only what changed: to a local folder and to an
SFTP server (rclone's own), with the refusals that keep it from deleting what is not the hub's."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hubtest import ROOT, snapshot

sys.path.insert(0, str(ROOT / "tools"))

from publish import MARKER, parse_destination, shown, sync_command  # noqa: E402

RCLONE = shutil.which("rclone")

# rclone comes from Debian (`./hub setup` installs it); in CI everything must run, so it is only
# skipped on a machine without it, outside CI.
needs_rclone = pytest.mark.skipif(RCLONE is None and os.environ.get("CI") != "true",
                                  reason="rclone is not installed (apt-get install rclone, or ./hub setup)")


def publish(*arguments: str, path: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, "COLUMNS": "200", **(env or {})}
    if path is not None:
        environment["PATH"] = path
    return subprocess.run([sys.executable, "-m", "invoke", "-r", str(ROOT), "publish", *arguments],
                          cwd=ROOT, capture_output=True, text=True, env=environment, timeout=300)


def stamps(folder: Path) -> dict[str, tuple[int, int]]:
    """Each file's inode and modification time: both stay when rclone leaves a file alone."""
    return {p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file()}


def counted(log: str, label: str) -> int:
    """A count from rclone's summary, e.g. `Transferred:   1 / 1, 100%` (0 when the line is absent)."""
    found = re.findall(rf"^{label}:\s+(\d+) / \d+, ", log, re.MULTILINE) or re.findall(
        rf"^{label}:\s+(\d+) \(files\)", log, re.MULTILINE)
    return int(found[-1]) if found else 0


@pytest.fixture
def site(demo, tmp_path):
    """A copy of the demo build, which this test may change."""
    copy = tmp_path / "site"
    shutil.copytree(demo, copy)
    return copy


@needs_rclone
def test_rclone_is_there_in_ci():
    assert RCLONE, "rclone is missing: ./hub setup installs it from Debian"


@needs_rclone
def test_publishes_the_site_then_only_what_changed(site, tmp_path):
    destination = tmp_path / "published"
    first = publish("--output", str(site), "--target", str(destination))
    assert first.returncode == 0, first.stderr
    assert snapshot(destination) == snapshot(site)
    assert (destination / MARKER).is_file(), "the marker is published, so a later publish knows the folder"
    assert counted(first.stderr, "Transferred") == len(snapshot(site))
    before = stamps(destination)

    # A rebuild writes every file again with the same bytes (new mtimes); one page changed, one went.
    for file in site.rglob("*"):
        if file.is_file():
            os.utime(file)
    changed, gone = site / "en" / "index.html", site / "sq" / "news" / "hub-turns-ten" / "index.html"
    changed.write_text(changed.read_text(encoding="utf-8") + "<!-- edited -->\n", encoding="utf-8")
    gone.unlink()

    second = publish("--output", str(site), "--target", str(destination))
    assert second.returncode == 0, second.stderr
    assert snapshot(destination) == snapshot(site), "the destination mirrors the site, deletions included"
    assert not (destination / "sq" / "news" / "hub-turns-ten" / "index.html").exists()
    assert counted(second.stderr, "Transferred") == 1, second.stderr
    assert counted(second.stderr, "Deleted") == 1, second.stderr
    after = stamps(destination)
    untouched = set(before) - {"en/index.html", "sq/news/hub-turns-ten/index.html"}
    assert {p: after[p] for p in untouched} == {p: before[p] for p in untouched}, "identical files were copied again"

    third = publish("--output", str(site), "--target", str(destination))
    assert third.returncode == 0 and counted(third.stderr, "Transferred") == 0, third.stderr
    assert stamps(destination) == after


@needs_rclone
def test_a_dry_run_lists_the_changes_and_changes_nothing(site, tmp_path):
    destination = tmp_path / "published"
    assert publish("-o", str(site), "-t", str(destination)).returncode == 0
    before = stamps(destination)
    (site / "en" / "index.html").write_text("changed\n", encoding="utf-8")
    dry = publish("-o", str(site), "-t", str(destination), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "en/index.html: Skipped copy as --dry-run is set" in dry.stderr
    assert "Dry run" in dry.stdout and stamps(destination) == before


def refused(result: subprocess.CompletedProcess, *words: str) -> None:
    said = result.stdout + result.stderr
    assert result.returncode != 0, said
    assert "Traceback" not in said, said
    assert "Not published:" in result.stderr, said
    for word in words:
        assert word in result.stderr, said


@needs_rclone
def test_refuses_a_missing_output_folder_and_one_no_build_made(tmp_path):
    destination = tmp_path / "published"
    refused(publish("-o", str(tmp_path / "nowhere"), "-t", str(destination)), "does not exist", "invoke build")
    stranger = tmp_path / "stranger"
    stranger.mkdir()
    (stranger / "index.html").write_text("not a hub\n", encoding="utf-8")
    refused(publish("-o", str(stranger), "-t", str(destination)), "not made by a hub build", MARKER)
    assert not destination.exists()


@needs_rclone
def test_refuses_without_a_destination_or_rclone(demo, tmp_path):
    refused(publish("-o", str(demo)), "--target")
    refused(publish("-o", str(demo), "-t", "  "), "--target")
    empty = tmp_path / "bin"
    empty.mkdir()
    refused(publish("-o", str(demo), "-t", str(tmp_path / "published"), path=str(empty)),
            "rclone is not installed", "apt-get install rclone", "./hub setup")


@needs_rclone
def test_refuses_destinations_where_sync_would_delete_what_is_not_the_hubs(demo, site, tmp_path):
    other = tmp_path / "www"
    (other / "blog").mkdir(parents=True)
    (other / "blog" / "index.html").write_text("someone else's site\n", encoding="utf-8")
    refused(publish("-o", str(demo), "-t", str(other)), "a hub did not publish", "delete")
    assert (other / "blog" / "index.html").read_text(encoding="utf-8") == "someone else's site\n"
    refused(publish("-o", str(site), "-t", str(site / "copy")), "overlap")
    refused(publish("-o", str(site), "-t", str(tmp_path)), "overlap")
    assert snapshot(site) == snapshot(demo)


def test_the_command_line():
    assert MARKER == __import__("hub_build.staging", fromlist=["MARKER"]).MARKER
    local = sync_command("rclone", Path("public"), "/var/www/hub")
    assert local[:3] == ["rclone", "sync", "--checksum"] and local[-2:] == ["public", "/var/www/hub"]
    assert "--fast-list" not in local and "--dry-run" not in local
    bucket = sync_command("rclone", Path("public"), ":s3,provider=AWS,env_auth=true:bucket", dry_run=True,
                          fast_list=True)
    assert "--fast-list" in bucket and "--dry-run" in bucket
    assert "--checksum" not in sync_command("rclone", Path("public"), ":ftp,host=example.org:hub", checksum=False)


@needs_rclone
def test_rclone_tells_which_destinations_have_checksums_and_fast_listing():
    from publish import destination_features

    assert destination_features(RCLONE, "/var/www/hub") == (True, False)
    assert destination_features(RCLONE, ":memory:bucket") == (True, True)  # a bucket store, like S3


@pytest.mark.parametrize("target, name, fly, path, display", [
    ("/var/www/hub", None, False, "/var/www/hub", "/var/www/hub"),
    ("site,v2", None, False, "site,v2", "site,v2"),
    ("myremote:hub", "myremote", False, "hub", "myremote:hub"),
    (":sftp,host=example.org,user=deploy:/var/www/hub", "sftp", True, "/var/www/hub", ":sftp,…:/var/www/hub"),
    (":s3,provider=AWS,secret_access_key='a:b,c':bucket", "s3", True, "bucket", ":s3,…:bucket"),
])
def test_destinations_are_read_as_rclone_reads_them_and_shown_without_their_options(target, name, fly, path,
                                                                                       display):
    assert parse_destination(target) == (name, fly, path)
    assert shown(target) == display


@pytest.fixture
def sftp(tmp_path):
    """An SFTP server (rclone's own) on a free local port, serving a folder; yields (target maker, folder)."""
    import socket
    import time

    root = tmp_path / "server"
    root.mkdir()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([RCLONE, "serve", "sftp", str(root), "--addr", f"127.0.0.1:{port}", "--user", "deploy",
                               "--pass", "secret", "--dir-cache-time", "0s"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        obscured = subprocess.run([RCLONE, "obscure", "secret"], capture_output=True, text=True).stdout.strip()
        yield (lambda options="": f":sftp,host=127.0.0.1,port={port},user=deploy,pass={obscured}{options}:hub"), root
    finally:
        server.terminate()
        server.wait(timeout=10)


def small_hub(folder: Path) -> Path:
    """A folder as a build leaves it: the marker and a few pages."""
    for rel, text in {MARKER: "built\n", "index.html": "<p>home</p>\n", "en/news/a/index.html": "<p>a 1</p>\n",
                      "en/news/b/index.html": "<p>b</p>\n", "sq/index.html": "<p>sq</p>\n"}.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8")
    return folder


def rebuild(site: Path) -> None:
    """What the next build does to unchanged files: writes them again (a new mtime, a second later)."""
    later = time.time() + 2
    for file in site.rglob("*"):
        if file.is_file():
            os.utime(file, (later, later))


@needs_rclone
@pytest.mark.parametrize("options, hashes", [("", True), (",disable_hashcheck", False)],
                         ids=["with checksums", "without checksums"])
def test_publishes_over_sftp_and_never_misses_an_edit_that_kept_the_size(sftp, tmp_path, options, hashes):
    target, server = sftp
    site = small_hub(tmp_path / "site")
    first = publish("-o", str(site), "-t", target(options))
    assert first.returncode == 0, first.stderr
    assert snapshot(server / "hub") == snapshot(site)
    assert "secret" not in first.stdout + first.stderr and "pass=" not in first.stdout, "options are not shown"
    assert ("offers no checksums" in first.stdout) is not hashes

    (site / "en" / "news" / "a" / "index.html").write_text("<p>a 2</p>\n", encoding="utf-8")  # same size
    (site / "en" / "news" / "b" / "index.html").unlink()
    rebuild(site)
    second = publish("-o", str(site), "-t", target(options))
    assert second.returncode == 0, second.stderr
    assert snapshot(server / "hub") == snapshot(site), "the edit that kept its size was published"
    assert counted(second.stderr, "Transferred") == (1 if hashes else len(snapshot(site))), second.stderr


@needs_rclone
def test_a_destination_it_cannot_reach_is_refused_without_showing_its_options(sftp, tmp_path):
    target, server = sftp
    wrong = re.sub(r"port=\d+", "port=1", target())  # nothing listens there
    result = publish("-o", str(small_hub(tmp_path / "site")), "-t", wrong,
                     env={"RCLONE_LOW_LEVEL_RETRIES": "1"})  # else rclone tries for ten seconds
    refused(result, "cannot reach the destination :sftp,…:hub")
    assert wrong.split("pass=")[1].split(":")[0] not in result.stdout + result.stderr
    assert not (server / "hub").exists()
