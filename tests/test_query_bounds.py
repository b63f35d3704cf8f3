"""Full-text queries are bounded in length, terms and nesting, and say so (issue 12, item 4)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pathological import QUERY_FAMILIES
from textual.widgets import Static

from interpol_tui.search.fulltext import FullTextIndex
from interpol_tui.search.query import (
    MAX_DEPTH,
    MAX_QUERY_CHARS,
    MAX_TERMS,
    QueryError,
    parse_query,
)
from interpol_tui.ui.app import InterpolApp
from interpol_tui.ui.search_screen import FullTextSearch


def _parsed(text: str) -> tuple[str, tuple[str, ...]]:
    query = parse_query(text)
    assert query is not None
    return query.match, query.notes


def test_a_repeated_term_is_searched_once() -> None:
    assert _parsed("t* " * 200) == ('"t" *', ("ignored the repeated “t*”",))
    assert _parsed("fraud AND Fraud")[0] == '"fraud"'
    match, notes = _parsed("t* u* " * 100)
    assert match == '"t" * AND "u" *' and len(notes) == 2


def test_only_repeats_that_change_nothing_are_dropped() -> None:
    # A term a NOT excludes is not the one it repeats: (a NOT b) AND b.
    assert _parsed("a NOT b b")[0] == '"a" NOT "b" AND "b"'
    # OR ends a run of ANDs: (a AND b) OR b.
    assert _parsed("a b OR b")[0] == '"a" AND "b" OR "b"'
    # A group is a run of its own.
    assert _parsed("a (a b)")[0] == '"a" AND ( "a" AND "b" )'
    # Everything "a NOT b" matches holds a, so a later "a" adds nothing.
    assert _parsed("a NOT b a")[0] == '"a" NOT "b"'


def test_a_long_query_keeps_its_first_terms_and_closes_its_groups() -> None:
    words = " ".join(f"word{i}" for i in range(30))
    match, notes = _parsed(f"(fraud OR {words}")
    assert match.count('"') == 2 * MAX_TERMS
    assert match.startswith('( "fraud" OR "word0"') and match.endswith(" )")
    assert notes == (f"query shortened to its first {MAX_TERMS} terms",)
    # The cut never leaves an operator dangling.
    match, _ = _parsed(" OR ".join(f"w{i}" for i in range(40)))
    assert not match.endswith("OR")


def test_a_query_longer_than_the_limit_is_cut() -> None:
    _, notes = _parsed("x" * 5_000)
    assert notes == (f"query shortened to its first {MAX_QUERY_CHARS:,} characters",)


def test_nesting_deeper_than_the_limit_is_refused_with_a_reason() -> None:
    deep = "(" * (MAX_DEPTH + 1) + "a" + ")" * (MAX_DEPTH + 1)
    with pytest.raises(QueryError, match=f"more than {MAX_DEPTH} deep"):
        parse_query(deep)
    assert parse_query("(" * MAX_DEPTH + "a" + ")" * MAX_DEPTH) is not None
    assert _parsed("((((a))))" * 50)[1] == (f"query shortened to its first {MAX_TERMS} terms",)


@pytest.mark.usefixtures("hang_guard")
@pytest.mark.parametrize(("name", "build"), QUERY_FAMILIES, ids=[n for n, _ in QUERY_FAMILIES])
def test_each_hostile_query_answers(name: str, build: object, seeds_dir: Path) -> None:
    from interpol_tui.corpus.loader import load_corpus

    index = FullTextIndex()
    index.add(load_corpus([seeds_dir]).documents)
    assert callable(build)
    for size in (600, 2_400, 100_000):
        results = index.search(build(size))
        assert results.hits or results.error  # answered: hits, or a reason
        if name == "deep group" and size == 600:
            assert results.error is not None and f"more than {MAX_DEPTH} deep" in results.error


async def test_the_status_line_says_the_query_was_shortened(seeds_dir: Path) -> None:
    app = InterpolApp([seeds_dir])
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FullTextSearch)
        screen.query_one("Input").value = " ".join(f"police{i}* OR" for i in range(20)) + " x"
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = str(screen.query_one("#search-status", Static).render())
        assert f"query shortened to its first {MAX_TERMS} terms" in status
