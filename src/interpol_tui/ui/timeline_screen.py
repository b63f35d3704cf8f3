"""An entity through time: a chart of the releases mentioning it, its roles, each release."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Sparkline, Static

from interpol_tui.analysis.timeline import Timeline
from interpol_tui.ui.annotations import KIND_LABELS
from interpol_tui.ui.line_list import Line, LineList

PERIOD_HEADINGS_FROM = 40
"""A timeline of more releases than this lists them under a heading per period."""


def timeline_heading(timeline: Timeline) -> Text:
    """The name, how many releases, the span of the chart and the roles as they change."""
    text = Text()
    text.append(timeline.name, style="bold")
    text.append(f"  {KIND_LABELS[timeline.type]}", style="italic")
    text.append(f"\n{len(timeline.entries)} release(s)")
    if timeline.buckets:
        first, last = timeline.buckets[0][0], timeline.buckets[-1][0]
        text.append(f" · by {timeline.granularity}, {first} – {last}")
    if timeline.undated:
        text.append(f" · {timeline.undated} undated")
    for spell in timeline.roles:
        span = spell.first if spell.first == spell.last else f"{spell.first} – {spell.last}"
        text.append("\nRole: ")
        text.append(spell.role, style="bold")
        text.append(f" ({span})", style="dim")
    return text


def entry_lines(timeline: Timeline, index: int) -> Sequence[Line]:
    """One release: date and title, then mentions, roles and the figures cited beside it."""
    entry = timeline.entries[index]
    second: list[tuple[str, str]] = [(f"{'':>10}  {entry.mentions}×", "dim")]
    if entry.roles:
        second.append((f"  {'; '.join(entry.roles)}", "em"))
    if entry.figures:
        second.append(("  " + " · ".join(f.text for f in entry.figures), "dim"))
    return [(f"{entry.date.label:>10}  ", "heading"), (entry.title, "")], second


def period_runs(timeline: Timeline) -> list[tuple[str, int, int]]:
    """(period, first entry, entry after the last) of each period with releases, then the
    undated: from the chart's counts, the entries being in date order."""
    runs, start = [], 0
    for period, count in timeline.buckets:
        if count:
            runs.append((period, start, start + count))
            start += count
    if timeline.undated:
        runs.append(("undated", start, start + timeline.undated))
    return runs


class TimelineScreen(ModalScreen[tuple[str, int] | None]):
    """Shows a :class:`Timeline`; ``enter`` returns the ``(doc_id, offset)`` of a release."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss", "Close", id="timeline.close"),
    ]

    DEFAULT_CSS = """
    TimelineScreen { align: center middle; }
    TimelineScreen > Vertical {
        width: 110; max-width: 100%; height: auto; max-height: 100%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    TimelineScreen Sparkline { height: 3; margin: 1 0 0 0; }
    TimelineScreen #timeline-axis { color: $text-muted; height: 1; margin-bottom: 1; }
    TimelineScreen LineList { height: auto; max-height: 24; }
    """

    def __init__(self, source: Timeline | Callable[[], Timeline]) -> None:
        super().__init__()
        self._source = source
        self.timeline: Timeline | None = source if isinstance(source, Timeline) else None
        """Looked up in the corpus's index when it is ready; else built off the UI thread."""
        self._items: list[int] = []
        """Per list item: an entry's index, or ``-1 - i`` for the heading over the period
        that begins with entry ``i``."""
        self._period_names: dict[int, tuple[str, int]] = {}

    def compose(self) -> ComposeResult:
        """Heading (a note until the timeline is built), the chart, then the releases."""
        with Vertical(id="timeline-box") as box:
            box.border_title = "Through time"
            box.border_subtitle = "enter: open the release · esc: close"
            yield Static("Gathering the releases…", id="timeline-heading", markup=False)
            if self.timeline is not None and self.timeline.buckets:
                yield from self._chart(self.timeline)
            yield LineList(id="timeline-list")

    def on_mount(self) -> None:
        """Keys go to the list; a timeline not given is built in a worker."""
        self.query_one(LineList).focus()
        if self.timeline is not None:
            self._fill(self.timeline, charted=True)
        else:
            self.call_after_refresh(self._gather)  # after the first frame, which it would slow

    @staticmethod
    def _chart(timeline: Timeline) -> tuple[Sparkline, Static]:
        first, last = timeline.buckets[0][0], timeline.buckets[-1][0]
        chart = Sparkline([float(n) for _, n in timeline.buckets], id="timeline-chart")
        return chart, Static(Text(first) + Text(" … ") + Text(last), id="timeline-axis")

    @work(thread=True, exclusive=True, group="timeline")
    def _gather(self) -> None:
        if not isinstance(self._source, Timeline):
            timeline = self._source()
            self.app.call_from_thread(self._fill, timeline)

    def _fill(self, timeline: Timeline, charted: bool = False) -> None:
        self.timeline = timeline
        self.query_one("#timeline-heading", Static).update(timeline_heading(timeline))
        listing = self.query_one(LineList)
        if timeline.buckets and not charted:
            self.query_one("#timeline-box").mount(*self._chart(timeline), before=listing)
        count = len(timeline.entries)
        big = count > PERIOD_HEADINGS_FROM
        runs = period_runs(timeline) if big else [("", 0, count)]
        items: list[int] = []
        heights: list[int] = []
        selectable: list[bool] = []
        self._period_names = {}
        for period, start, end in runs:
            if period:  # a heading over the period, then its releases, two lines each
                self._period_names[start] = (period, end - start)
                items.append(-1 - start)
                heights.append(1)
                selectable.append(False)
            items.extend(range(start, end))
            heights += [2] * (end - start)
            selectable += [True] * (end - start)
        self._items = items
        listing.set_items(heights, selectable, self._draw)

    def _draw(self, item: int) -> Sequence[Line]:
        assert self.timeline is not None
        number = self._items[item]
        if number >= 0:
            return entry_lines(self.timeline, number)
        period, count = self._period_names[-1 - number]
        return ([(period, "heading"), (f"  · {count:,} release(s)", "dim")],)

    @on(LineList.Highlighted)
    def _where(self, event: LineList.Highlighted) -> None:
        # The list has no scrollbar: the border says which release the cursor is on.
        number = self._items[event.index] if 0 <= event.index < len(self._items) else -1
        if self.timeline is not None and number >= 0:
            at = f"{number + 1:,}/{len(self.timeline.entries):,}"
            box = self.query_one("#timeline-box")
            box.border_subtitle = f"{at} · enter: open the release · esc: close"

    @on(LineList.Selected)
    def _chosen(self, event: LineList.Selected) -> None:
        number = self._items[event.index] if self.timeline is not None else -1
        if self.timeline is not None and number >= 0:
            entry = self.timeline.entries[number]
            self.dismiss((entry.doc_id, entry.first))

    async def action_dismiss(self, result: tuple[str, int] | None = None) -> None:
        """Close without choosing."""
        self.dismiss(result)
