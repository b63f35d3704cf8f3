"""Find a release's headline and dateline in its cleaned lines."""

from __future__ import annotations

import re

# "NEW DELHI, India – ", "WASHINGTON DC, USA – ", "LYON, France (INTERPOL) – ",
# "BOGOTÁ, Colombia – ": capitals of any script (ASCII lowercase excluded here,
# other lowercase letters by the check in find_dateline).
_CAPITAL = r"[^\W\d_a-z]"
_DATELINE = re.compile(
    rf"(?P<place>{_CAPITAL}(?:[^\W_a-z]|[.'’\- ]){{1,40}}?(?:{_CAPITAL}|\.)"
    rf"(?:,\s*{_CAPITAL}[\w.'’\- ]{{0,40}}?)?)"
    r"(?:\s*\([^)]{1,40}\))?"
    r"\s*[–—-]{1,2}\s+"
)
_MAX_TITLE_CHARS = 160
_SHORT_TITLE_CHARS = 100
_TERMINAL = ".!;:,"


def find_dateline(paragraph: str) -> tuple[str | None, int]:
    """Return ``(dateline, length of the dateline prefix)`` when ``paragraph`` opens with one."""
    match = _DATELINE.match(paragraph)
    if not match:
        return None, 0
    place = match["place"].strip()
    head = place.split(",")[0]
    # The first element is set in capitals; anything else is a sentence opener.
    if not any(ch.isalpha() for ch in head) or head.upper() != head:
        return None, 0
    return place, match.end()


def reads_as_headline(line: str) -> bool:
    """Return True when ``line`` looks like a headline: short, several words, no sentence end."""
    text = line.strip()
    words = text.split()
    if not 3 <= len(words) <= 25 or len(text) > _MAX_TITLE_CHARS:
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
    for brk in re.finditer(r"(?<!\s)\s*(?:,|;|\s[–—]\s)", sentence):
        if 30 <= brk.start() <= _MAX_TITLE_CHARS:
            return sentence[: brk.start()].strip()
    cut = sentence.rfind(" ", 0, _SHORT_TITLE_CHARS)
    return sentence[: cut if cut > 0 else _SHORT_TITLE_CHARS].rstrip(",;:– ") + "…"
