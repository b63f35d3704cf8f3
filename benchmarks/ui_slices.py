"""How long the UI thread is kept from answering keys: every slice of its event loop, timed.

A Textual app runs on one asyncio loop; a key is read, handled and drawn in
callbacks of that loop, so it waits for whatever callback runs when it
arrives. :class:`SliceRecorder` wraps ``asyncio.Handle._run`` (every callback
and every task step) and keeps the slowest slices, each with the CPU time of
the UI thread spent in it (``time.thread_time``: what the UI itself cost,
nearly independent of the other jobs on the machine) and its wall time (which
adds waiting for the GIL and for a core), and names what ran: the task's
coroutine and the messages its widget handled in that slice. It also adds up
the UI thread's CPU time over all slices (``cpu_total``: read it before and
after a key for the CPU that key cost) and times the cyclic garbage
collector's passes on the UI thread by generation (a full pass walks every
object not frozen: such passes were the slowest "screen updates").

Used by ``benchmarks/scale.py``; for the benchmarks only, never by the app.
"""

from __future__ import annotations

import asyncio
import gc
import heapq
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

KEEP = 12
"""Slowest slices kept (by CPU time)."""


@dataclass(order=True)
class Slice:
    """One callback or task step of the UI loop."""

    cpu: float
    wall: float = field(compare=False)
    label: str = field(compare=False)


@dataclass
class SliceRecorder:
    """Times every slice of the UI thread's event loop while installed."""

    slowest: list[Slice] = field(default_factory=list)
    count: int = 0
    over: dict[float, int] = field(default_factory=lambda: {0.030: 0, 0.050: 0, 0.150: 0})
    """Slices whose CPU time exceeds each threshold (seconds)."""
    cpu_total: float = 0.0
    """CPU seconds of the UI thread over every slice so far."""
    collections: dict[int, list[float]] = field(default_factory=dict)
    """CPU seconds of each garbage collector pass on the UI thread, by generation."""
    _messages: list[str] = field(default_factory=list)

    def _record(self, cpu: float, wall: float, handle: asyncio.Handle) -> None:
        self.count += 1
        self.cpu_total += cpu
        for threshold in self.over:
            if cpu > threshold:
                self.over[threshold] += 1
        if len(self.slowest) < KEEP or cpu > self.slowest[0].cpu:
            item = Slice(cpu, wall, _label(handle, self._messages))
            if len(self.slowest) < KEEP:
                heapq.heappush(self.slowest, item)
            else:
                heapq.heapreplace(self.slowest, item)

    def longest(self) -> Slice | None:
        """The slice that took the most CPU time, if any ran."""
        return max(self.slowest) if self.slowest else None

    def report(self, lines: int = 8) -> str:
        """The slowest slices, one a line, and how many passed 30 / 50 / 150 ms."""
        counts = ", ".join(f"{n} over {t * 1000:.0f} ms" for t, n in self.over.items())
        text = [f"{self.count:,} UI-thread slices; {counts} (CPU time)"]
        for item in sorted(self.slowest, reverse=True)[:lines]:
            cpu, wall = item.cpu * 1000, item.wall * 1000
            text.append(f"    {cpu:7.1f} ms CPU, {wall:7.1f} ms wall  {item.label}")
        passes = [
            f"generation {gen}: {len(times)} passes, {sum(times) * 1000:.0f} ms, "
            f"slowest {max(times) * 1000:.1f} ms"
            for gen, times in sorted(self.collections.items())
        ]
        collector = "; ".join(passes) or "none"
        text.append(f"    garbage collector on the UI thread (CPU): {collector}")
        return "\n".join(text)

    @contextmanager
    def installed(self) -> Iterator[SliceRecorder]:
        """Time every slice of loops run in this thread until the block ends."""
        from textual.message_pump import MessagePump

        loop_thread = threading.get_ident()
        original_run = asyncio.events.Handle._run
        original_dispatch = MessagePump._dispatch_message
        messages = self._messages

        def timed_run(handle: asyncio.Handle) -> None:
            if threading.get_ident() != loop_thread:
                original_run(handle)
                return
            messages.clear()
            cpu, wall = time.thread_time(), time.perf_counter()
            try:
                original_run(handle)
            finally:
                self._record(time.thread_time() - cpu, time.perf_counter() - wall, handle)

        async def noted_dispatch(pump: MessagePump, message: Any) -> Any:
            if len(messages) < 6:
                messages.append(f"{type(pump).__name__}:{type(message).__name__}")
            return await original_dispatch(pump, message)

        started: list[float] = []

        def collector(phase: str, info: dict[str, int]) -> None:
            if threading.get_ident() != loop_thread:
                return
            if phase == "start":
                started[:] = [time.thread_time()]
            elif started:
                spent = time.thread_time() - started.pop()
                self.collections.setdefault(info["generation"], []).append(spent)

        asyncio.events.Handle._run = timed_run  # type: ignore[method-assign]
        MessagePump._dispatch_message = noted_dispatch  # type: ignore[method-assign]
        gc.callbacks.append(collector)
        try:
            yield self
        finally:
            gc.callbacks.remove(collector)
            asyncio.events.Handle._run = original_run  # type: ignore[method-assign]
            MessagePump._dispatch_message = original_dispatch  # type: ignore[method-assign]


def _label(handle: asyncio.Handle, messages: list[str]) -> str:
    callback: Callable[..., object] | Any = handle._callback
    task = getattr(callback, "__self__", None)
    name = getattr(callback, "__qualname__", type(callback).__name__)
    if isinstance(task, asyncio.Task):
        coro = task.get_coro()
        name = getattr(coro, "__qualname__", repr(coro))
        frame = getattr(coro, "cr_frame", None)
        owner = frame.f_locals.get("self") if frame is not None else None
        if owner is not None:
            name = f"{type(owner).__name__}.{name.rsplit('.', 1)[-1]}"
            timed = getattr(owner, "_callback", None)  # a Timer: what it calls
            if timed is not None:
                name += f" ({getattr(timed, '__qualname__', repr(timed))})"
    if messages:
        name += " [" + ", ".join(messages) + "]"
    return name
