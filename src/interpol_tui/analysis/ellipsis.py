"""Elliptical counts: a bare number standing for the noun the text counted just before.

"Five men were convicted. Three have been sentenced": "Three" counts men. The
figure reader marks such a number with :data:`ELLIPSIS` as its counts and
fills in the counts of the figure before it.
"""

from __future__ import annotations

from interpol_tui.analysis.number_reader import Core
from interpol_tui.analysis.tokens import Token

ELLIPSIS = "\0"
"""Placeholder counts of an elliptical figure, filled from the figure before it."""
_ELLIPTICAL_VERBS = frozenset(
    "are were was is have has had will would remain remained face faces".split()  # noqa: SIM905
)
_AFTER_PARTICIPLE = frozenset("in to by for from at on with of as".split())  # noqa: SIM905
_NOT_BEFORE_ELLIPSIS = frozenset("to from by at in on of than".split())  # noqa: SIM905


def elliptical(tokens: list[Token], core: Core) -> bool:
    """ "Five men were convicted. Three have been sentenced": a number standing for its noun.

    A bare number as the subject of a verb ("334 were", "two will appear") or of
    a participle and its preposition ("seven linked to ...") counts the things
    the text counted just before; years and numbers after a preposition do not.
    """
    first, last = tokens[core.first], tokens[core.last]
    if first.kind == "number" and 1800 <= core.value <= 2100 and "," not in first.text:
        return False
    if core.first and tokens[core.first - 1].text.lower() in _NOT_BEFORE_ELLIPSIS:
        return False
    following = [t.text for t in tokens[core.last + 1 : core.last + 3]]
    if not following or tokens[core.last + 1].start != last.end + 1:
        return False  # "334, 12 and ...", "9." : punctuation, not a verb
    if following[0] in _ELLIPTICAL_VERBS:
        return True
    return (
        len(following) == 2
        and following[0].endswith("ed")
        and following[0].islower()
        and following[1] in _AFTER_PARTICIPLE
    )
