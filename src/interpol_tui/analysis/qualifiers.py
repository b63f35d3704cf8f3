"""Find the qualifier written before a figure ("more than", "between 2 and"), cheaply.

Every figure looks back at the words before it; the case-blind qualifier
regexes are run only where they can match (near the end of those words, and
where "between" is written), which gives the same matches as searching all
of them.
"""

from __future__ import annotations

import re

from interpol_tui.analysis.lexicons import QUALIFIER_BEFORE, QUALIFIERS

# "between 2 and 5 tonnes": one figure, the upper bound, qualified by "between".
_RANGE_BEFORE = re.compile(
    r"(?:^|(?<=\W))(?P<q>between)\s+(?:[A-Z]{3}\s+|[$€£])?(?P<low>[\d.,]+)"
    r"(?:\s*(?P<scale>[mb]illion|bn|m))?"
    r"\s+and\s+(?:[A-Z]{3}\s*|[$€£])?$",
    re.IGNORECASE,
)

_LONGEST_QUALIFIER = max(len(q) for q in QUALIFIERS)
_QUALIFIER_ENDINGS = tuple(q.lower() for q in QUALIFIERS)


def qualifier_before(head_text: str) -> re.Match[str] | None:
    """``QUALIFIER_BEFORE`` or else ``_RANGE_BEFORE`` in ``head_text``, tried where they can match.

    Both end with white space (or a currency) at the end of the text; a
    qualifier match starts within its longest wording of the text's end, so the
    search starts there (a look-behind still sees the characters before).
    """
    stripped = head_text.rstrip()
    tail = stripped[-_LONGEST_QUALIFIER:]
    # On ASCII text a case-blind match is one of the qualifiers, lower-cased.
    possible = not tail.isascii() or tail.lower().endswith(_QUALIFIER_ENDINGS)
    if len(stripped) < len(head_text) and possible:
        start = max(0, len(stripped) - _LONGEST_QUALIFIER)
        qualifier = QUALIFIER_BEFORE.search(head_text, start)
        if qualifier is not None:
            return qualifier
    if "between" not in head_text.lower():
        return None  # the range needs its word (ASCII letters only fold to ASCII letters)
    return _RANGE_BEFORE.search(head_text)
