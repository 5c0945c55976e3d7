"""Work spread over forked processes: one group of languages each (pages, search indexes), or a
share of many small jobs (reading files).

Forked, not spawned: the workers share the read hub and the plan without pickling them.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal


def balanced(jobs: list, weight, groups: int) -> list[list]:
    """`jobs` in `groups` of about equal total weight (the heaviest first, each to the lightest group)."""
    loads = [[0, number, []] for number in range(groups)]
    for job in sorted(jobs, key=lambda job: (-weight(job), str(job))):
        lightest = min(loads)
        lightest[0] += weight(job)
        lightest[2].append(job)
    return [group for _, _, group in loads if group]


def workers(setting: int) -> int:
    """HUB_PROCESSES as a number of processes: 0 is one per core."""
    return setting or os.cpu_count() or 1


def _end_with(parent: int) -> None:
    """End this forked process when the build's process ends, even by SIGKILL: an orphan would go on
    writing into a staging folder that the next build has removed."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG (Linux)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the build ended before prctl took effect
        os._exit(1)


def _die_with(parent: int, work, *args) -> None:
    _end_with(parent)
    work(*args)


@contextlib.contextmanager
def frozen():
    """Forked processes share the build's memory until they write to it, and Python's garbage
    collector writes into every object it scans: frozen objects are never scanned, so each worker
    copies only the pages it really changes (measured at 30,000 items: see docs/performance.md)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def map_forked(function, jobs: list, processes: int, chunk: int = 16) -> list:
    """[function(job) for job in jobs], in that order, shared among `processes` forked processes when
    there is enough work to pay for them. Each job and result is pickled, so jobs should be small
    and results worth more than their copying (a parsed file, not a lookup)."""
    if processes <= 1 or len(jobs) < 4 * chunk:
        return [function(job) for job in jobs]
    context = multiprocessing.get_context("fork")
    with frozen(), context.Pool(processes, initializer=_end_with, initargs=(os.getpid(),)) as pool:
        return pool.map(function, jobs, chunksize=chunk)


def run_forked(work, groups: list[list], *args) -> None:
    """work(group, *args) for each group in its own forked process; fails if any of them failed."""
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_die_with, args=(os.getpid(), work, group, *args)) for group in groups]
    with frozen():
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
    failed = [worker.exitcode for worker in workers if worker.exitcode != 0]
    if failed:
        raise RuntimeError(f"{len(failed)} worker process(es) failed; see the errors above")
