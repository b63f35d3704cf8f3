"""Repair sentences, list items and headings that a scraper glued together without a space."""

from __future__ import annotations

import re

# Sentence-ending punctuation (optionally closed by a quote mark), or a list
# separator, directly followed by the start of a new sentence. The pattern
# opens with a character class and has no look-around, so the regex engine
# skips ahead quickly: this runs on every paragraph of every release. The
# finer tests (no space before, ":" and ";" take no closing quote) are in Python.
_SENTENCE_GLUE = re.compile(r"([.!?:;][”’\"]?)[“\"‘]?[A-Z]")

# Words that open a sentence; a lowercase letter running straight into one of
# them ("ReportThe four-day") marks a heading glued to the paragraph after it.
_SENTENCE_STARTERS = (
    "A|According|Addressing|After|Among|An|As|At|Before|By|During|Following|For|From|"
    "He|Her|His|In|It|Its|On|Our|Over|She|Since|Speaking|The|Their|These|They|This|"
    "Those|To|Under|We|When|While|With"
)
_HEADING_GLUE = re.compile(r"(?<=[a-z]{3})(?=(?:" + _SENTENCE_STARTERS + r")\s)")
# Every heading junction is a capital right after a lowercase letter: a cheap
# scan (it opens with a character class) that rules out almost every paragraph
# before the costly look-behind above runs at each position.
_LOWER_UPPER = re.compile(r"[A-Z](?<=[a-z].)")
_URL_LIKE = re.compile(r"(?:https?://|www\.|@|\.(?:com|org|int|net|gov)\b)", re.IGNORECASE)
_MAX_HEADING_WORDS = 10
# Ten words of a heading fit well within this; a longer stretch is prose.
_MAX_HEADING_CHARS = 200
_HEADING_PUNCTUATION = re.compile(r"[,.;:!?“”\"]")
# One capital letter before a full stop, and one capital letter plus a full
# stop after it: the letters of an initialism ("U.S.", "U.K.", "E.U.").
_INITIAL = re.compile(r"[(“\"‘]?[A-Z]")
_INITIAL_AFTER = re.compile(r"[A-Z]\.")


class _LeftToken:
    """The space-free run of text before each junction, tracked in one pass over a paragraph.

    Junctions come in order, so where the run starts and whether it holds a full
    stop or a web address are extended over the characters new since the last
    junction, never rescanned: a paragraph of "U.S." repeated takes linear time.
    """

    # The longest match of _URL_LIKE ("https://"): a new match can start at most
    # this far before the part already searched.
    _URL_REACH = 8

    def __init__(self, text: str) -> None:
        self.text = text
        self.start = 0
        self._scanned = 0
        self._dot_scanned = 0
        self._url_scanned = 0
        self.has_dot = False
        self.url_like = False

    def advance(self, end: int, punct_end: int) -> None:
        """Move to the run ending at ``end``; its junction's punctuation ends at ``punct_end``."""
        text = self.text
        space = max(text.rfind(" ", self._scanned, end), text.rfind("\n", self._scanned, end))
        if space >= 0:  # a new run: forget what the old one held
            self.start = self._dot_scanned = self._url_scanned = space + 1
            self.has_dot = self.url_like = False
        self._scanned = end
        if not self.has_dot:
            self.has_dot = text.find(".", self._dot_scanned, end) >= 0
            self._dot_scanned = end
        if not self.url_like:
            # The search ends on the junction's punctuation, never on a word
            # character, so a match found earlier stays a match: only the new
            # characters (and the few before them) need searching.
            lo = max(self.start, self._url_scanned - self._URL_REACH)
            self.url_like = _URL_LIKE.search(text, lo, punct_end) is not None
            self._url_scanned = punct_end


def _is_real_junction(text: str, match: re.Match[str], run: _LeftToken) -> bool:
    if match.start() == 0 or text[match.start() - 1].isspace():
        return False
    punct = match.group(1)
    run.advance(match.start(), match.end(1))
    if run.start >= match.start() or run.url_like:
        return False
    last = text[match.start() - 1]
    if punct[0] in ":;":
        # List items: "priorities:Counter", "terrorism;Promote"; never "10:30".
        return len(punct) == 1 and (last.islower() or last == ")")
    if (
        punct == "."
        and _INITIAL.fullmatch(text, run.start, match.start())
        and _INITIAL_AFTER.match(text, match.end(1))
    ):
        # "U.S." or "U.N.": a capital initial followed by another one.
        return False
    if text.startswith("..", match.start() - 2) and match.start() - 2 >= run.start:
        # "wait...The": an ellipsis ends the sentence. (The dots are walked once:
        # the next junction lies past them.)
        before = match.start()
        while before > run.start and text[before - 1] == ".":
            before -= 1
        if before > run.start and text[before - 1].isalnum():
            return True
    if run.has_dot:
        # "U.S.The" or "e.g.The": an abbreviation, not a sentence end.
        return False
    return last.isalnum() or last in ")%’”\"'"


def repair_sentences(paragraph: str) -> str:
    """Insert the missing space after sentence ends and list separators glued to the next."""
    pieces: list[str] = []
    cursor = 0
    run = _LeftToken(paragraph)
    for match in _SENTENCE_GLUE.finditer(paragraph):
        if _is_real_junction(paragraph, match, run):
            pieces.append(paragraph[cursor : match.end(1)])
            pieces.append(" ")
            cursor = match.end(1)
    pieces.append(paragraph[cursor:])
    return "".join(pieces)


def split_glued_headings(paragraph: str) -> list[str]:
    """Split a paragraph where a heading runs into the next sentence ("ReportThe").

    A junction counts as a heading only when the words since the previous
    sentence end are few and carry no punctuation of their own; the heading then
    becomes a paragraph of its own.
    """
    if not _LOWER_UPPER.search(paragraph):
        return [paragraph.strip()] if paragraph.strip() else []
    parts: list[str] = []
    cursor = 0
    for match in _HEADING_GLUE.finditer(paragraph):
        junction = match.start()
        # Look back no further than the longest heading: a rejected junction
        # leaves the cursor where it was, and rescanning from there for each one
        # made a long paragraph quadratic.
        window = max(cursor, junction - _MAX_HEADING_CHARS - 2)
        sentence_start = max(
            paragraph.rfind(". ", window, junction),
            paragraph.rfind("! ", window, junction),
            paragraph.rfind("? ", window, junction),
            paragraph.rfind("” ", window, junction),
        )
        heading_start = cursor if sentence_start < 0 else sentence_start + 2
        if junction - heading_start > _MAX_HEADING_CHARS:
            continue
        heading = paragraph[heading_start:junction]
        words = heading.split()
        if not words or len(words) > _MAX_HEADING_WORDS or _HEADING_PUNCTUATION.search(heading):
            continue
        before = paragraph[cursor:heading_start].strip()
        if before:
            parts.append(before)
        parts.append(heading.strip())
        cursor = junction
    parts.append(paragraph[cursor:].strip())
    return [part for part in parts if part]
