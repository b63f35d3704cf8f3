"""Pilot test: the style and width a paint works out once are what each line would ask for."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_fixtures import settle
from rich.style import Style

from interpol_tui.ui.app import InterpolApp
from interpol_tui.ui.document_list import DocumentList
from interpol_tui.ui.line_pass import LinePass
from interpol_tui.ui.reader import Reader


async def test_every_line_of_a_paint_gets_the_style_and_width_it_would_work_out(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[str, Style, Style, int, int]] = []
    for widget_class in (DocumentList, Reader):
        drawn = widget_class.render_line

        def recorded(self: LinePass, y: int, drawn=drawn) -> object:  # type: ignore[no-untyped-def]
            widget = self  # type: ignore[assignment]
            seen.append(
                (
                    type(widget).__name__,
                    self.line_style,
                    widget.rich_style,  # type: ignore[attr-defined]
                    self.line_width,
                    widget.scrollable_content_region.width,  # type: ignore[attr-defined]
                )
            )
            return drawn(self, y)

        monkeypatch.setattr(widget_class, "render_line", recorded)
    app = InterpolApp([seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        for keys in (["j"], ["tab"], ["j", "j"], ["shift+tab"], ["s"], ["k"]):
            await pilot.press(*keys)  # focus moves (the cursor's colours), the panes resize
            await settle(app, pilot)
        app.theme = "textual-light"  # every style changes
        await settle(app, pilot)
        await pilot.press("j")
        await settle(app, pilot)
    assert {name for name, *_ in seen} == {"DocumentList", "Reader"}
    assert len({style for _, style, *_ in seen}) > 1  # the paints did differ
    assert len({width for *_, width, _ in seen}) > 1
    for name, style, fresh, width, fresh_width in seen:
        assert style == fresh, name
        assert width == fresh_width, name
