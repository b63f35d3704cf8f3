"""An entity through time: the releases that mention it, by month or year, its roles as they
change ("Director-General", then "former Director-General"), and the figures cited beside it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar, overload

from interpol_tui.analysis.chronology import ReleaseDate, release_dates
from interpol_tui.analysis.model import DocumentAnalysis, EntitySpan, EntityType, Figure
from interpol_tui.corpus.model import Corpus

Granularity = Literal["month", "year"]
Key = TypeVar("Key")
MONTHS_SPAN = 36
"""A corpus of releases spanning at most this many months is charted by month, else by year."""
TIME_MODIFIERS = ("former", "outgoing", "incoming", "acting", "interim", "then", "ex", "late")
"""Words before a title that say when it was held ("former Director-General")."""
RANK_WORDS = frozenset({"vice", "deputy", "assistant", "associate", "under", "chief", "senior"})
"""Words that make a different title of the one they precede ("Vice President")."""
_BEFORE_TITLE = re.compile(r"\b(" + "|".join(TIME_MODIFIERS) + r")[\s-]+$", re.IGNORECASE)
_LINK = re.compile(r"^[\s,]*(?:the\s+)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FigureNote:
    """A figure cited beside an entity: what a timeline shows and ``timeline --json`` gives."""

    text: str
    value: float
    unit: str | None
    counts: str


@dataclass(frozen=True, slots=True)
class MentionRow:
    """One entity as one release names it: what its timeline needs of that release."""

    type: EntityType
    canonical: str
    mentions: int
    first: int
    """Offset of the first mention (to open the release there)."""
    roles: tuple[str, ...]
    """The roles the release gives it, as stated ("former Director-General")."""
    figures: tuple[FigureNote, ...]
    """Figures cited in the sentences that name it."""


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One release that mentions the entity."""

    doc_id: str
    title: str
    date: ReleaseDate
    mentions: int
    first: int
    """Offset of the first mention (to open the release there)."""
    roles: tuple[str, ...]
    """The roles the release gives the entity, as stated ("former Director-General")."""
    figures: tuple[FigureNote, ...]
    """Figures cited in the sentences that mention the entity."""


@dataclass(frozen=True, slots=True)
class RoleSpell:
    """A role held across consecutive releases, from the first to the last that states it."""

    role: str
    first: str
    last: str


@dataclass(frozen=True, slots=True)
class Timeline:
    """Everything the timeline view and ``timeline`` command show for one entity."""

    name: str
    type: EntityType
    entries: Sequence[TimelineEntry]
    """Oldest release first; undated last (made as they are read: a timeline of
    10,000 releases opens without making them all)."""
    granularity: Granularity
    buckets: tuple[tuple[str, int], ...]
    """Releases per month or year from the first to the last (empty periods kept), dated only."""
    roles: tuple[RoleSpell, ...]

    undated: int = 0
    """Releases mentioning the entity that carry no date at all."""


def stated_role(text: str, mention: EntitySpan) -> str | None:
    """The mention's role with the word that dates it, when one stands right before the title.

    "Former Director-General Mira Kallas" gives "former Director-General";
    "Director-General Mira Kallas" gives "Director-General".
    """
    role = mention.role
    if not role:
        return None
    window = text[max(mention.start - len(role) - 40, 0) : mention.start]
    at = window.lower().rfind(role.lower())
    if at < 0 or not _LINK.match(window[at + len(role) :]):
        return role
    modifier = _BEFORE_TITLE.search(window[:at])
    if modifier is None:
        return role
    dated = " ".join(window[modifier.start() : at].split()).lower()  # "former ", "ex-"
    return f"{dated}{'' if dated.endswith('-') else ' '}{role}"


def find_entity(name: str, analyses: Iterable[DocumentAnalysis]) -> tuple[str, EntityType] | None:
    """The canonical name and type ``name`` means: an exact canonical (any case), else the most
    mentioned canonical containing it as a word, else as a substring."""
    wanted = " ".join(name.split()).casefold()
    if not wanted:
        return None
    counts: Counter[tuple[str, EntityType]] = Counter()
    for analysis in analyses:
        counts.update((e.canonical, e.type) for e in analysis.entities)
    for test in (
        lambda c: c.casefold() == wanted,
        lambda c: wanted in c.casefold().split(),
        lambda c: wanted in c.casefold(),
    ):
        found = [(key, n) for key, n in counts.items() if test(key[0])]
        if found:
            return max(found, key=lambda item: item[1])[0]
    return None


def note_of(figure: Figure) -> FigureNote:
    """The part of a figure a timeline keeps."""
    return FigureNote(figure.text, figure.value, figure.unit, figure.counts)


def figures_beside(
    analysis: DocumentAnalysis, mentions: Sequence[EntitySpan]
) -> tuple[FigureNote, ...]:
    """The figures cited in the sentences that hold one of ``mentions``."""
    return tuple(_figures_beside(analysis.figures, {0: mentions}).get(0, ()))


def _figures_beside(
    figures: Sequence[Figure], groups: Mapping[Key, Sequence[EntitySpan]]
) -> dict[Key, list[FigureNote]]:
    """For each group of mentions, the figures cited in a sentence that holds one of them.

    One pass over the figures, each looking up by bisection the mentions that
    start in its sentence (testing every figure against every mention of every
    entity cost a release of many names and figures a millisecond).
    """
    starts = sorted((m.start, index) for index, spans in enumerate(groups.values()) for m in spans)
    positions = [start for start, _ in starts]
    keys = list(groups)
    beside: dict[Key, list[FigureNote]] = {}
    for figure in figures:
        begin = figure.sentence_start
        low = bisect_left(positions, begin)
        high = bisect_left(positions, begin + len(figure.sentence), low)
        if low == high:
            continue
        note = note_of(figure)
        for index in sorted({index for _, index in starts[low:high]}):
            beside.setdefault(keys[index], []).append(note)
    return beside


def mention_rows(
    text: str, analysis: DocumentAnalysis, only: tuple[str, str] | None = None
) -> list[MentionRow]:
    """One row per entity the release names, keyed by type and case-folded canonical name.

    ``only`` (type, folded name) keeps just that entity's row.
    """
    grouped: dict[tuple[str, str], list[EntitySpan]] = {}
    for entity in analysis.entities:
        key = (entity.type, entity.canonical.casefold())
        if only is None or key == only:
            grouped.setdefault(key, []).append(entity)
    beside = _figures_beside(analysis.figures, grouped)
    rows = []
    for key, spans in grouped.items():
        roles = dict.fromkeys(r for m in spans if (r := stated_role(text, m)))
        rows.append(
            MentionRow(
                type=spans[0].type,
                canonical=spans[0].canonical,
                mentions=len(spans),
                first=spans[0].start,
                roles=tuple(roles),
                figures=tuple(beside.get(key, ())),
            )
        )
    return rows


def period_key(iso: str, granularity: Granularity) -> str:
    """The month ("2021-03") or year ("2021") an ISO date is charted in."""
    return iso[:7] if granularity == "month" and len(iso) >= 7 else iso[:4]


def _periods(first: str, last: str, granularity: Granularity) -> list[str]:
    if granularity == "year":
        return [str(y) for y in range(int(first[:4]), int(last[:4]) + 1)]
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while (y, m) <= (int(last[:4]), int(last[5:7])):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def granularity_for(isos: Sequence[str]) -> Granularity:
    """By month when the dates span at most :data:`MONTHS_SPAN` months and all have a month."""
    if not isos or any(len(i) < 7 for i in isos):
        return "year"
    months = [int(i[:4]) * 12 + int(i[5:7]) for i in isos]
    return "month" if max(months) - min(months) < MONTHS_SPAN else "year"


def histogram(isos: Sequence[str], granularity: Granularity) -> list[tuple[str, int]]:
    """How many dates fall in each period from the first to the last (empty periods kept)."""
    if not isos:
        return []
    counts = Counter(period_key(i, granularity) for i in isos)
    keys = sorted(counts)
    return [(p, counts.get(p, 0)) for p in _periods(keys[0], keys[-1], granularity)]


def same_role(a: str, b: str) -> bool:
    """True when two stated roles are one title ("INTERPOL Secretary General", "Secretary
    General"); a role with a time word ("former …") is never the same as one without."""
    a, b = a.casefold(), b.casefold()
    if (a.split()[0] in TIME_MODIFIERS) != (b.split()[0] in TIME_MODIFIERS):
        return False
    short, long = sorted((a, b), key=len)
    if not long.endswith(short):
        return False
    # "INTERPOL Secretary General" is the Secretary General; "Vice President" is not the President.
    extra = long[: len(long) - len(short)].split()
    return not extra or extra[-1] not in RANK_WORDS


def _spells(dated: Iterable[tuple[ReleaseDate, str | None]]) -> list[RoleSpell]:
    # One role per dated release: the first it states, the one it introduces the entity with.
    spells: list[RoleSpell] = []
    for date, role in dated:
        if role is None or date.iso is None:
            continue
        if spells and same_role(spells[-1].role, role):
            fuller = max(spells[-1].role, role, key=len)
            spells[-1] = RoleSpell(fuller, spells[-1].first, date.label)
        else:
            spells.append(RoleSpell(role, date.label, date.label))
    return spells


Found = tuple[str, str, ReleaseDate, MentionRow]
"""A release naming the entity: (doc id, title, date, the entity's row)."""


class Entries(Sequence[TimelineEntry]):
    """A timeline's releases, each made into a :class:`TimelineEntry` when first read."""

    def __init__(self, found: Sequence[Found]) -> None:
        self._found = found
        self._made: dict[int, TimelineEntry] = {}

    def __len__(self) -> int:
        return len(self._found)

    def _entry(self, index: int) -> TimelineEntry:
        made = self._made.get(index)
        if made is None:
            doc_id, title, date, row = self._found[index]
            made = self._made[index] = TimelineEntry(
                doc_id=doc_id,
                title=" ".join(title.split()),
                date=date,
                mentions=row.mentions,
                first=row.first,
                roles=row.roles,
                figures=row.figures,
            )
        return made

    @overload
    def __getitem__(self, index: int) -> TimelineEntry: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[TimelineEntry]: ...
    def __getitem__(self, index: int | slice) -> TimelineEntry | Sequence[TimelineEntry]:
        if isinstance(index, slice):
            return [self._entry(i) for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._entry(index)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]


def entity_timeline(
    name: str,
    type_: EntityType,
    corpus: Corpus,
    analyses: Mapping[str, DocumentAnalysis],
) -> Timeline:
    """The releases of ``corpus`` mentioning the entity (``name``, ``type_``) in time order."""
    key = (type_, name.casefold())
    found: list[tuple[str, str, MentionRow]] = []
    documents = []
    for document in corpus.documents:
        analysis = analyses.get(document.id)
        if analysis is None or not any(
            e.type == type_ and e.canonical.casefold() == key[1] for e in analysis.entities
        ):
            continue
        for row in mention_rows(document.text, analysis, only=key):
            found.append((document.id, document.title, row))
            documents.append(document)
    # Dates (stated or inferred) only for these releases: cheap on a large corpus.
    dates = release_dates(Corpus(documents=tuple(documents)))
    return timeline_of(name, type_, [(doc_id, t, dates[doc_id], r) for doc_id, t, r in found])


def timeline_of(
    name: str, type_: EntityType, found: Iterable[Found], presorted: bool = False
) -> Timeline:
    """The timeline of the releases in ``found`` (``presorted``: oldest first already)."""
    rows = list(found)
    if not presorted:
        rows.sort(key=lambda item: item[2].sort_key)
    dated = [(date, row.roles[0] if row.roles else None) for _, _, date, row in rows]
    return timeline_from(name, type_, rows, dated)


def timeline_from(
    name: str,
    type_: EntityType,
    found: Sequence[Found],
    dated: Sequence[tuple[ReleaseDate, str | None]],
) -> Timeline:
    """The timeline of ``found`` (oldest first), given each one's date and first stated role.

    ``found`` is only read as its entries are shown: it may make them as they are read.
    """
    isos = [date.iso for date, _ in dated if date.iso]
    granularity = granularity_for(isos)
    return Timeline(
        name=name,
        type=type_,
        entries=Entries(found),
        granularity=granularity,
        buckets=tuple(histogram(isos, granularity)),
        roles=tuple(_spells(dated)),
        undated=len(dated) - len(isos),
    )


def releases_by_period(
    dates: Mapping[str, str | None],
) -> tuple[Granularity, list[tuple[str, tuple[str, ...]]]]:
    """The releases of each month or year from the first dated to the last (empty ones kept).

    ``dates`` maps document ids to ISO dates (None: undated, left out).
    """
    # One pass by month (a year-only date keys its year); the granularity is then read
    # off the few month keys, as granularity_for would read it off every date.
    months: dict[str, list[str]] = {}
    for doc_id, iso in dates.items():
        if iso:
            months.setdefault(iso[:7], []).append(doc_id)
    granularity = granularity_for(list(months))
    members = months
    if granularity == "year":  # again by year, so each year lists its releases in order
        members = {}
        for doc_id, iso in dates.items():
            if iso:
                members.setdefault(iso[:4], []).append(doc_id)
    if not members:
        return granularity, []
    keys = sorted(members)
    return granularity, [
        (period, tuple(members.get(period, ())))
        for period in _periods(keys[0], keys[-1], granularity)
    ]
