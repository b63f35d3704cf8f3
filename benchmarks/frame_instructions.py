"""Instructions to the first frame (callgrind), ours against the minimal Textual app.

    python benchmarks/frame_instructions.py CORPUS_DIR

Wall-clock and even CPU time swing with whatever else the machine runs;
instruction counts do not. Each app runs under ``valgrind --tool=callgrind``
in a pseudo-terminal (120x40) and ends itself (``os._exit``) as soon as its
marker is written to the terminal: the minimal app's line, our list's title
("Releases") cold, the list's count ("/N") warm, from a snapshot made
first by one ordinary start, and then, with the first release's headline
edited (the file rewritten and put back, as ``scale.py`` does), that new
title. Under valgrind the app runs far slower than the file probe
(``state/file_probe.py``), whose answer is then always in before the first
frame. Under valgrind threads take turns differently, so the warm run
waits for the listing read begun by the command line before going on (the
same work, in a fixed order). Ours turns the garbage
collector off before the probe imports Textual, as the command line does
(``ui/heap.py``): the probe's own early imports had counted collections the
app does not make. Needs valgrind.
"""

from __future__ import annotations

import argparse
import os
import re
import select
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import scale  # noqa: E402
from scale import _env, run_app  # noqa: E402
from startup import _ESCAPES, MINIMAL_APP, _spawn_in_pty  # noqa: E402

TARGET = 1.5
"""Our first frame, cold and warm (the list shown), within this many minimal frames."""
TARGET_CHANGED = 2.0
"""One edited file's new title on screen, within this many minimal frames."""

PROBE = """
import os, re, sys
marker, mode = sys.argv[1].encode(), sys.argv[2]
if mode != "minimal":  # as the command line does before it imports Textual (ui/heap.py)
    from interpol_tui.ui.heap import pause_for_start
    pause_for_start()
escapes = re.compile(ESCAPES)
from textual.drivers import _writer_thread
seen = [b""]
write = _writer_thread.WriterThread.write
def until_marker(self, text):
    seen[0] += text.encode("utf-8", "replace")
    if marker in escapes.sub(b"", seen[0]):
        os._exit(0)
    write(self, text)
_writer_thread.WriterThread.write = until_marker
if mode == "minimal":
    exec(compile(MINIMAL, "<minimal>", "exec"), {"__name__": "__main__"})
else:
    from interpol_tui.state import listing
    prefetch = listing.prefetch
    def read_first(*args, **kwargs):
        found = prefetch(*args, **kwargs)
        found.result()
        return found
    listing.prefetch = read_first
    from interpol_tui.cli import main
    sys.exit(main(sys.argv[3:]))
""".replace("ESCAPES", repr(_ESCAPES.pattern)).replace("MINIMAL", repr(MINIMAL_APP))


def instructions(marker: str, mode: str, args: Sequence[str], home: Path | None) -> int:
    """Instructions callgrind counted from the start of ``mode`` until ``marker`` is on screen."""
    with tempfile.TemporaryDirectory(prefix="interpol-frame-") as scratch:
        log = Path(scratch) / "log"
        argv = [
            "valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", f"--log-file={log}",
            sys.executable, "-c", PROBE, marker, mode, *args,
        ]  # fmt: skip
        saved = dict(os.environ)
        if home is not None:
            os.environ.update(_env(home))
        # One process to count: the launcher's fork costs page copies, not instructions.
        os.environ["INTERPOL_TUI_LAUNCHER"] = "0"
        try:
            process, master = _spawn_in_pty(argv, (120, 40))
        finally:
            os.environ.clear()
            os.environ.update(saved)
        while process.poll() is None:
            if select.select([master], [], [], 0.2)[0]:
                try:
                    os.read(master, 1 << 16)
                except OSError:
                    break
        process.wait()
        os.close(master)
        found = re.search(r"Collected : (\d+)", log.read_text())
    if found is None:
        raise RuntimeError(f"callgrind counted nothing for {mode}")
    return int(found.group(1))


def main(argv: Sequence[str] | None = None) -> int:
    """Count and print, each against the minimal app and the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("corpus", type=Path, help="a folder written by benchmarks/generate.py")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed: nothing measured")
        return 1
    corpus = args.corpus.resolve()
    count = len(list(corpus.rglob("*.txt")))
    ours = ["--corpus", str(corpus)]
    minimal = instructions("minimal-app-ready", "minimal", [], None)
    print(f"{count:,} releases; instructions to the first frame (callgrind, 120x40):")
    print(f"  minimal Textual app {minimal / 1e9:.3f} G")
    with tempfile.TemporaryDirectory(prefix="interpol-frame-cold-") as cold:
        found = instructions("Releases", "ours", ours, Path(cold))
    print(f"  cold, list pane drawn {found / 1e9:.3f} G ({found / minimal:.2f}x; target {TARGET}x)")
    with tempfile.TemporaryDirectory(prefix="interpol-frame-warm-") as warm:
        markers = {"frame": b"Releases", "listed": f"/{count:,}".encode()}
        command = [sys.executable, "-m", "interpol_tui", *ours]
        scale.LINGER = 3.0  # the snapshot is made, then confirmed by a second start
        for _ in range(2):
            run_app(command, markers, Path(warm))
        found = instructions(f"/{count:,}", "ours", ours, Path(warm))
        print(f"  warm, list shown {found / 1e9:.3f} G ({found / minimal:.2f}x; target {TARGET}x)")
        target = scale._changed_file(corpus)
        original = target.read_bytes()
        edited, shown = scale._edited(original, 0)
        try:
            target.write_bytes(edited)
            found = instructions(shown.decode(), "ours", ours, Path(warm))
        finally:
            target.write_bytes(original)
    print(
        f"  one file edited, its new title shown {found / 1e9:.3f} G ({found / minimal:.2f}x;"
        f" target {TARGET_CHANGED}x)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
