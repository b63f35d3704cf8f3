"""The short forms of a release's organisations: "Coalition", "GA" for their long names."""

from __future__ import annotations

from interpol_tui.analysis.names import ORG_HEADS
from interpol_tui.analysis.organisations import initials


def short_forms(organisations: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """The short forms of a release's organisations: last word -> name, initials -> name.

    Each short form goes to the first organisation (in the order learnt) that has
    it: "Coalition" to "Global Coalition"; "GA" (the initials of all the words, of
    all but the first, or of all but the first two) to "United Nations General Assembly".
    """
    by_last_word: dict[str, str] = {}
    by_initials: dict[str, str] = {}
    for canonical in dict.fromkeys(organisations.values()):
        parts = canonical.split(" ")
        # "Coalition" for "Global Coalition"; not "Security" for "... Safety and Security".
        if len(parts) > 1 and parts[-1] in ORG_HEADS:
            by_last_word.setdefault(parts[-1], canonical)
        for form in (initials(parts), initials(parts[2:]), initials(parts[1:])):
            by_initials.setdefault(form, canonical)
    return by_last_word, by_initials
