"""Walking a corpus: deep, long, odd and linked folders (issue 12 items 10 and 11)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from interpol_tui.cli import main
from interpol_tui.corpus import loader
from interpol_tui.corpus.loader import load_corpus
from interpol_tui.corpus.problems import FileWarning

RELEASE = "Police meet in Lyon\n\nOfficers from 12 countries met in Lyon.\n"


def _remove_tree(root: Path) -> None:
    """Remove ``root`` without recursion and relative to open folders.

    pytest's own clean-up of old temporary folders recurses (RecursionError at
    1,100 levels) and names whole paths (ENAMETOOLONG past PATH_MAX), so the
    trees these tests make are removed here, one level at a time.
    """
    fds = [os.open(root, os.O_RDONLY)]
    names: list[str] = []
    while fds:
        below = None
        for entry in os.scandir(fds[-1]):
            if entry.is_dir(follow_symlinks=False):
                below = entry.name
                break
            os.unlink(entry.name, dir_fd=fds[-1])
        if below is not None:
            fds.append(os.open(below, os.O_RDONLY, dir_fd=fds[-1]))
            names.append(below)
            continue
        os.close(fds.pop())
        if fds:
            os.rmdir(names.pop(), dir_fd=fds[-1])
    os.rmdir(root)


@pytest.fixture(autouse=True)
def _removed_afterwards(tmp_path: Path) -> Iterator[None]:
    yield
    for entry in list(tmp_path.iterdir()):
        if entry.is_dir() and not entry.is_symlink():
            _remove_tree(entry)


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(RELEASE)
    return folder


# -- depth and length ----------------------------------------------------
def test_a_corpus_1100_folders_deep_is_walked(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    deep = folder
    for _ in range(1100):  # one by one: mkdir(parents=True) recurses too
        deep = deep / "d"
        deep.mkdir()
    (deep / "bottom.txt").write_text(RELEASE)
    corpus = load_corpus([folder])  # os.walk raised RecursionError here
    assert [doc.id for doc in corpus.documents] == ["a.txt", "d/" * 1100 + "bottom.txt"]
    assert corpus.warnings == ()


def test_a_path_over_path_max_is_one_warning(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    name = "n" * 200
    fd = os.open(folder, os.O_RDONLY)
    try:  # made relative to open folders: the whole path is too long for mkdir itself
        for _ in range(25):
            os.mkdir(name, dir_fd=fd)
            inner = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
        with open(os.open("deep.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd), "w") as out:
            out.write(RELEASE)
    finally:
        os.close(fd)
    corpus = load_corpus([folder])
    assert corpus.documents[0].id == "a.txt"
    too_long = [w for w in corpus.warnings if "path too long" in w or "too long" in w]
    assert len(too_long) == 1 and len(corpus.warnings) == 1, corpus.warnings


def test_a_file_whose_path_is_over_path_max_is_one_warning(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    name = "n" * 240
    depth = (4090 - len(bytes(folder))) // (len(name) + 1)  # 3,850 to 4,090 bytes
    fd = os.open(folder, os.O_RDONLY)
    try:  # the folder's path stays under PATH_MAX (4096); with the file's name it is over
        for _ in range(depth):
            os.mkdir(name, dir_fd=fd)
            inner = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
        file_name = "f" * 246 + ".txt"  # 250 bytes: over 4,096 with the folder's path
        with open(os.open(file_name, os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd), "w") as out:
            out.write(RELEASE)
    finally:
        os.close(fd)
    corpus = load_corpus([folder])  # Path.is_symlink() raised ENAMETOOLONG here
    assert [doc.id for doc in corpus.documents] == ["a.txt"]
    (warning,) = corpus.warnings
    assert warning.endswith(".txt: cannot be read (path too long), skipped")


def test_a_read_that_returns_nothing_is_one_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A non-blocking read of /proc/kmsg returns None; here a file's handle does the same."""
    folder = _corpus(tmp_path)
    (folder / "kmsg.txt").write_text(RELEASE)
    real_fdopen = os.fdopen

    class NothingYet:
        def __init__(self, handle: object) -> None:
            self.handle = handle

        def __enter__(self) -> NothingYet:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()  # type: ignore[attr-defined]

        def fileno(self) -> int:
            return self.handle.fileno()  # type: ignore[attr-defined,no-any-return]

        def read(self, size: int = -1) -> None:
            return None

    def fdopen(fd: int, *args: object, **kwargs: object) -> object:
        handle = real_fdopen(fd, *args, **kwargs)  # type: ignore[call-overload]
        if os.readlink(f"/proc/self/fd/{fd}").endswith("kmsg.txt"):
            return NothingYet(handle)
        return handle

    monkeypatch.setattr(loader.os, "fdopen", fdopen)
    corpus = load_corpus([folder])
    monkeypatch.undo()
    assert [doc.id for doc in corpus.documents] == ["a.txt"]
    assert corpus.warnings == ("kmsg.txt: no data to read (not a plain file), skipped",)


# -- links and special file systems -------------------------------------
def test_a_link_to_a_file_outside_the_corpus_is_not_read(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("Secret notes\n\nNot part of the corpus.\n")
    (folder / "notes.txt").symlink_to(secret)
    (folder / "host.txt").symlink_to("/etc/hostname")
    corpus = load_corpus([folder])
    assert [doc.id for doc in corpus.documents] == ["a.txt"]
    assert sorted(corpus.warnings) == [
        f"{name}: symbolic link out of the corpus, skipped (--follow-links)"
        for name in ("host.txt", "notes.txt")
    ]
    followed = load_corpus([folder], follow_links=True)
    assert "notes.txt" in {doc.id for doc in followed.documents}


def test_links_inside_the_corpus_and_between_its_roots_are_followed(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    (folder / "sub").mkdir()
    (folder / "sub" / "b.txt").write_text(RELEASE)
    (folder / "alias.txt").symlink_to(folder / "sub" / "b.txt")
    other = tmp_path / "other"
    other.mkdir()
    (other / "c.txt").write_text(RELEASE)
    (folder / "to-other").symlink_to(other)
    corpus = load_corpus([folder, other])
    ids = [doc.id for doc in corpus.documents]
    assert {"a.txt", "alias.txt", "sub/b.txt"} <= set(ids)
    assert "to-other/c.txt" in ids or corpus.warnings  # read once: via the link or its root


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs /proc")
@pytest.mark.parametrize("follow_links", [False, True])
def test_links_into_proc_sys_dev_are_never_followed(tmp_path: Path, follow_links: bool) -> None:
    folder = _corpus(tmp_path)
    (folder / "proc").symlink_to("/proc")
    (folder / "stat.txt").symlink_to("/proc/self/stat")
    (folder / "dev").symlink_to("/dev")
    corpus = load_corpus([folder], follow_links=follow_links)
    assert [doc.id for doc in corpus.documents] == ["a.txt"]
    assert sorted(corpus.warnings) == [
        "dev: symbolic link into /dev, skipped",
        "proc: symbolic link into /proc, skipped",
        "stat.txt: symbolic link into /proc, skipped",
    ]


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs /proc")
def test_a_special_file_system_as_the_corpus_is_not_walked() -> None:
    corpus = load_corpus([Path("/proc")])
    assert corpus.documents == ()
    assert corpus.warnings == ("./: on /proc, not a corpus, skipped",)
    stat = load_corpus([Path("/proc/self/stat")])
    assert (stat.documents, stat.warnings) == ((), ("/proc/self/stat: on /proc, not read",))


def test_follow_links_is_accepted_before_and_after_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _corpus(tmp_path)
    outside = tmp_path / "outside.txt"
    outside.write_text("Outside release\n\nIt lives elsewhere.\n")
    (folder / "out.txt").symlink_to(outside)
    for argv in (
        ["warnings", "--corpus", str(folder)],
        ["--follow-links", "warnings", "--corpus", str(folder)],
        ["warnings", "--follow-links", "--corpus", str(folder)],
    ):
        assert main(argv) == 0
        out = capsys.readouterr().out
        refused = "out.txt: symbolic link out of the corpus" in out
        assert refused is ("--follow-links" not in argv), (argv, out)


def test_warnings_are_file_warnings_with_their_parts(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    (folder / "empty: part two.txt").write_text("")
    (warning,) = load_corpus([folder]).warnings
    assert isinstance(warning, FileWarning)
    assert (warning.file, warning.message) == ("empty: part two.txt", "empty file, skipped")


def test_a_huge_size_limit_reads_only_what_the_file_holds(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    corpus = load_corpus([folder], max_bytes=2**63 - 1)  # OverflowError in read() before
    assert [doc.id for doc in corpus.documents] == ["a.txt"]


def test_a_file_warning_survives_pickling_with_its_parts() -> None:
    import pickle

    warning = FileWarning("a: b.txt", "empty file, skipped")
    again = pickle.loads(pickle.dumps(warning))
    assert (again, again.file, again.message) == (warning, "a: b.txt", "empty file, skipped")
