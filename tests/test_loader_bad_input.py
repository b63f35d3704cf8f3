"""Every kind of bad input gives one warning naming the file; the rest of the corpus loads."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from bad_corpus import BAD_FILES, LOADED_BAD, SIZE_LIMIT, build_bad_corpus

from interpol_tui.cli import main
from interpol_tui.corpus.loader import CorpusPathError, load_corpus

SEED_IDS = {
    "000_6946df92a9c960cd.txt",
    "001_fdf3ecd901da1a00.txt",
    "002_c1b84d1ab1064721.txt",
    "003_876d9fa6a16443df.txt",
    "004_4c617bd0e601aa67.txt",
}


@pytest.fixture
def bad(seeds_dir: Path, tmp_path: Path) -> Path:
    return build_bad_corpus(seeds_dir, tmp_path / "bad")


def test_every_bad_file_gets_one_warning_and_the_seeds_load(bad: Path) -> None:
    corpus = load_corpus([bad], max_bytes=SIZE_LIMIT)
    ids = {doc.id for doc in corpus.documents}
    assert ids == SEED_IDS | {"nested/inner.txt", *LOADED_BAD}
    for name, phrase in BAD_FILES.items():
        mentions = [w for w in corpus.warnings if name in w]
        assert len(mentions) == 1, (name, corpus.warnings)
        assert phrase in mentions[0], (name, mentions[0])
    # Nothing else was complained about: one warning per bad file exactly.
    assert len(corpus.warnings) == len(BAD_FILES)
    for warning in corpus.warnings:
        assert "\n" not in warning


def test_files_that_load_despite_problems_keep_their_text(bad: Path) -> None:
    corpus = load_corpus([bad], max_bytes=SIZE_LIMIT)
    latin = corpus.by_id("latin1.txt")
    assert latin is not None and "café" in latin.text
    utf16 = corpus.by_id("utf16.txt")
    assert utf16 is not None and utf16.title == "UTF-16 release" and "“hello”" in utf16.text
    broken = corpus.by_id("broken-utf8.txt")
    assert broken is not None and "Zürich" in broken.text and "\ufffd" in broken.text


def test_default_size_limit_is_generous_and_configurable(bad: Path) -> None:
    assert load_corpus([bad]).by_id("huge.txt") is not None
    tiny = load_corpus([bad], max_bytes=3000)
    assert tiny.by_id("001_fdf3ecd901da1a00.txt") is not None  # 2,210 bytes
    assert tiny.by_id("003_876d9fa6a16443df.txt") is None  # 5,264 bytes
    assert any(w.startswith("003_876d9fa6a16443df.txt: 5,264 bytes") for w in tiny.warnings)


def test_unreadable_file(bad: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Root ignores chmod 000, so the refusal is simulated at the read."""
    real_open = os.open
    target = str(bad / "001_fdf3ecd901da1a00.txt")

    def refuse(path: str | Path, flags: int, *args: int) -> int:
        if str(path) == target:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", refuse)
    corpus = load_corpus([bad], max_bytes=SIZE_LIMIT)
    assert corpus.by_id("001_fdf3ecd901da1a00.txt") is None
    assert "001_fdf3ecd901da1a00.txt: cannot read file (Permission denied), skipped" in (
        corpus.warnings
    )
    assert len(corpus.documents) == 5 + 1 + len(LOADED_BAD) - 1


def test_unreadable_folder(bad: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_scandir = os.scandir
    target = str(bad / "nested")

    def refuse(path: str) -> object:
        if str(path) == target:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    corpus = load_corpus([bad], max_bytes=SIZE_LIMIT)
    assert "nested/: cannot read folder (Permission denied), skipped" in corpus.warnings
    assert corpus.by_id("nested/inner.txt") is None
    assert {doc.id for doc in corpus.documents} >= SEED_IDS


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_and_folder_for_real(bad: Path) -> None:
    (bad / "000_6946df92a9c960cd.txt").chmod(0)
    (bad / "nested").chmod(0)
    try:
        corpus = load_corpus([bad], max_bytes=SIZE_LIMIT)
    finally:
        (bad / "nested").chmod(0o755)
    assert any(w.startswith("000_6946df92a9c960cd.txt: cannot read file") for w in corpus.warnings)
    assert any(w.startswith("nested/: cannot read folder") for w in corpus.warnings)


def test_a_link_to_a_folder_outside_is_followed_on_request_but_not_twice(
    seeds_dir: Path, tmp_path: Path
) -> None:
    corpus_dir = tmp_path / "c"
    corpus_dir.mkdir()
    (corpus_dir / "a").symlink_to(seeds_dir)
    (corpus_dir / "b").symlink_to(seeds_dir)
    corpus = load_corpus([corpus_dir], follow_links=True)
    assert len(corpus.documents) == 5
    assert corpus.warnings == ("b/: folder already read (linked twice)",)
    # By default a link that leaves the corpus is not followed (issue 12 item 11).
    refused = load_corpus([corpus_dir])
    assert refused.documents == ()
    assert refused.warnings == tuple(
        f"{name}: symbolic link out of the corpus, skipped (--follow-links)" for name in "ab"
    )


@pytest.mark.parametrize("target", ["/", ".", ".."])
def test_a_link_to_an_ancestor_is_a_loop_not_a_walk(tmp_path: Path, target: str) -> None:
    corpus_dir = tmp_path / "c" / "d"
    corpus_dir.mkdir(parents=True)
    (corpus_dir / "r.txt").write_text("A release\n\nBody.\n")
    (corpus_dir / "up").symlink_to(target)
    corpus = load_corpus([corpus_dir])
    assert [doc.id for doc in corpus.documents] == ["r.txt"]
    assert corpus.warnings == ("up: symbolic link loop, skipped",)


def test_control_characters_in_file_names_are_shown_escaped(tmp_path: Path) -> None:
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "evil\x1b]0;x\x07.txt").write_text("A release\n\nBody.\n")
    (tmp_path / "c" / "bad\x1b[2J.bin").write_text("x")
    corpus = load_corpus([tmp_path / "c"])
    assert [doc.id for doc in corpus.documents] == ["evil\\x1b]0;x\\x07.txt"]
    assert "\x1b" not in corpus.warnings[0] and "bad\\x1b[2J.bin" in corpus.warnings[0]


def test_undecodable_file_name_is_shown_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "w") as handle:
        handle.write("A release\n\nBody.\n")
    corpus = load_corpus([folder])
    assert [doc.id for doc in corpus.documents] == ["caf\\xe9.txt"]
    assert corpus.documents[0].title == "A release"
    json.dumps(corpus.documents[0].id).encode("utf-8")  # printable everywhere


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: None, "does not exist"),
        (lambda p: p.symlink_to(p.parent / "nothing"), "broken symbolic link"),
        (lambda p: p.symlink_to(p), "symbolic link loop"),
    ],
)
def test_bad_corpus_paths_are_errors(tmp_path: Path, make: object, message: str) -> None:
    path = tmp_path / "corpus"
    make(path)  # type: ignore[operator]
    with pytest.raises(CorpusPathError, match=message):
        load_corpus([path])


def test_cli_on_the_bad_corpus(
    bad: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from interpol_tui.state import StatePaths

    settings = StatePaths.default().settings_file
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"max_file_bytes": SIZE_LIMIT}))
    assert main(["docs", "--json", "--corpus", str(bad)]) == 0
    captured = capsys.readouterr()
    records = {record["doc"]: record for record in json.loads(captured.out)}
    assert set(records) == SEED_IDS | {"nested/inner.txt", *LOADED_BAD}
    for name in LOADED_BAD:
        assert len(records[name]["warnings"]) == 1
        assert records[name]["warnings"][0].startswith(f"{name}: ")
    err = captured.err.splitlines()
    assert len(err) == len(BAD_FILES)
    for name in BAD_FILES:
        assert sum(name in line for line in err) == 1
    assert all(line.startswith("warning: ") for line in err)


def test_cli_warnings_command(bad: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["warnings", "--corpus", str(bad)]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert "binary.txt: binary file, not text, skipped" in captured.out.splitlines()
    assert main(["warnings", "--json", "--corpus", str(bad)]) == 0
    records = json.loads(capsys.readouterr().out)
    by_file = {record["file"]: record for record in records}
    assert by_file["binary.txt"]["message"] == "binary file, not text, skipped"
    assert by_file["binary.txt"]["loaded"] is False
    assert by_file["latin1.txt"]["loaded"] is True


def test_cli_zero_readable_releases(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "empty.txt").write_text("")
    assert main(["docs", "--json", "--corpus", str(tmp_path / "c")]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == []
    assert captured.err == "warning: empty.txt: empty file, skipped\n"
