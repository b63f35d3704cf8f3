"""Plain-text tables for the CLI: whole values for scripts, cut to fit only in a terminal."""

from __future__ import annotations

import itertools
import math
import shutil
import sys
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence

from interpol_tui.corpus.sanitize import escape_controls, has_output_controls

SEPARATOR = "  "
LINES_A_WRITE = 1024
"""Table lines joined into one write (a print a line made millions of small writes)."""


def plain_decimal(value: float, significant: int = 3) -> str:
    """``value`` with about ``significant`` digits and never an exponent (0.00000135, 71.9)."""
    if value == 0 or not math.isfinite(value):
        return "0" if value == 0 else str(value)
    decimals = max(significant - 1 - math.floor(math.log10(abs(value))), 0)
    text = f"{value:.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def cell(value: object, *, group_digits: bool = False) -> str:
    """One value as table text: ``-`` for None, whole floats as integers, one line, no controls.

    Integers are plain (``1010``, so offsets can be pasted and compared) unless
    ``group_digits`` asks for thousands separators (a quantity read by a person).
    """
    if value is None:
        return "-"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}" if group_digits else str(value)
    if isinstance(value, float):
        return plain_decimal(value, 6)
    return escape_controls(str(value)).replace("\n", " ")


def text_cells(values: Sequence[object]) -> Sequence[str]:
    """``[cell(v) for v in values]``, the values themselves when they are strings that need
    nothing escaped (one check for the whole row: the standalone table has millions)."""
    try:
        joined = "".join(values)  # type: ignore[arg-type]
    except TypeError:  # not all strings
        return [cell(v) for v in values]
    if "\n" in joined or has_output_controls(joined):
        return [cell(v) for v in values]
    return values  # type: ignore[return-value]


def text_rows(rows: Iterable[Sequence[object]]) -> Iterator[Sequence[str]]:
    """:func:`text_cells` of each row, a batch of rows checked at once (nearly every row of
    the standalone table, millions at 100,000 releases, needs nothing escaped)."""
    source = iter(rows)
    while batch := list(itertools.islice(source, LINES_A_WRITE)):
        try:
            joined = "".join(itertools.chain.from_iterable(batch))  # type: ignore[arg-type]
        except TypeError:  # not all strings
            yield from map(text_cells, batch)
            continue
        if "\n" in joined or has_output_controls(joined):
            yield from map(text_cells, batch)
        else:
            yield from batch  # type: ignore[misc]


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def column_widths(natural: Sequence[int], limits: Sequence[int], terminal: int | None) -> list[int]:
    """How wide each column is drawn.

    Off a terminal (``terminal`` None: piped, redirected) every value is whole.
    In one, columns are first cut to their ``limits``; the terminal's spare
    width then goes back to the cut columns, the most cut first, so a wide
    terminal (or ``COLUMNS=250``) shows whole values when they fit.
    """
    if terminal is None:
        return list(natural)
    widths = [min(n, limit) for n, limit in zip(natural, limits, strict=True)]
    spare = terminal - sum(widths) - len(SEPARATOR) * (len(widths) - 1)
    while spare > 0:
        cut = [i for i, width in enumerate(widths) if width < natural[i]]
        if not cut:
            break
        share = max(spare // len(cut), 1)
        for index in sorted(cut, key=lambda i: natural[i] - widths[i], reverse=True):
            grow = min(share, natural[index] - widths[index], spare)
            widths[index] += grow
            spare -= grow
            if spare <= 0:
                break
    return widths


def terminal_width() -> int | None:
    """The terminal's width when stdout is one (``COLUMNS`` wins), else None."""
    try:
        interactive = sys.stdout.isatty()
    except (AttributeError, ValueError):  # closed or replaced stdout
        interactive = False
    return shutil.get_terminal_size().columns if interactive else None


def print_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    max_widths: Sequence[int] | None = None,
    group_digits: Collection[str] = (),
) -> None:
    """Print an aligned plain-text table (no colour, safe for pipes and logs).

    ``max_widths`` are where columns are cut in a terminal that is too narrow;
    ``group_digits`` names the columns whose integers get thousands separators.
    """
    grouped = [header in group_digits for header in headers]
    cells = [[cell(v, group_digits=g) for v, g in zip(row, grouped, strict=True)] for row in rows]
    print_cells(headers, lambda: iter(cells), max_widths=max_widths)


def print_cells(
    headers: Sequence[str],
    rows: Callable[[], Iterable[Sequence[str]]],
    *,
    max_widths: Sequence[int] | None = None,
) -> None:
    """:func:`print_table` of rows already made cells (:func:`cell`), read twice from
    ``rows()``: once to size the columns, once to print, so that a table of millions of
    rows is never held whole."""
    natural = [len(h) for h in headers]
    sized = iter(rows())
    # A batch of rows a column at a time: a list a row made the sizing of millions of rows
    # cost about as much as printing them.
    while chunk := list(itertools.islice(sized, LINES_A_WRITE)):
        columns = zip(*chunk, strict=True)
        natural = [
            max(width, max(map(len, cells))) for width, cells in zip(natural, columns, strict=True)
        ]
    limits = list(max_widths) if max_widths else [60] * len(headers)
    widths = column_widths(natural, limits, terminal_width())
    line = SEPARATOR.join(h.upper().ljust(w) for h, w in zip(headers, widths, strict=True))
    write = sys.stdout.write
    write(line.rstrip() + "\n")
    if all(w >= n for w, n in zip(widths, natural, strict=True)):
        # Nothing is cut (always so off a terminal): each line is one format call.
        template = SEPARATOR.join(f"{{:<{w}}}" for w in widths)
        lines = (template.format(*row).rstrip() for row in rows())
    else:
        lines = (
            SEPARATOR.join(_fit(c, w).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
            for row in rows()
        )
    batch: list[str] = []
    for text in lines:
        batch.append(text)
        if len(batch) >= LINES_A_WRITE:
            write("\n".join(batch) + "\n")
            batch.clear()
    if batch:
        write("\n".join(batch) + "\n")
