"""Ask where to export a table; the file's extension picks the format (CSV, Markdown...)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

DEFAULT_NAME = "interpol-tui-figures.csv"
PROMPT = "Export quantities and figures to (.csv or .md):"


def default_export_path(name: str = DEFAULT_NAME) -> Path:
    """Where an export goes unless the user says otherwise: ``name`` in the home folder."""
    return Path.home() / name


class ExportDialog(ModalScreen[Path | None]):
    """A one-line prompt for the export path (``.csv`` or ``.md``)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
    ]

    DEFAULT_CSS = """
    ExportDialog { align: center middle; }
    ExportDialog > Vertical {
        width: 72;
        max-width: 100%;
        height: auto;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    ExportDialog Label { color: $text-muted; }
    """

    def __init__(self, path: Path, prompt: str = PROMPT) -> None:
        super().__init__()
        self.path = path
        self.prompt = prompt

    def compose(self) -> ComposeResult:
        """A hint and the path input."""
        with Vertical():
            yield Label(self.prompt, markup=False)
            yield Input(str(self.path), id="export-path")
            yield Label("enter: export   escape: cancel", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Export to the path typed."""
        event.stop()
        text = event.value.strip()
        self.dismiss(Path(text).expanduser() if text else None)

    def action_cancel(self) -> None:
        """Close without exporting."""
        self.dismiss(None)
