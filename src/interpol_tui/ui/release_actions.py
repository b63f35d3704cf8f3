"""Commands on the open release and on what a pane lists: read mark, editor, pager, path, export.

The main screen binds the keys (:data:`RELEASE_BINDINGS`) and calls these
functions; the release list and the search dialog bind their own export key.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding, BindingType

from interpol_tui.corpus.sanitize import visible_controls

if TYPE_CHECKING:
    from interpol_tui.corpus.model import Document
    from interpol_tui.report.tabular import Record
    from interpol_tui.search.fulltext import SearchResults
    from interpol_tui.ui.main_screen import MainScreen

RELEASE_BINDINGS: list[BindingType] = [
    Binding("u", "toggle_read", "Read/unread", id="release.read"),
    Binding("v", "edit_release", "Edit", id="release.edit"),
    Binding("p", "page_release", "Pager", show=False, id="release.pager"),
    Binding("c", "copy_path", "Copy path", show=False, id="release.copy_path"),
]
"""Keys acting on the open release, wherever the focus is (bound by the main screen)."""

LIST_COLUMNS = ("doc", "title", "date", "dateline", "bookmarked", "read", "path")
SEARCH_COLUMNS = ("rank", "doc", "title", "score", "snippet", "path")
FORMATS_HINT = "(.csv, .json or .md)"


def _shown(path: Path) -> str:
    return visible_controls(str(path))


def open_release(screen: MainScreen, purpose: str) -> None:
    """Open the release in the reader in ``$VISUAL``/``$EDITOR`` (``edit``) or ``$PAGER``."""
    from interpol_tui.ui.external import open_in
    from interpol_tui.ui.reader import Reader

    document = screen.query_one(Reader).document
    if document is None:
        return
    before = _modified(document.path)
    outcome = open_in(screen.app, "edit" if purpose == "edit" else "read", document.path)
    message = outcome.message
    if outcome.ok and _modified(document.path) != before:
        message += ": the file changed, press r to reload"
    screen.notify(message, severity="information" if outcome.ok else "warning", markup=False)


def _modified(path: Path) -> float | None:
    try:
        return path.stat().st_mtime
    except OSError:
        return None


def copy_path(screen: MainScreen) -> None:
    """Copy the open release's file path to the clipboard."""
    from interpol_tui.ui.clipboard import copy_text
    from interpol_tui.ui.reader import Reader

    document = screen.query_one(Reader).document
    if document is None:
        return
    copied = copy_text(screen.app, str(document.path.absolute()))
    screen.notify(f"Copied the path: {copied}", timeout=3, markup=False)


def list_records(
    documents: Sequence[Document], bookmarks: frozenset[str], read: frozenset[str]
) -> list[Record]:
    """The releases as the list shows them (its order and filter), one record each."""
    return [
        {
            "doc": doc.id,
            "title": doc.title,
            "date": doc.date,
            "dateline": doc.dateline,
            "bookmarked": doc.id in bookmarks,
            "read": doc.id in read,
            "path": str(doc.path.absolute()),
        }
        for doc in documents
    ]


def search_records(results: SearchResults, paths: Callable[[str], Path | None]) -> list[Record]:
    """The search hits in their rank order, one record each."""
    records: list[Record] = []
    for rank, hit in enumerate(results.hits, start=1):
        path = paths(hit.doc_id)
        records.append(
            {
                "rank": rank,
                "doc": hit.doc_id,
                "title": hit.title,
                "score": hit.score,
                "snippet": hit.snippet.text,
                "path": str(path.absolute()) if path else None,
            }
        )
    return records


def export_list(screen: MainScreen) -> None:
    """Ask where, then write the release list as shown (sorted and filtered)."""
    from interpol_tui.ui.document_list import DocumentList

    session = screen.session
    rows = screen.query_one(DocumentList).rows
    records = list_records(rows, session.bookmarks.ids, session.read_marks.ids)
    ask_and_export(screen.app, records, LIST_COLUMNS, "release", "interpol-tui-releases.csv")


def ask_and_export(
    app: App[object],
    records: Sequence[Record],
    columns: Sequence[str],
    noun: str,
    file_name: str,
) -> None:
    """Ask for a path (the extension picks the format), write there in a worker, say how many."""
    from interpol_tui.ui.export_dialog import ExportDialog, default_export_path

    def chosen(path: Path | None) -> None:
        if path is not None:
            app.run_worker(
                lambda: _write(app, records, columns, noun, path),
                thread=True,
                group="export",
                exit_on_error=False,
            )

    prompt = f"Export {len(records)} {noun}(s) to {FORMATS_HINT}:"
    app.push_screen(ExportDialog(default_export_path(file_name), prompt), chosen)


def _write(
    app: App[object], records: Sequence[Record], columns: Sequence[str], noun: str, path: Path
) -> None:
    from interpol_tui.report.tabular import row_format_for, write_rows

    try:
        written = write_rows(records, columns, path)
    except OSError as error:
        message = f"Could not export to {_shown(path)}: {error.strerror or error}"
        app.call_from_thread(app.notify, message, severity="error", markup=False)
        return
    kind = {"csv": "CSV", "json": "JSON", "md": "Markdown"}[row_format_for(written)]
    message = f"Wrote {len(records)} {noun}(s) as {kind} to {_shown(written)}"
    app.call_from_thread(app.notify, message, markup=False)


class ReleaseActions:
    """The main screen's actions on the open release and its list (keys in RELEASE_BINDINGS)."""

    def screen_of_actions(self) -> MainScreen:
        """The main screen these actions act on (the class that mixes this in)."""
        from interpol_tui.ui.main_screen import MainScreen

        assert isinstance(self, MainScreen)
        return self

    def action_toggle_read(self) -> None:
        """Mark the open release unread, or read again."""
        self.screen_of_actions().session.toggle_read()

    def action_edit_release(self) -> None:
        """Open the release's file in $VISUAL or $EDITOR."""
        open_release(self.screen_of_actions(), "edit")

    def action_page_release(self) -> None:
        """Read the release's file in $PAGER."""
        open_release(self.screen_of_actions(), "read")

    def action_copy_path(self) -> None:
        """Copy the release's file path."""
        copy_path(self.screen_of_actions())

    def action_export_list(self) -> None:
        """Export the release list as shown (order and filter) to CSV, JSON or Markdown."""
        export_list(self.screen_of_actions())
