"""Word-wrap paragraphs into line ranges that keep their character offsets."""

from __future__ import annotations

import re

from rich.cells import cell_len

_WORD = re.compile(r"\S+\s*")


def _fold(text: str, word_start: int, word_stop: int, width: int) -> list[int]:
    """Where to cut ``text[word_start:word_stop]``, a word wider than ``width``, into lines.

    One pass over the word: a 2 MB word with no space in it folds in linear
    time. Returns the offsets where new lines start.
    """
    word = text[word_start:word_stop]
    if word.isascii() and word.isprintable():
        # One cell per character: the cuts are every ``width`` characters.
        return list(range(word_start + width, word_stop, width))
    cuts: list[int] = []
    taken = 0
    for index in range(word_start, word_stop):
        need = cell_len(text[index])
        # A character wider than the whole line still takes a line of its own.
        if taken + need > width and index > (cuts[-1] if cuts else word_start):
            cuts.append(index)
            taken = 0
        taken += need
    if taken > width:
        cuts.append(word_stop)  # the last piece is one character too wide for any line
    return cuts


def wrap_ranges(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into ``(line_start, line_end)`` offsets no wider than ``width``.

    Breaks at spaces; a word wider than the line is folded. Trailing spaces stay
    on the line they end so that offsets stay contiguous.
    """
    width = max(width, 1)
    lines: list[tuple[int, int]] = []
    line_start = start
    used = 0
    for match in _WORD.finditer(text, start, end):
        word_start, word_end = match.start(), match.end()
        word = match.group().rstrip()
        need = cell_len(word)
        if used and used + need > width:
            lines.append((line_start, word_start))
            line_start, used = word_start, 0
        if need > width:
            # Fold an over-long word (a URL, say) across lines.
            word_stop = word_start + len(word)
            for cut in _fold(text, word_start, word_stop, width):
                lines.append((line_start, cut))
                line_start = cut
            used = cell_len(text[line_start:word_end])
            continue
        used += cell_len(text[word_start:word_end])
    if line_start < end or not lines:
        lines.append((line_start, end))
    return lines
