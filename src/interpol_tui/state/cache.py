"""A cache of the analysed corpus, so reopening an unchanged corpus skips re-analysis.

One file per corpus under the user cache dir, in a folder named by a
fingerprint of the program (its version and the declared
``analysis.version.ANALYSIS_VERSION``), holding each release's analysis keyed
by the hash of the release file's bytes. A changed file is re-analysed alone; a
new program or analysis version starts a new folder and the old ones are removed.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from interpol_tui import __version__
from interpol_tui.analysis.model import DocumentAnalysis
from interpol_tui.analysis.version import ANALYSIS_VERSION
from interpol_tui.corpus.model import Corpus, Document
from interpol_tui.state import codec
from interpol_tui.state.paths import StatePaths
from interpol_tui.state.reading import corpus_key
from interpol_tui.state.storage import JsonFile, Warn, atomic_write_bytes

CACHE_FORMAT = 1
Progress = Callable[[int, int], None]
"""Called with (releases done, releases in all)."""


def program_fingerprint() -> str:
    """Hash of the app version, the cache format and the declared analysis version."""
    key = f"{__version__}/{CACHE_FORMAT}/{ANALYSIS_VERSION}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def document_key(document: Document) -> str:
    """The cache key of one release: the hash of its file's bytes (or of its text)."""
    return document.sha256 or hashlib.sha256(document.text.encode("utf-8")).hexdigest()


@dataclass
class CacheReport:
    """What the last :meth:`AnalysisCache.load_or_analyse` did."""

    reused: int = 0
    analysed: int = 0
    failed: int = 0
    """Releases whose analysis raised (each named in one warning; they show no spans)."""
    saved: bool = False
    warnings: list[str] = field(default_factory=list)


class AnalysisCache:
    """Analyses of corpora on disk, reused while the files and the program are unchanged."""

    def __init__(self, paths: StatePaths, warn: Warn | None = None) -> None:
        self.root = paths.analysis_cache_dir
        self.report = CacheReport()
        self._warn_hook = warn

    def _warn(self, message: str) -> None:
        self.report.warnings.append(message)
        if self._warn_hook is not None:
            self._warn_hook(message)

    def file_for(self, roots: Iterable[Path]) -> Path:
        """The cache file of the corpus made of ``roots``."""
        name = hashlib.sha256(corpus_key(roots).encode("utf-8")).hexdigest()[:24]
        return self.root / program_fingerprint() / f"{name}.json"

    def load_or_analyse(
        self,
        corpus: Corpus,
        analyse_one: Callable[[Document], DocumentAnalysis],
        *,
        use_cache: bool = True,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> dict[str, DocumentAnalysis]:
        """Return doc id -> analysis, reusing cached analyses of unchanged releases.

        With ``use_cache`` False nothing is read from the cache, but the fresh
        results are saved. A release whose analysis raises gets an empty
        analysis and a warning instead of stopping the rest.
        """
        self.report = CacheReport()
        path = self.file_for(corpus.roots)
        stored = self._read(path) if use_cache else {}
        results: dict[str, DocumentAnalysis] = {}
        entries: dict[str, Any] = {}
        total = len(corpus.documents)
        for done, document in enumerate(corpus.documents, start=1):
            if cancelled is not None and cancelled():
                return results
            key = document_key(document)
            analysis = self._reuse(stored.get(key), document)
            if analysis is None:
                analysis = self._analyse(analyse_one, document)
                if analysis is None:
                    analysis = DocumentAnalysis(document.id)
                else:
                    entries[key] = self._entry(analysis, document)
            else:
                self.report.reused += 1
                entries[key] = stored[key]
            results[document.id] = analysis
            if progress is not None:
                progress(done, total)
        if entries.keys() != stored.keys():
            self.report.saved = self._write(path, entries)
        return results

    def _reuse(self, entry: Any, document: Document) -> DocumentAnalysis | None:
        if not isinstance(entry, dict) or entry.get("chars") != len(document.text):
            return None
        try:
            return codec.decode(document.id, entry.get("analysis"), document.text)
        except codec.CodecError:
            return None

    def _analyse(
        self, analyse_one: Callable[[Document], DocumentAnalysis], document: Document
    ) -> DocumentAnalysis | None:
        self.report.analysed += 1
        try:
            return analyse_one(document)
        except Exception as error:  # a bug on one release must not stop the corpus
            self.report.failed += 1
            self._warn(f"{document.id}: analysis failed ({type(error).__name__}: {error})")
            return None

    def _entry(self, analysis: DocumentAnalysis, document: Document) -> dict[str, Any] | None:
        try:
            encoded = codec.encode(analysis, document.text)
        except codec.CodecError as error:
            if not any("not cached" in w for w in self.report.warnings):
                self._warn(f"{document.id}: analysis not cached ({error})")
            return None
        return {"chars": len(document.text), "analysis": encoded}

    def _read(self, path: Path) -> Mapping[str, Any]:
        data = JsonFile(path, self._warn).read()
        if (
            not isinstance(data, dict)
            or data.get("format") != CACHE_FORMAT
            or data.get("fingerprint") != program_fingerprint()
            or data.get("schema") != codec.schema()
            or not isinstance(data.get("entries"), dict)
        ):
            return {}
        entries: dict[str, Any] = data["entries"]
        return entries

    def _write(self, path: Path, entries: dict[str, Any]) -> bool:
        kept = {key: entry for key, entry in entries.items() if entry is not None}
        document = {
            "format": CACHE_FORMAT,
            "fingerprint": program_fingerprint(),
            "version": __version__,
            "schema": codec.schema(),
            "entries": kept,
        }
        data = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        try:
            atomic_write_bytes(path, data)
        except OSError as error:
            self._warn(f"{path}: analysis cache not saved ({error.strerror or error})")
            return False
        self._remove_stale_versions()
        return True

    def _remove_stale_versions(self) -> None:
        """Delete cache folders written by other program versions (they can never be used)."""
        current = program_fingerprint()
        try:
            folders = list(self.root.iterdir())
        except OSError:
            return
        for folder in folders:
            name = folder.name
            if folder.is_dir() and name != current and len(name) == 16 and _is_hex(name):
                shutil.rmtree(folder, ignore_errors=True)

    def clear(self) -> None:
        """Remove every cached analysis."""
        shutil.rmtree(self.root, ignore_errors=True)


def _is_hex(text: str) -> bool:
    return all(c in "0123456789abcdef" for c in text)
