"""What a figure is tied to: the operation or meeting whose result or attendance it counts.

"720 delegates" at a General Assembly and "321 delegates" at a regional
conference count the same noun but not the same thing; "27 countries" in one
operation and "11 countries" in another are no series either. A figure is
*bound* to an event when its sentence names one ("Operation Harbour involved 27
countries"), or when it counts participation ("delegates", "countries
attending") or sits next to "the operation" / "the conference": then the event
is the one the release is about. Standing figures ("196 member countries",
"4.5 billion database searches") are bound to nothing. Two figures may join a
series only when both are standing or both are bound to like events (editions
of one operation or meeting are alike: "Pangea X", "Pangea XI").

The *subject* is whose the counted things are, when the text says so: "the
EU's 27 member states" and "ASEAN's 10 member states" are no series; "its 196
member countries" has no stated subject and joins either.
"""

from __future__ import annotations

import re
from functools import lru_cache

from interpol_tui.analysis.model import Figure

_CAP = r"[A-Z][\w’'\-]*"
_MEETING = (
    r"(?:Assembly|Conference|Meeting|Summit|Forum|Congress|Symposium|Workshop|Session|"
    r"Roundtable|Round Table|Seminar|Week|Exercise)"
)
# "Operation Storm Makers II"
_OPERATION = re.compile(rf"\bOperation\s+{_CAP}(?:\s+(?:{_CAP}|\d[\w.]*))*")
# A meeting word after a space; the capitalised words before it make its name:
# "General Assembly", "Heads of National Central Bureaus (NCBs) meeting",
# "European Regional Conference" (walked back in Python: a regex that tries
# every capitalised word as a start is slow on long sentences).
_MEETING_WORD = re.compile(rf"(?<=\s){_MEETING.lower()}\b")  # on lower-cased text
_NAME_LINKS = frozenset({"of", "on", "for", "and", "the", "against"})
_NAME_WINDOW = 100
# Words that refer back to the release's event ("the operation", "a major
# international crackdown", "the two-day conference").
_EVENT_REFERENCE = re.compile(
    r"\b(?:the|this|that|an?|its|their)\s+(?:[\w-]+\s+){0,4}?(?:operation|conference|meeting|"
    r"assembly|summit|forum|congress|symposium|workshop|session|exercise|campaign|action|"
    r"event|crackdown|sweep|raids?)\b"
)  # on lower-cased text: IGNORECASE makes every pattern here several times slower
# Results of an operation: "17 individuals arrested", "arrested 60 people".
_RESULT = re.compile(
    r"\b(?:arrest\w*|detain\w*|seiz\w*|rescu\w*|held|charged|convicted|recovered|"
    r"dismantled|intercepted|inspected|identified|located|confiscated)\b"
)  # on lower-cased text
_RESULT_CHARS = 40
"""How near a result verb must be to bind a figure to the release's operation."""
# Every named event and every reference contains one of these (lower-cased):
# substring tests rule out most sentences before any pattern runs.
_EVENT_WORDS = (
    *("operation", "conference", "meeting", "assembly", "summit", "forum", "congress"),
    *("symposium", "workshop", "session", "exercise", "campaign", "action", "event"),
    *("crackdown", "sweep", "raid", "table", "seminar", "week"),
)


@lru_cache(maxsize=8192)
def _lowered(text: str) -> str:
    """``text`` lower-cased, offsets kept (the rare letters whose lower case is longer stay)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


@lru_cache(maxsize=8192)
def _mentions_event(text: str) -> bool:
    lowered = _lowered(text)
    return any(word in lowered for word in _EVENT_WORDS)


@lru_cache(maxsize=4096)
def _participation(counts: str) -> bool:
    return _PARTICIPATION.search(counts) is not None


# Counted nouns and verbs of taking part: such a figure counts an event's attendance.
_PARTICIPATION = re.compile(
    r"\b(?:delegates?|delegations?|participants?|attendees?|representatives?|officials?|"
    r"experts?|speakers?|attend\w*|participat\w*|took part|taking part|take part|"
    r"gathered|brought together|joined)\b",
    re.IGNORECASE,
)
_NEAR_CHARS = 80
"""How far from a figure (in characters, within its sentence) an event reference binds it."""
# Edition marks that do not change which event it is: ordinals, numbers, years,
# Roman numerals ("88th General Assembly", "Operation Pangea XI").
_EDITION = re.compile(r"^(?:\d+(?:st|nd|rd|th)?|[IVXLC]+|\d{4}|the|of|and|on|for|against)$")


def named_events(text: str) -> list[str]:
    """The operations and meetings ``text`` names, in order."""
    return [name for _, name in _events_in(text)]


@lru_cache(maxsize=8192)
def _events_in(sentence: str) -> tuple[tuple[int, str], ...]:
    """``(offset, name)`` of each named event; cached (figures of a sentence share it)."""
    if not _mentions_event(sentence):
        return ()  # the cheap test: most sentences name no operation or meeting
    found = [(m.start(), m.group(0)) for m in _OPERATION.finditer(sentence)]
    for match in _MEETING_WORD.finditer(_lowered(sentence)):
        name = _name_before(sentence[max(0, match.start() - _NAME_WINDOW) : match.start()])
        if name:
            word = sentence[match.start() : match.end()]
            found.append((match.start() - len(name) - 1, f"{name} {word}"))
    return tuple(sorted(found))


def _name_before(text: str) -> str:
    """The capitalised words (with "of", "and"… between them) that end ``text``."""
    words: list[str] = []
    for word in reversed(text.split()):
        acronym = word.startswith("(") and word.endswith(")") and word[1:2].isupper()
        capitalised = word[0].isupper() and word[-1].isalnum()
        if not (capitalised or acronym or (word in _NAME_LINKS and words)):
            break
        words.append(word)
    while words and (words[-1] in _NAME_LINKS or words[-1].startswith("(")):
        words.pop()  # a name starts with a capitalised word
    return " ".join(reversed(words))


@lru_cache(maxsize=4096)
def event_key(name: str) -> str:
    """A name without its edition: "88th General Assembly" -> "general assembly"."""
    words = re.sub(r"[()]", " ", name).split()
    return " ".join(w.lower() for w in words if not _EDITION.match(w))


def release_event(title: str, text: str) -> str | None:
    """The event a release is about: the first named in its title, else in its opening."""
    for source in (title, text[:600]):
        names = named_events(source)
        if names:
            return event_key(names[0])
    return None


def figure_event(figure: Figure, at: int, release: str | None, doc_id: str) -> str | None:
    """The event the figure at offset ``at`` of its sentence is bound to, or None (standing).

    An event the release does not name is its own: ``doc:<id>``, alike to no other.
    A figure with a year of its own ("1,500 cases in 2012") is a yearly total:
    result verbs near it do not bind it.
    """
    sentence = figure.sentence
    end = at + len(figure.text)
    # Cheap tests first, cached per sentence: this runs for every figure of a corpus.
    lowered = _lowered(sentence)
    eventful = _mentions_event(sentence)
    named = _events_in(sentence) if eventful else ()
    if named:
        return event_key(min((abs(start - at), name) for start, name in named)[1])
    yearly = bool(figure.period and figure.period.isdigit())
    near = (max(0, at - _NEAR_CHARS), end + _NEAR_CHARS)
    close = (max(0, at - _RESULT_CHARS), end + _RESULT_CHARS)
    if (
        _participation(figure.counts)
        or (eventful and _EVENT_REFERENCE.search(lowered, *near))
        or (not yearly and _RESULT.search(lowered, *close))
    ):
        return release or f"doc:{doc_id}"
    return None


def like_events(a: str | None, b: str | None) -> bool:
    """True when two figures' events allow them in one series."""
    if a is None or b is None:
        return a is b
    if a == b:
        return True
    if a.startswith("doc:") or b.startswith("doc:"):
        return False
    words_a, words_b = set(a.split()), set(b.split())
    # "interpol general assembly" and "general assembly": one names it more fully.
    return words_a <= words_b or words_b <= words_a


# "the Union's 27 member states", "INTERPOL’s 196 member countries"
_OWNER_BEFORE = re.compile(
    r"(?P<owner>[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,4})[’']s\s+(?:[a-z][\w-]*\s+){0,2}$"
)
# "195 member countries of the Organization", "10 member states of ASEAN"
_OWNER_AFTER = re.compile(
    r"^\s+(?:of|in)\s+(?:the\s+)?(?P<owner>[A-Z][\w.\-]*(?:\s+(?:of\s+)?[A-Z][\w.\-]*){0,4})"
)
_GENERIC_OWNERS = frozenset(
    {"organization", "organisation", "agency", "union", "bureau", "office", "body", "group"}
)
_BEFORE_CHARS = 60


def figure_subject(sentence: str, at: int, length: int) -> str | None:
    """Whose counted things the figure at ``sentence[at:at + length]`` counts, if stated."""
    before = sentence[max(0, at - _BEFORE_CHARS) : at]
    # Every owner before the figure ends in "’s" or "'s": most windows have neither.
    match = _OWNER_BEFORE.search(before) if "’s" in before or "'s" in before else None
    if match is None:
        match = _OWNER_AFTER.match(sentence[at + length : at + length + _BEFORE_CHARS])
    if match is None:
        return None
    words = [w.lower() for w in match["owner"].split() if w.lower() not in ("the", "of")]
    if not words or (len(words) == 1 and words[0] in _GENERIC_OWNERS):
        return None  # "the Organization's": a stand-in, not a name
    return " ".join(words)


def like_subjects(a: str | None, b: str | None) -> bool:
    """True unless both figures state whose things they count, and the owners differ."""
    if a is None or b is None or a == b:
        return True
    words_a, words_b = set(a.split()), set(b.split())
    return words_a <= words_b or words_b <= words_a


# "130 cases of waste trafficking", "2 tonnes of cocaine": what the noun is of.
_COMPLEMENT = re.compile(r"^\s+of\s+(?P<of>(?:[a-z][\w-]*\s*){1,3})")
_COMPLEMENT_SKIP = frozenset({"the", "a", "an"})
# The complement ends at a preposition, a conjunction or a verb of the clause.
_COMPLEMENT_END = frozenset(
    """at in on for from to by with and or but which who that were was are is have has had
    into across through during between worth""".split()  # noqa: SIM905
)


def figure_complement(sentence: str, at: int, length: int) -> str | None:
    """The "of ..." that narrows the counted noun right after the figure, if any."""
    match = _COMPLEMENT.match(sentence[at + length : at + length + _BEFORE_CHARS])
    if match is None:
        return None
    words: list[str] = []
    for word in match["of"].split():
        if word in _COMPLEMENT_END:
            break
        if word not in _COMPLEMENT_SKIP:
            words.append(word)
    return " ".join(words[:2]) or None


def like_complements(a: str | None, b: str | None) -> bool:
    """ "cases of fraud" and "cases" are no series; "cases of fraud" twice may be."""
    return a == b
