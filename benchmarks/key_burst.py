"""A held ``j``: 100 keys at 100 a second, sent as a terminal's input thread sends them.

Opens the app headless at 120x40 on synthetic releases (all workers done),
then feeds ``j`` from another thread at ``--rate`` keys a second and counts
how many releases the reader laid out (wrapped and drew) meanwhile. Every key
must move the cursor ("coalesce drawing, never keys"); the reader should draw
far fewer releases than keys and end on the last one.

    python benchmarks/key_burst.py [--n 300] [--keys 100] [--rate 100] [--src OTHER/src]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent


async def measure(folder: Path, keys: int, rate: float) -> tuple[int, int, float, bool, float]:
    """Cursor moves, reader layouts, seconds until the last move, final shown, CPU seconds."""
    from textual import events

    from interpol_tui.ui import reader as reader_module
    from interpol_tui.ui.app import InterpolApp
    from interpol_tui.ui.document_list import DocumentList
    from interpol_tui.ui.reader import Reader

    layouts = [0]
    layout = reader_module.layout_release

    def counted(*args: object) -> object:
        layouts[0] += 1
        return layout(*args)  # type: ignore[arg-type]

    reader_module.layout_release = counted  # type: ignore[assignment]
    app = InterpolApp(corpus_paths=[folder])
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause(0.5)
        documents = app.screen.query_one(DocumentList)
        first = documents.cursor
        loop = asyncio.get_running_loop()
        layouts[0] = 0
        start, start_cpu = time.perf_counter(), time.process_time()

        def feed() -> None:
            for index in range(keys):
                loop.call_soon_threadsafe(app.post_message, events.Key("j", "j"))
                time.sleep(max(start + (index + 1) / rate - time.perf_counter(), 0))

        feeder = threading.Thread(target=feed)
        feeder.start()
        while feeder.is_alive() or (
            documents.cursor < first + keys and time.perf_counter() - start < 60
        ):
            await asyncio.sleep(0.005)
        done = time.perf_counter() - start
        await pilot.pause(0.3)
        reader = app.screen.query_one(Reader)
        final = reader.document is documents.current
        return documents.cursor - first, layouts[0], done, final, time.process_time() - start_cpu


def main(argv: Sequence[str] | None = None) -> int:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=300, help="synthetic releases (default 300)")
    parser.add_argument("--keys", type=int, default=100, help="j presses (default 100)")
    parser.add_argument("--rate", type=float, default=100, help="keys a second (default 100)")
    parser.add_argument("--src", type=Path, default=HERE.parent / "src", help="code to measure")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(args.src))
    with tempfile.TemporaryDirectory(prefix="interpol-bench-") as tmp:
        from synthetic import write_corpus

        folder = Path(tmp)
        write_corpus(folder, args.n)
        moved, layouts, done, final, cpu = asyncio.run(measure(folder, args.keys, args.rate))
    print(
        f"{args.keys} j at {args.rate:.0f}/s ({args.src}): cursor moved {moved} "
        f"(target: {args.keys}), reader drew {layouts} releases (target: far fewer than keys), "
        f"last move {done:.2f} s after the first key, reader on the last release: {final}, "
        f"CPU {cpu:.2f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
