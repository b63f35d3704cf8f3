"""The process pool: every result once, progress to the end, and a quick, clean cancel."""

from __future__ import annotations

import math
import threading
import time

import pytest

from interpol_tui.corpus import pool
from interpol_tui.corpus.pool import Cancelled, run_pooled, terminate_all


@pytest.fixture(autouse=True)
def always_pooled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small batches too go to processes, so these tests exercise them."""
    monkeypatch.setattr(pool, "INLINE_BELOW", 0)
    monkeypatch.setattr(pool, "CHUNK", 4)


def test_every_item_is_worked_on_once_in_worker_processes() -> None:
    reports: list[tuple[int, int]] = []
    items = list(range(40))
    found = sorted(run_pooled(math.factorial, items, progress=lambda *r: reports.append(r)))
    assert found == sorted(math.factorial(n) for n in items)
    assert reports[-1] == (40, 40)
    assert [done for done, _ in reports] == sorted(done for done, _ in reports)


def test_cancelling_stops_the_processes_at_once() -> None:
    stop = threading.Event()
    results = run_pooled(time.sleep, [0.5] * 40, cancelled=stop.is_set, processes=2)
    next(results)  # the pool is running
    stop.set()
    started = time.perf_counter()
    with pytest.raises(Cancelled):
        list(results)
    # 40 half-second sleeps on two processes would take ten seconds.
    assert time.perf_counter() - started < 5
    assert not pool._live


def test_terminate_all_ends_pools_that_are_waiting() -> None:
    results = run_pooled(time.sleep, [0.2] * 20, processes=2)
    next(results)
    terminate_all()
    assert not pool._live
    results.close()


def test_a_small_batch_runs_inline_without_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "INLINE_BELOW", 10)
    seen: list[int] = []

    def record(item: int) -> int:  # not picklable: proves no process was used
        seen.append(item)
        return item * 2

    assert list(run_pooled(record, [1, 2, 3])) == [2, 4, 6]
    assert seen == [1, 2, 3]


def test_terminate_all_soon_returns_at_once_and_leaves_no_process() -> None:
    import multiprocessing

    results = run_pooled(time.sleep, [0.5] * 20, processes=2)
    next(results)
    workers = multiprocessing.active_children()
    assert workers
    pool.terminate_all_soon()
    assert not pool._live  # handed to the stopping thread
    pool.terminate_all(timeout=20)  # waits for it: nothing outlives the caller
    for worker in workers:
        worker.join(20)  # hang guard
        assert not worker.is_alive()
    results.close()


def test_a_commands_workers_run_five_nicer_than_their_parent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import os

    from interpol_tui.corpus import priority

    monkeypatch.setattr(priority, "_background", False)
    parent = os.nice(0)
    assert set(run_pooled(os.nice, [0] * 8, processes=2)) == {min(parent + priority.NICENESS, 19)}
    assert set(run_pooled(os.sched_getscheduler, [0] * 8, processes=2)) == {os.SCHED_OTHER}


def test_the_browsers_workers_run_only_on_idle_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from interpol_tui.corpus import priority

    monkeypatch.setattr(priority, "_background", False)
    priority.workers_in_background()  # what the app does
    assert priority.in_background()
    policies = set(run_pooled(os.sched_getscheduler, [0] * 8, processes=2))
    assert policies == {os.SCHED_IDLE}
    assert os.sched_getscheduler(0) == os.SCHED_OTHER  # the UI process itself is untouched


def test_the_app_puts_its_workers_in_the_background(monkeypatch: pytest.MonkeyPatch) -> None:
    from interpol_tui.corpus import priority
    from interpol_tui.ui.app import InterpolApp

    monkeypatch.setattr(priority, "_background", False)
    InterpolApp(corpus_paths=[])
    assert priority.in_background()


def _frozen(_: object) -> int:
    import gc

    return gc.get_freeze_count()


def test_workers_freeze_what_their_first_batch_loaded() -> None:
    # Each worker's first batch runs before the freeze; every later batch after it.
    counts = list(run_pooled(_frozen, [0] * (pool.CHUNK * 8), processes=2))
    assert counts.count(0) <= pool.CHUNK * 2
    assert max(counts) > 0
