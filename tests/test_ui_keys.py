"""Pilot tests: the keys behave like lazygit's and newsboat's (issue 13, items 3, 4, 5, 9, 13)."""

from __future__ import annotations

from pathlib import Path

from textual.binding import Binding
from textual.pilot import Pilot
from textual.widgets import DataTable, OptionList

from interpol_tui.ui.app import InterpolApp
from interpol_tui.ui.document_list import DocumentList
from interpol_tui.ui.entity_card import EntityCard
from interpol_tui.ui.help_screen import HelpScreen
from interpol_tui.ui.key_bar import KeyBar
from interpol_tui.ui.quotes_panel import QuotesPanel
from interpol_tui.ui.reader import Reader


async def _loaded(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _list(app: InterpolApp) -> DocumentList:
    return app.screen.query_one(DocumentList)


def _bar_text(app: InterpolApp) -> str:
    bar = app.screen.query_one(KeyBar)
    rendered = bar.render()
    return getattr(rendered, "plain", str(rendered))


async def test_the_whole_cursor_row_takes_the_cursor_colours(seeds_dir: Path) -> None:
    app = InterpolApp([seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        documents = _list(app)
        for focused in (True, False):
            if not focused:
                app.screen.query_one(Reader).focus()
                await pilot.pause()
            cursor = documents.get_component_rich_style("document-list--cursor")
            for y in (0, 1):  # both lines of the row, every cell
                strip = documents.render_line(y)
                backgrounds = {segment.style.bgcolor for segment in strip if segment.style}
                assert backgrounds == {cursor.bgcolor}, (focused, y)
            other = {s.style.bgcolor for s in documents.render_line(2) if s.style}
            assert cursor.bgcolor not in other


async def test_key_bar_follows_focus_and_dims_what_cannot_act(seeds_dir: Path) -> None:
    app = InterpolApp([seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        assert "Sort" in _bar_text(app)
        await pilot.press("tab", "tab")
        assert isinstance(app.focused, DataTable)
        assert "Read figure" in _bar_text(app) and "Sort" not in _bar_text(app)
        before = app.focused.cursor_row
        await pilot.press("j")
        assert app.focused.cursor_row == before + 1
        await pilot.press("tab")  # back to the list
        reader = app.screen.query_one(Reader)
        reader.focus()
        await pilot.pause()
        entries = dict((b.action, enabled) for b, enabled in app.screen.query_one(KeyBar).entries())
        assert entries["copy_quote"] is False  # no quotation marked yet: shown dimmed
        assert entries["step('entity', True)"] is True


async def test_entries_never_cut_mid_label_at_80_columns(seeds_dir: Path) -> None:
    app = InterpolApp([seeds_dir])
    async with app.run_test(size=(80, 24)) as pilot:
        await _loaded(pilot)
        app.screen.query_one(Reader).focus()
        await pilot.pause()
        text = _bar_text(app)
        shown = [b.description for b, _ in app.screen.query_one(KeyBar).entries()]
        # Each entry is drawn whole or not at all: no key without its label.
        for binding, _ in app.screen.query_one(KeyBar).entries():
            key = app.get_key_display(binding)
            if f" {key} " in text:
                assert f" {key} {binding.description}" in text
        assert len(text) <= 80 and shown


async def test_stats_tables_and_dialogs_move_with_j_k_g_G(seeds_dir: Path) -> None:
    app = InterpolApp([seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        await pilot.press("tab", "tab")
        table = app.focused
        assert isinstance(table, DataTable)
        await pilot.press("G")
        assert table.cursor_row == table.row_count - 1
        await pilot.press("g")
        assert table.cursor_row == 0
        await pilot.press("3")  # the entities tab: focus goes into its table
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "entities"
        await pilot.press("j", "j", "k")
        assert app.focused.cursor_row == 1  # type: ignore[attr-defined]
        await pilot.press("escape")  # back to the list
        assert app.focused is _list(app)
        # A dialog: the quotations of a release.
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("quotation_mark")
        await pilot.pause()
        assert isinstance(app.screen, QuotesPanel)
        options = app.screen.query_one(OptionList)
        await pilot.press("G")
        assert options.highlighted == options.option_count - 1
        await pilot.press("g")
        assert options.highlighted == 0
        await pilot.press("q")  # q closes a dialog...
        assert not isinstance(app.screen, QuotesPanel)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        app.screen.query_one(Reader).focus()
        await pilot.press("q")  # ... goes back to the list from a pane ...
        assert app.is_running and app.focused is _list(app)
        await pilot.press("q")  # ... and quits from the whole list
        await pilot.pause()
        assert app.return_code is not None or not app.is_running


async def test_help_lists_each_key_once(seeds_dir: Path) -> None:
    from interpol_tui.ui.help_screen import bindings_table
    from interpol_tui.ui.main_screen import help_sections

    table = bindings_table(help_sections())
    rows = list(zip(table.columns[0].cells, table.columns[1].cells, strict=True))
    plain = [(str(key), str(text)) for key, text in rows]
    statistics = [row for row in plain[[k for k, _ in plain].index("Statistics") :] if row[1]]
    assert len(statistics) == len(set(statistics))
    assert ("enter", "Read figure") in statistics


async def test_palette_writes_keys_as_the_bar_does(seeds_dir: Path) -> None:
    app = InterpolApp([seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        helps = [c.help for c in app.get_system_commands(app.screen)]
        assert "Key: ?" in helps and "Key: /" in helps
        assert not any("question_mark" in h or "slash" in h for h in helps)
        assert app.get_key_display(Binding("question_mark", "x")) == "?"


async def test_typing_filters_the_list_and_escape_clears_it(seeds_dir: Path) -> None:
    app = InterpolApp([seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        documents = _list(app)
        await pilot.press("f")
        await pilot.press(*"coalition reaffirms")
        await pilot.pause()
        assert [d.title for d in documents.rows] == [
            "INTERPOL reaffirms support to Global Coalition as international policing partner"
        ]
        assert documents.border_subtitle == "1/1 · 5 in all"
        title = documents.render_line(0)
        underlined = "".join(seg.text for seg in title if seg.style and seg.style.underline)
        assert underlined == "reaffirms"  # the visible match is marked, as fzf does
        await pilot.press("enter")  # keep the filter, back in the list
        assert app.focused is documents and len(documents.rows) == 1
        await pilot.press("escape")  # clears it
        assert len(documents.rows) == 5
        await pilot.press("backslash", *"!interpol")
        await pilot.pause()
        assert all("interpol" not in d.title.casefold() for d in documents.rows)
        await pilot.press("escape")  # in the line: clears it too
        assert len(documents.rows) == 5 and app.focused is documents
        await pilot.press("f", *"2017")  # a date range term
        await pilot.pause()
        assert [d.date for d in documents.rows] == ["2017-03-22"]


async def test_entity_card_lists_the_releases_mentioning_it(seeds_dir: Path) -> None:
    app = InterpolApp([seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        await pilot.press("enter", "e", "enter")  # read, first entity, its card
        await pilot.pause()
        assert isinstance(app.screen, EntityCard)
        card = app.screen
        expected = card.doc_ids
        await pilot.press("l")
        await pilot.pause()
        documents = _list(app)
        assert {d.id for d in documents.rows} == expected
        assert card.entity.canonical in str(app.screen.query_one("#list-entity").render())
        documents.focus()
        await pilot.press("escape")
        assert len(documents.rows) == 5


async def test_bookmarks_only_shows_in_the_pane_title(seeds_dir: Path) -> None:
    app = InterpolApp([seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        documents = _list(app)
        await pilot.press("b", "B")
        await pilot.pause()
        assert "★" in str(documents.border_title)
        await pilot.press("B")
        assert "★" not in str(documents.border_title)


async def test_a_hundred_quick_j_presses_all_move_the_cursor(tmp_path: Path) -> None:
    for index in range(150):
        text = f"Release {index} about policing\n\nLYON, France – Body {index}.\n"
        (tmp_path / f"{index:03}.txt").write_text(text, encoding="utf-8")
    app = InterpolApp([tmp_path])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        documents = _list(app)
        await pilot.press(*["j"] * 100)  # no pause between keys
        await pilot.pause()
        assert documents.cursor == 100


async def test_resizing_keeps_the_release_in_view_and_brings_the_pane_back(tmp_path: Path) -> None:
    from interpol_tui.ui.stats_pane import StatsPane

    for index in range(60):
        text = f"Release {index} about policing\n\nLYON, France – Body {index}.\n"
        (tmp_path / f"{index:03}.txt").write_text(text, encoding="utf-8")
    app = InterpolApp([tmp_path])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        documents = _list(app)
        await pilot.press("G")
        await pilot.press("tab", "tab")  # focus in the statistics
        stats = app.screen.query_one(StatsPane)
        assert stats.display and app.focused is not None
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert not stats.display
        assert app.focused is documents  # not left on a hidden pane
        top = documents.scroll_y // 2
        assert top <= documents.cursor < top + documents.scrollable_content_region.height // 2
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert stats.display  # the pane comes back on a wide terminal
        await pilot.press("s")  # hidden by the user on a wide terminal: it stays hidden
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert not stats.display


async def test_reload_says_what_was_added_removed_and_changed(tmp_path: Path) -> None:
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(f"Title {name}\n\nBody {name}.\n", encoding="utf-8")
    app = InterpolApp([tmp_path])
    notes: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        app.notify = lambda message, **_: notes.append(str(message))  # type: ignore[method-assign]
        await pilot.press("r")
        await _loaded(pilot)
        assert notes[-1] == "Reloaded: no change (3 releases)"
        (tmp_path / "a.txt").unlink()
        (tmp_path / "b.txt").write_text("Title b\n\nA new body.\n", encoding="utf-8")
        (tmp_path / "d.txt").write_text("Title d\n\nBody d.\n", encoding="utf-8")
        (tmp_path / "e.txt").write_text("Title e\n\nBody e.\n", encoding="utf-8")
        await pilot.press("r")
        await _loaded(pilot)
        assert notes[-1] == "Reloaded: 2 added, 1 removed, 1 changed (4 releases)"


async def test_palette_says_why_a_disabled_command_cannot_act(seeds_dir: Path) -> None:
    app = InterpolApp([seeds_dir])
    notes: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        app.screen.query_one(Reader).focus()
        await pilot.pause()
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        assert "Next entity" in commands  # enabled: listed as it is
        copy = commands["Copy quote (not now)"]
        app.notify = lambda message, **_: notes.append(str(message))  # type: ignore[method-assign]
        copy.callback()
        assert notes == ["No quotation marked: press ] to mark one first."]


async def test_escape_after_choosing_an_entity_lets_it_be_chosen_again(seeds_dir: Path) -> None:
    from interpol_tui.ui.entity_table import EntityTable

    app = InterpolApp([seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        await pilot.press("tab", "tab", "3")
        await pilot.pause()
        table = app.screen.query_one(EntityTable)
        table.move_cursor(row=next(i for i, e in enumerate(table.entities) if e.releases < 5))
        await pilot.press("enter")  # the list shows that entity's releases
        await pilot.pause()
        documents = _list(app)
        narrowed = len(documents.rows)
        assert table.chosen is not None and narrowed < 5
        await pilot.press("escape")  # back to the list
        await pilot.press("escape")  # every release again
        await pilot.pause()
        assert len(documents.rows) == 5 and table.chosen is None
        status = str(app.screen.query_one("#entities-status").render())
        assert "enter lists the releases" in status
        table.focus()
        await pilot.press("enter")  # the same entity narrows the list again
        await pilot.pause()
        assert len(documents.rows) == narrowed


async def test_a_filter_that_matched_nothing_gives_the_cursor_back(seeds_dir: Path) -> None:
    app = InterpolApp([seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        documents = _list(app)
        await pilot.press("j", "j", "j")
        chosen = documents.current
        await pilot.press("f", *"zzzz")
        await pilot.pause()
        assert documents.rows == []
        await pilot.press("escape")
        assert documents.current is chosen


def _screen_text(app: InterpolApp) -> str:
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


async def test_widths_at_120_and_200_columns(seeds_dir: Path) -> None:
    from interpol_tui.ui.stats_pane import StatsPane

    app = InterpolApp([seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        await pilot.pause()
        screen = _screen_text(app)
        assert "Corpus" in screen  # every tab shows, its name shortened if need be
        assert "member countries " in screen and "member cou…" not in screen
        narrow = _list(app).region.width
        stats = app.screen.query_one(StatsPane).region.width
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        await pilot.pause()
        assert _list(app).region.width >= narrow + 15  # the list grows with the terminal
        assert app.screen.query_one(StatsPane).region.width >= stats + 30
        assert "Quantities" in _screen_text(app)


def test_the_legend_breaks_between_entries_only() -> None:
    from interpol_tui.analysis.model import HIGHLIGHT_KINDS
    from interpol_tui.ui.annotations import KIND_LABELS
    from interpol_tui.ui.legend import GAP, entry_lines

    for width in range(14, 120):
        lines = entry_lines(width)
        assert [n for line in lines for n in line] == list(range(1, len(HIGHLIGHT_KINDS) + 1))
        for line in lines:
            entries = [f"{n} {KIND_LABELS[HIGHLIGHT_KINDS[n - 1]]}" for n in line]
            assert len(GAP.join(entries)) <= width or len(line) == 1


async def test_the_entity_card_reads_the_releases_the_across_index_names(seeds_dir: Path) -> None:
    """Once the across-release index is built, the card is given only the analyses of the
    releases naming the entity (corpus order, the one it was asked from last if apart)."""
    from interpol_tui.ui.main_screen import MainScreen
    from interpol_tui.ui.messages import EntityCardRequested

    app = InterpolApp([seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        for _ in range(200):  # built in a thread once analysis lands
            if screen.across.ready_for(screen.analyses) is not None:
                break
            await pilot.pause(0.05)
        assert screen.across.ready_for(screen.analyses) is not None
        analyses = screen.analyses
        asked = next(iter(analyses))
        checked = 0
        for entity in {(e.type, e.canonical): e for e in analyses[asked].entities}.values():
            key = (entity.type, entity.canonical.casefold())
            naming = [
                doc_id
                for doc_id, analysis in analyses.items()
                if any((e.type, e.canonical.casefold()) == key for e in analysis.entities)
            ]
            given = screen._mentioning(EntityCardRequested(asked, entity))
            assert list(given) == list(dict.fromkeys([*naming, asked]))
            checked += 1
        assert checked > 1
