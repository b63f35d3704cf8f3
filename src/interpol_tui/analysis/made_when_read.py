"""A sequence whose items are made only when read: a view's rows out of columns.

The across-release index keeps its quotations and each entity's releases as
typed arrays (:mod:`~interpol_tui.analysis.quotation_index`,
:mod:`~interpol_tui.analysis.mention_columns`); a view reads a screenful of
them, so each item is made from its row number as it is read, never all
at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar, overload

S = TypeVar("S")
T = TypeVar("T")


class MadeWhenRead(Sequence[T]):
    """The items ``make(n)`` for each ``n`` of ``numbers`` (row numbers, or any sources an
    item is made from), in that order."""

    def __init__(self, numbers: Sequence[S], make: Callable[[S], T]) -> None:
        self._numbers = numbers
        self._make = make

    def __len__(self) -> int:
        return len(self._numbers)

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...
    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        if isinstance(index, slice):
            return [self._make(n) for n in self._numbers[index]]
        return self._make(self._numbers[index])

    def __iter__(self) -> Iterator[T]:
        return map(self._make, self._numbers)
