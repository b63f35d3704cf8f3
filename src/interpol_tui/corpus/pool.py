"""Run CPU-bound work on many items in worker processes, with progress and cancellation.

Reading, cleaning and analysing a large corpus is pure Python: in threads it
would hold the GIL that the browser's UI thread needs to answer keys. Here
each item goes to a process of a pool sized to the machine; the processes
run at a lower priority (``corpus/priority.py``: in the browser, only on
otherwise idle cores), so that the UI (and the user's other programs) come
first on a busy machine. A small batch is run in the calling thread instead:
starting processes costs more than it saves.

:func:`terminate_all` stops every pool at once (the browser calls it on
quit), so that leaving never waits for work in progress;
:func:`terminate_all_soon` starts that in a thread, so that quitting goes on
at once while the pools wind down.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from multiprocessing.pool import IMapIterator, Pool
from typing import TypeVar

from interpol_tui.corpus import priority

Item = TypeVar("Item")
Result = TypeVar("Result")

INLINE_BELOW = 200
"""Fewer items than this are worked on in the calling thread (no processes started)."""
CHUNK = 16
"""Items sent to a process at a time: large enough to amortise pickling, small for progress."""
POLL = 0.05
"""Seconds between checks for cancellation while waiting for a result."""

_live: set[Pool] = set()
_live_lock = threading.Lock()


def worker_count() -> int:
    """Processes for a pool on this machine: the CPUs this process may use (at least 1)."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # pragma: no cover - not Linux
        return max(os.cpu_count() or 1, 1)


def _prepare_worker(background: bool = False) -> None:
    """The pool's initializer: a lower priority, and no terminal to write to."""
    priority.lower(background)  # the UI process keeps the CPU it needs for keys
    # Results and errors come back as values; a stray print or traceback on the
    # terminal would scribble over the browser's screen.
    with contextlib.suppress(OSError):
        quiet = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(quiet, fd)
        os.close(quiet)


TRACKER_QUIET = "ignore::UserWarning:multiprocessing.resource_tracker"
"""The warnings filter the resource tracker runs with (see :func:`_start_tracker`)."""


def _start_tracker() -> None:
    """Start multiprocessing's resource tracker with a real stderr to hand it.

    Under Textual ``sys.stderr`` is a capture object without a file
    descriptor, and the tracker, started by the pool's first lock, would fail.
    """
    from multiprocessing import resource_tracker

    try:
        usable = sys.stderr is not None and sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = False
    captured = sys.stderr
    if not usable:
        sys.stderr = sys.__stderr__ or open(os.devnull, "w")  # noqa: SIM115
    # The tracker gets this interpreter's -W options on its command line. Quitting kills
    # the workers mid-run (ui/leaving.py), and the tracker then unlinks the pool's
    # semaphores as it should, but also printed "leaked semaphore objects" on the
    # user's terminal after the app had gone: that notice, and only it, is silenced.
    sys.warnoptions.append(TRACKER_QUIET)
    try:
        resource_tracker.ensure_running()
    finally:
        sys.warnoptions.remove(TRACKER_QUIET)
        sys.stderr = captured


class Cancelled(Exception):
    """The work was cancelled before every item was done."""


def run_pooled(
    func: Callable[[Item], Result],
    items: Sequence[Item],
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    processes: int | None = None,
) -> Iterator[Result]:
    """Yield ``func(item)`` for every item, in any order, computed in worker processes.

    ``func`` must be a module-level function and items and results picklable.
    ``progress(done, total)`` is called as results come in. When ``cancelled()``
    turns true the pool is terminated and :class:`Cancelled` is raised.
    """
    total = len(items)
    count = processes if processes is not None else worker_count()
    if total < INLINE_BELOW or count <= 1:
        yield from _run_inline(func, items, progress, cancelled)
        return
    # spawn: forking a process that runs threads (the browser) can deadlock the child.
    context = multiprocessing.get_context("spawn")
    _start_tracker()
    pool = context.Pool(
        min(count, total), initializer=_prepare_worker, initargs=(priority.in_background(),)
    )
    with _live_lock:
        _live.add(pool)
    try:
        starts = range(0, total, CHUNK)
        # Sliced as the pool sends them (its pipe is bounded): items that are made
        # when indexed (a release's text read from the snapshot) are never all held.
        batches = (items[i : i + CHUNK] for i in starts)
        results = pool.imap_unordered(partial(_apply, func), batches)
        done = 0
        for _ in starts:
            batch: list[Result] = _next(results, cancelled)
            yield from batch
            done += len(batch)
            if progress is not None:
                progress(done, total)
        pool.close()
    finally:
        pool.terminate()  # at once: a cancelled or failed run leaves nothing behind
        with _live_lock:
            _live.discard(pool)


def _apply(func: Callable[[Item], Result], batch: Sequence[Item]) -> list[Result]:
    """Run ``func`` on a batch of items (in a worker process)."""
    results = [func(item) for item in batch]
    if not gc.get_freeze_count():
        # After the first batch the job's modules, tables and caches are loaded: kept out
        # of the collector's passes, which went through them all again every full pass.
        gc.freeze()
    return results


def _next(
    results: IMapIterator[list[Result]], cancelled: Callable[[], bool] | None
) -> list[Result]:
    """The next batch of results, checking for cancellation while waiting for it."""
    while True:
        if cancelled is not None and cancelled():
            raise Cancelled
        try:
            batch: list[Result] = results.next(timeout=POLL)
            return batch
        except multiprocessing.TimeoutError:
            continue


def _run_inline(
    func: Callable[[Item], Result],
    items: Iterable[Item],
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> Iterator[Result]:
    listed = list(items)
    for done, item in enumerate(listed, start=1):
        if cancelled is not None and cancelled():
            raise Cancelled
        yield func(item)
        if progress is not None:
            progress(done, len(listed))


_stoppers: list[threading.Thread] = []


def _terminate(pools: Sequence[Pool]) -> None:
    for pool in pools:
        pool.terminate()


def terminate_all(timeout: float | None = None) -> None:
    """Stop every running pool now (their callers see :class:`Cancelled` or an error).

    Also waits (up to ``timeout`` seconds each) for pools that
    :func:`terminate_all_soon` is stopping, so none outlives the caller.
    """
    with _live_lock:
        pools = list(_live)
        _live.clear()
        stoppers = list(_stoppers)
        _stoppers.clear()
    for pool in pools:
        pool.terminate()
    for stopper in stoppers:
        stopper.join(timeout)


def terminate_all_soon() -> None:
    """Start stopping every running pool in a thread and return at once.

    ``Pool.terminate`` signals the processes, then joins them and the pool's
    own threads: tenths of a second on a busy machine, which the UI should
    not wait for. (Killing the processes directly would be quicker but can
    leave the pool's queue lock held by a dead process, and the pool hung.)
    """
    with _live_lock:
        pools = list(_live)
        _live.clear()
        if not pools:
            return
        stopper = threading.Thread(target=_terminate, args=(pools,), name="pool-stop", daemon=True)
        stopper.start()  # under the lock: terminate_all never joins one not yet started
        _stoppers.append(stopper)
