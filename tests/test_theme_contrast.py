"""Every highlight, the legend, the cursor, the key bar, pane titles, tab names, table headers
and placeholders are legible in every built-in theme.

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
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import DataTable, Input
from textual.widgets._tabbed_content import ContentTab

from interpol_tui.analysis.model import HIGHLIGHT_KINDS
from interpol_tui.ui.app import InterpolApp
from interpol_tui.ui.document_list import DocumentList
from interpol_tui.ui.find_bar import FindBar
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


def _drawn_words(widget: Widget, y: int) -> list[tuple[str, Style]]:
    """The segments with letters in line ``y`` of ``widget`` as drawn (border included)."""
    strip = widget.render_lines(Region(0, y, widget.outer_size.width, 1))[0]
    return [(s.text, s.style or Style()) for s in strip if any(c.isalnum() for c in s.text)]


async def test_titles_tabs_headers_and_placeholders_are_legible_in_every_theme(
    seeds_dir: Path,
) -> None:
    """Text Textual styles itself: pane titles, tab names, table headers, placeholders."""
    app = InterpolApp([seeds_dir])
    failures: list[str] = []
    async with app.run_test(size=(140, 40)) as pilot:
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        screen = app.screen
        for _ in range(20):  # the statistics tables are built after the first frames
            if screen.query(DataTable):
                break
            await app.workers.wait_for_complete()
            await pilot.pause(0.1)
        await screen.query_one(FindBar).open("")  # mounted when first opened
        screen.query_one("#list-filter-line").add_class("-shown")
        screen.query_one(Reader).focus()
        await pilot.pause()
        inputs = list(screen.query(Input))
        assert {i.id for i in inputs} >= {"list-filter", "figure-filter", "find-query"}
        tables = list(screen.query(DataTable))
        assert len(tables) == 3
        for theme in sorted(app.available_themes):
            app.theme = theme
            await pilot.pause()
            checked: dict[str, Style] = {}
            for pane in screen.query("#documents, #reader, #stats"):
                lines = {"title": 0, "subtitle": pane.outer_size.height - 1}
                for where, y in lines.items():
                    for text, style in _drawn_words(pane, y):
                        checked[f"{pane.id} {where} {text.strip()!r}"] = style
            for tab in screen.query(ContentTab):
                for text, style in _drawn_words(tab, 0):
                    checked[f"tab {text.strip()!r}"] = style
            for table in tables:
                # As DataTable draws its header: from the component's styles.
                header = table.get_component_styles("datatable--header").rich_style
                checked[f"{table.id} header"] = header
                if table.size.height:
                    for text, style in _drawn_words(table, 0):
                        checked[f"{table.id} header drawn {text.strip()!r}"] = style
            for field in inputs:
                checked[f"{field.id} placeholder"] = field.get_component_rich_style(
                    "input--placeholder"
                )
            assert len(checked) > 12
            for name, style in checked.items():
                ratio = contrast(style)
                if ratio < TEXT:
                    failures.append(f"{theme} {name}: {ratio:.2f}")
    assert not failures, "\n".join(failures)
