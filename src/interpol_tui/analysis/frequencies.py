"""How many releases mention each person, organisation, place and operation."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from interpol_tui.analysis.model import DocumentAnalysis, EntityType


@dataclass(frozen=True, slots=True)
class EntityFrequency:
    """One named thing and the releases that mention it."""

    type: EntityType
    canonical: str
    doc_ids: tuple[str, ...]
    """The releases that mention it, in corpus order."""
    mentions: int
    """Mentions across all of them."""

    @property
    def releases(self) -> int:
        """How many releases mention it."""
        return len(self.doc_ids)


def entity_frequencies(
    analyses: Mapping[str, DocumentAnalysis], order: Sequence[str] | None = None
) -> list[EntityFrequency]:
    """Count releases and mentions per entity; most widely mentioned first.

    ``order`` lists the document ids in corpus order (default: the mapping's order).
    """

    def counted() -> Iterator[tuple[str, list[tuple[EntityType, str, int]]]]:
        for doc_id in order if order is not None else list(analyses):
            analysis = analyses.get(doc_id)
            if analysis is None:
                continue
            counts: dict[tuple[EntityType, str], int] = defaultdict(int)
            for entity in analysis.entities:
                counts[(entity.type, entity.canonical)] += 1
            yield doc_id, [(kind, name, n) for (kind, name), n in counts.items()]

    return frequencies_of(counted())


def frequencies_of(
    releases: Iterable[tuple[str, Sequence[tuple[EntityType, str, int]]]],
) -> list[EntityFrequency]:
    """Entity frequencies from each release's (type, name, mentions) counts, in corpus order."""
    docs: dict[tuple[EntityType, str], list[str]] = {}
    mentions: dict[tuple[EntityType, str], int] = {}
    for doc_id, counts in releases:
        for kind, name, count in counts:
            key = (kind, name)
            named_in = docs.get(key)  # one look-up an entity of a release (millions at 100,000)
            if named_in is None:
                docs[key] = [doc_id]
                mentions[key] = count
                continue
            mentions[key] += count
            if named_in[-1] != doc_id:
                named_in.append(doc_id)
    found = [
        EntityFrequency(kind, name, tuple(doc_ids), mentions[(kind, name)])
        for (kind, name), doc_ids in docs.items()
    ]
    found.sort(key=lambda e: (-e.releases, -e.mentions, e.type, e.canonical.casefold()))
    return found
