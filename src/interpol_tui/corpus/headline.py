"""Find a release's headline and dateline in its cleaned lines."""

from __future__ import annotations

import re

from interpol_tui.corpus.dates import MONTHS
from interpol_tui.corpus.stamps import read_stamp

# "NEW DELHI, India – ", "WASHINGTON DC, USA – ", "LYON, France (INTERPOL) – ",
# "BOGOTÁ, Colombia – ": capitals of any script (ASCII lowercase excluded here,
# other lowercase letters by the check in find_dateline).
_CAPITAL = r"[^\W\d_a-z]"
_DATELINE = re.compile(
    rf"(?P<place>{_CAPITAL}(?:[^\W_a-z]|[.'’\- ]){{1,40}}?(?:{_CAPITAL}|\.)"
    rf"(?P<region>,\s*{_CAPITAL}[\w.'’\- ]{{0,40}}?)?)"
    r"(?P<paren>\s*\([^)]{1,60}\))?"
    r"(?:\s*(?P<dash>[–—-]{1,2})\s+|(?P<colon>:)\s+|(?<=\))\s+(?=[A-Z]))"
)
# Mixed case: "Brussels – The ministers", "The Hague, the Netherlands – Police":
# at most three capitalised words (a region after a comma), a spaced dash, and
# a capital after it. A sentence never opens that way.
_MIXED_DATELINE = re.compile(
    r"(?P<place>(?:The\s+)?[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,2}"
    r"(?:,\s*(?:the\s+)?[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,2})?)"
    r"\s+[–—-]\s+(?=[A-Z“\"‘])"
)
_MAX_TITLE_CHARS = 160
_SHORT_TITLE_CHARS = 100
_TERMINAL = ".;:,"
"""A headline may end with "!" or "?", never with these."""


def find_dateline(paragraph: str) -> tuple[str | None, int]:
    """Return ``(dateline, length of the dateline prefix)`` when ``paragraph`` opens with one."""
    match = _DATELINE.match(paragraph)
    if match and _capital_dateline(match):
        place = match["place"].strip()
        if match["region"] and match["region"].strip(", ").split()[0].lower() in MONTHS:
            place = place[: len(place) - len(match["region"])]  # "LONDON, May 3 (Wire) -"
        return place, match.end()
    mixed = _MIXED_DATELINE.match(paragraph)
    if mixed:
        return mixed["place"].strip(), mixed.end()
    return None, 0


def _capital_dateline(match: re.Match[str]) -> bool:
    """The first element is set in capitals; a colon or a bare parenthesis needs more."""
    head = match["place"].split(",")[0]
    if not any(ch.isalpha() for ch in head) or head.upper() != head:
        return False
    if match["colon"]:
        # "LYON, France: Police ..."; "NOTE: ..." is a label, not a place.
        return bool(match["region"])
    return bool(match["dash"]) or bool(match["paren"])


def reads_as_headline(line: str, min_words: int = 3) -> bool:
    """Return True when ``line`` looks like a headline: short, several words, no sentence end.

    ``min_words`` is lowered to 2 for a line that a date stamp follows
    ("Operation Thunderbird" over "Published 3 May 2018").
    """
    text = line.strip()
    words = text.split()
    if not min_words <= len(words) <= 25 or len(text) > _MAX_TITLE_CHARS:
        return False
    if text[-1] in _TERMINAL or find_dateline(text)[0]:
        return False
    # A headline starts with a capital (or a digit/quote); a fragment does not.
    return not text[0].islower()


def headline_from_sentence(paragraph: str) -> str:
    """Make a headline from a lede: its first sentence, cut at a clause break when long."""
    _, skip = find_dateline(paragraph)
    body = paragraph[skip:].strip()
    match = re.search(r"(?<=[a-z0-9)”’])[.!?](?=\s|$)", body)
    sentence = body[: match.start()] if match else body
    if len(sentence) <= _SHORT_TITLE_CHARS:
        return sentence.strip()
    # Cut before an appositive or a trailing clause: the first comma, dash or
    # semicolon that leaves a headline of reasonable length.
    # (?<!\s): a break starts where its white space starts, so a long run of
    # spaces is tried once, not from each of its positions (that was quadratic).
    for brk in re.finditer(r"(?<!\s)\s*(?:,(?!\d)|;|\s[–—]\s)", sentence):  # not "11,049"
        if 30 <= brk.start() <= _MAX_TITLE_CHARS:
            return sentence[: brk.start()].strip()
    cut = sentence.rfind(" ", 0, _SHORT_TITLE_CHARS)
    return sentence[: cut if cut > 0 else _SHORT_TITLE_CHARS].rstrip(",;:– ") + "…"


_CONNECTORS = frozenset({"of", "and", "for", "the", "&", "de", "du", "des", "la", "le"})
_MAX_MASTHEAD_WORDS = 4
_MAX_PLACE_WORDS = 5


def _capitalised(words: list[str]) -> bool:
    return bool(words) and all(w[0].isupper() or w in _CONNECTORS for w in words)


def is_masthead(line: str, next_line: str) -> bool:
    """True when ``line`` is a publisher's name or section kicker above the real headline.

    "National Police Agency" or "Cross Border CrimeNews" over "Police seize ...":
    a few capitalised words, no figure, no punctuation of a sentence, followed by
    a longer line that reads as a headline.
    """
    words = line.split()
    if not 1 <= len(words) <= _MAX_MASTHEAD_WORDS or re.search(r"[\d,.;:!?“”\"]", line):
        return False
    if not _capitalised(words) or not reads_as_headline(next_line) or read_stamp(next_line):
        return False
    return len(next_line.split()) > len(words)


def is_place_line(line: str) -> bool:
    """True when ``line`` is only a place: "The Hague, the Netherlands", "Vienna"."""
    words = line.replace(",", " ").split()
    if not 1 <= len(words) <= _MAX_PLACE_WORDS or re.search(r"[\d;:!?“”\"()]", line):
        return False
    return _capitalised(words) and line.count(",") <= 1 and not line.endswith((",", "."))
