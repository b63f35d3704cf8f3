"""Back from a stop (``kill -TSTP``/ctrl+z, then ``fg``) the whole screen is painted again.

Textual's signal resume takes the terminal back empty and repaints nothing;
a later key repainted only what it changed (tmux: one line, then half the
panes). The app marks the whole screen for painting on the resume signal.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.geometry import Region

from interpol_tui.ui.app import InterpolApp


async def test_the_resume_signal_marks_the_whole_screen_for_painting(seeds_dir: Path) -> None:
    app = InterpolApp(corpus_paths=[seeds_dir])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        asked: list[tuple[tuple[Region, ...], dict[str, Any]]] = []
        plain = screen.refresh

        def spy(*regions: Region, **options: Any) -> Any:
            asked.append((regions, options))
            return plain(*regions, **options)

        screen.refresh = spy  # type: ignore[method-assign]
        app.app_resume_signal.publish(app)
        await pilot.pause()
        assert any(screen.region in regions for regions, _ in asked)
