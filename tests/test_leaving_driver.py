"""Leaving at once does not wait for Textual's input thread; any other leaving still does."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest
from textual.app import App
from textual.drivers.linux_driver import LinuxDriver

from interpol_tui.ui.app import InterpolApp
from interpol_tui.ui.leaving_driver import LeavingDriver

HANG = 30.0


@pytest.fixture
def terminal() -> Iterator[int]:
    """A file descriptor to stand for the terminal's input (flushing it is harmless)."""
    read, write = os.pipe()
    yield read
    os.close(read)
    os.close(write)


def _driver(leave_at_once: bool, fileno: int) -> tuple[LeavingDriver, threading.Thread]:
    """A driver in application mode, its input thread waiting for the stop flag as Textual's
    does (built without ``__init__``: no terminal, no signal handlers in tests)."""
    driver = LeavingDriver.__new__(LeavingDriver)
    driver._app = SimpleNamespace(leave_at_once=leave_at_once)  # type: ignore[assignment]
    driver._mouse = False
    driver.fileno = fileno
    driver.exit_event = threading.Event()
    stop = threading.Event()

    def read_keys() -> None:  # ends once asked to and let go (stands for select() and a read)
        driver.exit_event.wait(HANG)
        stop.wait(HANG)

    thread = threading.Thread(target=read_keys, daemon=True)
    thread.start()
    driver._key_thread = thread
    driver.stopped = stop  # type: ignore[attr-defined]
    return driver, thread


def test_leaving_at_once_asks_the_input_thread_to_stop_without_waiting_for_it(
    terminal: int,
) -> None:
    driver, thread = _driver(True, terminal)
    driver.disable_input()
    assert driver.exit_event.is_set()  # it ends at its next look...
    assert thread.is_alive()  # ...but leaving did not wait for it
    driver.disable_input()  # stopping the application mode asks again: nothing more to do
    driver.stopped.set()  # type: ignore[attr-defined]
    thread.join(HANG)


def test_an_app_that_goes_on_still_waits_for_the_input_thread(terminal: int) -> None:
    driver, thread = _driver(False, terminal)
    driver.stopped.set()  # type: ignore[attr-defined]  # it can end once asked
    driver.disable_input()
    assert not thread.is_alive()  # Textual's own stop: joined
    assert not driver.exit_event.is_set()  # and the flag cleared for a restart, as Textual does


def test_the_browser_runs_on_it_in_a_terminal() -> None:
    app = InterpolApp(corpus_paths=[])
    assert issubclass(LeavingDriver, LinuxDriver)
    assert app.driver_class is LeavingDriver


class QuitsAtOnce(App[None]):
    """Quits as soon as it is mounted (headless) and, as the browser does, leaves at once."""

    leave_at_once = False

    def run(self, **options: Any) -> None:  # type: ignore[override]
        super().run(headless=True, **options)

    def on_mount(self) -> None:
        self.exit()


class Ended(Exception):
    """Stands for the end of the process."""


def test_leaving_at_once_kills_the_worker_processes_without_waiting_for_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import multiprocessing
    import signal
    import time

    import interpol_tui.corpus.pool  # noqa: F401  (a pool module imported: workers may run)
    from interpol_tui.ui import leaving

    worker = multiprocessing.get_context("spawn").Process(target=time.sleep, args=(HANG,))
    worker.start()
    waited: list[float | None] = []
    setattr(worker, "join", lambda timeout=None: waited.append(timeout))  # noqa: B010

    def end(status: int) -> None:
        raise Ended

    monkeypatch.setattr(leaving.os, "_exit", end)  # type: ignore[attr-defined]
    with pytest.raises(Ended):
        leaving.run_and_leave(QuitsAtOnce())
    assert waited == []  # never waited for
    delattr(worker, "join")
    worker.join(HANG)
    assert worker.exitcode == -signal.SIGKILL


@pytest.mark.parametrize(
    ("leave_at_once", "errors", "suspending", "reported"),
    [
        (True, [], False, b"\x03"),
        (True, ["a traceback to print"], False, b""),
        (False, [], False, b""),
        (True, [], True, b""),
    ],
)
def test_the_status_goes_to_the_launcher_once_the_terminal_is_restored(
    monkeypatch: pytest.MonkeyPatch,
    leave_at_once: bool,
    errors: list[str],
    suspending: bool,
    reported: bytes,
) -> None:
    """Behind the launcher the shell gets its prompt back at once, unless Textual has an
    error to print after leaving (the traceback first), the app does not leave at once, or
    it is only suspended (an editor runs, a ``kill -TSTP``: the app goes on after)."""
    from interpol_tui import launcher

    read, write = os.pipe()
    os.set_blocking(read, False)
    monkeypatch.setattr(launcher, "_report_to", write)
    monkeypatch.setattr(LinuxDriver, "stop_application_mode", lambda self: None)
    driver = LeavingDriver.__new__(LeavingDriver)
    driver._app = SimpleNamespace(  # type: ignore[assignment]
        leave_at_once=leave_at_once, _exit_renderables=errors, return_code=3
    )
    driver._writer_thread = None
    driver._suspending = suspending
    driver.stop_application_mode()
    try:
        got = os.read(read, 8)
    except BlockingIOError:
        got = b""
    assert got == reported
    os.close(read)
    if reported == b"":
        os.close(write)
