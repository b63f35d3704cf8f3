"""Opening the across-release views from the main screen: corpus quotations, compare, timelines.

Kept out of ``main_screen`` so the screen only names the keys; each view is
imported when first opened (start-up speed).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from textual.binding import BindingType

from interpol_tui.ui.messages import DocumentSelected

if TYPE_CHECKING:
    from textual.app import App

    from interpol_tui.analysis.model import DocumentAnalysis, EntitySpan
    from interpol_tui.analysis.quotation_index import QuotationIndex
    from interpol_tui.analysis.timeline import Timeline
    from interpol_tui.corpus.model import Corpus
    from interpol_tui.ui.across_indexing import AcrossIndexer
    from interpol_tui.ui.main_screen import MainScreen


def _ready(screen: MainScreen) -> bool:
    if screen.corpus is None or not screen.analyses:
        screen.notify("The corpus is still being analysed", severity="warning", timeout=3)
        return False
    return True


def open_at(screen: MainScreen, choice: tuple[str, int] | None) -> None:
    """Open the release ``choice`` names at its offset (a view's result)."""
    if choice is not None:
        screen.post_message(DocumentSelected(*choice))


def open_quotations(screen: MainScreen) -> None:
    """Show every quotation of the corpus; the one chosen opens in the reader.

    The quotations were gathered in the background once analysis landed
    (``ui/across_indexing.py``); if that is still under way the view says
    so and fills in when it is done.
    """
    if not _ready(screen) or screen.corpus is None:
        return
    from interpol_tui.ui.quotations_screen import QuotationsScreen

    corpus, analyses, indexer = screen.corpus, screen.analyses, screen.across
    index = indexer.ready_for(analyses)

    def gather() -> QuotationIndex:
        return indexer.wait(corpus, analyses).quotations

    view = QuotationsScreen(index.quotations if index is not None else gather)
    screen.app.push_screen(view, lambda choice: open_at(screen, choice))


def timeline_source(
    app: App[object],
    entity: EntitySpan,
    corpus: Corpus,
    analyses: Mapping[str, DocumentAnalysis],
) -> Timeline | Callable[[], Timeline]:
    """The entity's timeline looked up in the main screen's index when it is built from this
    corpus; else a function that builds it from ``analyses`` (run off the UI thread)."""
    from interpol_tui.analysis.timeline import entity_timeline

    for screen in app.screen_stack:
        indexer: AcrossIndexer | None = getattr(screen, "across", None)
        index = indexer.of_corpus(corpus) if indexer is not None else None
        if index is not None:
            return index.timeline(entity.canonical, entity.type)
    return lambda: entity_timeline(entity.canonical, entity.type, corpus, analyses)


def open_compare(screen: MainScreen) -> None:
    """Compare the two releases marked in the list (``m``)."""
    from interpol_tui.ui.document_list import DocumentList

    marks = screen.query_one(DocumentList).compare_marks
    if len(marks) < 2:
        screen.notify("Mark two releases with m to compare them", timeout=3)
        return
    if not _ready(screen) or screen.corpus is None:
        return
    from interpol_tui.analysis.compare import compare_releases
    from interpol_tui.ui.compare_screen import CompareScreen

    first, second = (screen.corpus.by_id(doc_id) for doc_id in marks)
    if first is None or second is None:  # reloaded without one of them
        screen.notify("A marked release is no longer in the corpus", severity="warning")
        return
    screen.app.push_screen(CompareScreen(compare_releases(first, second, screen.analyses)))


def release_dates_known(screen: MainScreen) -> dict[str, str | None]:
    """Each release's date: inferred ones from the statistics when they are ready, else stated."""
    from interpol_tui.ui.stats_pane import StatsPane

    if screen.corpus is None:
        return {}
    statistics = screen.query_one(StatsPane).statistics
    known = statistics.dates if statistics is not None else {}
    return {
        doc.id: (known[doc.id].iso if doc.id in known else doc.date)
        for doc in screen.corpus.documents
    }


def open_corpus_time(screen: MainScreen) -> None:
    """Chart the releases per period; the period chosen filters the list."""
    if screen.corpus is None:
        return
    from interpol_tui.ui.corpus_time import CorpusTimeScreen, PeriodChoice
    from interpol_tui.ui.document_list import DocumentList

    def chosen(choice: PeriodChoice | None) -> None:
        if choice is None:
            return
        documents = screen.query_one(DocumentList)
        documents.set_filter(choice.doc_ids, name="period")
        if choice.period is not None and choice.doc_ids is not None:
            message = f"{len(choice.doc_ids):,} release(s) of {choice.period}"
            screen.notify(message, timeout=3, markup=False)
        documents.focus()

    screen.app.push_screen(CorpusTimeScreen(release_dates_known(screen)), chosen)


def across_help_sections() -> list[tuple[str, list[BindingType]]]:
    """The keys of the across-release views, for the help screen."""
    from interpol_tui.ui.compare_screen import CompareScreen
    from interpol_tui.ui.corpus_time import CorpusTimeScreen
    from interpol_tui.ui.entity_card import EntityCard
    from interpol_tui.ui.quotations_screen import QuotationsScreen
    from interpol_tui.ui.timeline_screen import TimelineScreen

    return [
        ("Quotations of the corpus", list(QuotationsScreen.BINDINGS)),
        ("Two releases compared", list(CompareScreen.BINDINGS)),
        ("Entity card", list(EntityCard.BINDINGS)),
        ("An entity through time", list(TimelineScreen.BINDINGS)),
        ("Releases through time", list(CorpusTimeScreen.BINDINGS)),
    ]
