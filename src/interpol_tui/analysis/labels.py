"""How people read the kinds of things analysis finds: one vocabulary for the app and the CLI.

The JSON ``type`` values (``person``, ``organization``, ``location``,
``operation``) are the data contract (DESIGN.md) and stay as they are; what
the browser, its legend and help, and the CLI's plain tables write for them
comes from :data:`KIND_LABELS` alone.
"""

from __future__ import annotations

from typing import Final

from interpol_tui.analysis.model import HighlightKind

KIND_LABELS: Final[dict[HighlightKind, str]] = {
    "person": "Person",
    "organization": "Organisation",
    "location": "Place",
    "operation": "Operation",
    "figure": "Figure",
    "date": "Date",
    "quote": "Quote",
}
"""The name of each highlight kind, capitalised as a legend entry."""


def type_label(kind: str) -> str:
    """How a table cell names ``kind`` ("organisation", "place"); unknown kinds as they are."""
    label = KIND_LABELS.get(kind)  # type: ignore[call-overload]
    return label.lower() if isinstance(label, str) else kind
