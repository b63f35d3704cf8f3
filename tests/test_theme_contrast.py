"""Every highlight, the legend, the cursor and the key bar are legible in every built-in theme.

Legibility is computed, not judged by eye: the WCAG contrast ratio of each
style's text colour against its background must be at least 4.5:1 (the
level for body text). ANSI colours are measured in Rich's default terminal
palette, as a terminal without a theme of its own would draw them.
"""

from __future__ import annotations

from pathlib import Path

from rich.color import Color
from rich.style import Style
from rich.terminal_theme import DEFAULT_TERMINAL_THEME
from textual.widget import Widget
from textual.widgets import DataTable

from interpol_tui.analysis.model import HIGHLIGHT_KINDS
from interpol_tui.ui.app import InterpolApp
from interpol_tui.ui.document_list import DocumentList
from interpol_tui.ui.key_bar import KeyBar
from interpol_tui.ui.legend import Legend
from interpol_tui.ui.reader import Reader

TEXT = 4.5
"""WCAG AA for normal text."""


def _luminance(color: Color, foreground: bool) -> float:
    triplet = color.get_truecolor(DEFAULT_TERMINAL_THEME, foreground=foreground)

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(triplet.red)
        + 0.7152 * channel(triplet.green)
        + 0.0722 * channel(triplet.blue)
    )


def contrast(style: Style) -> float:
    """The WCAG contrast ratio of ``style``'s text against its background (reverse honoured)."""
    fg = style.color or Color.default()
    bg = style.bgcolor or Color.default()
    if style.reverse:
        fg, bg = bg, fg
    light = _luminance(fg, foreground=not style.reverse)
    dark = _luminance(bg, foreground=bool(style.reverse))
    if light < dark:
        light, dark = dark, light
    return (light + 0.05) / (dark + 0.05)


def test_contrast_formula_matches_wcag() -> None:
    assert round(contrast(Style(color="#000000", bgcolor="#ffffff")), 1) == 21.0
    assert round(contrast(Style(color="#777777", bgcolor="#ffffff")), 2) == 4.48
    assert contrast(Style(color="#ffffff", bgcolor="#ffffff")) == 1.0


def _styles(widget: Widget, components: list[str]) -> dict[str, Style]:
    return {name: widget.get_component_rich_style(name) for name in components}


async def test_every_style_is_legible_in_every_theme(seeds_dir: Path) -> None:
    app = InterpolApp([seeds_dir])
    failures: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        documents = screen.query_one(DocumentList)
        reader = screen.query_one(Reader)
        legend = screen.query_one(Legend)
        bar = screen.query_one(KeyBar)
        for _ in range(20):  # the statistics tables are built after the first frames
            if screen.query(DataTable):
                break
            await app.workers.wait_for_complete()
            await pilot.pause(0.1)
        assert len(screen.query(DataTable)) == 3
        themes = sorted(app.available_themes)
        assert len(themes) > 10
        for theme in themes:
            app.theme = theme
            for focused in (documents, reader):
                focused.focus()
                await pilot.pause()
                checked = {
                    **_styles(
                        documents,
                        [
                            "document-list--title",
                            "document-list--meta",
                            "document-list--cursor",
                            "document-list--marker",
                        ],
                    ),
                    **_styles(
                        reader,
                        [
                            "reader--title",
                            "reader--meta",
                            "reader--match",
                            *(f"reader--{kind}" for kind in HIGHLIGHT_KINDS),
                        ],
                    ),
                    **_styles(
                        legend, ["legend--key", *(f"legend--{kind}" for kind in HIGHLIGHT_KINDS)]
                    ),
                    **_styles(bar, ["key-bar--key", "key-bar--label"]),
                    **{
                        f"{table.id} {name}": style
                        for table in screen.query(DataTable)
                        for name, style in _styles(
                            # (The header is drawn from get_component_styles, which the
                            # mixin does not reach: not measured here.)
                            table,
                            ["datatable--cursor"],
                        ).items()
                    },
                }
                # The current mark adds reverse video to a kind's style.
                for kind in HIGHLIGHT_KINDS:
                    current = reader.get_component_rich_style("reader--current", partial=True)
                    checked[f"current {kind}"] = checked[f"reader--{kind}"] + current
                # Drawn as partial styles over the widget's own: measured as drawn.
                checked["legend--key"] = legend.rich_style + legend.get_component_rich_style(
                    "legend--key", partial=True
                )
                for name, style in checked.items():
                    ratio = contrast(style)
                    if ratio < TEXT:
                        where = "list focused" if focused is documents else "list unfocused"
                        failures.append(f"{theme} ({where}) {name}: {ratio:.2f}")
    assert not failures, "\n".join(failures)
