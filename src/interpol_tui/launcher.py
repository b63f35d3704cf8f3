"""A thin launcher: the process the shell waits on stays small, and ends as soon as the
browser has given the terminal back.

A browser that quits at 100,000 releases is done 21 ms after ``ctrl+q``
(``ui/leaving.py``), but the kernel then frees its 2.4 GB, one page at a
time, before the shell sees the process end: 1.2 s of a blank prompt. So the
plain browser start forks early, while the process is still a bare
interpreter (:func:`launch`, before Textual or any corpus is imported, with
the collector off and what exists frozen out of it, as ``gc.freeze``'s
documentation advises): the child runs the app; the parent only waits. The
child reports its exit status through a pipe the moment the terminal is
restored (:func:`report`, then it ends with ``os._exit``), and the parent
returns that status at once, leaving the child's teardown to finish in the
background. When the pipe gives no report (a crash, a kill), the parent
waits for the child and ends as it did: with its status, or killed by the
same signal, after restoring the terminal's settings if the child left them
raw.

The parent forwards the signals a user sends it (``kill``: TERM, HUP, INT,
QUIT, TSTP) to the child, but not those the terminal sent to the whole
foreground group (``ctrl+c`` before the app reads keys), which the child has
already had. When the child stops (Textual's suspend, a ``SIGTSTP``), the
parent stops too, so the shell gets the terminal back; ``fg`` continues both.

Not forked: commands (``stats`` …), runs without a terminal, tests, systems
without ``fork`` or ``sigtimedwait``, and ``INTERPOL_TUI_LAUNCHER=0`` (for a
profiler, or to compare). Only light modules are imported here.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
from typing import Any

try:
    import termios
except ImportError:  # not a Unix: no launcher either (no fork)
    termios = None  # type: ignore[assignment]

_Settings = list[Any]
"""A terminal's settings, as ``termios.tcgetattr`` gives them."""

ENVIRONMENT = "INTERPOL_TUI_LAUNCHER"
"""Set to ``0`` to run the browser in the process the shell started (no launcher)."""

FORWARDED = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT, signal.SIGQUIT, signal.SIGTSTP)
"""Signals sent to the launcher that are passed on to the app."""

_WAITED = frozenset({*FORWARDED, signal.SIGCHLD, signal.SIGIO})
"""What the parent waits for: a signal to pass on, the child's state, the child's report."""

_SI_KERNEL = 0x80
"""``si_code`` of a signal the kernel sent (the terminal's ``ctrl+c``, ``ctrl+z``, …)."""

_SAFETY_WAKE = 1.0
"""Seconds between looks at the pipe even without a signal (should ``SIGIO`` not come)."""

_RESET_TERMINAL = (
    "\x1b[?1000l\x1b[?1003l\x1b[?1015l\x1b[?1006l\x1b[?1016l"  # mouse reporting off
    "\x1b[?2004l\x1b[?2048l\x1b[?1004l"  # bracketed paste, resize and focus reports off
    "\x1b[?7h\x1b[<u\x1b[?1049l\x1b[?25h"  # wrap lines, keyboard mode, main screen, cursor
)
"""What Textual writes when it leaves, for a child that could not (see :func:`_restore`)."""

_report_to: int | None = None
"""In the app's process: the pipe's end to write the exit status to; None without a launcher."""


def wanted(environ: dict[str, str] | os._Environ[str] | None = None) -> bool:
    """Whether this start should fork: both ends a terminal, fork and signals available,
    not switched off, not under a test runner."""
    environ = os.environ if environ is None else environ
    if environ.get(ENVIRONMENT, "") == "0" or "pytest" in sys.modules:
        return False
    if not hasattr(os, "fork") or not hasattr(signal, "sigtimedwait"):
        return False
    try:
        return os.isatty(0) and os.isatty(1)
    except OSError:
        return False


def launch() -> None:
    """Fork if :func:`wanted`; return only in the process that is to run the app (the
    child, or this one without forking). The parent waits, then ends with the app's status
    (``os._exit``: nothing of the start is left to tidy, and the shell is waiting).
    """
    global _report_to
    if not wanted():
        return
    saved_terminal = _terminal_settings()
    reading, writing = os.pipe()
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, _WAITED)  # none is lost before waiting
    sys.stdout.flush()
    sys.stderr.flush()
    gc.freeze()  # the child's collector never writes to the pages it shares with the parent
    try:
        child = os.fork()
    except OSError:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        os.close(reading)
        os.close(writing)
        return  # no memory for another process: run the app here
    if child == 0:
        os.close(reading)
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        _report_to = writing
        return
    os.close(writing)
    signal.signal(signal.SIGIO, signal.SIG_IGN)  # once unblocked (a late one must not kill)
    status = _wait_for(child, reading, saved_terminal)
    _drain()
    signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    os._exit(status)


def report(status: int) -> None:
    """In the app's process, with the terminal restored and output flushed: tell the
    launcher the exit status, so that the shell has its prompt back while this process's
    memory is freed. Without a launcher, nothing."""
    global _report_to
    if _report_to is None:
        return
    with contextlib.suppress(OSError):
        os.write(_report_to, bytes([status & 0xFF]))
        os.close(_report_to)
    _report_to = None


def _wait_for(child: int, reading: int, saved_terminal: _Settings | None) -> int:
    """The parent's loop: until the child reports or ends, passing signals on."""
    os.set_blocking(reading, False)
    with contextlib.suppress(AttributeError, OSError):  # SIGIO when the report comes
        import fcntl

        fcntl.fcntl(reading, fcntl.F_SETOWN, os.getpid())
        fcntl.fcntl(reading, fcntl.F_SETFL, fcntl.fcntl(reading, fcntl.F_GETFL) | os.O_ASYNC)
    try:
        while True:
            found = _read_report(reading)
            if found is not None:
                return found
            ended = _child_state(child)
            if ended is not None:
                found = _read_report(reading)  # reported, then ended before we looked
                if found is None:
                    _restore(saved_terminal)
                return found if found is not None else _status_of(ended)
            info = signal.sigtimedwait(_WAITED, _SAFETY_WAKE)
            if info is not None and info.si_signo in FORWARDED and info.si_code != _SI_KERNEL:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(child, info.si_signo)
    finally:
        os.close(reading)


def _read_report(reading: int) -> int | None:
    """The status the child wrote, if it has written it."""
    try:
        data = os.read(reading, 1)
    except BlockingIOError:
        return None
    return data[0] if data else None


def _child_state(child: int) -> int | None:
    """The child's wait status once it has ended; None while it runs. A stopped child
    stops the launcher too (the shell takes the terminal back), and both go on at ``fg``."""
    while True:
        try:
            pid, status = os.waitpid(child, os.WNOHANG | os.WUNTRACED)
        except ChildProcessError:
            return 0  # reaped elsewhere: nothing more to learn
        if pid == 0:
            return None
        if not os.WIFSTOPPED(status):
            return status
        os.kill(os.getpid(), signal.SIGSTOP)  # returns once continued (the shell's `fg`)
        with contextlib.suppress(ChildProcessError):
            pid, status = os.waitpid(child, os.WNOHANG | os.WCONTINUED)
            if pid == 0:  # only the launcher was continued (`kill -CONT`): the child too
                with contextlib.suppress(ProcessLookupError):
                    os.kill(child, signal.SIGCONT)


def _status_of(wait_status: int) -> int:
    """The exit status for a child's wait status; a child killed by a signal kills the
    launcher by the same signal (as a shell reports it), or gives 128 + its number."""
    if os.WIFSIGNALED(wait_status):
        number = os.WTERMSIG(wait_status)
        with contextlib.suppress(OSError, ValueError):  # SIGKILL's cannot be set: it need not
            signal.signal(number, signal.SIG_DFL)
        with contextlib.suppress(ImportError, OSError, ValueError):  # the child's core is enough
            import resource

            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        with contextlib.suppress(OSError, ValueError):
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {number})
            os.kill(os.getpid(), number)
        return 128 + number
    return os.waitstatus_to_exitcode(wait_status)


def _terminal_settings() -> _Settings | None:
    """The terminal's settings as the shell left them (cooked), to restore after a crash."""
    if termios is None:
        return None
    try:
        return termios.tcgetattr(0)
    except (termios.error, OSError):
        return None


def _restore(saved: _Settings | None) -> None:
    """The child ended without restoring the terminal (killed while in raw mode): put the
    shell's settings back and leave the app's screen modes, as Textual would have."""
    if saved is None or termios is None:
        return
    try:
        if termios.tcgetattr(0) == saved:
            return  # the child restored it (an error it reported itself, a clean exit)
        termios.tcsetattr(0, termios.TCSADRAIN, saved)
        os.write(1, _RESET_TERMINAL.encode())
    except (termios.error, OSError):
        return


def _drain() -> None:
    """Take the signals still pending in the parent, so that none is delivered when they
    are unblocked (the terminal's ``ctrl+c`` the child already had, the last ``SIGCHLD``)."""
    while signal.sigtimedwait(_WAITED, 0) is not None:
        pass
