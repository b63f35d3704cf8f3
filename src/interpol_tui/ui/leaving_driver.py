"""Textual's terminal driver, except that leaving does not wait for its input thread.

Measured in a pseudo-terminal, ``ctrl+q`` took 250-340 ms at 10,000
releases, about as long as a minimal Textual app's, and 100-200 ms of it
was Textual joining its input thread: the thread looks at its stop flag
between waits of 0.1 s for input (``select``), and then waits once more for
the last keys. An app that leaves at once (``ui/leaving.py``: the state is
saved, and the process ends right after the terminal is restored) needs
neither: here the flag is set and the terminal's pending input dropped, as
Textual does, but the thread is not waited for; the process's end stops it.

Behind the thin launcher (``launcher.py``) the exit status is reported the
moment the terminal is restored (:meth:`LeavingDriver.stop_application_mode`,
its last bytes written): Textual goes on handling messages for another
100-150 ms while a thread still loads, which nobody needs to wait for. Not
when Textual has an error to print after leaving: the traceback comes first.
Nor while the app is suspended (an editor, ``kill -TSTP``): the terminal is
handed over and taken back, with Textual's own input thread joined and
started again.

Textual is pinned to 8.2 (``pyproject.toml``) for this and for skipping the
unmounting; ``tests/test_leaving.py`` checks both against it.
"""

from __future__ import annotations

import contextlib
import signal
import termios

from textual.drivers.linux_driver import LinuxDriver

from interpol_tui import launcher


class LeavingDriver(LinuxDriver):
    """The Linux and macOS driver; an app with ``leave_at_once`` set is not kept waiting."""

    _suspending = False
    """True while the app hands the terminal over and takes it back (an editor, a stop)."""

    def _leaving(self) -> bool:
        return bool(getattr(self._app, "leave_at_once", False)) and not self._suspending

    def suspend_application_mode(self) -> None:
        """Hand the terminal over as Textual does: the input thread joined, no report."""
        self._suspending = True
        try:
            super().suspend_application_mode()
        finally:
            self._suspending = False

    def disable_input(self) -> None:
        """Stop reading the terminal; join the input thread only if the process goes on."""
        if not self._leaving():
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

    def stop_application_mode(self) -> None:
        """Restore the terminal; an app leaving at once reports its status to the launcher."""
        super().stop_application_mode()
        app = self._app
        if self._leaving() and getattr(app, "_exit_renderables", None) == []:
            if self._writer_thread is not None:
                self._writer_thread.stop()  # every byte written before the shell's prompt
            launcher.report(app.return_code or 0)
