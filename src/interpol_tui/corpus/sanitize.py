"""Remove terminal control sequences and invisible direction overrides from untrusted text.

Rich and Textual pass control characters straight to the terminal, so a release
holding ``ESC ] 52`` could write the user's clipboard and ``ESC ] 0`` could
retitle the window. Everything is stripped here, once, at load time. Names
(file names, paths) are not stripped but escaped visibly, so that two files
never end up with the same name and the user can see what the name holds.
"""

from __future__ import annotations

import re
from functools import cached_property

# ESC-introduced sequences: CSI (ESC [ ... final), OSC/DCS/SOS/PM/APC strings
# (terminated by BEL or ST; an unterminated one ends at the line's end so that
# one stray ESC cannot swallow the rest of a release), and two-character escapes.
_ESCAPE_SEQUENCE = r"""
    \x1b\[[0-?]*[ -/]*[@-~]                      # CSI
  | \x1b[\]PX^_][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?  # OSC, DCS, SOS, PM, APC
  | \x9b[0-?]*[ -/]*[@-~]                        # 8-bit CSI
  | [\x9d\x90\x98\x9e\x9f][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?  # 8-bit OSC, DCS, SOS, PM, APC
  | \x1b[ -/]*[0-~]?                             # other escapes (and a lone ESC)
    """

# C0 controls but tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates,
# and lone surrogates (undecodable bytes in file names; they cannot be printed).
_CONTROL_CHARS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff"

# Invisible format characters: zero-width space, non-joiner and joiner, the marks of
# direction (LRM, RLM, ALM), word joiner and invisible operators, soft hyphen, the
# Mongolian vowel separator, a byte-order mark inside the text, interlinear annotation
# marks. They show as nothing, yet make two equal-looking words differ (search, quick
# open) and can reorder what a terminal shows; text loses them (without a warning:
# they are common in text copied from the web), names show them escaped.
INVISIBLE_CHARS = "\u00ad\u061c\u180e\u200b-\u200f\u2060-\u2064\ufeff\ufff9-\ufffb"


class _Patterns:
    """The patterns, each compiled when first used: compiling these character classes (the
    surrogates and other ranges past U+00FF) costs about as much as importing a dozen
    modules, work the browser's first frame does without (none of them is used in it)."""

    @cached_property
    def escape_sequence(self) -> re.Pattern[str]:
        return re.compile(_ESCAPE_SEQUENCE, re.VERBOSE)

    @cached_property
    def control(self) -> re.Pattern[str]:
        return re.compile(f"[{_CONTROL_CHARS}]")

    @cached_property
    def invisible(self) -> re.Pattern[str]:
        return re.compile(f"[{INVISIBLE_CHARS}]")

    @cached_property
    def unwanted(self) -> re.Pattern[str]:
        return re.compile(f"[{_CONTROL_CHARS}{INVISIBLE_CHARS}\u2028\u2029]")

    @cached_property
    def name_control(self) -> re.Pattern[str]:
        """What a name may not show as is: all of the above plus tab, newline and the
        Unicode line and paragraph separators."""
        return re.compile(f"[\t\n{_CONTROL_CHARS}{INVISIBLE_CHARS}\u2028\u2029]")

    @cached_property
    def output_control(self) -> re.Pattern[str]:
        """What CLI output may not show as is: the same but tab and newline, which tables
        handle."""
        return re.compile(f"[{_CONTROL_CHARS}{INVISIBLE_CHARS}\u2028\u2029]")


_PATTERNS = _Patterns()


def strip_controls(text: str) -> str:
    """Return ``text`` without escape sequences, control or invisible characters.

    Newline and tab are kept. Carriage returns are turned into newlines first
    so that CRLF and old Mac line endings keep their line breaks, and so are
    the Unicode line (U+2028) and paragraph (U+2029, a blank line) separators.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Every escape sequence starts with a character _CONTROL matches, so text
    # without one is returned as is: one search is 3-4x cheaper than the subs.
    if _PATTERNS.unwanted.search(text) is None:
        return text
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _PATTERNS.invisible.sub("", text)
    if _PATTERNS.control.search(text) is None:
        return text
    text = _PATTERNS.escape_sequence.sub("", text)
    return _PATTERNS.control.sub("", text)


def has_controls(text: str) -> bool:
    """Return True when ``text`` holds anything :func:`strip_controls` would remove."""
    return bool(_PATTERNS.control.search(text.replace("\r\n", "\n").replace("\r", "\n")))


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not valid in the file system's encoding
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible_controls(name: str) -> str:
    """Return ``name`` with every control character shown as an escape (``\\x1b``, ``\\u202e``)."""
    return _PATTERNS.name_control.sub(_escape, name)


def escape_controls(text: str) -> str:
    """Like :func:`visible_controls`, but keeping tabs and newlines: for CLI output.

    A path the user gave, or a name from disk, printed with its escape
    sequences shown (``\\x1b]0;x\\x07``) rather than removed: what is shown
    is what is there, and nothing reaches the terminal to act on.
    """
    return _PATTERNS.output_control.sub(_escape, text)


def has_output_controls(text: str) -> bool:
    """Return True when :func:`escape_controls` would change ``text``."""
    return _PATTERNS.output_control.search(text) is not None


def one_line(text: str) -> str:
    """Collapse all whitespace (tabs, newlines) in ``text`` to single spaces."""
    return " ".join(text.split())
