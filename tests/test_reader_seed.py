"""The reader in the whole app on the bundled seeds, with the real analysis."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from interpol_tui.ui.app import InterpolApp
from interpol_tui.ui.entity_card import EntityCard
from interpol_tui.ui.main_screen import MainScreen
from interpol_tui.ui.reader import Reader

GLOBAL_COALITION = (
    "INTERPOL reaffirms support to Global Coalition as international policing partner"
)


async def analysed(pilot: Pilot[None]) -> MainScreen:
    """Wait until the corpus is loaded and the analysis worker has posted its spans."""
    app = pilot.app
    for _ in range(100):
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        if isinstance(screen, MainScreen) and screen.analyses:
            return screen
    raise AssertionError("the analysis never arrived")


async def open_global_coalition(pilot: Pilot[None]) -> Reader:
    """Open the Global Coalition release (002) from the list, as a user would."""
    screen = await analysed(pilot)
    await pilot.press("j", "j", "enter")
    await pilot.pause()
    reader = screen.query_one(Reader)
    assert reader.document is not None and reader.document.title == GLOBAL_COALITION
    assert pilot.app.focused is reader
    assert reader.analysis is not None
    return reader


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_next_quote_and_y_copy_the_first_quotation(
    seeds_dir: Path, size: tuple[int, int]
) -> None:
    app = InterpolApp(corpus_paths=[seeds_dir])
    async with app.run_test(size=size) as pilot:
        reader = await open_global_coalition(pilot)
        await pilot.press("right_square_bracket", "y")
        assert app.clipboard == (
            "“critical to closing all routes through which ISIS terrorists seek to travel"
            " and threaten our homelands.” — Rex Tillerson, " + GLOBAL_COALITION + " (2017-03-22)"
        )
        # The two-paragraph quotation of Jürgen Stock is one quotation, copied whole.
        await pilot.press(*["right_square_bracket"] * 3, "y")
        assert app.clipboard == (
            "“INTERPOL is the gateway for actionable information from the battlefield to reach"
            " law enforcement abroad, and our utmost priority is to exploit this data and provide"
            " leads to national police as quickly as possible. It can take just one officer"
            " conducting a traffic check, passport control or random search to potentially break"
            " terrorism investigation or foil a plot, but only if they have the information they"
            " need to make the right call” — Jürgen Stock, " + GLOBAL_COALITION + " (2017-03-22)"
        )
        # The current quotation is on screen.
        quotation = reader.marks.quotation
        assert quotation is not None
        top = int(reader.scroll_y)
        assert top <= reader.line_of_offset(quotation.start) < top + reader.size.height


async def test_e_walks_the_entities_in_text_order(seeds_dir: Path) -> None:
    app = InterpolApp(corpus_paths=[seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        reader = await open_global_coalition(pilot)
        seen = []
        for _ in range(6):
            await pilot.press("e")
            entity = reader.marks.entity
            assert entity is not None
            seen.append(entity.start)
        assert seen == sorted(seen) and len(set(seen)) == 6
        await pilot.press("E")
        assert reader.marks.entity is not None and reader.marks.entity.start == seen[-2]


async def test_entity_card_opens_another_release_at_the_mention(seeds_dir: Path) -> None:
    app = InterpolApp(corpus_paths=[seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        reader = await open_global_coalition(pilot)
        for _ in range(40):
            await pilot.press("e")
            entity = reader.marks.entity
            if entity is not None and entity.canonical == "Jürgen Stock":
                break
        else:
            raise AssertionError("no mention of Jürgen Stock reached with e")
        await pilot.press("enter")
        await pilot.pause()
        card = app.screen
        assert isinstance(card, EntityCard)
        options = card.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert "Other releases" in prompts
        first_other = prompts.index("Other releases") + 1
        target_id = (options.get_option_at_index(first_other).id or "").partition(":")[2]
        options.highlighted = first_other
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert reader.document is not None and reader.document.id == target_id
        mark = reader.marks.entity
        assert mark is not None and mark.canonical == "Jürgen Stock"


async def test_palette_offers_the_reader_commands_that_apply(seeds_dir: Path) -> None:
    app = InterpolApp(corpus_paths=[seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        reader = await open_global_coalition(pilot)

        def titles() -> set[str]:
            return {command.title for command in app.get_system_commands(app.screen)}

        assert {"Next quote", "Next entity", "Find"} <= titles()
        assert "Copy quote" not in titles()  # nothing to copy yet
        await pilot.press("right_square_bracket")
        assert "Copy quote" in titles()
        copy = next(c for c in app.get_system_commands(app.screen) if c.title == "Copy quote")
        copy.callback()
        await pilot.pause()
        assert reader.marks.quotation is not None
        assert app.clipboard.startswith("“critical to closing")
