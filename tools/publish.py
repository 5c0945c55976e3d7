"""What `invoke publish` does: copy a built hub to any destination rclone reaches, only what changed.

`rclone sync --checksum` makes the destination an exact copy of the output folder: a file is sent
only when its content differs (so a rebuild that wrote identical bytes uploads nothing), and a file
the site no longer has is deleted at the destination after everything else was copied. A destination
that offers no checksums is compared by size and time instead (never by size alone, which would
miss an edit that kept a page's size).

Two guards, because sync deletes: the output folder must be one a hub build made (it holds
`.hub-output`), and the destination must be empty, missing, or an earlier publish (the marker is
published with the site).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

MARKER = ".hub-output"  # as plugins/hub_build/staging.py writes it into every build

INSTALL = "rclone is not installed: install it with `apt-get install rclone`, or `./hub setup` installs it"

# rclone's remote names: `name:path`, `name,option=value:path`, `:backend:path`, `:backend,option=value:path`.
REMOTE = re.compile(r"^(?P<fly>:)?(?P<name>[\w.+@-][\w.+@ -]*)(?=[,:])")


class Refused(Exception):
    """Why nothing was published; the message is for the person who typed the command."""


def parse_destination(target: str) -> tuple[str | None, bool, str]:
    """(remote or backend name, whether it is an on-the-fly backend, the path after it); the name is
    None for a local folder. Connection-string options may hold quoted colons and commas."""
    found = REMOTE.match(target)
    if not found:
        return None, False, target
    rest, quote, index = target[found.end():], None, 0
    while index < len(rest):
        char = rest[index]
        if quote:
            if char == quote:
                quote = None
        elif char in "\"'":
            quote = char
        elif char == ":":
            return found["name"], bool(found["fly"]), rest[index + 1:]
        index += 1
    return None, False, target  # no colon outside quotes: a local path with a comma in it


def shown(target: str) -> str:
    """The destination with its connection-string options left out (they may hold keys)."""
    name, fly, path = parse_destination(target)
    if name is None:
        return target
    options = target[len(name) + fly:].startswith(",")
    return f"{':' if fly else ''}{name}{',…' if options else ''}:{path}"


def sync_command(rclone: str, output: Path, target: str, dry_run: bool = False, checksum: bool = True,
                 fast_list: bool = False) -> list[str]:
    """The rclone command line that publishes `output` at `target`. With `checksum`, files are
    compared by content, so a rebuild that wrote the same bytes sends nothing; without it (for a
    destination that offers no checksums) by size and modification time. `fast_list` for
    destinations that list everything in a few requests (buckets: S3, B2, GCS, Swift...): fewer,
    cheaper requests for about 1 KB of memory per file; elsewhere rclone would ignore it."""
    command = [rclone, "sync", *(["--checksum"] if checksum else []),
               # The summary (sent, checked, deleted) at the end, and a progress line each minute on a
               # long upload, without a line per file; a dry run still lists every file it would change.
               "--stats-log-level", "NOTICE", "--stats", "1m"]
    if fast_list:
        command.append("--fast-list")
    if dry_run:
        command.append("--dry-run")
    return command + [str(output), target]


def check_output_folder(output: Path) -> None:
    if not output.exists():
        raise Refused(f"nothing to publish: {output} does not exist (build the site first: "
                      f"invoke build --settings publishconf.py --output {output})")
    if not output.is_dir() or not (output / MARKER).is_file():
        raise Refused(f"{output} was not made by a hub build (it has no {MARKER}); "
                      "publish the folder `invoke build` wrote")


def check_no_overlap(output: Path, folder: Path) -> None:
    output, folder = output.resolve(), folder.resolve()
    if folder == output or output in folder.parents or folder in output.parents:
        raise Refused(f"the destination {folder} and the output folder {output} overlap; "
                      "publish into a folder outside the output folder, and not one that contains it")


def rclone_errors(stderr: str, target: str) -> str:
    """rclone's last error lines, without its harmless notices and with the destination's options left out."""
    notices = ("NOTICE: Config file", "Can't save config")
    lines = [line.replace(target, shown(target)) for line in stderr.splitlines() if not any(n in line for n in notices)]
    return "\n".join(lines[-5:])


def destination_features(rclone: str, target: str) -> tuple[bool, bool]:
    """Whether the destination offers checksums, and whether it lists everything in a few requests
    (`rclone backend features`). An SFTP account without shell access, FTP or WebDAV may offer no
    checksums: with --checksum rclone would then compare sizes only and miss an edit that kept a
    page's size."""
    done = subprocess.run([rclone, "backend", "features", target], capture_output=True, text=True)
    try:
        features = json.loads(done.stdout)
        return bool(features["Hashes"]), bool(features["Features"].get("ListR"))
    except (ValueError, KeyError, TypeError, AttributeError):
        raise Refused(f"cannot reach the destination {shown(target)}:\n{rclone_errors(done.stderr, target)}") from None


def check_destination(rclone: str, target: str) -> None:
    """Refuse a destination that holds files but no earlier publish: sync would delete them all."""
    done = subprocess.run([rclone, "lsf", "--max-depth", "1", target], capture_output=True, text=True)
    if done.returncode == 3 and "directory not found" in done.stderr:
        return  # a new folder: sync makes it
    if done.returncode != 0:
        raise Refused(f"cannot read the destination {shown(target)}:\n{rclone_errors(done.stderr, target)}")
    entries = set(done.stdout.splitlines())
    if entries and MARKER not in entries:
        raise Refused(f"the destination {shown(target)} holds files that a hub did not publish "
                      f"(it has no {MARKER}); publishing there would delete them. Publish into an "
                      "empty or new folder, or empty this one first")


def publish(output: Path, target: str, dry_run: bool = False, rclone: str | None = None) -> int:
    """Publish `output` at `target`; rclone's exit code (0 when everything was copied)."""
    if not target.strip():
        raise Refused("say where to publish: --target DEST (a folder, or any rclone destination such as "
                      "\":sftp,host=example.org,user=deploy:/var/www/hub\"; see docs/deploying.md)")
    rclone = rclone or shutil.which("rclone")
    if not rclone:
        raise Refused(INSTALL)
    check_output_folder(output)
    if parse_destination(target)[0] is None:
        check_no_overlap(output, Path(target))
    checksum, fast_list = destination_features(rclone, target)
    check_destination(rclone, target)
    command = sync_command(rclone, output, target, dry_run, checksum, fast_list)
    print(f"{'Dry run: would publish' if dry_run else 'Publishing'} {output} at {shown(target)} "
          "(only what changed; what the site no longer has is deleted there)", flush=True)
    if not checksum:
        print("The destination offers no checksums (an SFTP account without shell access, FTP or WebDAV), "
              "so files are compared by size and time: every file a build rewrote is sent again. "
              "An SFTP account that may run md5sum or sha1sum avoids that.", flush=True)
    code = subprocess.run(command).returncode
    if code != 0:
        print(f"rclone stopped with exit code {code}: the destination may hold part of the new site. "
              "When a copy fails rclone deletes nothing there; run the same command again to finish.", file=sys.stderr)
    return code


def main(output: str, target: str, dry_run: bool = False) -> int:
    """For `invoke publish`: a plain message and a non-zero exit code on refusal, never a traceback."""
    try:
        return publish(Path(output), target, dry_run)
    except Refused as refused:
        print(f"Not published: {refused}", file=sys.stderr)
        return 2
