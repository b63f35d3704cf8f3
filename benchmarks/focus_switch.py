"""``tab`` between the panes: the time from the key until the new focus is on screen.

Opens the app headless at 120x40 on a corpus (default: 300 synthetic
releases, all workers finished) and presses ``tab`` round the three panes,
timing each press until a frame is drawn in which the key bar shows the newly
focused pane's keys (the key bar's ``render`` is watched, so older versions
that redraw it a frame later are measured the same way). CPU time per press
is printed too: on a shared machine it moves less than the wall-clock time.

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


async def measure(folder: Path, presses: int) -> tuple[list[float], list[float]]:
    """Seconds per ``tab`` (wall clock, CPU), from the key until the new focus is drawn."""
    from textual import events

    from interpol_tui.ui import key_bar
    from interpol_tui.ui.app import InterpolApp

    rendered_for: list[object] = [None]  # the focus the key bar last drew the keys of
    render = key_bar.KeyBar.render

    def watched(bar: object) -> object:
        rendered_for[0] = bar.screen.focused  # type: ignore[attr-defined]
        return render(bar)  # type: ignore[arg-type]

    key_bar.KeyBar.render = watched  # type: ignore[assignment,method-assign]
    app = InterpolApp(corpus_paths=[folder])
    times: list[float] = []
    cpu: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause(0.5)
        for _ in range(presses):
            before = app.focused
            start, start_cpu = time.perf_counter(), time.process_time()
            app.post_message(events.Key("tab", None))
            while app.focused is before and time.perf_counter() - start < 30:
                await asyncio.sleep(0.0005)
            await _frame_drawn(app)
            while rendered_for[0] is not app.focused and time.perf_counter() - start < 30:
                await _frame_drawn(app)  # the key bar is drawn in this frame or a later one
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
    return times, cpu


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
        times, cpu = asyncio.run(measure(folder, args.presses))
    print(
        f"tab ({args.src}): median {median(times) * 1000:.0f} ms, "
        f"max {max(times) * 1000:.0f} ms over {len(times)} presses; "
        f"CPU median {median(cpu) * 1000:.0f} ms, max {max(cpu) * 1000:.0f} ms "
        f"(target: well under 100 ms)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
