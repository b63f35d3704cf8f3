"""Quitting with worker processes mid-run prints nothing on the user's terminal afterwards.

``ctrl+q`` kills the pool's workers and ends the process at once
(``ui/leaving.py``); multiprocessing's resource tracker then unlinks the
pool's semaphores, and used to print a "leaked semaphore objects" warning on
the terminal after the app had gone.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from interpol_tui.corpus import pool

SCRIPT = """
import multiprocessing, os, sys, time
from interpol_tui.corpus import pool

if __name__ == "__main__":
    results = pool.run_pooled(time.sleep, [0.05] * 400, processes=2)
    next(results)
    for child in multiprocessing.active_children():
        if child.name.startswith("SpawnPoolWorker"):
            child.kill()
    sys.stderr.flush()
    os._exit(0)
"""


def test_killed_workers_leave_no_warning_on_the_terminal(tmp_path: Path) -> None:
    script = tmp_path / "quit_mid_run.py"
    script.write_text(SCRIPT)
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    # The tracker outlives the process a moment: its stderr is the same pipe, so the
    # run above returns only once it has finished (and written whatever it would).
    assert "leaked" not in done.stderr
    assert done.stderr == ""


def test_the_filter_is_only_for_the_tracker() -> None:
    pool._start_tracker()
    assert pool.TRACKER_QUIET not in sys.warnoptions
