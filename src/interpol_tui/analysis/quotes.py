"""Find quotations (curly or straight, across paragraphs) and who said them."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from interpol_tui.analysis.model import EntitySpan, Quote
from interpol_tui.analysis.names import SPEECH_VERBS
from interpol_tui.analysis.people import NOMINAL, PeopleRegistry
from interpol_tui.analysis.sentences import SentenceIndex, paragraphs

_DOUBLE_OPEN = "“"
_DOUBLE_CLOSE = "”"
_SINGLE_OPEN = "‘"
_SINGLE_CLOSE = "’"
_WORD = re.compile(r"[\w’'-]+")
_PRONOUNS = frozenset({"he", "she", "they"})
_MIN_QUOTE_WORDS = 3
"""Shorter quoted words with no speaker are scare quotes ("a million ‘hits’")."""
_SPEAKER_REACH = 400
"""Characters before an opening mark searched for its speaker (real cues are within 210)."""


@dataclass
class _Segment:
    start: int
    end: int
    open_at: int
    close_at: int | None
    group: int


def _is_open(text: str, i: int, mark: str) -> bool:
    char = text[i]
    if (
        char == mark
        or (char == '"' and mark == _DOUBLE_OPEN)
        or (char == "'" and mark == _SINGLE_OPEN)
    ):
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        return (before.isspace() or before in "([—–-:“") and not after.isspace()
    return False


def _is_close(text: str, i: int, mark: str) -> bool:
    char = text[i]
    if (
        char == mark
        or (char == '"' and mark == _DOUBLE_CLOSE)
        or (char == "'" and mark == _SINGLE_CLOSE)
    ):
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        return not before.isspace() and not after.isalnum()
    return False


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_MARKS = re.compile(r"[“”‘\"']")


class _SegmentReader:
    """Reads the quotation marks of a text paragraph by paragraph."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.segments: list[_Segment] = []
        self.group = -1
        self.open_group = False
        """True when the previous paragraph ended inside a quotation."""
        self._para_start = 0
        self._closes: _SingleCloses | None = None
        """Where single quotations of the paragraph can close (built when one opens)."""

    def emit(self, begin: int, stop: int, opened_at: int, close_at: int | None) -> None:
        start, end = _trimmed(self.text, begin, stop)
        if end > start:
            self.segments.append(_Segment(start, end, opened_at, close_at, self.group))

    def paragraph(self, para_start: int, para_end: int) -> None:
        text = self.text
        current: int | None = None  # offset just after the opening mark
        opened_at = 0
        resume = para_start  # marks inside a single-quoted passage are skipped
        self._para_start, self._closes = para_start, None
        for mark in _MARKS.finditer(text, para_start, para_end):
            i = mark.start()
            if i < resume:
                continue
            if current is None:
                if _is_open(text, i, _DOUBLE_OPEN):
                    if not (self.open_group and i == para_start):
                        self.group += 1
                    current, opened_at = i + 1, i
                elif _is_open(text, i, _SINGLE_OPEN):
                    resume = self._single(i, para_end, resume)
                self.open_group = False
            elif _is_close(text, i, _DOUBLE_CLOSE):
                self.emit(current, i, opened_at, i)
                current = None
            elif text[i] == _DOUBLE_OPEN:
                # A new opening mark before any closing one: the quotation went on
                # into a new (glued) paragraph with its closing mark left out.
                self.emit(current, i, opened_at, None)
                current, opened_at = i + 1, i
        if current is not None:
            self.emit(current, para_end, opened_at, None)
        self.open_group = current is not None

    def _single(self, i: int, para_end: int, resume: int) -> int:
        """A single-quoted passage opening at ``i``; returns where reading resumes."""
        if self._closes is None:
            self._closes = _SingleCloses(self.text, self._para_start, para_end)
        close = self._closes.find(self.text, i + 1)
        if close is None:
            return resume
        self.group += 1
        self.emit(i + 1, close, i, close)
        return close + 1


def find_segments(text: str) -> list[_Segment]:
    """Return quoted passages; a paragraph left open continues in the next one that reopens."""
    reader = _SegmentReader(text)
    for para_start, para_end in paragraphs(text):
        reader.paragraph(para_start, para_end)
    return reader.segments


class _SingleCloses:
    """Where single-quoted passages of one paragraph can close, found in one pass.

    An opening mark with no closing one used to scan to the paragraph's end,
    so a paragraph of unclosed ones was quadratic; now each looks its closing
    mark up by bisection.
    """

    def __init__(self, text: str, start: int, stop: int) -> None:
        self.curly: list[int] = []
        self.straight: list[int] = []
        self.double_opens: list[int] = []
        for match in re.finditer("[’'“]", text[start:stop]):
            i = start + match.start()
            char = text[i]
            if char == _DOUBLE_OPEN:
                self.double_opens.append(i)
            elif (i + 1 >= len(text) or not text[i + 1].isalpha()) and not text[i - 1].isspace():
                (self.curly if char == _SINGLE_CLOSE else self.straight).append(i)

    def find(self, text: str, start: int) -> int | None:
        """The closing mark of the passage opened just before ``start``, or None."""
        candidates = [self.curly]
        if text[start - 1] == "'":
            candidates.append(self.straight)
        found = [c[k] for c in candidates if (k := bisect_left(c, start)) < len(c)]
        close = min(found, default=None)
        k = bisect_left(self.double_opens, start)
        if k < len(self.double_opens) and (close is None or self.double_opens[k] < close):
            return None  # a double quotation opens first
        return close


class _Speakers:
    """Resolve who speaks from the words around a quotation."""

    def __init__(
        self,
        text: str,
        entities: tuple[EntitySpan, ...],
        people: PeopleRegistry,
        sentences: SentenceIndex,
    ) -> None:
        self.text = text
        self.entities = entities
        self.people = people
        self.sentences = sentences
        self._persons = [e for e in entities if e.type == "person"]
        self._person_starts = [e.start for e in self._persons]
        self._named = [e for e in entities if e.type in ("person", "organization")]
        self._named_starts = [e.start for e in self._named]

    def _persons_between(self, start: int, end: int) -> list[EntitySpan]:
        """Person mentions inside [start, end), found by bisection (texts can be long)."""
        first = bisect_left(self._person_starts, start)
        last = bisect_left(self._person_starts, end)
        return [e for e in self._persons[first:last] if e.end <= end]

    def _person_in(self, start: int, end: int, first: bool) -> str | None:
        found = self._persons_between(start, end)
        if not found:
            return None
        return (found[0] if first else found[-1]).canonical

    def _nominal_in(self, start: int, end: int) -> str | None:
        match = NOMINAL.search(self.text, start, end)
        if match:
            person = self.people.by_role(match["phrase"], match.start())
            if person is not None:
                return person.canonical
        return None

    def after(self, close: int, stop: int) -> str | None:
        """Speaker named after the closing mark: "” said Secretary General Stock"."""
        sentence = self.sentences.at(close)
        limit = min(stop, max(sentence.end, close + 1), close + 120)
        window = self.text[close + 1 : limit]
        words = list(_WORD.finditer(window))
        if not words:
            return None
        first = words[0].group().lower()
        if first in SPEECH_VERBS:
            cut = _clause_end(window, words[0].end())
            end = close + 1 + cut
            found = self._person_in(close + 1, end, True) or self._nominal_in(close + 1, end)
            if found is None and window[cut : cut + 1] == ",":
                # "said Hungary’s Minister of the Interior, Sándor Pintér, who ...".
                end = close + 1 + _clause_end(window, cut + 1)
                found = self._person_in(close + 1, end, True)
            return found
        for index, word in enumerate(words[:6]):
            if word.group().lower() in SPEECH_VERBS:
                end = close + 1 + word.start()
                if index == 1 and words[0].group().lower() in _PRONOUNS:
                    return self.last_person(close)
                return self._person_in(close + 1, end, False) or self._nominal_in(close + 1, end)
        return None

    def before(self, open_at: int) -> str | None:
        """Speaker named before the opening mark: "Prime Minister Modi said, “"."""
        sentence = self.sentences.at(open_at)
        # A speaker is named close before the quotation; reading back to the
        # sentence start for each quotation made a long one quadratic.
        start = max(sentence.start, open_at - _SPEAKER_REACH)
        window = self.text[start:open_at]
        introduced = self.text[:open_at].rstrip()
        if not window.strip() and introduced.endswith(":"):
            # "Jane Doe, Director of ..., said:" closing the paragraph before the quotation.
            start = self.sentences.at(len(introduced) - 1).start
            open_at = len(introduced)
            window = self.text[start:open_at]
        verbs = [m for m in _WORD.finditer(window) if m.group().lower() in SPEECH_VERBS]
        if not verbs and "according to" not in window.lower():
            return None
        if verbs:
            verb = verbs[-1]
            speaker = self._person_in(start, start + verb.start(), False)
            if speaker is None:
                speaker = self._nominal_in(start, start + verb.start())
            if speaker is None:
                speaker = self._person_in(start + verb.end(), open_at, True)
            if speaker is None and window[: verb.start()].strip().lower().split()[-1:] in (
                ["he"],
                ["she"],
            ):
                speaker = self.last_person(open_at)
            return speaker
        return self._person_in(start, open_at, True)

    def subject(self, open_at: int) -> str | None:
        """The first person or organisation of the sentence, for a quoted phrase with no verb."""
        sentence = self.sentences.at(open_at)
        index = bisect_left(self._named_starts, sentence.start)
        if index < len(self._named) and self._named[index].start < open_at:
            return self._named[index].canonical
        return None

    def last_person(self, offset: int) -> str | None:
        """The person mentioned last before ``offset``."""
        index = bisect_left(self._person_starts, offset)
        while index > 0:
            index -= 1
            if self._persons[index].end <= offset:
                return self._persons[index].canonical
        return None


_CLAUSE_MARK = re.compile(r"[,.;:!?“”]")
_INITIAL_BEFORE = re.compile(r"(?:^|\s)(?:[A-Z]|Dr|Mr|Mrs|Ms|Prof|St)$")


def _clause_end(window: str, start: int) -> int:
    """Where the clause from ``start`` ends; the point of an initial ("Ronald K. Noble") or of
    "Dr." does not end it."""
    for match in _CLAUSE_MARK.finditer(window, start):
        if match.group() == "." and _INITIAL_BEFORE.search(window, 0, match.start()):
            continue
        return match.start()
    return len(window)


def find_quotes(
    text: str,
    entities: tuple[EntitySpan, ...],
    people: PeopleRegistry,
    sentences: SentenceIndex | None = None,
) -> list[Quote]:
    """Return the quotations of ``text`` with their speakers, sorted by offset."""
    segments = find_segments(text)
    speakers = _Speakers(text, entities, people, sentences or SentenceIndex(text))
    groups: dict[int, list[_Segment]] = {}
    for segment in segments:
        groups.setdefault(segment.group, []).append(segment)
    quotes: list[Quote] = []
    previous: str | None = None
    previous_end = -1
    for group, members in sorted(groups.items()):
        first, last = members[0], members[-1]
        stop = len(text)
        speaker = None
        if last.close_at is not None:
            speaker = speakers.after(last.close_at, stop)
        if speaker is None:
            speaker = speakers.before(first.open_at)
        words = len(_WORD.findall(text[first.start : last.end]))
        if speaker is None and len(members) == 1 and words < _MIN_QUOTE_WORDS:
            continue  # a scare quote, not a quotation
        if speaker is None and text[first.open_at] in "‘'":
            speaker = speakers.subject(first.open_at)
        if speaker is None and previous is not None and _near(text, previous_end, first.open_at):
            speaker = previous  # the same speaker goes on in the next paragraph
        for member in members:
            quotes.append(
                Quote(member.start, member.end, text[member.start : member.end], speaker, group)
            )
        previous, previous_end = speaker, last.end
    return quotes


def _near(text: str, end: int, start: int) -> bool:
    """True when only one paragraph break or less separates two quotations."""
    return start - end >= 0 and text.count("\n\n", end, start) <= 1
