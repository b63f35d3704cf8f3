"""The app started as a shell starts it, in a pseudo-terminal, for tests of the real way in
and out (keys as bytes, the screen as the bytes the app wrote)."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path


def read_terminal(leader: int, seconds: float, poll: float = 0.05) -> bytes:
    """What the pseudo-terminal ``leader`` gives in ``seconds`` (less if it closes)."""
    got = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if select.select([leader], [], [], poll)[0]:
            try:
                got += os.read(leader, 65536)
            except OSError:
                break
    return got


class TerminalApp:
    """``interpol-tui --corpus CORPUS`` in a 120x40 pty, in a process group of its own (so
    its worker processes are found by the group); :meth:`close` kills whatever is left."""

    def __init__(self, corpus: Path) -> None:
        self.leader, follower = pty.openpty()
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "interpol_tui", "--corpus", str(corpus)],
            stdin=follower,
            stdout=follower,
            stderr=follower,
            env=env,
            start_new_session=True,
        )
        os.close(follower)
        self.screen = b""
        """Everything the app has written so far."""

    def read_for(self, seconds: float) -> None:
        """Collect what the app writes for ``seconds`` (less if the terminal closes)."""
        self.screen += read_terminal(self.leader, seconds)

    def wait_for(self, text: bytes, deadline: float) -> bool:
        """Read until ``text`` is on screen or the monotonic ``deadline`` passes (a hang
        guard, not a time limit); whether it came."""
        while text not in self.screen and time.monotonic() < deadline:
            self.read_for(0.2)
        return text in self.screen

    def send(self, keys: bytes) -> None:
        """Type ``keys``."""
        os.write(self.leader, keys)

    def close(self) -> None:
        """Kill the app's process group if it still runs, and close the terminal."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        os.close(self.leader)
