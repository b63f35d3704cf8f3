"""The thin launcher (``launcher.py``): the shell's process ends when the app has given the
terminal back, with its status; signals, stops and crashes are handled as a shell expects.

Each test runs ``tests/launcher_child.py`` in a pseudo-terminal of its own (a session
with it as the controlling terminal, as a shell's job has), so the terminal's own
``ctrl+c`` reaches the whole foreground group.
"""

from __future__ import annotations

import contextlib
import os
import pty
import re
import shlex
import signal
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
from terminal_app import read_terminal

CHILD = Path(__file__).parent / "launcher_child.py"
GUARD = 30.0
"""Seconds before a test gives up waiting (a hang guard, not a time limit)."""


class Launched:
    """``launcher_child.py`` started by a shell (``bash -c``, the session's leader, as an
    interactive shell is) in a new pseudo-terminal; the shell says the exit status."""

    def __init__(self, *args: str, environ: dict[str, str] | None = None) -> None:
        env = {**os.environ, **(environ or {})}
        command = shlex.join([sys.executable, str(CHILD), *args])
        script = f'{command}; echo "exit=$?"; sleep 20'
        self.shell, self.master = pty.fork()
        if self.shell == 0:  # pragma: no cover (the forked test process becomes the shell)
            os.execve("/bin/bash", ["bash", "--norc", "-c", script], env)
        self.screen = b""

    def read(self, seconds: float) -> None:
        """Collect output for ``seconds``."""
        self.screen += read_terminal(self.master, seconds, poll=0.02)

    def wait_for(self, text: bytes) -> None:
        """Read until ``text`` is shown."""
        end = time.monotonic() + GUARD
        while text not in self.screen and time.monotonic() < end:
            self.read(0.02)
        assert text in self.screen, self.screen

    def child(self) -> int:
        """The app's process id, as it said."""
        return self._said()[0]

    def launcher(self) -> int:
        """The process the shell started: the app's parent, as the app said."""
        return self._said()[1]

    def _said(self) -> tuple[int, int]:
        end = time.monotonic() + GUARD
        while not (found := re.search(rb"child (\d+) of (\d+)\r\n", self.screen)):
            assert time.monotonic() < end, self.screen
            self.read(0.02)
        return int(found.group(1)), int(found.group(2))

    def status(self) -> int:
        """The exit status the shell saw, once the launcher has ended."""
        end = time.monotonic() + GUARD
        while not (found := re.search(rb"exit=(\d+)\r\n", self.screen)):
            assert time.monotonic() < end, self.screen
            self.read(0.02)
        return int(found.group(1))

    def close(self) -> None:
        """Kill what is left and close the terminal."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.shell, signal.SIGKILL)
        os.waitpid(self.shell, 0)
        os.close(self.master)


def _state(pid: int) -> str:
    """The process's state letter (R, S, T, Z …), or "" once it is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return ""


def _gone(pid: int) -> bool:
    """Wait until ``pid`` runs no more (gone, or a zombie waiting for init); whether it did."""
    end = time.monotonic() + GUARD
    while _state(pid) not in ("", "Z", "X") and time.monotonic() < end:
        time.sleep(0.05)
    return _state(pid) in ("", "Z", "X")


def test_the_status_comes_back_while_the_app_is_still_ending() -> None:
    launched = Launched("report", "3")
    try:
        child = launched.child()
        launcher = launched.launcher()
        assert launcher != child and launcher != launched.shell  # the app has its own process
        assert launched.status() == 3
        assert _state(launcher) in ("", "Z")
        assert _state(child) not in ("", "Z")  # its teardown (3 s here) goes on in the background
        assert _gone(child)  # and ends: no orphan left running
    finally:
        launched.close()


def test_an_exception_in_the_app_gives_status_1_and_its_traceback_once() -> None:
    launched = Launched("raise")
    try:
        assert launched.status() == 1
        assert launched.screen.count(b"Traceback (most recent call last)") == 1
        assert launched.screen.count(b"RuntimeError: the child failed") == 1
    finally:
        launched.close()


def test_signals_sent_to_the_launcher_reach_the_app() -> None:
    launched = Launched("signals")
    try:
        launcher = launched.launcher()
        launched.wait_for(b"ready")
        for number, name in ((signal.SIGTERM, b"got SIGTERM"), (signal.SIGHUP, b"got SIGHUP")):
            os.kill(launcher, number)
            launched.wait_for(name)
        os.kill(launcher, signal.SIGINT)  # `kill -INT`, not the terminal's ctrl+c
        launched.wait_for(b"got SIGINT")
        assert launched.status() == 0
    finally:
        launched.close()


def test_the_terminals_ctrl_c_reaches_the_app_once() -> None:
    launched = Launched("signals")
    try:
        launched.wait_for(b"ready")
        os.write(launched.master, b"\x03")  # the terminal signals the whole foreground group
        launched.wait_for(b"got SIGINT")
        assert launched.status() == 0
        assert launched.screen.count(b"got SIGINT") == 1  # not passed on a second time
    finally:
        launched.close()


def test_an_app_killed_in_raw_mode_leaves_the_terminal_as_the_shell_had_it() -> None:
    launched = Launched("raw-kill")
    try:
        cooked = termios.tcgetattr(launched.master)
        launched.child()
        assert launched.status() == 128 + signal.SIGKILL  # the launcher killed as the app was
        assert termios.tcgetattr(launched.master) == cooked  # echo and lines back on
        assert b"\x1b[?1049l" in launched.screen  # the main screen back
    finally:
        launched.close()


def test_a_stopped_app_stops_the_launcher_and_both_go_on_together() -> None:
    launched = Launched("stop")
    try:
        child = launched.child()
        launcher = launched.launcher()
        end = time.monotonic() + GUARD
        while _state(launcher) != "T" and time.monotonic() < end:
            time.sleep(0.02)
        assert (_state(launcher), _state(child)) == ("T", "T")  # a shell takes the terminal
        os.killpg(launched.shell, signal.SIGCONT)  # the shell's `fg`
        launched.wait_for(b"continued")
        assert launched.status() == 0
    finally:
        launched.close()


def test_no_fork_when_switched_off() -> None:
    launched = Launched("report", "4", environ={"INTERPOL_TUI_LAUNCHER": "0"})
    try:
        assert launched.launcher() == launched.shell
        assert launched.status() == 4
    finally:
        launched.close()


def test_no_fork_without_a_terminal() -> None:
    process = subprocess.Popen(
        [sys.executable, str(CHILD), "report", "5"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
    )
    out, _ = process.communicate(timeout=GUARD)
    said = re.search(rb"child (\d+) of", out)
    assert said is not None and int(said.group(1)) == process.pid  # the app ran in it
    assert process.returncode == 5


def test_only_the_browser_start_asks_for_the_launcher(
    monkeypatch: pytest.MonkeyPatch, seeds_dir: Path
) -> None:
    """Commands print and end: they are never forked; a browser start asks (and under a
    test runner the launcher declines, so the app runs here)."""
    from typing import Any

    from interpol_tui import cli, launcher

    asked: list[bool] = []
    real = launcher.launch
    monkeypatch.setattr(launcher, "launch", lambda: asked.append(launcher.wanted()) or real())

    class FakeApp:
        return_code = 0

        def __init__(self, *_: Any, **__: Any) -> None:
            pass

        def run(self, **_: Any) -> None:
            pass

    monkeypatch.setattr(cli, "_has_terminal", lambda: True)
    monkeypatch.setattr("interpol_tui.ui.app.InterpolApp", FakeApp)
    assert cli.main(["docs", "--corpus", str(seeds_dir)]) == 0
    assert asked == []
    assert cli.main(["--corpus", str(seeds_dir)]) == 0
    assert asked == [False]
