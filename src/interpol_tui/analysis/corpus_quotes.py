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
