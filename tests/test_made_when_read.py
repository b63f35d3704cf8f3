"""MadeWhenRead: items made from their row numbers only as they are read."""

from __future__ import annotations

from interpol_tui.analysis.made_when_read import MadeWhenRead


def test_items_are_made_from_their_numbers_only_when_read() -> None:
    made: list[int] = []

    def make(number: int) -> str:
        made.append(number)
        return f"row {number}"

    rows = MadeWhenRead([7, 3, 9], make)
    assert len(rows) == 3 and made == []
    assert rows[1] == "row 3" and rows[-1] == "row 9"
    assert rows[0:2] == ["row 7", "row 3"]
    assert list(rows) == ["row 7", "row 3", "row 9"]
    assert made == [3, 9, 7, 3, 7, 3, 9]
