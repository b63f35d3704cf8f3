"""``tab`` between the panes: the time from the key until the new focus is on screen.

Opens the app headless at 120x40 on a corpus (default: 300 synthetic
releases, all workers finished) and presses ``tab`` round the three panes,
timing each press until the key bar shows the focused pane's keys and the
next frame is drawn.

    python benchmarks/focus_switch.py [--corpus DIR] [--n 300] [--presses 30]
    python benchmarks/focus_switch.py --src /path/to/other/checkout/src   # compare a version
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from statistics import median

HERE = Path(__file__).resolve().parent


async def _frame_drawn(app: object) -> None:
    drawn = asyncio.get_running_loop().create_future()
    screen = app.screen  # type: ignore[attr-defined]
    screen.call_after_refresh(lambda: drawn.done() or drawn.set_result(None))
    await drawn


async def measure(folder: Path, presses: int) -> list[float]:
    """Seconds per ``tab``, from the key until the new focus is drawn."""
    from textual import events

    from interpol_tui.ui.app import InterpolApp

    app = InterpolApp(corpus_paths=[folder])
    times: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause(0.5)
        for _ in range(presses):
            before = app.focused
            start = time.perf_counter()
            app.post_message(events.Key("tab", None))
            while app.focused is before and time.perf_counter() - start < 30:
                await asyncio.sleep(0.0005)
            await _frame_drawn(app)
            await _frame_drawn(app)  # the key bar redraws in the frame after the focus moves
            times.append(time.perf_counter() - start)
    return times


def main(argv: Sequence[str] | None = None) -> int:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, help="a folder of releases (default: synthetic)")
    parser.add_argument("--n", type=int, default=300, help="synthetic releases (default 300)")
    parser.add_argument("--presses", type=int, default=30, help="tab presses (default 30)")
    parser.add_argument("--src", type=Path, default=HERE.parent / "src", help="code to measure")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(args.src))
    with tempfile.TemporaryDirectory(prefix="interpol-bench-") as tmp:
        folder = args.corpus
        if folder is None:
            from synthetic import write_corpus

            folder = Path(tmp)
            write_corpus(folder, args.n)
        times = asyncio.run(measure(folder, args.presses))
    print(
        f"tab ({args.src}): median {median(times) * 1000:.0f} ms, "
        f"max {max(times) * 1000:.0f} ms over {len(times)} presses"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
