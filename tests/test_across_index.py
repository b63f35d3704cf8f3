"""The across-release index: release digests made beside each analysis and kept in the
snapshot, the corpus-wide quotation list and timelines gathered from them, and the same
answers as the views' analysis-based functions, after a reload, a changed file, with no
release, with hostile text and with damaged or missing stored digests."""

from __future__ import annotations

import sqlite3
import zlib
from pathlib import Path

import pytest
from across_fixtures import RELEASES, write_corpus

from interpol_tui.analysis.across_index import AcrossIndex
from interpol_tui.analysis.corpus_quotes import by_speaker, corpus_quotations
from interpol_tui.analysis.digest import ReleaseDigest, release_digest
from interpol_tui.analysis.model import DocumentAnalysis
from interpol_tui.analysis.quotation_index import QuotationIndex
from interpol_tui.analysis.timeline import entity_timeline
from interpol_tui.corpus.model import Corpus
from interpol_tui.state import StatePaths
from interpol_tui.state.digests import build_across_index, decode_digest, encode_digest
from interpol_tui.state.reopen import analyse, open_corpus
from interpol_tui.state.snapshot import CorpusSnapshot
from interpol_tui.state.stored import StoredAnalyses

HOSTILE = (
    "Markup [bold]and[/] escapes at the harbour\n"
    "\n"
    "LISBON, Portugal – 1 June 2022\n"
    "\n"
    "“We found [/] and [link=x]nothing[/link] in the ledgers,” said Director-General "
    "Mira Kallas.\n"
)


def _opened(folder: Path) -> tuple[Corpus, StoredAnalyses, CorpusSnapshot]:
    snapshot = CorpusSnapshot.for_corpus(StatePaths.default(), [folder], lambda _: None)
    corpus = open_corpus([folder], snapshot).corpus
    return corpus, analyse(corpus, snapshot), snapshot


def _index(folder: Path) -> tuple[AcrossIndex, Corpus, StoredAnalyses]:
    corpus, analyses, _ = _opened(folder)
    index = build_across_index(corpus, analyses)
    assert index is not None
    return index, corpus, analyses


def _same_as_the_analyses(
    index: AcrossIndex, corpus: Corpus, analyses: StoredAnalyses, names: list[str]
) -> None:
    expected = QuotationIndex(corpus_quotations(corpus, analyses))
    assert index.quotations.quotations == expected.quotations
    plain = [q for _, group in by_speaker(corpus_quotations(corpus, analyses)) for q in group]
    assert list(index.quotations.quotations) == plain  # the columns, against plain objects
    for name in names:
        assert index.timeline(name, "person") == entity_timeline(name, "person", corpus, analyses)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus")


def test_the_index_gives_what_the_analyses_give(folder: Path) -> None:
    index, corpus, analyses = _index(folder)
    assert set(analyses.stored_digests()) == set(RELEASES)  # made in the analysis worker
    _same_as_the_analyses(index, corpus, analyses, ["Mira Kallas", "Tomas Berg"])
    kallas = index.timeline("mira kallas", "person")  # the name as typed: case ignored
    assert [e.doc_id for e in kallas.entries] == sorted(RELEASES)
    assert [s.role for s in kallas.roles] == ["Director-General", "former Director-General"]
    assert index.mentioning("person", "Tomas Berg") == ["2024-harbour.txt"]


def test_after_a_reload_the_stored_digests_are_read_not_made(folder: Path) -> None:
    _index(folder)
    corpus, analyses, _ = _opened(folder)

    def no_decoding(doc_id: str) -> DocumentAnalysis:
        raise AssertionError(f"{doc_id}: an analysis was decoded")

    analyses.__getitem__ = no_decoding  # type: ignore[method-assign]
    index = build_across_index(corpus, analyses)
    assert index is not None and len(index.quotations.quotations) == 5


def test_a_changed_file_gets_a_new_digest(folder: Path) -> None:
    _index(folder)
    path = folder / "2024-harbour.txt"
    path.write_text(
        path.read_text(encoding="utf-8").replace("safe hands", "steady hands"), encoding="utf-8"
    )
    index, corpus, analyses = _index(folder)
    texts = [q.text for q in index.quotations.quotations]
    assert "The alliance is in steady hands" in texts
    assert "The alliance is in safe hands" not in texts
    _same_as_the_analyses(index, corpus, analyses, ["Mira Kallas"])


def test_an_empty_corpus_has_an_empty_index(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    index, _, _ = _index(empty)
    assert index.quotations.quotations == [] and index.quotations.filter("kallas") == []
    timeline = index.timeline("Mira Kallas", "person")
    assert timeline.entries == () and timeline.buckets == ()
    assert index.entities() == []


def test_hostile_text_round_trips_as_plain_text(folder: Path) -> None:
    (folder / "2022-markup.txt").write_text(HOSTILE, encoding="utf-8")
    index, corpus, analyses = _index(folder)
    texts = [q.text for q in index.quotations.filter("ledgers")]
    assert texts == ["We found [/] and [link=x]nothing[/link] in the ledgers"]
    _same_as_the_analyses(index, corpus, analyses, ["Mira Kallas"])


def test_a_digest_survives_encoding(folder: Path) -> None:
    corpus, analyses, _ = _opened(folder)
    for document in corpus.documents:
        digest = release_digest(document.id, document.text, analyses[document.id])
        assert decode_digest(encode_digest(digest)) == digest
    assert decode_digest(encode_digest(ReleaseDigest())) == ReleaseDigest()


def test_what_recurs_across_releases_is_one_string_once_decoded() -> None:
    # Written by hand: two releases' digests naming the same person and role,
    # quoting them and citing a figure of the same unit and wording.
    from interpol_tui.analysis.corpus_quotes import QuoteRow
    from interpol_tui.analysis.timeline import FigureNote, MentionRow

    def digest(quote: str) -> ReleaseDigest:
        figure = FigureNote("12 tonnes", 12.0, "".join(["ton", "nes"]), "".join(["seiz", "ed"]))
        name, role = "".join(["Ada ", "Quill"]), "".join(["Chief ", "Inspector"])
        return ReleaseDigest(
            quotes=(QuoteRow(quote, name, role, 0, 5),),
            mentions=(MentionRow("person", name, 2, 0, (role,), (figure,)),),
        )

    one = decode_digest(encode_digest(digest("We act.")))
    two = decode_digest(encode_digest(digest("We acted.")))
    assert one is not None and two is not None
    first, second = one.mentions[0], two.mentions[0]
    assert first.canonical is second.canonical
    assert first.roles[0] is second.roles[0]
    assert first.figures[0].unit is second.figures[0].unit
    assert first.figures[0].counts is second.figures[0].counts
    assert one.quotes[0].speaker is two.quotes[0].speaker
    assert one.quotes[0].role is two.quotes[0].role


def _stored(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"))


EMPTY_Y = '"y": [null, null]'


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"not zlib",
        _stored("[1, 2]"),
        _stored('{"v": 999, "q": [], "m": [], ' + EMPTY_Y + "}"),
        _stored('{"v": 1, "q": [["a", null, null, -1, 3]], "m": [], ' + EMPTY_Y + "}"),
        _stored('{"v": 1, "q": [["a", 7, null, 1, 3]], "m": [], ' + EMPTY_Y + "}"),
        _stored('{"v": 1, "q": [], "m": [["alien", "X", 1, 0, [], []]], ' + EMPTY_Y + "}"),
        _stored('{"v": 1, "q": [], "m": [["person", "X", 1, 0, [5], []]], ' + EMPTY_Y + "}"),
        _stored('{"v": 1, "q": [], "m": [], "y": [3, null]}'),
        _stored("[" * 100_000),
    ],
)
def test_a_damaged_digest_is_not_trusted(data: bytes) -> None:
    assert decode_digest(data) is None


def test_damaged_or_missing_stored_digests_are_made_again_and_stored(folder: Path) -> None:
    _, _, snapshot = _opened(folder)
    connection = sqlite3.connect(snapshot.file)
    connection.execute("UPDATE digests SET data = x'00' WHERE doc_id = '2019-harbour.txt'")
    connection.execute("DELETE FROM digests WHERE doc_id = '2021-harbour.txt'")
    connection.commit()
    connection.close()
    index, corpus, analyses = _index(folder)
    _same_as_the_analyses(index, corpus, analyses, ["Mira Kallas", "Tomas Berg"])
    _, again, _ = _opened(folder)
    stored = again.stored_digests()
    assert set(stored) == set(RELEASES)  # the missing one was stored for next time
    assert decode_digest(stored["2021-harbour.txt"]) is not None


def test_without_a_snapshot_the_index_is_made_from_the_analyses(folder: Path) -> None:
    corpus = open_corpus([folder], None).corpus
    analyses = analyse(corpus, None)
    index = build_across_index(corpus, analyses)
    assert index is not None
    _same_as_the_analyses(index, corpus, analyses, ["Mira Kallas"])


def test_the_filter_matches_as_testing_each_quotation_would(folder: Path) -> None:
    (folder / "2022-markup.txt").write_text(HOSTILE, encoding="utf-8")
    index, _, _ = _index(folder)
    quotations = index.quotations
    for query in ["", "kallas", "KÄLLAS ports", "s", "hands safe", "berg terrorism", "zzz", "[/]"]:
        words = query.casefold().replace("ä", "a").split()
        expected = [
            q
            for q in quotations.quotations
            if all(
                w in " ".join(x for x in (q.speaker, q.role, q.text) if x).casefold() for w in words
            )
        ]
        assert quotations.filter(query) == expected, query


def test_timelines_made_ahead_are_the_same(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import interpol_tui.analysis.across_index as across_index

    monkeypatch.setattr(across_index, "AHEAD_FROM", 1)  # every timeline made with the index
    index, corpus, analyses = _index(folder)
    assert index._timelines  # made ahead, not looked up on demand
    _same_as_the_analyses(index, corpus, analyses, ["Mira Kallas", "Tomas Berg", "mira kallas"])


@pytest.mark.parametrize("batch", [1, 2])
def test_stored_rows_read_in_small_batches_give_the_same(
    folder: Path, monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    """Digests and facts are read a batch of releases at a time: the same index and the
    same statistics as when every release's rows are read at once."""
    import interpol_tui.state.digests as digests
    import interpol_tui.state.stored as stored
    from interpol_tui.analysis.aggregate import corpus_statistics

    (folder / "2022-markup.txt").write_text(HOSTILE, encoding="utf-8")
    index, corpus, analyses = _index(folder)
    quantities = list(corpus_statistics(corpus, analyses).quantities)
    assert len(corpus.documents) > batch and quantities
    monkeypatch.setattr(stored, "READ_BATCH", batch)
    monkeypatch.setattr(digests, "READ_BATCH", batch)
    again, corpus, analyses = _index(folder)
    assert list(again.quotations.quotations) == list(index.quotations.quotations)
    assert again.entities() == index.entities()
    for _, name, _ in index.entities():
        assert again.timeline(name, "person") == index.timeline(name, "person")
    assert list(corpus_statistics(corpus, analyses).quantities) == quantities


def test_entities_and_their_releases_are_those_the_analyses_name(folder: Path) -> None:
    index, corpus, analyses = _index(folder)
    named: dict[tuple[str, str], list[str]] = {}
    for document in corpus.documents:
        for key in dict.fromkeys((e.type, e.canonical) for e in analyses[document.id].entities):
            named.setdefault(key, []).append(document.id)
    found = {(type_, name): count for type_, name, count in index.entities()}
    assert found == {key: len(ids) for key, ids in named.items()}
    for (type_, name), ids in named.items():
        assert sorted(index.mentioning(type_, name)) == sorted(ids)  # type: ignore[arg-type]
        assert index.naming(type_, name.upper()) == ids  # type: ignore[arg-type]
    assert index.naming("person", "Nobody Named") == []
