"""Remove terminal control sequences and invisible direction overrides from untrusted text.

Rich and Textual pass control characters straight to the terminal, so a release
holding ``ESC ] 52`` could write the user's clipboard and ``ESC ] 0`` could
retitle the window. Everything is stripped here, once, at load time.
"""

from __future__ import annotations

import re

# ESC-introduced sequences: CSI (ESC [ ... final), OSC/DCS/SOS/PM/APC strings
# (terminated by BEL or ST), and two-character escapes.
_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]                      # CSI
  | \x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?  # OSC, DCS, SOS, PM, APC
  | \x9b[0-?]*[ -/]*[@-~]                        # 8-bit CSI
  | \x9d[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?    # 8-bit OSC
  | \x1b[ -/]*[0-~]?                             # other escapes (and a lone ESC)
    """,
    re.VERBOSE,
)

# C0 controls but tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def strip_controls(text: str) -> str:
    """Return ``text`` without escape sequences or control characters (newline and tab kept).

    Carriage returns are turned into newlines first so that CRLF and old Mac
    line endings keep their line breaks.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPE_SEQUENCE.sub("", text)
    return _CONTROL.sub("", text)


def has_controls(text: str) -> bool:
    """Return True when ``text`` holds anything :func:`strip_controls` would remove."""
    return bool(_CONTROL.search(text.replace("\r\n", "\n").replace("\r", "\n")))
