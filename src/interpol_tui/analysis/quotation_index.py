"""The corpus's quotations kept as columns, ordered by speaker and filtered as one types.

A corpus of 100,000 releases quotes some 600,000 times. Held as one object
per quotation, with its folded text beside it twice (a list and one joined
string searched), that was about 530 bytes a quotation; here the words are
one UTF-8 buffer, the folded text one string a quotation (what the filter
tests), and speakers, roles, releases and offsets typed arrays with ids into
one pool of strings. A
:class:`~interpol_tui.analysis.corpus_quotes.CorpusQuotation` is made when
a view or an export reads it.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import compress
from operator import ne

from interpol_tui.analysis.corpus_quotes import CorpusQuotation, QuoteRow, fold
from interpol_tui.analysis.made_when_read import MadeWhenRead

_ENCODING = ("utf-8", "surrogatepass")
"""How the words are kept (a lone surrogate from a damaged file survives the round trip)."""


class QuoteColumns:
    """Quotations gathered release by release into columns, in the order they were added."""

    def __init__(self) -> None:
        self.releases: list[tuple[str, str, str | None]] = []
        """(doc id, title on one line, ISO date or None) of each release added."""
        self.pool: list[str | None] = [None]
        """Speakers and roles, each once (id 0 is None)."""
        self._ids: dict[str, int] = {}
        self._release_ids: dict[tuple[str, str, str | None], int] = {}
        self._sealed = False
        self.release = array("i")
        self.speaker = array("i")
        self.role = array("i")
        self.start = array("i")  # 32 bits: a file over 5 MB is not read (corpus/loader.py)
        self.end = array("i")
        self.words = bytearray()
        """Every quotation's words, UTF-8, one after another (see :attr:`word_at`)."""
        self.word_at = array("q", [0])
        """Where each quotation's words begin in :attr:`words`, and where the last ends."""

    def __len__(self) -> int:
        return len(self.release)

    def _id(self, value: str | None) -> int:
        if value is None:
            return 0
        found = self._ids.get(value)
        if found is None:
            found = self._ids[value] = len(self.pool)
            self.pool.append(value)
        return found

    def _append(self, release: int, row: QuoteRow | CorpusQuotation) -> None:
        assert not self._sealed, "added to once indexed"
        self.release.append(release)
        self.speaker.append(self._id(row.speaker))
        self.role.append(self._id(row.role))
        self.start.append(row.start)
        self.end.append(row.end)
        self.words += row.text.encode(*_ENCODING)
        self.word_at.append(len(self.words))

    def add_release(
        self, doc_id: str, title: str, date: str | None, rows: Iterable[QuoteRow]
    ) -> None:
        """Add one release's quotation rows (``title`` already on one line)."""
        release = len(self.releases)
        added = len(self)
        for row in rows:
            self._append(release, row)
        if len(self) > added:
            self.releases.append((doc_id, title, date))

    def add(self, quotation: CorpusQuotation) -> None:
        """Add one quotation (its release is looked up, or added)."""
        key = (quotation.doc_id, quotation.title, quotation.date)
        release = self._release_ids.get(key)
        if release is None:
            release = self._release_ids[key] = len(self.releases)
            self.releases.append(key)
        self._append(release, quotation)

    def sealed(self) -> None:
        """Drop what only adding needs (the lookups of strings and releases)."""
        self._ids, self._release_ids = {}, {}
        self._sealed = True

    def text(self, number: int) -> str:
        """The words of quotation ``number`` (in the order added)."""
        at = self.word_at
        return self.words[at[number] : at[number + 1]].decode(*_ENCODING)

    def quotation(self, number: int) -> CorpusQuotation:
        """Quotation ``number`` (in the order added) as the views and exports read it."""
        doc_id, title, date = self.releases[self.release[number]]
        pool = self.pool
        return CorpusQuotation(
            doc_id=doc_id,
            title=title,
            date=date,
            text=self.text(number),
            speaker=pool[self.speaker[number]],
            role=pool[self.role[number]],
            start=self.start[number],
            end=self.end[number],
        )


def _ranks(keys: Sequence[tuple[bool, str]]) -> list[int]:
    """Each key's place among the distinct keys in order (equal keys, equal places)."""
    place = {key: rank for rank, key in enumerate(sorted(set(keys)))}
    return list(map(place.__getitem__, keys))


def speaker_order(columns: QuoteColumns, by_date: bool) -> list[int]:
    """The quotations (numbers in the order added) as the list shows them.

    As :func:`~interpol_tui.analysis.corpus_quotes.by_speaker` orders them:
    most quoted first, then by name, unattributed last, each speaker's in
    the order given, or with ``by_date`` oldest release first (undated last)
    as :func:`~interpol_tui.analysis.corpus_quotes.sort_by_date` sorts them.
    """
    order = list(range(len(columns)))
    if by_date:
        dates = _ranks([(date is None, date or "") for _, _, date in columns.releases])
        order.sort(key=list(map(dates.__getitem__, columns.release)).__getitem__)
    speaker = columns.speaker
    counts = Counter(speaker)
    seen = dict.fromkeys(map(speaker.__getitem__, order))  # a tie keeps the first met
    pool = columns.pool
    ranked = sorted(seen, key=lambda s: (s == 0, -counts[s], fold(pool[s] or "")))
    place = {s: rank for rank, s in enumerate(ranked)}
    order.sort(key=list(map(place.__getitem__, speaker)).__getitem__)
    return order


class Quotations(MadeWhenRead[CorpusQuotation]):
    """The index's quotations in list order, each made when read."""

    def __init__(self, columns: QuoteColumns, order: array[int]) -> None:
        super().__init__(order, columns.quotation)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]


class QuotationIndex:
    """The corpus's quotations by speaker with their folded text, so filtering stays fast."""

    def __init__(self, quotations: Iterable[CorpusQuotation] | QuoteColumns = ()) -> None:
        """From quotations in date order, or from :class:`QuoteColumns` (sorted by date here)."""
        gathered = isinstance(quotations, QuoteColumns)
        if isinstance(quotations, QuoteColumns):
            columns = quotations
        else:
            columns = QuoteColumns()
            for quotation in quotations:
                columns.add(quotation)
        columns.sealed()
        order = array("i", speaker_order(columns, by_date=gathered))
        self.quotations: Sequence[CorpusQuotation] = Quotations(columns, order)
        """Every quotation: by speaker (most quoted first), then by date within a speaker."""
        pool, speaker, role = columns.pool, columns.speaker, columns.role
        # Each quotation's speaker, role and words folded, one string each: a word is
        # tested against every one with ``in`` (about 60 ns a quotation; the joined
        # buffer searched with ``find`` was no faster, and slower once most matched).
        self._folded = [
            fold(" ".join(x for x in (pool[speaker[n]], pool[role[n]], columns.text(n)) if x))
            for n in order
        ]
        numbers = list(range(len(pool)))  # one int object a speaker, shared by the list
        self._group = [numbers[speaker[n]] for n in order]
        """Each quotation's speaker, as a number."""

    def filter(self, query: str) -> list[CorpusQuotation]:
        """The quotations every word of ``query`` matches by speaker, role or words."""
        return list(map(self.quotations.__getitem__, self.filter_rows(query)))

    def filter_rows(self, query: str) -> list[int]:
        """The positions in :attr:`quotations` of those :meth:`filter` gives."""
        words = sorted(fold(query).split(), key=len, reverse=True)  # the rarest first
        folded = self._folded
        if not words:
            return list(range(len(folded)))
        rows = list(compress(range(len(folded)), [words[0] in line for line in folded]))
        for word in words[1:]:
            rows = [row for row in rows if word in folded[row]]
        return rows

    def speaker_starts(self, rows: Sequence[int]) -> list[int]:
        """The positions in ``rows`` where another speaker's quotations begin (0 first)."""
        groups = list(map(self._group.__getitem__, rows))
        # compress/map over C callables: no Python step per quotation.
        changes = compress(range(1, len(groups)), map(ne, groups, groups[1:]))
        return [0, *changes] if groups else []
