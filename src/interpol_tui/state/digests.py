"""The stored form of a release digest (:mod:`interpol_tui.analysis.digest`): compact JSON;
and the corpus-wide index gathered from the stored digests.

Lists, not objects, so that 10,000 releases' digests read back in one query
and parse in a fraction of a second. Every field is checked on the way in:
a stored digest of another version or of the wrong shape is None, and the
digest is made again from the analysis.
"""

from __future__ import annotations

import json
import sys
import zlib
from collections.abc import Callable, Mapping
from typing import Any

from interpol_tui.analysis.across_index import AcrossIndex
from interpol_tui.analysis.corpus_quotes import QuoteRow
from interpol_tui.analysis.digest import DIGEST_VERSION, ReleaseDigest, release_digest
from interpol_tui.analysis.model import ENTITY_TYPES, DocumentAnalysis
from interpol_tui.analysis.timeline import FigureNote, MentionRow
from interpol_tui.corpus.model import Corpus
from interpol_tui.state.jsonio import parse_json
from interpol_tui.state.stored import READ_BATCH, StoredAnalyses


class _Bad(ValueError):
    """A stored digest that is not of the shape this code writes."""


def encode_digest(digest: ReleaseDigest) -> bytes:
    """The digest as compressed compact JSON."""
    data = {
        "v": DIGEST_VERSION,
        "q": [[q.text, q.speaker, q.role, q.start, q.end] for q in digest.quotes],
        "m": [
            [
                m.type,
                m.canonical,
                m.mentions,
                m.first,
                list(m.roles),
                [[f.text, f.value, f.unit, f.counts] for f in m.figures],
            ]
            for m in digest.mentions
        ],
        "y": [digest.text_year, digest.text_year_evidence],
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 1)


def _str(value: Any, optional: bool = False) -> Any:
    if isinstance(value, str) or (optional and value is None):
        return value
    raise _Bad("not a string")


def _int(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    raise _Bad("not an offset")


def _list(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    raise _Bad("not a list")


def _shared(value: str | None) -> str | None:
    # Names, roles, units and wordings recur across thousands of releases
    # ("National Central Bureau" in nearly every one): one string each, not
    # one per release, is most of what the index of 100,000 releases holds.
    return None if value is None else sys.intern(value)


def _quote(row: Any) -> QuoteRow:
    text, speaker, role, start, end = _list(row)
    return QuoteRow(
        _str(text), _shared(_str(speaker, True)), _shared(_str(role, True)), _int(start), _int(end)
    )


_TYPES = frozenset(ENTITY_TYPES)
_NUMBER = (int, float)


def _figure(row: Any) -> FigureNote:
    # Inlined checks: a corpus's digests hold some 100,000 figures.
    if type(row) is not list or len(row) != 4:
        raise _Bad("not a figure")
    text, value, unit, counts = row
    if (
        type(text) is not str
        or type(counts) is not str
        or not (unit is None or type(unit) is str)
        or type(value) not in _NUMBER
    ):
        raise _Bad("not a figure")
    return FigureNote(text, float(value), _shared(unit), sys.intern(counts))


def _mention(row: Any) -> MentionRow:
    # Inlined checks: a corpus's digests hold some 300,000 mention rows.
    if type(row) is not list or len(row) != 6:
        raise _Bad("not a mention")
    type_, canonical, mentions, first, roles, figures = row
    if (
        type_ not in _TYPES
        or type(canonical) is not str
        or type(mentions) is not int
        or type(first) is not int
        or mentions < 0
        or first < 0
        or type(roles) is not list
        or type(figures) is not list
        or not all(type(r) is str for r in roles)
    ):
        raise _Bad("not a mention")
    notes = tuple(_figure(f) for f in figures) if figures else ()
    roles = tuple(map(sys.intern, roles))
    return MentionRow(sys.intern(type_), sys.intern(canonical), mentions, first, roles, notes)


def decode_digest(data: bytes) -> ReleaseDigest | None:
    """The digest stored as ``data``, or None when it cannot be trusted."""
    try:
        parsed = parse_json(zlib.decompress(data), check_numbers=False)
        if not isinstance(parsed, dict) or parsed.get("v") != DIGEST_VERSION:
            return None
        year, evidence = _list(parsed.get("y"))
        return ReleaseDigest(
            quotes=tuple(_quote(q) for q in _list(parsed.get("q"))),
            mentions=tuple(_mention(m) for m in _list(parsed.get("m"))),
            text_year=_str(year, True),
            text_year_evidence=_str(evidence, True),
        )
    except (zlib.error, ValueError, TypeError):
        return None


def build_across_index(
    corpus: Corpus,
    analyses: Mapping[str, DocumentAnalysis],
    cancelled: Callable[[], bool] = lambda: False,
) -> AcrossIndex | None:
    """The index of ``corpus`` from its stored digests (made from analyses where missing).

    None when cancelled. Digests made here are stored when ``analyses`` can keep them.
    """
    index = AcrossIndex()
    made: list[tuple[str, str, bytes]] = []
    documents = [document for document in corpus.documents if document.id in analyses]
    for start in range(0, len(documents), READ_BATCH):  # a batch's stored digests at a time
        batch = documents[start : start + READ_BATCH]
        stored = (
            analyses.stored_digests([document.id for document in batch])
            if isinstance(analyses, StoredAnalyses)
            else {}
        )
        for document in batch:
            if cancelled():
                return None
            data = stored.get(document.id)
            digest = decode_digest(data) if data is not None else None
            if digest is None:
                digest = release_digest(document.id, document.text, analyses[document.id])
                if document.sha256:
                    made.append((document.id, document.sha256, encode_digest(digest)))
            index.add(document, digest)
    if made and isinstance(analyses, StoredAnalyses):
        analyses.keep_digests(made)
    return index.finish()
