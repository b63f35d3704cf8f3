"""A stand-in for the browser behind the launcher (``tests/test_launcher.py``): run as
``python launcher_child.py WHAT [STATUS]`` in a pseudo-terminal, it forks through
:func:`interpol_tui.launcher.launch` and the child does ``WHAT``:

- ``report``: report STATUS, then go on for a while (a teardown), then end with it;
- ``raise``: raise an exception (a traceback, status 1, no report);
- ``signals``: say each signal it gets, for 3 s, then report 0;
- ``raw-kill``: put the terminal in raw mode and kill itself (no report);
- ``stop``: stop itself (as Textual's suspend does), then report 0 once continued.

The child writes ``child PID of PARENT`` first, so the test knows both.
"""

from __future__ import annotations

import os
import signal
import sys
import time
import tty

from interpol_tui import launcher

TEARDOWN = 3.0
"""Seconds the child goes on after its report (a large process's memory being freed)."""


def _say(text: str) -> None:
    os.write(1, f"{text}\n".encode())


def main() -> int:
    """Launch, and in the child do what the first argument says."""
    what = sys.argv[1]
    status = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    launcher.launch()  # the launcher ends inside, with the child's status
    _say(f"child {os.getpid()} of {os.getppid()}")
    if what == "report":
        launcher.report(status)
        time.sleep(TEARDOWN)
        os._exit(status)
    if what == "raise":
        raise RuntimeError("the child failed")
    if what == "signals":
        for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(number, lambda got, _: _say(f"got {signal.Signals(got).name}"))
        _say("ready")
        end = time.monotonic() + 3
        while time.monotonic() < end:
            time.sleep(0.05)
        launcher.report(0)
        os._exit(0)
    if what == "raw-kill":
        tty.setraw(0)
        os.kill(os.getpid(), signal.SIGKILL)
    if what == "stop":
        os.kill(os.getpid(), signal.SIGSTOP)
        _say("continued")
        launcher.report(0)
        os._exit(0)
    return 99


if __name__ == "__main__":
    raise SystemExit(main())
