"""Programmes a release names by describing them: "Seahawk, the agency’s secure messaging system".

Part of the first pass (:mod:`interpol_tui.analysis.definitions`): a name the
next words call a system, tool, platform, database or programme is learnt as
a programme, so its later mentions are labelled too.
"""

from __future__ import annotations

from interpol_tui.analysis.chunks import Chunk
from interpol_tui.analysis.release import Knowledge, Release

_SYSTEM_NOUNS = frozenset(
    """
system systems tool tools platform platforms database databases network application
applications app portal software programme program initiative project
    """.split()  # noqa: SIM905
)
"""What a name is said to be when it names a system ("CENcomm, the secure messaging tool")."""
_AFTER_SYSTEM_NOUN = frozenset(
    "to for that which designed developed run launched used built created of in with".split()  # noqa: SIM905
)
"""Words that may follow the described noun ("a new programme to design ...")."""


def _describes_system(release: Release, chunk: Chunk) -> bool:
    """ ", the agency’s secure messaging system," ", a new programme to ...": after a comma."""
    first = release.after(chunk, 1)
    if first is None or first.text not in ("the", "a", "an"):
        return False
    for offset in range(2, 8):
        token = release.after(chunk, offset)
        if token is None or (token.kind != "word" and token.text not in ("’", "'")):
            return False
        if token.text in _SYSTEM_NOUNS:
            nxt = release.after(chunk, offset + 1)
            return nxt is None or nxt.kind != "word" or nxt.text in _AFTER_SYSTEM_NOUN
        if not (token.text.islower() or token.text.isupper() or token.text in ("s", "’", "'")):
            return False
    return False


def learn_described_system(release: Release, known: Knowledge, chunk: Chunk) -> None:
    """ "Seahawk, the agency's secure messaging system", "used Argus and other tools".

    A name the next words describe as a system, tool, platform, database or
    programme (after a comma and "the"/"a", or as one of "other systems")
    names a programme.
    """
    after = release.after(chunk)
    if after is None or after.text not in (",", "and"):
        return
    if after.text == "and":
        words = release.words_after(chunk, 1, 2)
        described = len(words) == 2 and words[0] == "other" and words[1] in _SYSTEM_NOUNS
    else:
        described = _describes_system(release, chunk)
    name = list(chunk.names)
    if not described or not name or known.lexicon.classify(name) is not None:
        return
    if known.people.find(" ".join(name)) is None and not chunk.sentence_initial:
        known.lexicon.learn("operations", " ".join(name), " ".join(name))
