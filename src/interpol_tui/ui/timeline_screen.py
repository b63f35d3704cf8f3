"""An entity through time: a chart of the releases mentioning it, its roles, each release."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Sparkline, Static
from textual.widgets.option_list import Option

from interpol_tui.analysis.timeline import Timeline
from interpol_tui.ui.annotations import KIND_LABELS
from interpol_tui.ui.nav_keys import KeyedOptionList


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


def entry_prompt(timeline: Timeline, index: int) -> Text:
    """One release: date, title, mentions and roles, then the figures cited beside the entity."""
    entry = timeline.entries[index]
    text = Text()
    text.append(f"{entry.date.label:>10}  ", style="bold")
    text.append(entry.title)
    text.append(f"  {entry.mentions}×", style="dim")
    if entry.roles:
        text.append(f"  {'; '.join(entry.roles)}", style="italic")
    if entry.figures:
        text.append("\n            " + " · ".join(f.text for f in entry.figures), style="dim")
    return text


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
    TimelineScreen OptionList, TimelineScreen OptionList:focus {
        height: auto; max-height: 24; border: none; padding: 0;
    }
    """

    def __init__(self, build: Callable[[], Timeline]) -> None:
        super().__init__()
        self._build = build
        self.timeline: Timeline | None = None
        """Built off the UI thread: an entity of every release of a large corpus takes a while."""

    def compose(self) -> ComposeResult:
        """Heading (a note until the timeline is built), then the list of releases."""
        with Vertical(id="timeline-box") as box:
            box.border_title = "Through time"
            box.border_subtitle = "enter: open the release · esc: close"
            yield Static("Gathering the releases…", id="timeline-heading", markup=False)
            yield KeyedOptionList(markup=False)

    def on_mount(self) -> None:
        """Keys go to the list; the timeline is built in a worker."""
        self.query_one(OptionList).focus()
        self.call_after_refresh(self._gather)  # after the first frame, which it would slow

    @work(thread=True, exclusive=True, group="timeline")
    def _gather(self) -> None:
        timeline = self._build()
        self.app.call_from_thread(self._fill, timeline)

    def _fill(self, timeline: Timeline) -> None:
        self.timeline = timeline
        self.query_one("#timeline-heading", Static).update(timeline_heading(timeline))
        option_list = self.query_one(OptionList)
        if timeline.buckets:
            first, last = timeline.buckets[0][0], timeline.buckets[-1][0]
            chart = Sparkline([float(n) for _, n in timeline.buckets], id="timeline-chart")
            axis = Static(Text(first) + Text(" … ") + Text(last), id="timeline-axis")
            self.query_one("#timeline-box").mount(chart, axis, before=option_list)
        option_list.add_options(
            [Option(entry_prompt(timeline, i), id=str(i)) for i in range(len(timeline.entries))]
        )
        if timeline.entries:
            option_list.highlighted = 0

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if self.timeline is None:
            return
        entry = self.timeline.entries[event.option_index]
        self.dismiss((entry.doc_id, entry.first))

    async def action_dismiss(self, result: tuple[str, int] | None = None) -> None:
        """Close without choosing."""
        self.dismiss(result)
