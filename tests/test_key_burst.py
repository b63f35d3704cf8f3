"""Pilot test: a burst of keys moves the cursor once per key, and the reader draws far fewer
releases than the cursor passes, ending on the last one (issue 13, item 13: coalesce
drawing, never keys)."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_fixtures import settle
from note_corpus import write_notes
from textual import events

from interpol_tui.ui import reader as reader_module
from interpol_tui.ui.app import InterpolApp
from interpol_tui.ui.document_list import DocumentList
from interpol_tui.ui.reader import Reader

RELEASES = 60
PRESSES = 40


def _note(index: int) -> str:
    return (
        f"Burst note number {index}\n\nLYON, France – Release {index} of a test corpus "
        f"says that {index + 3} officers from {index % 7 + 2} countries met in Lyon.\n"
    )


def _corpus(folder: Path) -> Path:
    return write_notes(folder, RELEASES, _note)


async def test_a_burst_of_j_moves_on_every_key_and_draws_the_last_release(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hang_guard: None
) -> None:
    app = InterpolApp([_corpus(tmp_path / "corpus")])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        documents = app.screen.query_one(DocumentList)
        reader = app.screen.query_one(Reader)
        assert documents.cursor == 0 and reader.document is documents.rows[0]
        laid_out: list[str] = []
        layout = reader_module.layout_release

        def counted(document: object, *args: object) -> object:
            laid_out.append(getattr(document, "id", ""))
            return layout(document, *args)  # type: ignore[arg-type]

        monkeypatch.setattr(reader_module, "layout_release", counted)
        moves: list[int] = []

        def moved(cursor: int) -> None:
            moves.append(cursor)

        documents.watch(documents, "cursor", moved, init=False)
        for _ in range(PRESSES):  # as a terminal delivers a held key: faster than frames
            app.post_message(events.Key("j", "j"))
        await settle(app, pilot)
        await pilot.pause(0.3)  # whatever the reader holds back is drawn by now
        assert moves == list(range(1, PRESSES + 1))  # every key moved the cursor, in order
        assert documents.cursor == PRESSES
        final = documents.rows[PRESSES]
        assert reader.document is final
        assert laid_out and laid_out[-1] == final.id
        assert len(laid_out) < PRESSES // 2, laid_out  # drawing was coalesced
        assert final.title in "".join(
            "".join(s.text for s in reader.render_line(y)) for y in range(3)
        )
