"""Every quotation of a corpus with its speaker, role, release and date; filters and CSL-JSON.

Quotations are counted as :func:`interpol_tui.analysis.quotations.quotations_of` counts them.

Plain data for the quotations view, ``quotes --by-speaker`` and the exports:
nothing here draws or formats a table.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate, compress
from operator import ne
from typing import Any

from interpol_tui.analysis.model import DocumentAnalysis, Quote
from interpol_tui.analysis.quotations import format_citation, quotations_of, trim_pause
from interpol_tui.corpus.model import Corpus, Document

CSL_TYPE = "article"
"""CSL has no press-release type; Zotero and Pandoc read an article with this genre."""
CSL_GENRE = "Press release"


@dataclass(frozen=True, slots=True)
class CorpusQuotation:
    """One quotation of one release, as the corpus-wide view lists it."""

    doc_id: str
    title: str
    date: str | None
    """The release's ISO date (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``), or None."""
    text: str
    """The quoted words on one line (paragraphs joined by a space)."""
    speaker: str | None
    role: str | None
    """The speaker's title as the same release gives it ("Secretary General"), or None."""
    start: int
    end: int

    @property
    def citation(self) -> str:
        """The quotation with its source, for the clipboard."""
        return format_citation(self.text, self.speaker, self.title, self.date)


_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Case- and accent-folded text, so "jurgen" finds "Jürgen"."""
    folded = text.casefold()
    if folded.isascii():  # most text: nothing to decompose
        return folded
    return _COMBINING.sub("", unicodedata.normalize("NFKD", folded))


def speaker_role(analysis: DocumentAnalysis, speaker: str, at: int) -> str | None:
    """The role the release gives ``speaker``: the mention with a role nearest before ``at``.

    A release names the title once ("Secretary General Jürgen Stock") and
    then the bare name, so the last titled mention before the quote is the
    one in force; failing that, the first titled mention after it.
    """
    return _role_at(_titled(analysis).get(speaker.casefold(), []), at)


def _titled(analysis: DocumentAnalysis) -> dict[str, list[tuple[int, str]]]:
    titled: dict[str, list[tuple[int, str]]] = {}
    for e in analysis.entities:
        if e.type == "person" and e.role:
            titled.setdefault(e.canonical.casefold(), []).append((e.start, e.role))
    return titled


def _role_at(titled: Sequence[tuple[int, str]], at: int) -> str | None:
    # ``titled`` is in text order (entities are sorted by start): bisect, not scan.
    if not titled:
        return None
    index = bisect_right(titled, at, key=lambda item: item[0])
    return titled[index - 1][1] if index else titled[0][1]


_UNEVEN_SPACE = re.compile(r"\s\s|[^\S ]")


def one_line(parts: Sequence[Quote]) -> str:
    """The quoted paragraphs on one line, each run of white space one space."""
    text = parts[0].text if len(parts) == 1 else " ".join(p.text for p in parts)
    # Most quotations are one clean line already; re-spacing them all costs a second at 10k.
    return " ".join(text.split()) if _UNEVEN_SPACE.search(text) else text


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """One quotation of a release, without the release: what a release's digest keeps."""

    text: str
    """The quoted words on one line, without the pause that ended them."""
    speaker: str | None
    role: str | None
    start: int
    end: int


def quote_rows(analysis: DocumentAnalysis) -> list[QuoteRow]:
    """The release's quotations, each on one line with its speaker and the role in force."""
    titled = _titled(analysis) if analysis.quotes else {}
    rows = []
    for quotation in quotations_of(analysis.quotes):
        parts = quotation.parts
        speaker = next((p.speaker for p in parts if p.speaker), None)
        roles = titled.get(speaker.casefold(), []) if speaker else []
        rows.append(
            QuoteRow(
                text=trim_pause(one_line(parts)),
                speaker=speaker,
                role=_role_at(roles, parts[0].start),
                start=parts[0].start,
                end=parts[-1].end,
            )
        )
    return rows


def quotations_of_release(
    document: Document, rows: Iterable[QuoteRow]
) -> Iterable[CorpusQuotation]:
    """A release's quotation rows as the corpus-wide list has them (with title and date)."""
    title = " ".join(document.title.split())
    for row in rows:
        yield CorpusQuotation(
            doc_id=document.id,
            title=title,
            date=document.date,
            text=row.text,
            speaker=row.speaker,
            role=row.role,
            start=row.start,
            end=row.end,
        )


def sort_by_date(found: list[CorpusQuotation]) -> list[CorpusQuotation]:
    """Oldest release first, undated last; stable, so a release keeps its text order."""
    found.sort(key=lambda q: (q.date is None, q.date or ""))
    return found


def corpus_quotations(
    corpus: Corpus, analyses: Mapping[str, DocumentAnalysis]
) -> list[CorpusQuotation]:
    """Every quotation of the corpus, oldest release first (undated last), in text order."""
    found: list[CorpusQuotation] = []
    for document in corpus.documents:
        analysis = analyses.get(document.id)
        if analysis is not None:
            found.extend(quotations_of_release(document, quote_rows(analysis)))
    return sort_by_date(found)


def by_speaker(
    quotations: Iterable[CorpusQuotation],
) -> list[tuple[str | None, list[CorpusQuotation]]]:
    """Quotations grouped by speaker: most quoted first, then by name; unattributed last."""
    groups: dict[str | None, list[CorpusQuotation]] = {}
    for quotation in quotations:
        groups.setdefault(quotation.speaker, []).append(quotation)
    return sorted(
        groups.items(),
        key=lambda item: (item[0] is None, -len(item[1]), fold(item[0] or "")),
    )


def of_speaker(quotations: Iterable[CorpusQuotation], name: str) -> list[CorpusQuotation]:
    """The quotations whose speaker is ``name`` (case and accents ignored; a surname is enough)."""
    wanted = fold(" ".join(name.split()))
    exact = [q for q in quotations if q.speaker and fold(q.speaker) == wanted]
    if exact or not wanted:
        return exact
    return [q for q in quotations if q.speaker and wanted in fold(q.speaker).split(" ")] or [
        q for q in quotations if q.speaker and wanted in fold(q.speaker)
    ]


DENSE_AFTER = 1024
"""Quotations found by ``str.find`` over the joined text after which the rest are tested one
by one: a step per match costs more than a test per quotation once most of them match."""


class QuotationIndex:
    """The corpus's quotations with their folded text, so filtering as one types stays fast."""

    def __init__(self, quotations: Sequence[CorpusQuotation]) -> None:
        # Ordered by speaker (most quoted first), then by date within a speaker.
        self.quotations = [q for _, group in by_speaker(quotations) for q in group]
        folded = [
            fold(" ".join(x for x in (q.speaker, q.role, q.text) if x)) for q in self.quotations
        ]
        # One string, a line per quotation: a word is found with str.find over it all
        # (C speed), not tested against 58,000 strings one by one.
        self._hay = "\n".join(folded)
        self._starts = list(accumulate((len(f) + 1 for f in folded[:-1]), initial=0))
        self._folded = folded
        speakers: dict[str | None, int] = {}
        self._group = [speakers.setdefault(q.speaker, len(speakers)) for q in self.quotations]
        """Each quotation's speaker, as a number."""

    def filter(self, query: str) -> list[CorpusQuotation]:
        """The quotations every word of ``query`` matches by speaker, role or words."""
        return list(map(self.quotations.__getitem__, self.filter_rows(query)))

    def filter_rows(self, query: str) -> list[int]:
        """The positions in :attr:`quotations` of those :meth:`filter` gives."""
        words = sorted(fold(query).split(), key=len, reverse=True)
        if not words:
            return list(range(len(self.quotations)))
        first, others = words[0], words[1:]
        hay, starts, folded = self._hay, self._starts, self._folded
        found: list[int] = []
        at, hits = hay.find(first), 0
        while at >= 0:
            row = bisect_right(starts, at) - 1
            if all(w in folded[row] for w in others):
                found.append(row)
            hits += 1
            if hits == DENSE_AFTER:  # a word in most quotations ("s"): test the rest each
                rest = [r for r in range(row + 1, len(folded)) if first in folded[r]]
                for word in others:
                    rest = [r for r in rest if word in folded[r]]
                return found + rest
            # On to the next quotation: one match per quotation is enough.
            at = hay.find(first, starts[row] + len(folded[row]) + 1)
        return found

    def speaker_starts(self, rows: Sequence[int]) -> list[int]:
        """The positions in ``rows`` where another speaker's quotations begin (0 first)."""
        groups = list(map(self._group.__getitem__, rows))
        # compress/map over C callables: no Python step per quotation.
        changes = compress(range(1, len(groups)), map(ne, groups, groups[1:]))
        return [0, *changes] if groups else []


def _date_parts(iso: str) -> list[int] | None:
    pieces = iso.split("-")
    if not 1 <= len(pieces) <= 3 or not all(p.isdigit() for p in pieces):
        return None
    return [int(p) for p in pieces]


def csl_item(quotation: CorpusQuotation, number: int) -> dict[str, Any]:
    """One quotation as a CSL-JSON item: the release is the work, the quotation its note.

    CSL has no field for a quoted passage; ``note`` carries it with the speaker,
    and ``contributor`` names the speaker, so styles and Zotero keep both.
    """
    item: dict[str, Any] = {
        "id": f"q{number}-{quotation.doc_id}-{quotation.start}",
        "type": CSL_TYPE,
        "genre": CSL_GENRE,
        "title": quotation.title,
        "source": quotation.doc_id,
    }
    parts = _date_parts(quotation.date) if quotation.date else None
    if parts:
        item["issued"] = {"date-parts": [parts]}
    who = quotation.speaker
    if who:
        item["contributor"] = [{"literal": who}]
        role = f", {quotation.role}" if quotation.role else ""
        item["note"] = f"“{quotation.text}” — {who}{role}"
    else:
        item["note"] = f"“{quotation.text}”"
    return item


def csl_json(quotations: Sequence[CorpusQuotation]) -> list[dict[str, Any]]:
    """The quotations as a CSL-JSON array (what Zotero imports and Pandoc cites)."""
    return [csl_item(q, n) for n, q in enumerate(quotations, start=1)]
