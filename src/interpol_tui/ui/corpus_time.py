"""The corpus through time: releases per month or year as a chart; choosing a period filters
the release list to it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widgets import Sparkline, Static

from interpol_tui.analysis.timeline import releases_by_period


@dataclass(frozen=True, slots=True)
class PeriodChoice:
    """A period chosen to filter the list by, or ``period=None`` to list every release again."""

    period: str | None
    doc_ids: frozenset[str] | None


def marker_line(index: int, count: int, width: int) -> str:
    """A ``▲`` under column ``index`` of ``count`` spread over ``width`` cells."""
    if count <= 0 or width <= 0:
        return ""
    column = min(int((index + 0.5) * width / count), width - 1)
    return " " * column + "▲"


class CorpusTimeScreen(ModalScreen[PeriodChoice | None]):
    """Releases per period; ``left``/``right`` choose one, ``enter`` filters the list to it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss", "Close", id="time.close"),
        Binding("left,h", "move(-1)", "Earlier period", id="time.left"),
        Binding("right,l", "move(1)", "Later period", id="time.right"),
        Binding("home,g", "move(-100000)", "First period", show=False, id="time.first"),
        Binding("end,G", "move(100000)", "Last period", show=False, id="time.last"),
        Binding("enter", "choose", "List the period's releases", id="time.choose"),
        Binding("a", "all", "List every release", id="time.all"),
    ]

    DEFAULT_CSS = """
    CorpusTimeScreen { align: center middle; }
    CorpusTimeScreen > Vertical {
        width: 110; max-width: 100%; height: auto;
        border: round $primary; background: $surface; padding: 0 1;
    }
    CorpusTimeScreen Sparkline { height: 5; margin-top: 1; }
    CorpusTimeScreen #time-marker { height: 1; color: $accent; }
    CorpusTimeScreen #time-status { height: auto; margin-bottom: 1; }
    """

    index: reactive[int] = reactive(0)
    """The chosen period."""

    def __init__(self, dates: Mapping[str, str | None]) -> None:
        super().__init__()
        self.granularity, self.periods = releases_by_period(dates)
        self.undated = sum(1 for iso in dates.values() if not iso)

    def compose(self) -> ComposeResult:
        """The chart, the marker under the chosen period and what it holds."""
        with Vertical() as box:
            box.border_title = "Releases through time"
            box.border_subtitle = "←/→ period · enter: list it · a: all · esc: close"
            yield Sparkline([float(len(ids)) for _, ids in self.periods] or [0.0], id="time-chart")
            yield Static("", id="time-marker", markup=False)
            yield Static("", id="time-status", markup=False)

    def on_mount(self) -> None:
        """Start on the latest period with releases."""
        busy = [i for i, (_, ids) in enumerate(self.periods) if ids]
        self.index = busy[-1] if busy else 0
        self.call_after_refresh(self._show)

    def watch_index(self) -> None:
        """Move the marker and describe the period."""
        if self.is_mounted:
            self._show()

    def _show(self) -> None:
        status = Text()
        if self.periods:
            period, ids = self.periods[self.index]
            first, last = self.periods[0][0], self.periods[-1][0]
            status.append(f"{period}: {len(ids):,} release(s)", style="bold")
            status.append(f"   by {self.granularity}, {first} – {last}", style="dim")
        else:
            status.append("No release is dated.")
        if self.undated:
            status.append(f"\n{self.undated:,} undated release(s) are not charted", style="dim")
        chart = self.query_one("#time-chart", Sparkline)
        marker = marker_line(self.index, len(self.periods), chart.content_size.width)
        self.query_one("#time-marker", Static).update(marker)
        self.query_one("#time-status", Static).update(status)

    def action_move(self, step: int) -> None:
        """Choose an earlier or later period."""
        self.index = max(0, min(self.index + step, len(self.periods) - 1))

    def action_choose(self) -> None:
        """Filter the list to the chosen period."""
        if self.periods:
            period, ids = self.periods[self.index]
            self.dismiss(PeriodChoice(period, frozenset(ids)))

    def action_all(self) -> None:
        """List every release again."""
        self.dismiss(PeriodChoice(None, None))

    async def action_dismiss(self, result: PeriodChoice | None = None) -> None:
        """Close without changing the list."""
        self.dismiss(result)
