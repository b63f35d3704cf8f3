"""How long ``ctrl+q`` takes to give the terminal back, whatever the app is doing.

    python benchmarks/quit_times.py CORPUS_DIR [--home DIR] [--only reading,analysing,idle]

Each start runs the app in a pseudo-terminal with its own temporary
``XDG_*`` folders (``benchmarks/scale.py``'s ``run_app``) and times
``ctrl+q`` until the process is gone, against the 0.5 s target:

- ``reading``: cold (no snapshot), ``ctrl+q`` as soon as the first frame is
  drawn, while worker processes read and clean the files;
- ``analysing``: cold, ``ctrl+q`` once the list shows every release, while
  worker processes analyse them and threads index them;
- ``idle`` (with ``--home``, a copy of the ``XDG_*`` folders of a finished
  run on this corpus, e.g. ``/tmp/h20-home100k``; the copy is used, never
  the folders themselves): warm, ``ctrl+q`` once the app and its workers
  have used almost no CPU for 10 s (statistics and indexes built).

Each start is timed with the thin launcher (``src/interpol_tui/launcher.py``,
the default) and without it (``INTERPOL_TUI_LAUNCHER=0``, as before it), one
after the other (``--launcher both``, the default; or ``on``, ``off``): from
the key until the screen is restored (the app leaves the alternate screen),
until the process the shell waits on is gone (the figure against the target),
and until the app's own process has freed its memory (behind the launcher,
in the background). The corpus is only read. With the app's peak memory and
the load average.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import scale  # noqa: E402

TARGET = scale.TARGET_QUIT
ENVIRONMENT = "INTERPOL_TUI_LAUNCHER"
"""``0`` runs the app without the launcher (``interpol_tui.launcher.ENVIRONMENT``)."""


def quit_once(corpus: Path, count: int, kind: str, home: Path | None) -> dict[str, float]:
    """One start of ``kind``: seconds from ``ctrl+q`` until the process is gone, and more."""
    argv = [sys.executable, "-m", "interpol_tui", "--corpus", str(corpus)]
    markers = {"frame": b"Releases"}
    if kind != "reading":
        markers["listed"] = f"/{count:,}".encode()
    folder = Path(tempfile.mkdtemp(prefix=f"interpol-quit-{kind}-"))
    saved = scale.LINGER
    try:
        if home is not None:
            shutil.copytree(home, folder, dirs_exist_ok=True)
        scale.LINGER = -4 * 3600.0 if kind == "idle" else 0.0  # negative: until idle
        return scale.run_app(argv, markers, folder)
    finally:
        scale.LINGER = saved
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("corpus", type=Path, help="a folder written by benchmarks/generate.py")
    parser.add_argument("--home", type=Path, help="XDG folders of a finished run (copied)")
    parser.add_argument("--only", default="reading,analysing,idle", help="which starts")
    parser.add_argument("--runs", type=int, default=1, help="starts of each kind (default 1)")
    parser.add_argument(
        "--launcher", choices=("both", "on", "off"), default="both", help="with, without, both"
    )
    args = parser.parse_args(argv)
    corpus = args.corpus.resolve()
    count = len(list(corpus.rglob("*.txt")))
    print(f"{count:,} releases in {corpus}; load average {os.getloadavg()[0]:.1f}")
    for kind in args.only.split(","):
        if kind == "idle" and args.home is None:
            print("  idle: skipped (needs --home)")
            continue
        home = args.home if kind == "idle" else None
        for _ in range(args.runs):
            for launcher in ("off", "on") if args.launcher == "both" else (args.launcher,):
                os.environ[ENVIRONMENT] = "0" if launcher == "off" else "1"
                try:
                    found = quit_once(corpus, count, kind, home)
                finally:
                    del os.environ[ENVIRONMENT]
                verdict = "ok" if found["quit"] <= TARGET else "OVER"
                print(
                    f"  {kind:9} launcher {launcher:3}: ctrl+q {found['quit'] * 1000:,.0f} ms"
                    f" ({verdict}; target {TARGET * 1000:.0f} ms; screen restored at"
                    f" {found.get('restored', 0.0) * 1000:,.0f} ms, app's memory freed at"
                    f" {found['app_gone'] * 1000:,.0f} ms) after {found['busy']:.0f} s running,"
                    f" peak {found.get('peak_mb', 0.0):,.0f} MB;"
                    f" load average {os.getloadavg()[0]:.1f}",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
