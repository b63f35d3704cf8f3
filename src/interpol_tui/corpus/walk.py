"""Find the release files under a corpus folder: iterative, bounded to the corpus, never looping.

The walk keeps its own stack (a corpus nested thousands of folders deep is
walked, not a RecursionError), survives paths longer than the system allows,
and follows a symbolic link only when its target stays inside a corpus root,
unless the user asked for more (``--follow-links``). Special file systems
(``/proc``, ``/sys``, ``/dev``) are never walked, whatever links lead there:
their "files" are other processes' state, devices and endless streams.
Every file or folder left out becomes one warning naming it.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Collection, Iterable, Iterator
from functools import cache
from pathlib import Path

from interpol_tui.corpus.problems import FileWarning
from interpol_tui.corpus.sanitize import visible_controls

SPECIAL_FILESYSTEMS = ("/proc", "/sys", "/dev")
"""Mount points of kernel file systems; nothing under them is a release."""


def relative_name(path: Path | str, root: Path) -> str:
    """``path`` relative to ``root`` (as shown in warnings), control characters made visible."""
    try:
        shown = Path(path).relative_to(root).as_posix()
    except ValueError:
        shown = str(path)
    return visible_controls(shown or ".")


def link_problem(path: Path | str) -> str | None:
    """Describe a symbolic link that leads nowhere (broken, looping), else None."""
    try:
        os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symbolic link loop, skipped"
        if error.errno == errno.ENOENT:
            return "broken symbolic link, skipped"
        return f"cannot follow symbolic link ({error.strerror}), skipped"
    return None


@cache
def _special_devices() -> frozenset[int]:
    """Device numbers of the special file systems (not of ``/``, should they share it)."""
    try:
        ordinary = os.stat("/").st_dev
    except OSError:
        ordinary = -1
    devices = set()
    for mount in SPECIAL_FILESYSTEMS:
        try:
            device = os.stat(mount).st_dev
        except OSError:
            continue
        if device != ordinary:
            devices.add(device)
    return frozenset(devices)


def special_filesystem(path: Path | str, device: int | None = None) -> str | None:
    """The special file system ``path`` is on (``/proc``…), or None for an ordinary one."""
    real = os.path.realpath(path)
    for mount in SPECIAL_FILESYSTEMS:
        if real == mount or real.startswith(mount + "/"):
            return mount
    if device is None:
        try:
            device = os.stat(real).st_dev
        except OSError:
            return None
    return "a special file system" if device in _special_devices() else None


def inside(target: str, roots: Iterable[str]) -> bool:
    """True when real path ``target`` is one of ``roots`` or under one (all resolved)."""
    return any(target == root or target.startswith(root.rstrip("/") + "/") for root in roots)


def _is_loop(folder: Path, root: Path) -> bool:
    """True when ``folder`` is a link back to itself, an ancestor, or the corpus root."""
    try:
        target = folder.resolve(strict=True)
    except (OSError, RuntimeError):
        return True
    parent = folder.parent.resolve()
    return target == parent or target in parent.parents or target == root.resolve()


def _reason(error: OSError) -> str:
    if error.errno == errno.ENAMETOOLONG:
        return "path too long"
    return error.strerror or type(error).__name__


class _Walk:
    """One walk of one corpus root; collects its warnings."""

    def __init__(
        self,
        root: Path,
        roots: Collection[Path],
        suffixes: Collection[str],
        warnings: list[str],
        follow_links: bool,
        skip_folder: Callable[[Path, str], bool],
    ) -> None:
        self.root = root
        self.skip_folder = skip_folder
        self.real_roots = [os.path.realpath(r) for r in roots] or [os.path.realpath(root)]
        self.suffixes = suffixes
        self.warnings = warnings
        self.follow_links = follow_links
        self.seen: set[tuple[int, int]] = set()
        self.ignored: list[str] = []

    def warn(self, path: Path | str, problem: str, *, folder: bool = False) -> None:
        name = relative_name(path, self.root) + ("/" if folder else "")
        self.warnings.append(FileWarning(name, problem))

    def link_refused(self, path: Path) -> str | None:
        """Why the link ``path`` is not followed, or None to follow it."""
        try:
            target = os.path.realpath(path, strict=True)
        except OSError as error:
            return f"cannot follow symbolic link ({error.strerror}), skipped"
        if (special := special_filesystem(target)) is not None:
            return f"symbolic link into {special}, skipped"
        if not self.follow_links and not inside(target, self.real_roots):
            return "symbolic link out of the corpus, skipped (--follow-links)"
        return None

    def folder_entries(self, folder: Path) -> list[os.DirEntry[str]] | None:
        """The entries of ``folder`` (sorted), or None after warning why it was not read."""
        try:
            info = os.stat(folder)
        except OSError as error:
            self.warn(folder, f"cannot read folder ({_reason(error)}), skipped", folder=True)
            return None
        if (special := special_filesystem(folder, info.st_dev)) is not None:
            self.warn(folder, f"on {special}, not a corpus, skipped", folder=True)
            return None
        key = (info.st_dev, info.st_ino)
        if key in self.seen:
            self.warn(folder, "folder already read (linked twice)", folder=True)
            return None
        self.seen.add(key)
        try:
            with os.scandir(str(folder)) as found:
                return sorted(found, key=lambda entry: entry.name)
        except OSError as error:
            self.warn(folder, f"cannot read folder ({_reason(error)}), skipped", folder=True)
            return None

    def files(self) -> Iterator[Path]:
        """Yield the release files, each folder's files before its subfolders, sorted by name."""
        stack = [self.root]
        while stack:
            folder = stack.pop()
            entries = self.folder_entries(folder)
            if entries is None:
                continue
            subfolders: list[Path] = []
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                path = folder / entry.name
                try:
                    yield from self._entry(entry, path, subfolders)
                except OSError as error:  # e.g. ENAMETOOLONG on a path past PATH_MAX
                    self.warn(path, f"cannot be read ({_reason(error)}), skipped")
            stack.extend(reversed(subfolders))

    def _entry(self, entry: os.DirEntry[str], path: Path, subfolders: list[Path]) -> Iterator[Path]:
        if entry.is_symlink():
            # Said here, whatever the suffix: the link may have been meant as a folder.
            problem = link_problem(path)  # broken or looping
            if problem is None and entry.is_dir() and _is_loop(path, self.root):
                problem = "symbolic link loop, skipped"
            if problem is None:
                problem = self.link_refused(path)
            if problem is not None:
                self.warn(path, problem)
                return
        if entry.is_dir():
            if not self.skip_folder(path.parent, entry.name):
                subfolders.append(path)
        elif path.suffix.lower() in self.suffixes:
            os.lstat(path)  # the folder's path fits the system's limit, with the name it may not
            yield path
        else:
            self.ignored.append(relative_name(path, self.root))

    def summary(self) -> None:
        """One warning for every file not read for its suffix."""
        if not self.ignored:
            return
        suffixes = "/".join(sorted(self.suffixes))
        examples = ", ".join(self.ignored[:3]) + (", …" if len(self.ignored) > 3 else "")
        self.warnings.append(
            FileWarning(
                visible_controls(self.root.name) or visible_controls(str(self.root)),
                f"{len(self.ignored)} file(s) not read, not {suffixes}: {examples}",
            )
        )


def walk(
    root: Path,
    warnings: list[str],
    *,
    suffixes: Collection[str],
    roots: Collection[Path] = (),
    follow_links: bool = False,
    skip_folder: Callable[[Path, str], bool] = lambda folder, name: False,
) -> Iterator[Path]:
    """Yield the files under ``root`` with one of ``suffixes``, in a stable order.

    ``roots`` are every root of the corpus (a link from one into another stays
    inside); ``follow_links`` follows links that leave them too; a subfolder
    ``name`` of ``folder`` for which ``skip_folder`` is True is passed over
    silently (a saved web page's assets, say).
    """
    walker = _Walk(root, roots, suffixes, warnings, follow_links, skip_folder)
    yield from walker.files()
    walker.summary()
