"""What statistics read from the snapshot: each release's compact facts row, and stored reports.

The facts row stands for the release in ``stats`` (its figures merged within
the release, their context, its entity counts); it must give exactly the
statistics the full analyses give, and a row that is not what we wrote is
made again, never trusted. A stored report is printed again whole or not at
all.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from pathlib import Path

import pytest

from interpol_tui.analysis.aggregate import corpus_statistics
from interpol_tui.analysis.fact_columns import FactColumns
from interpol_tui.analysis.model import Figure
from interpol_tui.analysis.pipeline import analyse_document
from interpol_tui.analysis.release_facts import ReleaseFacts, release_facts
from interpol_tui.corpus.model import Corpus
from interpol_tui.report.export import statistics_json
from interpol_tui.state import StatePaths
from interpol_tui.state import snapshot as snapshot_module
from interpol_tui.state.fact_rows import FIELDS, decode_facts, decode_into, encode_facts
from interpol_tui.state.reopen import analyse, open_corpus
from interpol_tui.state.snapshot import CorpusSnapshot


def _snapshot(folder: Path) -> CorpusSnapshot:
    return CorpusSnapshot.for_corpus(StatePaths.default(), [folder], pytest.fail)


def _facts_of(corpus: Corpus) -> list[ReleaseFacts]:
    return [release_facts(d.id, d.title, d.text, analyse_document(d)) for d in corpus.documents]


@pytest.fixture
def opened(seeds_dir: Path) -> tuple[Corpus, CorpusSnapshot]:
    snapshot = _snapshot(seeds_dir)
    return open_corpus([seeds_dir], snapshot).corpus, snapshot


def test_facts_rows_round_trip_exactly_on_the_seeds(opened: tuple[Corpus, CorpusSnapshot]) -> None:
    corpus, _ = opened
    found = _facts_of(corpus)
    assert sum(len(f.facts) for f in found) > 20  # the seeds cite many figures
    assert any(fact.repeats for f in found for fact in f.facts)
    assert any(fact.event for f in found for fact in f.facts)
    for facts in found:
        assert decode_facts(facts.doc_id, encode_facts(facts)) == facts


def test_every_figure_field_is_stored() -> None:
    # A field added to Figure must be given a stored type, or encoding fails.
    from interpol_tui.analysis.model import DocumentAnalysis
    from interpol_tui.state.fact_rows import _FIELD_TYPES

    assert set(_FIELD_TYPES) == set(FIELDS)
    figure = Figure(0, 3, "195", 195.0, None, None, "countries", "195 countries", 0)
    analysis = DocumentAnalysis("d", figures=(figure,))
    facts = release_facts("d", "", "195 countries", analysis)
    assert decode_facts("d", encode_facts(facts)) == facts


def _row(**changes: object) -> bytes:
    """A stored row of one fact, with parts of it replaced."""
    figure = [0, 3, "195", 195.0, None, None, "countries", 0, 0, None, "count", None, "body"]
    data: dict[str, object] = {
        "s": ["195 countries"],
        "f": [[figure, [], None, None, None]],
        "e": [["organization", "INTERPOL", 2]],
    }
    for key, value in changes.items():
        if key in ("s", "f", "e"):
            data[key] = value
        else:  # a figure field
            figure[FIELDS.index(key)] = value
    return zlib.compress(json.dumps(data).encode())


@pytest.mark.parametrize(
    "row",
    [
        b"not zlib",
        zlib.compress(b"{not json"),
        zlib.compress(b"[1, 2]"),
        zlib.compress(b'{"s": [], "f": [], "e": [], "x": NaN}'),
        _row(value="195"),
        _row(value=True),
        _row(start=-1),
        _row(start=5, end=3),
        _row(sentence=1),
        _row(sentence=-1),
        _row(counts=None),
        _row(s=[1]),
        _row(f=[[1, 2]]),
        _row(e=[["spaceship", "X", 1]]),
        _row(e=[["person", "X", 0]]),
        zlib.compress(_row.__doc__.encode())[:-3] if _row.__doc__ else b"",
    ],
)
def test_a_facts_row_that_is_not_what_we_wrote_is_not_trusted(row: bytes) -> None:
    assert decode_facts("d", _row()) is not None  # the unchanged row is fine
    assert decode_facts("d", row) is None
    # Decoded straight into columns (statistics of a large corpus), it is refused alike.
    columns = FactColumns()
    assert decode_into(columns, "d", _row())
    assert columns.fact(0) == decode_facts("d", _row()).facts[0]  # type: ignore[union-attr]
    assert not decode_into(columns, "d2", row)
    assert len(columns) == 1 and columns.doc_ids == ["d"]


def test_statistics_from_the_snapshot_equal_those_from_the_analyses(
    opened: tuple[Corpus, CorpusSnapshot],
) -> None:
    corpus, snapshot = opened
    plain = {d.id: analyse_document(d) for d in corpus.documents}
    expected = statistics_json(corpus_statistics(corpus, plain))
    assert statistics_json(corpus_statistics(corpus, analyse(corpus, snapshot))) == expected
    with sqlite3.connect(snapshot.file) as db:
        assert db.execute("SELECT count(*) FROM facts").fetchone() == (len(corpus.documents),)
        # One row damaged, one lost: both made again from the stored analyses, and stored.
        db.execute("UPDATE facts SET data = x'00ff' WHERE rowid = 1")
        db.execute("DELETE FROM facts WHERE rowid = 2")
    reopened = _snapshot(corpus.roots[0])
    again = open_corpus(corpus.roots, reopened).corpus
    assert statistics_json(corpus_statistics(again, analyse(again, reopened))) == expected
    with sqlite3.connect(snapshot.file) as db:
        rows = db.execute("SELECT doc_id, data FROM facts").fetchall()
    assert len(rows) == len(corpus.documents)
    assert all(decode_facts(doc_id, data) is not None for doc_id, data in rows)


def test_facts_of_older_code_are_made_again_and_the_analyses_kept(
    opened: tuple[Corpus, CorpusSnapshot], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, snapshot = opened
    dict(analyse(corpus, snapshot))
    monkeypatch.setattr(snapshot_module, "facts_fingerprint", lambda: "other code")
    reopened = _snapshot(corpus.roots[0])
    assert reopened.open()
    assert list(reopened.facts()) == []
    assert reopened.analysed().keys() == {d.id for d in corpus.documents}


def test_a_damaged_stored_report_is_made_again_never_printed_half(
    seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from interpol_tui.cli import main

    assert main(["stats", "--corpus", str(seeds_dir)]) == 0
    first = capsys.readouterr().out
    assert main(["stats", "--corpus", str(seeds_dir)]) == 0
    assert capsys.readouterr().out == first  # replayed
    snapshot = _snapshot(seeds_dir)
    with sqlite3.connect(snapshot.file) as db:
        (data,) = db.execute("SELECT data FROM reports").fetchone()
        assert zlib.decompress(data[32:]).decode() == first  # after its hash
        cut, flipped = data[: len(data) // 2], data[:-1] + bytes([data[-1] ^ 1])
        db.execute("UPDATE reports SET data = ?", (cut,))
    assert main(["stats", "--corpus", str(seeds_dir)]) == 0
    assert capsys.readouterr().out == first
    with sqlite3.connect(snapshot.file) as db:
        db.execute("UPDATE reports SET data = ?", (flipped,))
    assert main(["stats", "--corpus", str(seeds_dir)]) == 0
    assert capsys.readouterr().out == first
