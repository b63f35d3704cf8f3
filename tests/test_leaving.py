"""Leaving the browser: the process ends at once with the app's status, idle or busy.

Never let ``os._exit`` run here for real: it would end pytest itself, with status 0.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App

from interpol_tui.ui import leaving


class Quits(App[None]):
    """Quits with status 3 as soon as it is mounted (headless: no terminal in tests), and,
    as the browser does, leaves at once."""

    leave_at_once = False

    def run(self, **options: Any) -> None:  # type: ignore[override]
        super().run(headless=True, **options)

    def on_mount(self) -> None:
        self.exit(return_code=3)


class Ended(Exception):
    """Stands for the end of the process."""


def test_an_idle_app_still_ends_the_process_without_the_interpreters_teardown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ended: list[int] = []

    def end(status: int) -> None:
        ended.append(status)
        raise Ended

    monkeypatch.setattr(leaving.os, "_exit", end)
    with pytest.raises(Ended):
        leaving.run_and_leave(Quits())
    assert ended == [3]


def test_a_test_that_reaches_the_end_of_the_process_fails_instead_of_ending_pytest() -> None:
    with pytest.raises(AssertionError, match="would have ended the test process"):
        leaving.run_and_leave(Quits())
