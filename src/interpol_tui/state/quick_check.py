"""The first look at a listed corpus's files: the edited and removed ones, in a few milliseconds.

Walking a corpus of 10,000 files (what :func:`~interpol_tui.state.reopen.open_corpus`
does, to find new files, links and unreadable folders) costs most of a
second of Python; the file a user just edited is found far sooner by asking
each listed file for its size and modification time, which is all this
does. A changed file is read again alone and a removed one dropped, so the
list shows the corpus as it is at once; the full walk follows, and changes
the list again only if it finds more (a new file, say).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterable

from interpol_tui.corpus.model import Corpus, Document
from interpol_tui.corpus.problems import about
from interpol_tui.state.file_probe import MAX_REREAD
from interpol_tui.state.listing import ListedDocument


def changed_files(
    listed: Corpus,
    max_bytes: int | None,
    cancelled: Callable[[], bool] | None = None,
    among: Collection[str] | None = None,
) -> Corpus | None:
    """``listed`` with its edited files read again and its removed ones dropped; None: no change.

    Only files that are one release each are looked at (a records file is
    left to the full walk), and None too when more than :data:`MAX_REREAD`
    changed or the check was cancelled. ``max_bytes``: the size limit (None:
    the default; the full walk reads again with the user's). ``among``: only
    the files stored under these paths are asked (the others are known to be
    as stored: :mod:`.file_probe`).
    """
    changed: dict[str, Document | None] = {}
    notes: list[str] = []
    for document in _asked(listed, among):
        if not isinstance(document, ListedDocument):
            continue
        if cancelled is not None and cancelled():
            return None
        path, size, mtime_ns = document.stat_key
        try:
            info = os.stat(path)
        except FileNotFoundError:
            changed[document.id] = None  # removed
            continue
        except OSError:
            continue  # unreadable now: the full walk says why
        if (info.st_size, info.st_mtime_ns) == (size, mtime_ns):
            continue
        if len(changed) >= MAX_REREAD:
            return None
        from interpol_tui.corpus.formats import format_for  # only now: imports cost start-up
        from interpol_tui.corpus.loader import DEFAULT_MAX_BYTES, SourceFile, load_file

        fmt = format_for(document.path)
        if fmt is not None and fmt.records:
            continue
        source = SourceFile(document.path.parent, document.path, document.id)
        found, warnings = load_file(source, DEFAULT_MAX_BYTES if max_bytes is None else max_bytes)
        notes.extend(about(document.id, warning) for warning in warnings)
        changed[document.id] = found[0] if len(found) == 1 and found[0].id == document.id else None
    if not changed:
        return None
    documents: list[Document] = []
    for document in listed.documents:
        now = changed.get(document.id, document)
        if now is not None:
            documents.append(now)
    kept = [w for w in listed.warnings if not _about_any(w, changed)]
    return Corpus(documents=tuple(documents), warnings=(*kept, *notes), roots=listed.roots)


def _asked(listed: Corpus, among: Collection[str] | None) -> Iterable[Document]:
    """The releases of ``listed`` whose files are to be asked, in the listing's order."""
    if among is None:
        return listed.documents
    if not among:
        return ()
    paths = set(among)
    return [d for d in listed.documents if isinstance(d, ListedDocument) and d.stored_path in paths]


def _about_any(warning: str, ids: dict[str, Document | None]) -> bool:
    """Whether ``warning`` is about one of the files ``ids`` (its old warnings go with it)."""
    file = getattr(warning, "file", None)
    return file in ids if isinstance(file, str) else warning.partition(": ")[0] in ids
