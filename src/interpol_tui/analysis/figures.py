"""Find the numeric figures a release cites, with value, unit, qualifier and what they count."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from interpol_tui.analysis.counted import (
    CHANGE_WORDS,
    canonical_phrase,
    counts_from_context,
    noun_phrase,
    rate_suffix,
    refine,
    sentence_subject,
)
from interpol_tui.analysis.dates import NUMBER_LABELS
from interpol_tui.analysis.ellipsis import ELLIPSIS, elliptical
from interpol_tui.analysis.lexicons import (
    ATTENDEE_NOUNS,
    CURRENCY_CODES,
    CURRENCY_SIGNS,
    MEASURE_UNITS,
    QUALIFIERS,
    UNIT_PHRASE_LENGTHS,
    UNIT_PHRASES,
)
from interpol_tui.analysis.model import Figure
from interpol_tui.analysis.names import OPERATION_HEADS, ORG_HEADS
from interpol_tui.analysis.number_reader import START_FORMS, Core, may_start_number, read_core
from interpol_tui.analysis.numbers import (
    TENS,
    UNITS,
    parse_digits,
    word_value,
)
from interpol_tui.analysis.overlap import Claims
from interpol_tui.analysis.periods import Period, period_for
from interpol_tui.analysis.qualifiers import qualifier_before
from interpol_tui.analysis.sentences import SentenceIndex
from interpol_tui.analysis.token_search import indexes_holding
from interpol_tui.analysis.tokens import Token

_SLASH_AFTER = re.compile(r"\s*/\s*\d")
_SLASH_BEFORE = re.compile(r"\d\s*/\s*$")
_QUALIFIER_WORDS = frozenset(q.split(" ")[0] for q in QUALIFIERS) | {"in", "by", "to"}


def _excluded_number(text: str, tokens: list[Token], core: Core) -> bool:
    """Labels, fractions, ordinals, times and numbers inside names are not figures."""
    first, last = tokens[core.first], tokens[core.last]
    if first.kind == "number":
        before = text[max(0, first.start - 1) : first.start]
        after = text[last.end : last.end + 2]
        if before in ("/", ":", "#", "-", "–") or after[:1] in ("/", ":"):
            return True
        if after[:1].isalpha() and not (
            core.last + 1 < len(tokens) and _glued_unit(last, tokens[core.last + 1])
        ):
            return True  # "3G", "B2B": a number inside a word; not "54kg"
        # Both patterns need a slash: most numbers have none near them, decided with ``in``.
        after_six, before_six = (
            text[last.end : last.end + 6],
            text[max(0, first.start - 6) : first.start],
        )
        if ("/" in after_six and _SLASH_AFTER.match(after_six)) or (
            "/" in before_six and _SLASH_BEFORE.search(before_six)
        ):
            return True  # "71/19", "1 / 3": a resolution number or a counter
        if core.first > 0 and tokens[core.first - 1].text.lower().rstrip(".") in NUMBER_LABELS:
            return True
        if _names_a_body(tokens, core.last + 1):
            return True  # "the 1267 Committee", "the 1540 Group": a number in a name
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


def _glued_unit(number: Token, word: Token) -> bool:
    """ "54kg", "12km": a unit of measure written straight after the digits."""
    return word.start == number.end and word.text.lower() in MEASURE_UNITS


def _names_a_body(tokens: list[Token], index: int) -> bool:
    """True when ``tokens[index]`` is a capitalised head of a body or programme ("Committee")."""
    if index >= len(tokens):
        return False
    word = tokens[index].text
    return word[:1].isupper() and (word in ORG_HEADS or word in OPERATION_HEADS)


def _anaphoric(tokens: list[Token], core: Core) -> bool:
    """ "the two organizations" (named before) and "two in three" are not counts."""
    first, last = core.first, core.last
    after = tokens[last + 1].text if last + 1 < len(tokens) else ""
    if after in ("in", "out") and core.value <= 10:  # "31 in 2023" is no proportion
        gap = 2 if after == "in" else 3
        if last + gap < len(tokens) and (after == "in" or tokens[last + 2].text == "of"):
            following = tokens[last + gap]
            if following.kind == "number" or following.text.lower() in _PROPORTION_WORDS:
                return True  # "nine out of ten", "two in three": a proportion (proportions.py)
    if first >= 2 and tokens[first - 1].text == "in" and word_value(tokens[first - 2].text):
        return True  # "three" in "one in three firearms": the denominator of a proportion
    # "the four organizations", "these two countries": a spelled number after a definite
    # determiner points back at things named before; digits ("the 196 members") count,
    # and so do things defined right after ("the five priorities agreed in Vienna").
    if not (
        first > 0
        and first == last
        and tokens[first].kind == "word"
        and (word_value(tokens[first].text) or 0) >= 2
        and tokens[first - 1].text.lower() in _DEFINITE
    ):
        return False
    _words, end = noun_phrase(tokens, last + 1)
    then = [t.text for t in tokens[end : end + 2]]
    if then and then[0] in _RELATIVES:
        return False  # "the three pillars that ..."
    # "the five priorities agreed by ministers": a participle and its complement.
    participle = len(then) == 2 and then[0].endswith("ed") and then[0].islower()
    return not (participle and then[1] in _PARTICIPLE_LINKS)


_DEFINITE = frozenset({"the", "both", "these", "those"})
_RELATIVES = frozenset({"that", "which", "who", "whose", "listed", "set", "named"})
_PARTICIPLE_LINKS = frozenset({"by", "in", "at", "under", "during"})
_PROPORTION_WORDS = frozenset({"every", *UNITS, *TENS})


def _is_currency(token: Token) -> bool:
    return token.text in CURRENCY_CODES or token.text in CURRENCY_SIGNS or token.text == "US"


def find_figures(
    text: str,
    tokens: list[Token],
    sentences: SentenceIndex,
    claims: Claims,
    periods: list[Period],
) -> list[Figure]:
    """Return the figures in ``text``; a number that starts inside a claimed span is skipped.

    ``tokens`` are the text's tokens and ``periods`` its period phrases, both
    computed once by the caller; ``claims`` holds what earlier components found
    (dates, period phrases).
    """
    figures: list[Figure] = []
    coarse = _coarse_candidates(text, tokens)
    resume = 0
    for i in coarse:
        token = tokens[i]
        if i < resume or claims.covers(token.start) or not may_start_number(token):
            continue
        core = read_core(tokens, i)
        if core is not None and token.text in ("a", "an") and i and tokens[i - 1].text == "half":
            core.first, core.value = i - 1, core.value / 2  # "half a million dollars"
        if core is None or _excluded_number(text, tokens, core) or _anaphoric(tokens, core):
            continue
        figure = _build(text, tokens, core, sentences, periods)
        if figure is not None and figures and figure.start <= figures[-1].start:
            figure = _with_low(figure, figures.pop())  # the range's lower end, now spanned
        if figure is not None and figure.counts == ELLIPSIS:
            figure = replace(figure, counts=figures[-1].counts) if figures else None
        if figure is not None:
            figures.append(figure)
            resume = core.last + 1
    return figures


def _coarse_candidates(text: str, tokens: list[Token]) -> list[int]:
    """Indexes of the tokens a number may start at, in order: the coarse filter before the
    exact test (:func:`may_start_number`).

    Numbers and number words come from one comprehension over the tokens (the hot
    loop; a word of :data:`START_FORMS` is never punctuation or digits); the few
    words with a hyphen ("four-day") or ending in "fold" are found through the text.
    """
    found = [i for i, t in enumerate(tokens) if t.kind == "number" or t.text in START_FORMS]
    rare = [
        i
        for i in (*indexes_holding(text, tokens, "-"), *indexes_holding(text, tokens, "fold"))
        if tokens[i].kind == "word" and ("-" in tokens[i].text or tokens[i].text.endswith("fold"))
    ]
    return sorted({*found, *rare}) if rare else found


def _with_low(figure: Figure, lower: Figure) -> Figure:
    """ "between 2 and 5 tonnes": the figure of 5 keeps 2 as its range's lower end."""
    if lower.value < figure.value and lower.unit in (None, figure.unit):
        return replace(figure, low=lower.value)
    return figure


@dataclass
class _Extent:
    """A figure's span, unit and kind as the words around its number extend them."""

    start: int
    end: int
    unit: str | None
    kind: str
    after: int
    """Index of the first token after the number and its unit."""
    low: float | None = None
    """A range's lower end, read from "between 2 and" before the number."""


def _currency_before(tokens: list[Token], core: Core, extent: _Extent) -> None:
    """ "USD 60 million", "US$ 5", "$5", "€3m": a currency code or sign before the number."""
    k = core.first - 1
    if k < 0:
        return
    text = tokens[k].text
    if text in CURRENCY_SIGNS:
        extent.unit = CURRENCY_SIGNS[text]
        if k >= 1 and tokens[k - 1].text == "US" and tokens[k - 1].end == tokens[k].start:
            k -= 1
    elif text in CURRENCY_CODES:
        extent.unit = text
    else:
        return
    extent.start, extent.kind = tokens[k].start, "money"


def _unit_after(tokens: list[Token], extent: _Extent) -> None:
    """ "12%", "5 per cent", "3 million euros", "1.2 tonnes", "40 cubic metres": the unit."""
    index = extent.after
    if index >= len(tokens) or tokens[index].text.lower() not in _UNIT_FIRST_WORDS:
        return  # most figures are plain counts: decided with one look
    for length in UNIT_PHRASE_LENGTHS:
        words = tuple(t.text.lower() for t in tokens[index : index + length])
        phrase = UNIT_PHRASES.get(words) if len(words) == length else None
        if phrase is None or (phrase.bare_only and extent.unit is not None):
            continue
        extent.unit, extent.kind = phrase.unit, phrase.kind
        extent.end, extent.after = tokens[index + length - 1].end, index + length
        return


_UNIT_FIRST_WORDS = frozenset(words[0] for words in UNIT_PHRASES)


def _qualify(text: str, sentence_start: int, extent: _Extent) -> str | None:
    """The qualifier before the figure ("more than", "between 2 and"), moving its start."""
    head_text = text[max(sentence_start, extent.start - 40) : extent.start]
    match = qualifier_before(head_text)
    if not match:
        return None
    word = match["q"].lower()
    before_q = head_text[: match.start()].rstrip().split(" ")[-1:]
    if word == "over" and before_q and before_q[0].endswith("ly"):
        return None  # "spread widely over 20 countries": a place, not a hedge
    extent.start -= len(head_text) - match.start()
    if "low" in match.groupdict() and match["low"]:
        extent.low = _range_low(match["low"], match["scale"])
    return word


def _range_low(digits: str, scale: str | None) -> float | None:
    """ "2", "10 billion": a range's lower end as written (a scale only if it has one)."""
    value = parse_digits(digits)
    if value is None or scale is None:
        return value
    return value * (1e9 if scale.lower() in ("billion", "bn") else 1e6)


def _counted_from(tokens: list[Token], kind: str, index: int) -> int:
    """Where the counted noun phrase starts: after "of the" in "30% of the victims"."""

    def lower(i: int) -> str:
        return tokens[i].text.lower() if i < len(tokens) else ""

    if kind in ("money", "measure", "percent") and lower(index) in ("in", "of"):
        index += 1
        if lower(index) in ("the", "these", "those", "all"):
            index += 1  # "30% of the victims"
        word = tokens[index].text if index + 1 < len(tokens) else ""
        if word.endswith("ed") and word.islower():
            index += 1  # "70% of identified victims"
    elif lower(index) == "worth" and lower(index + 1) == "of":
        index += 2
    return index


def _phrase_from_context(
    text: str, tokens: list[Token], core: Core, extent: _Extent, sentence_start: int
) -> str:
    """What an amount, share or measure with no noun after it counts, from its sentence."""
    if extent.kind in ("money", "percent"):
        lead = core.first
        while lead > 0 and tokens[lead - 1].start >= extent.start:
            lead -= 1
        context, prefix = counts_from_context(tokens, lead, extent.kind, sentence_start)
        if context:
            return prefix + canonical_phrase(context, sentence_start)
        return "amount" if extent.kind == "money" else "share"
    # "Seizures of methamphetamine ... reached a record 190 tonnes": the subject.
    dash = text.rfind(" – ", sentence_start, extent.start)  # after a dateline ("BANGKOK – ")
    floor = sentence_start if dash == -1 else dash + 3
    subject = sentence_subject(tokens, floor, core.first)
    return canonical_phrase(subject, floor) if subject else ""


_MULTIPLIER_FOLLOWERS = frozenset({"the", "as", "more", "higher", "larger", "greater", "that"})


def _next_text(tokens: list[Token], index: int) -> str:
    return tokens[index].text.lower() if index < len(tokens) else ""


def _after_change(tokens: list[Token], first: int) -> bool:
    """ "fell to 31", "down from 40", "rose from 95": a number a change verb reaches."""
    if first < 2 or tokens[first - 1].text not in ("to", "from"):
        return False
    return tokens[first - 2].text.lower() in CHANGE_WORDS


def _attendee_before(before_tokens: list[Token]) -> bool:
    """ "delegates from 90 countries": the count is of attendees' countries."""
    return (
        len(before_tokens) >= 2
        and before_tokens[-1].text.lower() == "from"
        and before_tokens[-2].text.lower() in ATTENDEE_NOUNS
    )


def _periods_in(periods: list[Period], start: int, end: int) -> list[Period]:
    first = bisect_left(periods, start, key=lambda p: p.start)
    inside: list[Period] = []
    for period in periods[first:]:
        if period.start >= end:
            break
        if period.end <= end:
            inside.append(period)
    return inside


def _phrase(
    text: str, tokens: list[Token], core: Core, extent: _Extent, words: list[Token], floor: int
) -> str:
    """What the figure counts: its noun phrase, else what its sentence says."""
    phrase = canonical_phrase(words, floor)
    if core.counts_hint:
        return f"{phrase} {core.counts_hint}".strip()
    if not words and extent.kind in ("money", "percent", "measure"):
        return _phrase_from_context(text, tokens, core, extent, floor)
    if not phrase and extent.kind == "count" and _after_change(tokens, core.first):
        # "Homicides fell to 31 in 2023, down from 40": the sentence's subject is counted.
        subject = sentence_subject(tokens, floor, core.first)
        return canonical_phrase(subject, floor) if subject else ""
    return phrase


def _build(
    text: str,
    tokens: list[Token],
    core: Core,
    sentences: SentenceIndex,
    periods: list[Period],
) -> Figure | None:
    start = tokens[core.first].start
    sentence = sentences.at(start)
    extent = _Extent(start, tokens[core.last].end, core.unit, core.kind, core.last + 1)
    _currency_before(tokens, core, extent)
    _unit_after(tokens, extent)
    qualifier = _qualify(text, sentence.start, extent)
    skip = _counted_from(tokens, extent.kind, extent.after)
    words, phrase_end = noun_phrase(tokens, skip)
    if words and "\n" in text[tokens[skip - 1].end : words[0].start]:
        words = []  # "5926\n\nViews": a noun on the next line is no counted noun
    phrase = _phrase(text, tokens, core, extent, words, sentence.start)
    kind = extent.kind
    if not phrase and kind == "count":
        if not elliptical(tokens, core):
            return None  # a bare number with nothing counted is not a cited figure
        phrase = ELLIPSIS  # "Three have been sentenced": the things counted just before
    end = extent.end
    if words and skip == extent.after:
        end = max(end, tokens[phrase_end - 1].end)
    if words and words[-1].text.lower() in _DURATION_NOUNS:
        kind = "duration" if kind == "count" else kind
    before_tokens = [
        t for t in tokens[max(0, core.first - 12) : core.first] if t.start >= sentence.start
    ]
    sentence_text = sentences.text_of(sentence)  # shared by its figures
    phrase = refine(phrase, sentence_text, before_tokens, _attendee_before(before_tokens))
    if phrase == "times" and _next_text(tokens, phrase_end) not in _MULTIPLIER_FOLLOWERS:
        return None  # "arrested four times": occasions; "four times the amount" multiplies
    suffix, after_rate = rate_suffix(tokens, phrase_end)
    if suffix and words:
        phrase += suffix
        kind = "rate"
        end = tokens[after_rate - 1].end
    in_sentence = _periods_in(periods, sentence.start, sentence.end) if periods else []
    span = text[extent.start : end]
    return Figure(
        start=extent.start,
        end=end,
        text=span,
        value=core.value,
        unit=extent.unit,
        qualifier=qualifier,
        counts=phrase,
        sentence=sentence_text,
        sentence_start=sentence.start,
        period=period_for(in_sentence, extent.start),
        kind=kind,
        low=_scaled_low(extent.low, core.value, span),
    )


def _scaled_low(low: float | None, value: float, span: str) -> float | None:
    """ "between 10 and 15 million": the lower end shares the upper end's scale word."""
    if low is None or low >= value:
        return None
    if low * 1000 <= value:  # the lower end was written without the scale word
        for word, factor in (("billion", 1e9), ("million", 1e6)):
            if word in span.lower() and low * factor < value:
                return low * factor
    return low


_DURATION_NOUNS = frozenset({"hours", "days", "weeks", "months", "years"})
