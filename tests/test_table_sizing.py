"""The CLI's tables size their columns a batch of rows at a time, as a row at a time did."""

from __future__ import annotations

import random

import pytest

from interpol_tui.commands import table
from interpol_tui.commands.table import print_cells


def _plain(headers: list[str], rows: list[list[str]]) -> str:
    natural = [len(h) for h in headers]
    for row in rows:  # the sizing as it was: one row at a time
        natural = [max(width, len(text)) for width, text in zip(natural, row, strict=True)]
    lines = ["  ".join(h.upper().ljust(w) for h, w in zip(headers, natural, strict=True))]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, natural, strict=True)) for row in rows]
    return "".join(line.rstrip() + "\n" for line in lines)


@pytest.mark.parametrize("count", [0, 1, table.LINES_A_WRITE, table.LINES_A_WRITE * 2 + 7])
def test_columns_are_as_wide_as_their_widest_cell(
    count: int, capsys: pytest.CaptureFixture[str]
) -> None:
    pick = random.Random(count)
    headers = ["figure", "what is counted", "doc"]
    rows = [
        [f"{pick.randrange(10 ** pick.randrange(1, 9))}", "x" * pick.randrange(30), "d"]
        for _ in range(count)
    ]
    if rows:
        rows[-1][1] = "the widest cell, in the last batch of rows" * 2
    print_cells(headers, lambda: iter(rows))
    assert capsys.readouterr().out == _plain(headers, rows)


def test_a_row_of_too_few_cells_is_an_error() -> None:
    with pytest.raises(ValueError):
        print_cells(["a", "b"], lambda: iter([["1", "2"], ["3"]]))
    with pytest.raises(ValueError):
        print_cells(["a", "b"], lambda: iter([["1"], ["3"]]))


@pytest.mark.parametrize("seed", range(6))
def test_rows_checked_a_batch_at_a_time_are_each_rows_cells(seed: int) -> None:
    pick = random.Random(seed)
    odd = ["line\nbreak", "bell\x07", "esc\x1b[31m", "\u2028", 3, None, 2.5, "zero\u200bwidth"]
    rows: list[list[object]] = []
    for _ in range(table.LINES_A_WRITE * 2 + pick.randrange(50)):
        row: list[object] = ["42", "member countries", "2024", "doc-1"]
        if pick.random() < 0.002 * seed:  # none in some runs, a few in the others
            row[pick.randrange(4)] = pick.choice(odd)
        rows.append(row)
    found = list(table.text_rows(iter(rows)))
    assert [list(r) for r in found] == [list(table.text_cells(r)) for r in rows]
