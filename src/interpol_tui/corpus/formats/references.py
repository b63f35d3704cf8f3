"""Character references to control characters, made real so that they are stripped whole.

``&#27;[31m`` in a page is an escape sequence once the page is parsed. Were
only the reference dropped, ``[31m`` would be left in the text; made into the
character it names, the whole sequence goes the way of any escape in a text
file (:func:`~interpol_tui.corpus.sanitize.strip_controls`).
"""

from __future__ import annotations

import html
import re

from interpol_tui.corpus.sanitize import has_controls, strip_controls

_NUMERIC = re.compile(r"&#(?:[xX](?P<hex>[0-9a-fA-F]{1,8})|(?P<dec>[0-9]{1,10}));?")
_KEPT = frozenset((0x09, 0x0A, 0x0D))


def _control(match: re.Match[str]) -> str:
    digits = match["hex"] or match["dec"]
    code = int(digits, 16 if match["hex"] else 10)
    if 0x80 <= code <= 0x9F:
        # Browsers read these as Windows-1252 ("&#150;" is a dash), as
        # html.unescape does; the five that name no character there stay
        # controls (and are stripped). A parser might make them all controls.
        return html.unescape(match.group())
    if (code < 0x20 and code not in _KEPT) or code == 0x7F:
        return chr(code)
    return match.group()


def strip_control_references(source: str) -> tuple[str, bool]:
    """Return ``source`` without control characters, raw or as references, and whether any were.

    Every other reference is left for the parser.
    """
    if "&#" in source:
        source = _NUMERIC.sub(_control, source)
    found = has_controls(source)
    return (strip_controls(source) if found else source), found
