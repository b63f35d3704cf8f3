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
# One capital letter before a full stop, and one capital letter plus a full
# stop after it: the letters of an initialism ("U.S.", "U.K.", "E.U.").
_INITIAL = re.compile(r"[(“\"‘]?[A-Z]")
_INITIAL_AFTER = re.compile(r"[A-Z]\.")


def _left_token(text: str, end: int) -> str:
    start = max(text.rfind(" ", 0, end), text.rfind("\n", 0, end)) + 1
    return text[start:end]


def _is_real_junction(text: str, match: re.Match[str]) -> bool:
    if match.start() == 0 or text[match.start() - 1].isspace():
        return False
    punct = match.group(1)
    token = _left_token(text, match.start())
    if not token or _URL_LIKE.search(token + punct):
        return False
    last = token[-1]
    if punct[0] in ":;":
        # List items: "priorities:Counter", "terrorism;Promote"; never "10:30".
        return len(punct) == 1 and (last.islower() or last == ")")
    if punct == "." and _INITIAL.fullmatch(token) and _INITIAL_AFTER.match(text, match.end(1)):
        # "U.S." or "U.N.": a capital initial followed by another one.
        return False
    if token.endswith("..") and token.rstrip(".")[-1:].isalnum():
        # "wait...The": an ellipsis ends the sentence.
        return True
    if "." in token:
        # "U.S.The" or "e.g.The": an abbreviation, not a sentence end.
        return False
    return last.isalnum() or last in ")%’”\"'"


def repair_sentences(paragraph: str) -> str:
    """Insert the missing space after sentence ends and list separators glued to the next."""
    pieces: list[str] = []
    cursor = 0
    for match in _SENTENCE_GLUE.finditer(paragraph):
        if _is_real_junction(paragraph, match):
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
        sentence_start = max(
            paragraph.rfind(". ", cursor, junction),
            paragraph.rfind("! ", cursor, junction),
            paragraph.rfind("? ", cursor, junction),
            paragraph.rfind("” ", cursor, junction),
        )
        heading_start = cursor if sentence_start < 0 else sentence_start + 2
        heading = paragraph[heading_start:junction]
        words = heading.split()
        if not words or len(words) > _MAX_HEADING_WORDS or re.search(r"[,.;:!?“”\"]", heading):
            continue
        before = paragraph[cursor:heading_start].strip()
        if before:
            parts.append(before)
        parts.append(heading.strip())
        cursor = junction
    parts.append(paragraph[cursor:].strip())
    return [part for part in parts if part]
