"""Entity frequencies across releases (analysis/frequencies.py) against a plain count."""

from __future__ import annotations

from collections import defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st

from interpol_tui.analysis.frequencies import EntityFrequency, frequencies_of

counts = st.lists(
    st.tuples(
        st.sampled_from(["person", "organization", "location"]),
        st.sampled_from(["Ana Silva", "INTERPOL", "Lyon", "lyon", "Europol"]),
        st.integers(1, 5),
    ),
    max_size=6,
)
releases = st.lists(st.tuples(st.sampled_from(["a", "b", "c", "d"]), counts), max_size=8)


def _plain(found: list[tuple[str, list[tuple[str, str, int]]]]) -> list[EntityFrequency]:
    docs: dict[tuple[str, str], list[str]] = defaultdict(list)
    mentions: dict[tuple[str, str], int] = defaultdict(int)
    for doc_id, entities in found:
        for kind, name, count in entities:
            mentions[(kind, name)] += count
            if doc_id not in docs[(kind, name)][-1:]:
                docs[(kind, name)].append(doc_id)
    made = [
        EntityFrequency(kind, name, tuple(ids), mentions[(kind, name)])  # type: ignore[arg-type]
        for (kind, name), ids in docs.items()
    ]
    made.sort(key=lambda e: (-e.releases, -e.mentions, e.type, e.canonical.casefold()))
    return made


@settings(max_examples=300, deadline=None)
@given(releases)
def test_frequencies_are_the_plain_counts_in_the_plain_order(
    found: list[tuple[str, list[tuple[str, str, int]]]],
) -> None:
    assert frequencies_of(found) == _plain(found)  # type: ignore[arg-type]


def test_a_release_named_twice_in_a_row_counts_once() -> None:
    found = frequencies_of(
        [("a", [("person", "Ana Silva", 2)]), ("a", [("person", "Ana Silva", 1)])]
    )
    assert found == [EntityFrequency("person", "Ana Silva", ("a",), 3)]
