"""The garbage collector stays off while keys come and runs again once they pause."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator

import pytest
from textual import events

from interpol_tui.ui import collector_pacing, heap
from interpol_tui.ui.input_pacing import note_input

HANG = 30.0
"""Seconds a wait may take before the test fails instead of hanging."""


def _until(condition: object) -> None:
    deadline = time.monotonic() + HANG
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "the collector never came back on"
        time.sleep(0.005)


@pytest.fixture(autouse=True)
def short_rests(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(collector_pacing, "REST", 0.2)
    monkeypatch.setattr(collector_pacing, "LONGEST", 1.0)
    monkeypatch.setattr(heap, "_paused", False)  # an earlier test's start-up may have left it
    _until(lambda: not collector_pacing.deferred())  # keys of an earlier test (Pilot)
    was_on = gc.isenabled()
    gc.enable()
    yield
    _until(lambda: not collector_pacing.deferred())
    if was_on:
        gc.enable()  # whatever a failed test left
    else:
        gc.disable()


def test_a_key_turns_the_collector_off_until_the_keys_pause() -> None:
    note_input(events.Key("j", "j"))
    assert not gc.isenabled()  # at once: the key's own frame has no pass
    assert collector_pacing.deferred()
    _until(gc.isenabled)
    assert not collector_pacing.deferred()


def test_keys_that_keep_coming_keep_it_off_but_never_past_the_longest_stretch() -> None:
    started = time.monotonic()
    offs = []
    while time.monotonic() - started < 0.6:  # a key every 50 ms: shorter than the rest
        collector_pacing.defer()
        offs.append(not gc.isenabled())
        time.sleep(0.05)
    assert all(offs)  # off throughout, though the rest is 0.2 s
    came_back = False
    while time.monotonic() - started < collector_pacing.LONGEST + 0.3:
        if gc.isenabled():  # still typing: it comes back on all the same
            came_back = True
            break
        collector_pacing.defer()
        time.sleep(0.02)
    assert came_back


def test_a_collector_that_was_off_already_is_left_off() -> None:
    gc.disable()
    try:
        collector_pacing.defer()
        assert not collector_pacing.deferred()  # not ours: nothing to turn on later
        time.sleep(0.3)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_start_up_turns_it_on_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    collector_pacing.defer()
    monkeypatch.setattr(heap, "_paused", True)  # the first frame not drawn yet
    _until(lambda: not collector_pacing.deferred())
    assert not gc.isenabled()  # left for resume_after_start
    heap.resume_after_start()
    assert gc.isenabled()


def test_other_messages_leave_the_collector_alone() -> None:
    note_input(events.Resize.from_dimensions((80, 24), None))
    assert gc.isenabled()
    assert not collector_pacing.deferred()
