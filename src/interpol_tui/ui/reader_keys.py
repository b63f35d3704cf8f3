"""The reader's keys: scrolling, stepping through marks, copying, finding, toggling kinds."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from interpol_tui.analysis.kinds import HIGHLIGHT_KINDS
from interpol_tui.ui.annotations import KIND_LABELS

DYNAMIC_ACTIONS: tuple[tuple[str, tuple[object, ...]], ...] = (
    *(("step", (kind,)) for kind in ("entity", "quote", "match")),
    *((name, ()) for name in ("entity_card", "copy_quote", "quotations", "copy_selection")),
    *((name, ()) for name in ("clear_marks", "copy_release", "find")),
)
"""The actions whose ``Reader.check_action`` answer depends on what the reader shows."""

WHY_DISABLED: dict[str, str] = {
    "step('entity', True)": "No entity is highlighted in this release.",
    "step('entity', False)": "No entity is highlighted in this release.",
    "step('quote', True)": "This release has no quotation.",
    "step('quote', False)": "This release has no quotation.",
    "step('match', True)": "Nothing to step through: find text first (ctrl+f).",
    "step('match', False)": "Nothing to step through: find text first (ctrl+f).",
    "entity_card": "No entity marked: press e to mark one first.",
    "copy_quote": "No quotation marked: press ] to mark one first.",
    "quotations": "This release has no quotation.",
    "copy_selection": "No text selected: drag the mouse over some first.",
    "copy_release": "No release is open.",
    "find": "No release is open.",
}
"""Why each reader command can do nothing now (the palette says it when one is chosen)."""

READER_BINDINGS: list[BindingType] = [
    Binding("j,down", "scroll_down", "Scroll down", show=False),
    Binding("k,up", "scroll_up", "Scroll up", show=False),
    Binding("space,pagedown", "page_down", "Page down", show=False),
    Binding("pageup", "page_up", "Page up", show=False),
    Binding("home,g", "scroll_home", "Top", show=False),
    Binding("end,G", "scroll_end", "Bottom", show=False),
    Binding("e", "step('entity', True)", "Next entity", id="reader.entity.next"),
    Binding("E", "step('entity', False)", "Previous entity", show=False, id="reader.entity.prev"),
    Binding("enter", "entity_card", "Entity card", id="reader.entity.card"),
    Binding("right_square_bracket", "step('quote', True)", "Next quote", id="reader.quote.next"),
    Binding(
        "left_square_bracket",
        "step('quote', False)",
        "Previous quote",
        show=False,
        id="reader.quote.prev",
    ),
    Binding("y", "copy_quote", "Copy quote", id="reader.copy.quote"),
    Binding("Y", "copy_release", "Copy release", show=False, id="reader.copy.release"),
    Binding("ctrl+c", "copy_selection", "Copy selection", show=False, id="reader.copy.selection"),
    # q goes back / quits, as in newsboat and lazygit; " is the quotation mark.
    Binding("quotation_mark", "quotations", "Quotations", id="reader.quotations"),
    Binding("ctrl+f", "find", "Find", id="reader.find"),
    Binding("n", "step('match', True)", "Next match", show=False, id="reader.find.next"),
    Binding("N", "step('match', False)", "Previous match", show=False, id="reader.find.prev"),
    Binding("escape", "clear_marks", "Clear marks", show=False, id="reader.clear"),
    *(
        Binding(
            str(number),
            f"toggle_kind('{kind}')",
            f"Show/hide {KIND_LABELS[kind].lower()} highlights",
            show=False,
            id=f"reader.toggle.{kind}",
        )
        for number, kind in enumerate(HIGHLIGHT_KINDS, start=1)
    ),
]
"""Every key of the reader, each defined once (footer, help and palette read these)."""
