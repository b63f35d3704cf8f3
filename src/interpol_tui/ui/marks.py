"""The marks on one open release: highlights, what ``e``/``]``/``n`` step through, the current one.

Plain Python (no Textual): the reader widget asks it what to paint on a line
and where a step lands, and only draws and scrolls.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from interpol_tui.ui.annotations import Highlight, find_matches, highlights_of, kind_priority

if TYPE_CHECKING:  # (the span classes: imported once an analysis is read, after start-up)
    from interpol_tui.analysis.model import DocumentAnalysis, EntitySpan
    from interpol_tui.analysis.quotations import Quotation

MarkKind = Literal["entity", "quote", "match", "figure"]


@dataclass(frozen=True, slots=True)
class Mark:
    """The current item: an entity, a quotation or a find match (by index)."""

    kind: MarkKind
    index: int


def _overlapping(starts: list[int], longest: int, start: int, end: int) -> range:
    """Indexes of spans (sorted by ``starts``) that may overlap ``start``..``end``."""
    return range(bisect_right(starts, start - longest - 1), bisect_left(starts, end))


class ReleaseMarks:
    """Highlights, entities, quotations and find matches of one release, and the current mark."""

    def __init__(self) -> None:
        self.analysis: DocumentAnalysis | None = None
        self.hidden: frozenset[str] = frozenset()
        """Highlight kinds not drawn (and, for entities, not stepped through)."""
        self._all: list[Highlight] = []
        self._shown: list[Highlight] = []
        self._starts: list[int] = []
        self._longest = 0
        self.entities: list[EntitySpan] = []
        """Mentions of the kinds shown, in text order (what ``e``/``E`` step through)."""
        self.quotations: list[Quotation] = []
        """The release's quotations, multi-paragraph ones as one."""
        self.query = ""
        """The find query ("" when not finding)."""
        self.matches: list[tuple[int, int]] = []
        """Offsets of the find query's matches."""
        self.mark: Mark | None = None
        """The current entity, quotation or match."""
        # Offsets by kind, rebuilt when the spans change: check_action asks for
        # them on every footer refresh, and painting on every line.
        self._spans: dict[MarkKind, list[tuple[int, int]]] = {
            "entity": [],
            "quote": [],
            "match": [],
            "figure": [],
        }
        self._match_starts: list[int] = []
        self._match_longest = 0

    # -- content ----------------------------------------------------------
    def load(self, analysis: DocumentAnalysis | Sequence[Highlight] | None) -> None:
        """Take the spans of a (new) analysis; forget an entity or quotation mark."""
        if analysis is None or isinstance(analysis, Sequence):  # highlights alone, or none
            self.analysis = None
            self._all = sorted(analysis or (), key=lambda h: (h.start, h.end))
            self.quotations = []
        else:
            from interpol_tui.analysis.quotations import quotations_of  # (with the analysis)

            self.analysis = analysis
            self._all = highlights_of(analysis)
            self.quotations = quotations_of(analysis.quotes)
        if self.mark is not None and self.mark.kind != "match":
            self.mark = None
        self.set_hidden(self.hidden)

    def set_hidden(self, hidden: frozenset[str]) -> None:
        """Stop drawing (and stepping through) the ``hidden`` kinds."""
        self.hidden = hidden
        self._shown = [h for h in self._all if h.kind not in hidden]
        self._starts = [h.start for h in self._shown]
        self._longest = max((h.end - h.start for h in self._shown), default=0)
        entities = self.analysis.entities if self.analysis else ()
        self.entities = sorted((e for e in entities if e.type not in hidden), key=lambda e: e.start)
        if self.mark is not None and self.mark.kind in ("entity", "figure"):
            self.mark = None  # its index pointed into the old list
        self._spans["entity"] = [(e.start, e.end) for e in self.entities]
        self._spans["quote"] = [(q.start, q.end) for q in self.quotations]
        figures = self.analysis.figures if self.analysis else ()
        self._spans["figure"] = [(f.start, f.end) for f in figures]

    def find(self, text: str, query: str, near: int = 0) -> int:
        """Find ``query`` in ``text``; mark the first match from ``near`` on (wrapping).

        Returns how many matches there are.
        """
        self._set_matches(query, find_matches(text, query))
        first = bisect_left(self._match_starts, near)
        self.mark = Mark("match", first % len(self.matches)) if self.matches else None
        return len(self.matches)

    def clear_find(self) -> None:
        """Forget the find query and its matches."""
        self._set_matches("", [])
        if self.mark is not None and self.mark.kind == "match":
            self.mark = None

    def _set_matches(self, query: str, matches: list[tuple[int, int]]) -> None:
        self.query, self.matches = query, matches
        self._spans["match"] = matches
        self._match_starts = [start for start, _ in matches]
        self._match_longest = max((end - start for start, end in matches), default=0)

    # -- the mark ---------------------------------------------------------
    def spans(self, kind: MarkKind) -> list[tuple[int, int]]:
        """The offsets of everything of ``kind`` the mark can land on, in text order."""
        return self._spans[kind]

    def span(self, mark: Mark | None) -> tuple[int, int] | None:
        """The text offsets covered by ``mark``, or None."""
        if mark is None:
            return None
        spans = self.spans(mark.kind)
        return spans[mark.index] if 0 <= mark.index < len(spans) else None

    @property
    def entity(self) -> EntitySpan | None:
        """The entity under the mark, if the mark is on one."""
        if self.mark is None or self.mark.kind != "entity":
            return None
        return self.entities[self.mark.index]

    @property
    def quotation(self) -> Quotation | None:
        """The quotation under the mark, if the mark is on one."""
        if self.mark is None or self.mark.kind != "quote":
            return None
        return self.quotations[self.mark.index]

    def step(self, kind: MarkKind, forward: bool, anchor: int) -> tuple[Mark, bool] | None:
        """Where a step of ``kind`` lands, and whether it wrapped round; None if nothing to land on.

        From a mark of the same kind the step is to its neighbour; otherwise to
        the first item starting after ``anchor`` (or the last before it).
        """
        starts = [start for start, _ in self.spans(kind)]
        if not starts:
            return None
        mark = self.mark
        index: int | None
        if mark is not None and mark.kind == kind and self.span(mark) is not None:
            index = mark.index + (1 if forward else -1)
        elif forward:
            index = bisect_right(starts, anchor)
        else:
            index = bisect_left(starts, anchor) - 1
        if 0 <= index < len(starts):
            return Mark(kind, index), False
        return Mark(kind, 0 if forward else len(starts) - 1), True

    def at(self, offset: int) -> Mark | None:
        """The entity (else the quotation) under character ``offset``, as a mark."""
        for kind in ("entity", "quote"):
            for index, (start, end) in enumerate(self.spans(kind)):  # type: ignore[arg-type]
                if start <= offset < end:
                    return Mark(kind, index)  # type: ignore[arg-type]
        return None

    # -- painting ---------------------------------------------------------
    def paint(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The component classes to paint over ``start``..``end``, in painting order."""
        shown = [self._shown[i] for i in _overlapping(self._starts, self._longest, start, end)]
        shown.sort(key=lambda h: kind_priority(h.kind))  # quotes first, entities on top
        layers = [(h.start, h.end, f"reader--{h.kind}") for h in shown]
        for i in _overlapping(self._match_starts, self._match_longest, start, end):
            layers.append((*self.matches[i], "reader--match"))
        current = self.span(self.mark)
        if current is not None:
            layers.append((*current, "reader--current"))
        return layers
