"""Find the numeric figures a release cites, with value, unit, qualifier and what they count."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from interpol_tui.analysis.counted import (
    canonical_phrase,
    counts_from_context,
    noun_phrase,
    rate_suffix,
    refine,
    sentence_subject,
)
from interpol_tui.analysis.dates import NUMBER_LABELS
from interpol_tui.analysis.lexicons import (
    ATTENDEE_NOUNS,
    CURRENCY_CODES,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    MEASURE_UNITS,
    QUALIFIERS,
    TIME_UNITS,
)
from interpol_tui.analysis.model import Figure
from interpol_tui.analysis.numbers import (
    SCALES,
    SHORT_SCALES,
    TENS,
    UNITS,
    combine_words,
    fold_value,
    parse_digits,
    word_value,
)
from interpol_tui.analysis.periods import Period, period_for
from interpol_tui.analysis.sentences import SentenceIndex
from interpol_tui.analysis.tokens import Token

_DURATION_WORD = re.compile(
    r"(?P<number>[a-z]+(?:-[a-z]+)?)-(?P<unit>second|minute|hour|day|week|month|year)s?"
    r"(?:-long|-old)?",
    re.IGNORECASE,
)
_QUALIFIER_BEFORE = re.compile(
    r"(?:^|(?<=\W))(?P<q>" + "|".join(re.escape(q) for q in QUALIFIERS) + r")\s+$",
    re.IGNORECASE,
)
# "between 2 and 5 tonnes": one figure, the upper bound, qualified by "between".
_RANGE_BEFORE = re.compile(
    r"(?:^|(?<=\W))(?P<q>between)\s+(?:[A-Z]{3}\s+|[$€£])?[\d.,]+(?:\s+[mb]illion|bn|m)?"
    r"\s+and\s+(?:[A-Z]{3}\s*|[$€£])?$",
    re.IGNORECASE,
)
_QUALIFIER_WORDS = frozenset(q.split(" ")[0] for q in QUALIFIERS) | {"in", "by", "to"}
_START_WORDS = frozenset(UNITS) | frozenset(TENS) | {"a", "an"}
_START_FORMS = _START_WORDS | {w.capitalize() for w in _START_WORDS} | {"A", "An"}


def _may_start_number(token: Token) -> bool:
    """A cheap test before reading: digits, a number word, "a"/"an", "-fold" or "four-day"."""
    kind = token.kind
    if kind == "number":
        return True
    if kind != "word":
        return False
    lower = token.text.lower()
    return (
        lower in _START_WORDS
        or lower.endswith("fold")
        or ("-" in lower and lower.partition("-")[0] in _START_WORDS)
    )


_NUMBER_WORDS_SKIP = frozenset({"one", "zero"})
"""Spelled "one" is mostly a pronoun or rhetoric ("just one officer"), not a statistic."""


@dataclass
class _Core:
    """A number being read: its token range, value and what was found around it."""

    first: int
    last: int
    value: float
    kind: str = "count"
    unit: str | None = None
    counts_hint: str | None = None


def _read_core(tokens: list[Token], i: int) -> _Core | None:
    """Read the number starting at ``tokens[i]``, with its scale words; None if none starts."""
    token = tokens[i]
    lower = token.text.lower()
    if token.kind == "number":
        value = parse_digits(token.text)
        if value is None:
            return None
        core = _Core(i, i, value)
    elif token.kind == "word":
        fold = fold_value(lower)
        if fold is not None and lower not in SCALES:
            return _Core(i, i, fold, kind="factor")
        duration = _DURATION_WORD.fullmatch(token.text)
        if duration and word_value(duration["number"]) is not None:
            number = float(word_value(duration["number"]) or 0)
            unit = TIME_UNITS[duration["unit"].lower()]
            return _Core(i, i, number, kind="duration", counts_hint=unit)
        if lower in ("a", "an") and i + 1 < len(tokens):
            nxt = tokens[i + 1].text.lower()
            if nxt in SCALES and nxt != "hundred":
                core = _Core(i, i + 1, float(SCALES[nxt]))
                return _extend_scale(tokens, core)
            fold = fold_value(nxt)
            if fold is not None and nxt not in SCALES:
                return _Core(i, i + 1, fold, kind="factor")
            return None
        if word_value(lower) is None or (
            lower in _NUMBER_WORDS_SKIP and not _scale_follows(tokens, i)
        ):
            return None
        j = i
        words = [lower]
        while j + 1 < len(tokens) and (
            word_value(tokens[j + 1].text) is not None
            or tokens[j + 1].text.lower() in ("hundred", "thousand")
        ):
            j += 1
            words.append(tokens[j].text.lower())
        combined = combine_words(words)
        if combined is None:
            return None
        core = _Core(i, j, combined)
    else:
        return None
    return _extend_scale(tokens, core)


def _scale_follows(tokens: list[Token], i: int) -> bool:
    return i + 1 < len(tokens) and tokens[i + 1].text.lower() in SCALES


def _extend_scale(tokens: list[Token], core: _Core) -> _Core:
    """Multiply by "million"/"billion" or an attached "m"/"bn" after the number."""
    j = core.last + 1
    if j < len(tokens):
        word = tokens[j].text.lower()
        if (word in SCALES and word != "hundred") or (
            word == "hundred" and tokens[core.last].kind == "word"
        ):
            core.value *= SCALES[word]
            core.last = j
        elif word in SHORT_SCALES and tokens[j].start == tokens[core.last].end:
            core.value *= SHORT_SCALES[word]
            core.last = j
    return core


def _excluded_number(text: str, tokens: list[Token], core: _Core) -> bool:
    """Labels, fractions, ordinals, times and numbers inside names are not figures."""
    first, last = tokens[core.first], tokens[core.last]
    if first.kind == "number":
        before = text[max(0, first.start - 1) : first.start]
        after = text[last.end : last.end + 2]
        if before in ("/", ":", "#", "-", "–") or after[:1] in ("/", ":") or after[:1].isalpha():
            return True
        if re.match(r"\s*/\s*\d", text[last.end : last.end + 6]) or re.search(
            r"\d\s*/\s*$", text[max(0, first.start - 6) : first.start]
        ):
            return True  # "71/19", "1 / 3": a resolution number or a counter
        if core.first > 0 and tokens[core.first - 1].text.lower().rstrip(".") in NUMBER_LABELS:
            return True
        if core.first > 0:
            # "Resolution 2178", "Phase 2", "Storm Makers 2": a number naming something;
            # not "Approximately 30%" or "In 2017" at the start of a sentence.
            prev = tokens[core.first - 1]
            opens = core.first < 2 or tokens[core.first - 2].text in (".", "!", "?", "”", ":")
            return (
                prev.is_capitalised
                and not prev.is_upper
                and not _is_currency(prev)
                and prev.text.lower() not in _QUALIFIER_WORDS
                and not opens
            )
    return False


def _anaphoric(tokens: list[Token], core: _Core) -> bool:
    """ "the two organizations" (named before) and "two in three" are not counts."""
    first, last = core.first, core.last
    after = tokens[last + 1].text if last + 1 < len(tokens) else ""
    if after in ("in", "out"):
        gap = 2 if after == "in" else 3
        if last + gap < len(tokens) and (after == "in" or tokens[last + 2].text == "of"):
            following = tokens[last + gap]
            if following.kind == "number" or following.text.lower() in _PROPORTION_WORDS:
                return True  # "nine out of ten", "two in three": a proportion (proportions.py)
    if first >= 2 and tokens[first - 1].text == "in" and word_value(tokens[first - 2].text):
        return True  # "three" in "one in three firearms": the denominator of a proportion
    return (
        first > 0
        and first == last
        and tokens[first].text in ("two", "three")
        and tokens[first - 1].text.lower() in ("the", "both", "these", "those")
    )


_PROPORTION_WORDS = frozenset({"every", *UNITS, *TENS})


def _is_currency(token: Token) -> bool:
    return token.text in CURRENCY_CODES or token.text in CURRENCY_SIGNS or token.text == "US"


def find_figures(
    text: str,
    tokens: list[Token],
    sentences: SentenceIndex,
    excluded: list[tuple[int, int]],
    periods: list[Period],
) -> list[Figure]:
    """Return the figures in ``text``; numbers inside ``excluded`` spans (dates) are skipped.

    ``tokens`` are the text's tokens and ``periods`` its period phrases, both
    computed once by the caller.
    """
    blocked = bytearray(len(text) + 1)
    for start, end in excluded:
        blocked[start:end] = b"\x01" * (end - start)
    figures: list[Figure] = []
    # A coarse filter in one comprehension (the hot loop), the exact test after it.
    coarse = [
        i
        for i, t in enumerate(tokens)
        if t.kind == "number"
        or (t.kind == "word" and (t.text in _START_FORMS or "-" in t.text))
        or t.text.endswith("fold")
    ]
    resume = 0
    for i in coarse:
        token = tokens[i]
        if i < resume or blocked[token.start] or not _may_start_number(token):
            continue
        core = _read_core(tokens, i)
        if core is not None and token.text in ("a", "an") and i and tokens[i - 1].text == "half":
            core.first, core.value = i - 1, core.value / 2  # "half a million dollars"
        if core is None or _excluded_number(text, tokens, core) or _anaphoric(tokens, core):
            continue
        figure = _build(text, tokens, core, sentences, periods)
        if figure is not None and figures and figure.start <= figures[-1].start:
            figures.pop()  # the lower bound of a range this figure now spans
        if figure is not None:
            figures.append(figure)
            resume = core.last + 1
    return figures


def _build(
    text: str,
    tokens: list[Token],
    core: _Core,
    sentences: SentenceIndex,
    periods: list[Period],
) -> Figure | None:
    sentence = sentences.at(tokens[core.first].start)
    start = tokens[core.first].start
    end = tokens[core.last].end
    unit = core.unit
    kind = core.kind
    # Currency before: "USD 60 million", "US$ 5", "$5", "€3m".
    k = core.first - 1
    if k >= 0 and tokens[k].text in CURRENCY_SIGNS:
        unit = CURRENCY_SIGNS[tokens[k].text]
        if k >= 1 and tokens[k - 1].text == "US" and tokens[k - 1].end == tokens[k].start:
            k -= 1
        start = tokens[k].start
        kind = "money"
        k -= 1
    elif k >= 0 and tokens[k].text in CURRENCY_CODES:
        unit = tokens[k].text
        start = tokens[k].start
        kind = "money"
        k -= 1
    after = core.last + 1
    if after < len(tokens):
        nxt = tokens[after].text.lower()
        if tokens[after].text == "%":
            unit, kind, end, after = "%", "percent", tokens[after].end, after + 1
        elif nxt == "percent" or (
            nxt == "per" and after + 1 < len(tokens) and tokens[after + 1].text == "cent"
        ):
            last = after if nxt == "percent" else after + 1
            unit, kind, end, after = "%", "percent", tokens[last].end, last + 1
        elif nxt in CURRENCY_WORDS and unit is None:
            unit, kind, end, after = CURRENCY_WORDS[nxt], "money", tokens[after].end, after + 1
        elif (
            nxt == "cubic"
            and after + 1 < len(tokens)
            and tokens[after + 1].text.lower() in ("metres", "meters")
        ):
            unit, kind, end, after = "m3", "measure", tokens[after + 1].end, after + 2
        elif nxt in MEASURE_UNITS and unit is None:
            # "1.2 tonnes of cocaine": the unit is "t", what is counted comes after "of".
            unit, kind, end, after = MEASURE_UNITS[nxt], "measure", tokens[after].end, after + 1
    qualifier = None
    head_text = text[max(sentence.start, start - 40) : start]
    match = _QUALIFIER_BEFORE.search(head_text) or _RANGE_BEFORE.search(head_text)
    if match:
        word = match["q"].lower()
        before_q = head_text[: match.start()].rstrip().split(" ")[-1:]
        spatial = word == "over" and before_q and before_q[0].endswith("ly")
        if not spatial:
            qualifier = word
            start -= len(head_text) - match.start()
    # What is counted.
    skip = after
    if (
        kind in ("money", "measure", "percent")
        and skip < len(tokens)
        and tokens[skip].text.lower() in ("in", "of")
    ):
        skip += 1
        if skip < len(tokens) and tokens[skip].text.lower() in ("the", "these", "those", "all"):
            skip += 1  # "30% of the victims"
        if (
            skip + 1 < len(tokens)
            and tokens[skip].text.endswith("ed")
            and tokens[skip].text.islower()
        ):
            skip += 1  # "70% of identified victims"
    elif (
        skip + 1 < len(tokens)
        and tokens[skip].text.lower() == "worth"
        and tokens[skip + 1].text.lower() == "of"
    ):
        skip += 2
    words, phrase_end = noun_phrase(tokens, skip)
    phrase = canonical_phrase(words, sentence.start)
    if core.counts_hint:
        phrase = f"{phrase} {core.counts_hint}".strip()
    elif kind in ("money", "percent") and not words:
        lead = core.first
        while lead > 0 and tokens[lead - 1].start >= start:
            lead -= 1
        context, prefix = counts_from_context(tokens, lead, kind, sentence.start)
        if context:
            phrase = prefix + canonical_phrase(context, sentence.start)
        else:
            phrase = "amount" if kind == "money" else "share"
    elif kind == "measure" and not words:
        # "Seizures of methamphetamine ... reached a record 190 tonnes": the subject.
        dash = text.rfind(" – ", sentence.start, start)  # after a dateline ("BANGKOK – ")
        floor = sentence.start if dash == -1 else dash + 3
        subject = sentence_subject(tokens, floor, core.first)
        phrase = canonical_phrase(subject, floor) if subject else ""
    if not phrase and kind == "count":
        return None  # a bare number with nothing counted is not a cited figure
    if words and skip == after:
        end = max(end, tokens[phrase_end - 1].end)
    if words and words[-1].text.lower() in {"hours", "days", "weeks", "months", "years"}:
        kind = "duration" if kind == "count" else kind
    before_tokens = [
        t for t in tokens[max(0, core.first - 12) : core.first] if t.start >= sentence.start
    ]
    attendee = (
        len(before_tokens) >= 2
        and before_tokens[-1].text.lower() == "from"
        and before_tokens[-2].text.lower() in ATTENDEE_NOUNS
    )
    sentence_text = sentences.text_of(sentence)
    phrase = refine(phrase, sentence_text, before_tokens, attendee)
    suffix, after_rate = rate_suffix(tokens, phrase_end)
    if suffix and words:
        phrase += suffix
        kind = "rate"
        end = tokens[after_rate - 1].end
    first = bisect_left(periods, sentence.start, key=lambda p: p.start)
    in_sentence = []
    for period in periods[first:]:
        if period.start >= sentence.end:
            break
        if period.end <= sentence.end:
            in_sentence.append(period)
    return Figure(
        start=start,
        end=end,
        text=text[start:end],
        value=core.value,
        unit=unit,
        qualifier=qualifier,
        counts=phrase,
        sentence=sentence_text,
        sentence_start=sentence.start,
        period=period_for(in_sentence, start),
        kind=kind,
    )
