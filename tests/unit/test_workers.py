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
