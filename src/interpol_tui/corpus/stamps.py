"""Date stamps: the short lines above or under a headline that say when and where.

Press pages print the date with what surrounds it on the same line: a place
("Brussels, 26 June 2010"), a time ("19 September 2023, 4:23pm"), the kind of
release ("21 February 2012 - Media release") or a byline ("Published Jun 30,
2018 10:00 PM by The Daily Port"). The stamp is that whole line; a sentence
that merely mentions a date is not one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from interpol_tui.corpus.dates import ascii_digits, find_date, strip_date_label
from interpol_tui.corpus.furniture import is_section_label
from interpol_tui.corpus.localdates import local_date

_MAX_STAMP_CHARS = 90
_MIN_LEDE_WORDS = 8
_LEDE_HEAD_CHARS = 90
# "4:23pm", "at 10:00 PM CET", "10.30 GMT"
_READ_TIME = re.compile(r"\s*[-–—|·•]?\s*\d{1,2} min(?:ute)?s? read", re.IGNORECASE)
_TIME = re.compile(
    r"\s*[-–—|·,]?\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?-i:\s+[A-Z]{2,4}\b)?",
    re.IGNORECASE,
)
# "- By Eurasia Review", "by The Daily Port", "| Source: Agency"
_BYLINE = re.compile(r"\s*[-–—|]?\s*(?:by|source:)\s+\S.{0,60}", re.IGNORECASE)
_SEPARATOR = re.compile(r"\s*[-–—|:/·•]\s*")
# The place before the date: one to four capitalised words, perhaps with a
# region or country after a comma ("The Hague, the Netherlands, "). Words are
# apart by one space, never glued: "(word\s?){1,4}" could split one long word
# four ways and took 0.5 s to reject an 80-letter one.
_PLACE = re.compile(
    r"(?P<place>[^\W\d_][\w.'’\-]*(?:\s[^\W\d_][\w.'’\-]*){0,3}?\s?"
    r"(?:,\s*(?:the\s+)?[^\W\d_][\w.'’\- ]{1,30}?)?)"
    r"\s*[,–—-]\s*$"
)


@dataclass(frozen=True, slots=True)
class Stamp:
    """A date line: the ISO date and the place printed with it, if any."""

    date: str
    place: str | None = None
    byline: bool = False
    """The line names its publisher ("- By The Daily Port", "Source: City Police")."""


def _tail_is_furniture(tail: str) -> bool:
    """True when what follows the date on its line is a time, a release label or a byline."""
    tail = _READ_TIME.sub("", _TIME.sub("", tail, count=1)).strip()
    if not tail or tail in ".,":
        return True
    if _BYLINE.fullmatch(tail):
        return True
    label = _SEPARATOR.sub(" ", tail).strip()
    return is_section_label(label)


def _place_of(head: str) -> tuple[bool, str | None]:
    """``(is a place or nothing, the place)`` for the text before the date on a stamp.

    A release label may stand there instead ("Press release | 12 May 2025").
    """
    head = head.strip()
    if not head or is_section_label(_SEPARATOR.sub(" ", head)):
        return True, None
    match = _PLACE.fullmatch(head + ("," if not head.endswith((",", "-", "–", "—")) else ""))
    if not match:
        return False, None
    place = match["place"].strip(" ,")
    words = place.replace(",", " ").split()
    if not words or not all(w[0].isupper() or w == "the" for w in words):
        return False, None
    return True, place


def read_stamp(line: str) -> Stamp | None:
    """Return the :class:`Stamp` when ``line`` is a date stamp, else None."""
    text = strip_date_label(ascii_digits(line))
    if not text or len(text) > _MAX_STAMP_CHARS:
        return None
    found = find_date(text)
    if found is None:
        iso = local_date(text)
        return Stamp(iso) if iso else None
    iso, start, end = found
    is_place, place = _place_of(text[:start])
    if not is_place or not _tail_is_furniture(text[end:]):
        return None
    byline = _BYLINE.search(_TIME.sub("", text[end:], count=1)) is not None
    return Stamp(iso, place, byline)


def lede_date(paragraph: str) -> tuple[str, str | None] | None:
    """``(date, place)`` when a lede opens with a stamp: "12 May 2011 - Police ...".

    Within its first words: "Vienna, 12 May 2011 – The agency ..." (the place
    is the dateline), "Photo: Agency12 May 2011 - ..." (a credit glued to it),
    or inside a wire dateline's parentheses: "MOSCOW (Agency - 3 May 2019) ...".
    """
    if len(paragraph.split(maxsplit=_MIN_LEDE_WORDS)) < _MIN_LEDE_WORDS:
        return None  # a stamp line, not a lede that opens with one
    head = ascii_digits(paragraph[:_LEDE_HEAD_CHARS])
    found = find_date(head)
    if found is None:
        return None
    iso, start, end = found
    after, before = head[end:], head[:start]
    # "Vienna, 12 May 2015 (UN Information Service) - ...": a source between.
    after = re.sub(r"^\s*\([^)]{1,40}\)", "", after)
    if re.match(r"\s*[-–—]\s", after):
        # Nothing before the date but a place or a credit, never a sentence.
        words = before.split()
        if len(words) > 3 or not all(w[0].isupper() for w in words):
            return None
        is_place, place = _place_of(before)
        return iso, (place if is_place and ":" not in before else None)
    if re.match(r"\s*\)", after) and "(" in before and before[:1].isupper():
        return iso, None
    return None


_LABEL = re.compile(r"^\s*(?:date|dated|published|posted)\s*:?\s*", re.IGNORECASE)


def labelled_date(line: str) -> tuple[str, str] | None:
    """``(iso, rest)`` when ``line`` opens with a labelled date and goes on.

    Record exports put the date and the text on one line: "Date: 2025-11-11
    Police chiefs met ...". What follows is kept as text.
    """
    label = _LABEL.match(line)
    if not label:
        return None
    text = ascii_digits(line[label.end() :])
    found = find_date(text)
    if found is None or found[1] != 0:
        return None
    return found[0], line[label.end() + found[2] :].lstrip(" ,.-–—|").rstrip()
