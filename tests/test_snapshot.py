"""The corpus snapshot: reopening unchanged files from it, re-reading only what changed,
never trusting a damaged or older file, and two writers sharing one file."""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

import pytest

from interpol_tui.analysis.pipeline import analyse_document
from interpol_tui.corpus.loader import load_corpus
from interpol_tui.state import StatePaths
from interpol_tui.state.reopen import analyse, confirm, open_corpus
from interpol_tui.state.snapshot import CorpusSnapshot
from interpol_tui.state.stored import StoredDocument

RELEASE = """{title}

LYON, France – Police from {count} countries met in Lyon on 3 May 2021 to share
intelligence on {crime}, INTERPOL said.

"We saw {seized} arrests this year," said Chief Inspector Maria {name} of the
Regional Bureau.
"""


def write_release(folder: Path, index: int, crime: str = "cybercrime") -> Path:
    """One small synthetic release, different for each ``index``."""
    path = folder / f"release-{index:03}.txt"
    text = RELEASE.format(
        title=f"Operation Harbour {index} targets {crime}",
        count=10 + index,
        crime=crime,
        seized=100 + 7 * index,
        name=f"Okafor{index}",
    )
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for index in range(6):
        write_release(corpus, index)
    return corpus


def snapshot_of(folder: Path, warnings: list[str] | None = None) -> CorpusSnapshot:
    notes = warnings if warnings is not None else []
    return CorpusSnapshot.for_corpus(StatePaths.default(), [folder], notes.append)


def view(corpus: object) -> list[tuple[object, ...]]:
    documents = getattr(corpus, "documents", ())
    return [(d.id, d.title, d.date, d.dateline, d.text, d.warnings, d.sha256) for d in documents]


def test_unchanged_corpus_reopens_from_the_snapshot(folder: Path) -> None:
    first = open_corpus([folder], snapshot_of(folder))
    again = open_corpus([folder], snapshot_of(folder))
    assert (first.read, again.read, again.reused) == (6, 0, 6)
    assert view(again.corpus) == view(load_corpus([folder]))
    # Listed from records: the texts stay in the snapshot until read.
    assert all(isinstance(d, StoredDocument) for d in again.corpus.documents)
    assert all(d.chars == len(d.text) for d in again.corpus.documents)


def test_a_changed_file_is_read_again_alone_and_a_removed_one_dropped(folder: Path) -> None:
    open_corpus([folder], snapshot_of(folder))
    changed = write_release(folder, 2, crime="wildlife trafficking")
    os.utime(changed, ns=(1_000_000_000, 1_000_000_000))  # surely a new mtime
    (folder / "release-004.txt").unlink()
    snapshot = snapshot_of(folder)
    again = open_corpus([folder], snapshot)
    assert (again.read, again.reused) == (1, 4)
    assert view(again.corpus) == view(load_corpus([folder]))
    assert "release-004.txt" not in snapshot.records()


def test_content_changed_behind_an_unchanged_mtime_is_caught_by_its_hash(folder: Path) -> None:
    open_corpus([folder], snapshot_of(folder))
    path = folder / "release-001.txt"
    info = path.stat()
    data = path.read_bytes()
    path.write_bytes(data.replace(b"Lyon on", b"Lyom on"))  # same size
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    snapshot = snapshot_of(folder)
    opened = open_corpus([folder], snapshot)
    assert opened.read == 0  # size and mtime alone cannot tell
    assert confirm(opened, snapshot) == ["release-001.txt"]
    again = open_corpus([folder], snapshot_of(folder))
    assert again.read == 1
    assert "Lyom on" in next(d.text for d in again.corpus.documents if d.id == "release-001.txt")


def test_a_damaged_snapshot_is_moved_aside_with_a_notice_and_rebuilt(folder: Path) -> None:
    snapshot = snapshot_of(folder)
    open_corpus([folder], snapshot)
    snapshot.close()
    data = snapshot.file.read_bytes()
    snapshot.file.write_bytes(b"not a database at all" + data[100:4000])
    for suffix in ("-wal", "-shm"):
        snapshot.file.with_name(snapshot.file.name + suffix).unlink(missing_ok=True)
    warnings: list[str] = []
    again = open_corpus([folder], snapshot_of(folder, warnings))
    assert again.read == 6
    assert view(again.corpus) == view(load_corpus([folder]))
    assert len(warnings) == 1 and "moved aside" in warnings[0]
    assert list(snapshot.file.parent.glob("*.corrupt-*"))
    assert open_corpus([folder], snapshot_of(folder)).reused == 6


def test_a_snapshot_of_another_format_is_rebuilt_with_a_notice(folder: Path) -> None:
    snapshot = snapshot_of(folder)
    open_corpus([folder], snapshot)
    with sqlite3.connect(snapshot.file) as db:
        db.execute("UPDATE meta SET value = '0' WHERE key = 'format'")
    warnings: list[str] = []
    again = open_corpus([folder], snapshot_of(folder, warnings))
    assert again.read == 6
    assert any("another format" in w for w in warnings)


def test_a_row_that_is_not_what_we_wrote_is_never_trusted(folder: Path) -> None:
    snapshot = snapshot_of(folder)
    open_corpus([folder], snapshot)
    with sqlite3.connect(snapshot.file) as db:
        db.execute("UPDATE files SET size = 'big' WHERE doc_id = 'release-003.txt'")
        db.execute("UPDATE files SET warnings = '{oops' WHERE doc_id = 'release-005.txt'")
    again = open_corpus([folder], snapshot_of(folder))
    assert (again.read, again.reused) == (2, 4)
    assert view(again.corpus) == view(load_corpus([folder]))


def test_two_writers_on_one_snapshot_never_corrupt_it(folder: Path) -> None:
    errors: list[BaseException] = []

    def reopen() -> None:
        try:
            for _ in range(3):
                open_corpus([folder], snapshot_of(folder), reuse=False)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=reopen) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors
    snapshot = snapshot_of(folder)
    assert snapshot.open()
    with sqlite3.connect(snapshot.file) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert open_corpus([folder], snapshot).reused == 6


def test_analyses_are_stored_and_read_back_equal(folder: Path) -> None:
    snapshot = snapshot_of(folder)
    corpus = open_corpus([folder], snapshot).corpus
    fresh = {d.id: analyse_document(d) for d in corpus.documents}
    assert dict(analyse(corpus, snapshot)) == fresh
    reopened = snapshot_of(folder)
    again = open_corpus([folder], reopened).corpus
    assert reopened.analysed().keys() == fresh.keys()
    assert dict(analyse(again, reopened)) == fresh


def test_a_damaged_stored_analysis_is_made_again(folder: Path) -> None:
    snapshot = snapshot_of(folder)
    corpus = open_corpus([folder], snapshot).corpus
    dict(analyse(corpus, snapshot))
    with sqlite3.connect(snapshot.file) as db:
        db.execute("UPDATE analyses SET data = x'00ff' WHERE doc_id = 'release-000.txt'")
    reopened = snapshot_of(folder)
    analyses = analyse(open_corpus([folder], reopened).corpus, reopened)
    document = next(d for d in corpus.documents if d.id == "release-000.txt")
    assert analyses["release-000.txt"] == analyse_document(document)


def test_without_a_usable_cache_folder_the_corpus_still_loads(folder: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be")
    warnings: list[str] = []
    snapshot = CorpusSnapshot(blocked / "snapshots" / "x.sqlite3", warnings.append)
    opened = open_corpus([folder], snapshot)
    assert view(opened.corpus) == view(load_corpus([folder]))
    assert len(warnings) == 1 and "not usable" in warnings[0]
    assert len(dict(analyse(opened.corpus, snapshot))) == 6


def test_stats_replays_its_report_while_the_corpus_is_unchanged(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import hashlib
    import zlib

    from interpol_tui.cli import main

    replayed = zlib.compress(b"replayed\n")
    replayed = hashlib.sha256(replayed).digest() + replayed  # as state/reports.py stores it

    assert main(["stats", "--corpus", str(folder)]) == 0
    first = capsys.readouterr().out
    assert "WHAT IS COUNTED" in first
    snapshot = snapshot_of(folder)
    with sqlite3.connect(snapshot.file) as db:
        db.execute("UPDATE reports SET data = ?", (replayed,))
    assert main(["stats", "--corpus", str(folder)]) == 0
    assert capsys.readouterr().out == "replayed\n"  # printed from the snapshot
    assert main(["--no-cache", "stats", "--corpus", str(folder)]) == 0
    assert capsys.readouterr().out == first
    changed = write_release(folder, 1, crime="maritime piracy")
    os.utime(changed, ns=(2_000_000_000, 2_000_000_000))
    with sqlite3.connect(snapshot.file) as db:
        db.execute("UPDATE reports SET data = ?", (replayed,))
    assert main(["stats", "--corpus", str(folder)]) == 0
    again = capsys.readouterr().out
    assert again != "replayed\n" and "WHAT IS COUNTED" in again
