"""Word-wrap paragraphs into line ranges that keep their character offsets."""

from __future__ import annotations

import re

from rich.cells import cell_len

_WORD = re.compile(r"\S+\s*")


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
        while need > width:
            # Fold an over-long word (a URL, say) across lines.
            cut = word_start
            taken = 0
            while cut < word_end and taken + cell_len(text[cut]) <= width:
                taken += cell_len(text[cut])
                cut += 1
            cut = max(cut, word_start + 1)
            lines.append((line_start, cut))
            line_start = word_start = cut
            word = text[word_start:word_end].rstrip()
            need = cell_len(word)
            used = 0
        used += cell_len(text[word_start:word_end])
    if line_start < end or not lines:
        lines.append((line_start, end))
    return lines
