"""Textual's terminal driver, except that leaving does not wait for its input thread.

Measured in a pseudo-terminal, ``ctrl+q`` took 250-340 ms at 10,000
releases, about as long as a minimal Textual app's, and 100-200 ms of it
was Textual joining its input thread: the thread looks at its stop flag
between waits of 0.1 s for input (``select``), and then waits once more for
the last keys. An app that leaves at once (``ui/leaving.py``: the state is
saved, and the process ends right after the terminal is restored) needs
neither: here the flag is set and the terminal's pending input dropped, as
Textual does, but the thread is not waited for; the process's end stops it.

Textual is pinned to 8.2 (``pyproject.toml``) for this and for skipping the
unmounting; ``tests/test_leaving.py`` checks both against it.
"""

from __future__ import annotations

import contextlib
import signal
import termios

from textual.drivers.linux_driver import LinuxDriver


class LeavingDriver(LinuxDriver):
    """The Linux and macOS driver; an app with ``leave_at_once`` set is not kept waiting."""

    def disable_input(self) -> None:
        """Stop reading the terminal; join the input thread only if the process goes on."""
        if not getattr(self._app, "leave_at_once", False):
            super().disable_input()
            return
        if self.exit_event.is_set():
            return  # asked already (stopping the application mode asks again)
        with contextlib.suppress(Exception):  # as Textual's own: leaving must not fail here
            signal.signal(signal.SIGWINCH, signal.SIG_DFL)
            self._disable_mouse_support()
        # Left set: the thread ends at its next look, unless the process has ended first.
        self.exit_event.set()
        with contextlib.suppress(termios.error, OSError):
            termios.tcflush(self.fileno, termios.TCIFLUSH)
