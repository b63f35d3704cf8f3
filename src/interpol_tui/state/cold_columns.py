"""The statistics' fact columns of a cold run, made while the analysis runs.

Statistics over a corpus read every release's facts into columns
(:class:`~interpol_tui.analysis.fact_columns.FactColumns`), in corpus order.
After a cold analysis that meant reading back, decompressing, parsing and
checking 50,000 rows just written, on one core while the other idled. Here
the worker sends each release's facts as plain values too (pickled: they
were made by this program a moment ago, so they need no checking), and the
columns grow as results arrive: each release is added when every release
before it in the corpus has been, the ones that came early waiting in their
compact pickled form. The columns are the same as those read back from the
rows (``tests/test_stats_shortcuts.py``).
"""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from interpol_tui.analysis.fact_columns import FactColumns


class ColumnsInOrder:
    """Fact columns of ``doc_ids`` (distinct), each release added once its turn comes."""

    def __init__(self, doc_ids: Sequence[str]) -> None:
        from interpol_tui.analysis.fact_columns import FactColumns

        self.doc_ids = list(doc_ids)
        self._turn_of = {doc_id: turn for turn, doc_id in enumerate(self.doc_ids)}
        self._waiting: dict[int, bytes | None] = {}
        self._next = 0
        self.columns = FactColumns()

    def arrived(self, doc_id: str, parts: bytes | None) -> None:
        """The pickled :func:`~interpol_tui.state.fact_rows.facts_parts` of ``doc_id``, or
        None when it has no facts (its analysis failed: it is left out, as when read back)."""
        from interpol_tui.state.fact_rows import add_parts

        self._waiting[self._turn_of[doc_id]] = parts
        while self._next in self._waiting:
            found = self._waiting.pop(self._next)
            if found is not None:
                add_parts(self.columns, self.doc_ids[self._next], pickle.loads(found))
            self._next += 1

    def finished(self) -> FactColumns | None:
        """The sealed columns once every release has arrived, else None."""
        if self._next < len(self.doc_ids):
            return None
        self.columns.seal()
        return self.columns
