"""Background loops step aside while a key is answered, and end when the app leaves."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from interpol_tui.corpus import pacing


@pytest.fixture(autouse=True)
def fresh() -> Iterator[None]:
    pacing.resume()
    yield
    pacing.resume()


def _in_thread(work: object) -> threading.Thread:
    thread = threading.Thread(target=work, daemon=True)  # type: ignore[arg-type]
    thread.start()
    return thread


def test_a_background_loop_rests_while_a_hold_lasts_and_goes_on_after() -> None:
    done: list[int] = []
    pacing.hold(0.4)

    def loop() -> None:
        for item in pacing.paced(range(3)):
            done.append(item)

    thread = _in_thread(loop)
    time.sleep(0.1)
    assert done == []  # held: not one item yet
    thread.join(10)  # hang guard; the hold runs out and the loop finishes
    assert done == [0, 1, 2]


def test_the_ui_thread_never_rests() -> None:
    pacing.hold(60)
    assert list(pacing.paced(range(3))) == [0, 1, 2]  # here, at once


def test_stopping_ends_paced_loops_and_reads_as_cancelled() -> None:
    pacing.hold(60)  # a long hold, which stop() cuts short
    seen: list[int] = []
    checks: list[bool] = []
    check = pacing.paced_check(lambda: False)

    def loop() -> None:
        for item in pacing.paced(range(100)):
            seen.append(item)
        checks.append(check())

    thread = _in_thread(loop)
    time.sleep(0.05)
    pacing.stop()
    thread.join(10)
    assert not thread.is_alive()
    assert seen == []
    assert checks == [True]
    assert pacing.stopping()


def test_after_stopping_the_main_threads_own_loops_still_finish() -> None:
    pacing.stop()  # e.g. the CLI indexing after an app in the same process quit
    assert list(pacing.paced(range(3))) == [0, 1, 2]
    assert pacing.paced_check(None)() is False


def test_the_callers_own_cancellation_still_counts() -> None:
    flag = threading.Event()
    check = pacing.paced_check(flag.is_set)
    assert check() is False
    flag.set()
    assert check() is True
