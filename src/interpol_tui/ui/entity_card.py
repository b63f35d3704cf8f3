"""The entity card: who or what a mention refers to, and where else it is mentioned."""

from __future__ import annotations

import re
from collections.abc import Mapping
from contextlib import suppress
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from interpol_tui.analysis.model import DocumentAnalysis, EntitySpan
from interpol_tui.corpus.model import Corpus
from interpol_tui.ui.annotations import KIND_LABELS, mentions_of, releases_mentioning
from interpol_tui.ui.messages import EntityChosen
from interpol_tui.ui.nav_keys import KeyedOptionList

CONTEXT = 40
"""Characters of text shown either side of a mention."""
_WHITESPACE = re.compile(r"\s+")


def mention_context(text: str, mention: EntitySpan, context: int = CONTEXT) -> Text:
    """The words around ``mention`` on one line, the mention itself in bold."""
    low = max(mention.start - context, 0)
    high = min(mention.end + context, len(text))
    before = text[low : mention.start]
    after = text[mention.end : high]
    if low > 0:
        before = "…" + before.partition(" ")[2]  # drop the word the window cut
    if high < len(text):
        after = after.rpartition(" ")[0] + "…"
    line = Text()
    line.append(_WHITESPACE.sub(" ", before))
    line.append(_WHITESPACE.sub(" ", mention.text), style="bold")
    line.append(_WHITESPACE.sub(" ", after))
    return line


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


class EntityCard(ModalScreen[tuple[str, int] | EntityChosen | None]):
    """An entity's name, role and mentions; returns the ``(doc_id, offset)`` chosen.

    ``l`` returns an :class:`EntityChosen` instead: list the releases that mention it.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss", "Close", id="card.close"),
        Binding("l", "list_releases", "List its releases", id="card.list"),
        Binding("t", "timeline", "Through time", id="card.timeline"),
    ]

    DEFAULT_CSS = """
    EntityCard { align: center middle; }
    EntityCard > Vertical {
        width: 100; max-width: 95%; height: auto; max-height: 90%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    EntityCard #card-heading { margin-bottom: 1; }
    EntityCard OptionList, EntityCard OptionList:focus {
        height: auto; max-height: 30; border: none; padding: 0;
    }
    """

    def __init__(
        self,
        entity: EntitySpan,
        doc_id: str,
        corpus: Corpus,
        analyses: Mapping[str, DocumentAnalysis],
    ) -> None:
        super().__init__()
        self.entity = entity
        self.doc_id = doc_id
        self.corpus = corpus
        self.analyses = analyses
        self.doc_ids: frozenset[str] = frozenset({doc_id})
        """Every release that mentions the entity (this one included)."""

    def _heading(self, here: list[EntitySpan], elsewhere: int) -> Text:
        entity = self.entity
        role = next((m.role for m in here if m.role), entity.role)
        heading = Text()
        heading.append(entity.canonical, style="bold")
        heading.append(f"  {KIND_LABELS[entity.type]}", style="italic")
        if role:
            heading.append("\nRole: ")
            heading.append(role)
        forms = sorted({" ".join(m.text.split()) for m in here})
        heading.append(f"\n{_count(len(here), 'mention')} in this release")
        if forms:
            heading.append(" as ")
            heading.append(", ".join(forms))
        heading.append(f"; mentioned in {_count(elsewhere, 'other release')}")
        return heading

    def compose(self) -> ComposeResult:
        """Heading, then one option per mention here and per other release."""
        analysis = self.analyses.get(self.doc_id)
        here = mentions_of(self.entity, analysis) if analysis else [self.entity]
        document = self.corpus.by_id(self.doc_id)
        others = [
            (doc_id, mentions)
            for doc_id, mentions in releases_mentioning(self.entity, self.analyses.values())
            if doc_id != self.doc_id
        ]
        self.doc_ids = frozenset({self.doc_id, *(doc_id for doc_id, _ in others)})
        heading = Option(Text("In this release", style="bold"), disabled=True)
        options: list[Option | None] = [heading]
        for mention in here:
            prompt = mention_context(document.text, mention) if document else Text(mention.text)
            options.append(Option(prompt, id=f"{mention.start}:{self.doc_id}"))
        if others:
            options.append(None)
            options.append(Option(Text("Other releases", style="bold"), disabled=True))
        for doc_id, mentions in others:
            other = self.corpus.by_id(doc_id)
            prompt = Text(other.title if other else doc_id)
            prompt.append(f"  {other.date if other and other.date else 'undated'}", style="italic")
            prompt.append(f" · {_count(len(mentions), 'mention')}")
            options.append(Option(prompt, id=f"{mentions[0].start}:{doc_id}"))
        with Vertical() as card:
            card.border_title = "Entity"
            card.border_subtitle = (
                "enter: open at mention · l: list its releases · t: through time · esc: close"
            )
            yield Static(self._heading(here, len(others)), id="card-heading", markup=False)
            yield KeyedOptionList(*options, markup=False)

    def on_mount(self) -> None:
        """Focus the list on the mention the card was opened from."""
        option_list = self.query_one(OptionList)
        with suppress(OptionDoesNotExist):
            option_list.highlighted = option_list.get_option_index(
                f"{self.entity.start}:{self.doc_id}"
            )
        option_list.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        offset, _, doc_id = (event.option.id or "").partition(":")
        if doc_id and offset.isdigit():
            self.dismiss((doc_id, int(offset)))

    def action_timeline(self) -> None:
        """Show the entity through time; a release chosen there closes the card on it."""
        from interpol_tui.ui.across import timeline_source
        from interpol_tui.ui.timeline_screen import TimelineScreen

        def chosen(choice: tuple[str, int] | None) -> None:
            if choice is not None:
                self.dismiss(choice)

        source = timeline_source(self.app, self.entity, self.corpus, self.analyses)
        self.app.push_screen(TimelineScreen(source), chosen)

    def action_list_releases(self) -> None:
        """Close, and have the release list show only the releases that mention the entity."""
        self.dismiss(EntityChosen(self.entity.canonical, self.doc_ids))

    async def action_dismiss(self, result: tuple[str, int] | EntityChosen | None = None) -> None:
        """Close without choosing."""
        self.dismiss(result)
