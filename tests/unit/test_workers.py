"""Work shared among forked processes: same results, same order, as doing it in one process."""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "plugins"))

from hub_build.workers import balanced, map_forked  # noqa: E402


def _square_and_process(number):
    time.sleep(0.005)  # long enough that both processes take a share
    return number * number, os.getpid()


def test_map_forked_keeps_the_order_and_uses_the_processes():
    jobs = list(range(200))
    results = map_forked(_square_and_process, jobs, 2, chunk=5)
    assert [square for square, _ in results] == [n * n for n in jobs]
    assert len({pid for _, pid in results} - {os.getpid()}) == 2


def test_map_forked_does_little_work_in_the_build_process():
    results = map_forked(_square_and_process, list(range(10)), 2, chunk=5)
    assert {pid for _, pid in results} == {os.getpid()}  # too little to pay for forking
    assert [square for square, _ in results] == [n * n for n in range(10)]


def test_balanced_groups_share_the_weight():
    groups = balanced(["en", "sr", "bg", "uk"], {"en": 10, "sr": 4, "bg": 3, "uk": 3}.get, 2)
    assert sorted(sorted(g) for g in groups) == [["bg", "sr", "uk"], ["en"]]


def _frozen_objects(_number):
    import gc

    return gc.get_freeze_count()


def _record_frozen(group, folder):
    import gc

    (Path(folder) / f"{group[0]}.txt").write_text(str(gc.get_freeze_count()))


def test_workers_start_with_the_build_frozen_and_the_build_thaws_after(tmp_path):
    """Forked workers inherit the build's objects frozen (the collector leaves them, and their pages,
    alone); the build's own collector works on them again once the workers are done."""
    import gc

    from hub_build.workers import run_forked

    assert all(count > 0 for count in map_forked(_frozen_objects, list(range(100)), 2, chunk=5))
    assert gc.get_freeze_count() == 0
    run_forked(_record_frozen, [["a"], ["b"]], tmp_path)
    assert all(int((tmp_path / f"{name}.txt").read_text()) > 0 for name in "ab")
    assert gc.get_freeze_count() == 0
