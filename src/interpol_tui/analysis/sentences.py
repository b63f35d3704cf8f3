"""Find paragraph and sentence boundaries in clean text, as offset ranges."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from interpol_tui.analysis.lexicons import MONTH_ABBREVIATIONS
from interpol_tui.analysis.names import ABBREVIATED_HONORIFICS
from interpol_tui.analysis.quick_init import quick_init

# Abbreviations whose full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    """
st no nos vs etc e.g i.e gen col lt sgt capt insp supt det rev hon jr sr inc ltd co corp
dept est approx fig
    """.split()  # noqa: SIM905
) | {word.lower() for word in (*ABBREVIATED_HONORIFICS, *MONTH_ABBREVIATIONS)}
# A sentence ends at . ! ? (and any closing quote marks after it) followed by
# white space and something that can open a sentence. It cannot backtrack: a
# match starts only where a run of stops starts, and every run is taken whole
# (possessive: a shorter one would be followed by a stop or a closer, never by
# the white space the look-ahead wants), so a run of 40,000 dots is one attempt.
# The stop comes before the look-behind (which then sees it and the character
# before it) so that the engine can skip ahead to the next stop character.
_END = re.compile(r"[.!?](?<![.!?][.!?])[.!?]*+[”’\"')\]]*+(?=\s++[“‘\"'(\[]?[A-Z0-9À-Þ])")
MAX_SENTENCE_CHARS = 1000
"""Longest sentence (press-release sentences stay under 500 characters); longer runs are cut."""
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]+)*")


@quick_init
@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence's offsets in the clean text."""

    start: int
    end: int


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) of each paragraph (clean text separates them by blank lines)."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]


def _is_abbreviation(text: str, dot: int) -> bool:
    word_start = dot
    while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot].lower()
    if word in _ABBREVIATIONS:
        return True
    # A single capital initial ("J. Smith", "U.S.") is not a sentence end.
    return len(word) == 1 or (("." in word) and len(word) <= 5)


def _add_bounded(found: list[Sentence], text: str, start: int, end: int) -> None:
    """Add the sentence ``text[start:end]``, cut at white space into pieces of MAX_SENTENCE_CHARS.

    A run with no sentence end (a list of figures, a table flattened to one line)
    is not one sentence: every figure and quotation in it would copy and search
    all of it, which makes a long one quadratic.
    """
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = max(text.rfind(" ", start + 1, limit), text.rfind("\n", start + 1, limit))
        cut = limit if cut < 0 else cut
        found.append(Sentence(start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        found.append(Sentence(start, end))


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences that never cross a paragraph boundary.

    No sentence is longer than :data:`MAX_SENTENCE_CHARS`.
    """
    found: list[Sentence] = []
    for para_start, para_end in paragraphs(text):
        start = para_start
        for match in _END.finditer(text, para_start, para_end):
            if match.group().startswith(".") and _is_abbreviation(text, match.start()):
                continue
            _add_bounded(found, text, start, match.end())
            start = match.end()
            while start < para_end and text[start].isspace():
                start += 1
        _add_bounded(found, text, start, para_end)
    return found


class SentenceIndex:
    """Look up the sentence that holds an offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentences = split_sentences(text)
        self._starts = [s.start for s in self.sentences]
        self._texts: dict[int, str] = {}

    def text_of(self, sentence: Sentence) -> str:
        """The text of ``sentence``, one string shared by every caller (figures keep it)."""
        found = self._texts.get(sentence.start)
        if found is None:
            found = self._texts[sentence.start] = self.text[sentence.start : sentence.end]
        return found

    def at(self, offset: int) -> Sentence:
        """Return the sentence containing ``offset`` (or the nearest one before it)."""
        if not self.sentences:
            return Sentence(0, len(self.text))
        index = max(bisect_right(self._starts, offset) - 1, 0)
        return self.sentences[index]
