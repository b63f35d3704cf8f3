"""Press-release English: the small closed word lists that the analysers share."""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
MONTH_ABBREVIATIONS: tuple[str, ...] = (
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
)  # fmt: skip
WEEKDAYS: tuple[str, ...] = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
)  # fmt: skip

# Words before a number that hedge it, longest first so "more than" wins over "than".
QUALIFIERS: tuple[str, ...] = (
    "well in excess of", "in excess of", "a little over", "a little more than", "just over",
    "just under", "more than", "less than", "fewer than", "greater than", "upwards of",
    "as many as", "as much as", "as few as", "close to", "at least", "at most", "up to",
    "an estimated", "approximately", "nearly", "almost", "around", "about", "roughly", "some",
    "over", "under", "below", "above", "circa",
)  # fmt: skip
QUALIFIER_BEFORE = re.compile(
    r"(?:^|(?<=\W))(?P<q>" + "|".join(re.escape(q) for q in QUALIFIERS) + r")\s+$",
    re.IGNORECASE,
)
"""A qualifier that ends the text before a number ("... more than ")."""

# Currency codes and signs, mapped to an ISO code.
CURRENCY_CODES = frozenset(
    """
USD EUR GBP CHF JPY CNY INR AUD CAD SGD HKD ZAR NGN BRL MXN KRW AED SAR RUB TRY IDR THB
MYR PHP VND KES GHS EGP ARS CLP COP PEN NZD SEK NOK DKK PLN CZK HUF
    """.split()  # noqa: SIM905
)
CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}
CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "francs": "CHF",
    "rupees": "INR",
    "yen": "JPY",
}

LENGTH_UNITS = {
    "metres": "m", "meters": "m", "metre": "m", "meter": "m", "feet": "ft", "foot": "ft",
    "kilometres": "km", "kilometers": "km", "km": "km", "miles": "mi", "centimetres": "cm",
}  # fmt: skip
"""Units of length, also after "cubic" or "square" ("40 cubic metres" -> m3)."""

MEASURE_UNITS = {
    "kilograms": "kg",
    "kilogrammes": "kg",
    "kilogram": "kg",
    "kilos": "kg",
    "kg": "kg",
    "grams": "g",
    "gram": "g",
    "tonnes": "t",
    "tonne": "t",
    "tons": "t",
    "litres": "L",
    "liters": "L",
    "hectares": "ha",
    "ton": "t",
    "kilogramme": "kg",
    "kilo": "kg",
    "litre": "L",
    "liter": "L",
    "kilometre": "km",
    **LENGTH_UNITS,
}
"""Units of measure after a number ("1.2 tonnes of cocaine") -> symbol."""
SINGLE_UNITS = frozenset(
    "tonne ton kilogram kilogramme kilo gram litre liter metre meter kilometre".split()  # noqa: SIM905
)
"""Units one of which is written "a tonne", "a kilogram" ("over a tonne of cocaine")."""


@dataclass(frozen=True, slots=True)
class UnitPhrase:
    """The unit that words after a number give it ("per cent" -> ``%``, ``percent``)."""

    unit: str
    kind: str
    bare_only: bool = False
    """Only for a number with no unit yet ("USD 5 million dollars" keeps USD)."""


UNIT_PHRASES: dict[tuple[str, ...], UnitPhrase] = {
    ("%",): UnitPhrase("%", "percent"),
    ("percent",): UnitPhrase("%", "percent"),
    ("per", "cent"): UnitPhrase("%", "percent"),
    **{("cubic", word): UnitPhrase(f"{unit}3", "measure") for word, unit in LENGTH_UNITS.items()},
    **{("square", word): UnitPhrase(f"{unit}2", "measure") for word, unit in LENGTH_UNITS.items()},
    **{(word,): UnitPhrase(code, "money", True) for word, code in CURRENCY_WORDS.items()},
    **{(word,): UnitPhrase(unit, "measure", True) for word, unit in MEASURE_UNITS.items()},
}
"""Words after a number (lower case) -> its unit; the longest phrase wins."""
UNIT_PHRASE_LENGTHS = tuple(sorted({len(words) for words in UNIT_PHRASES}, reverse=True))

TIME_UNITS = {
    "second": "seconds",
    "minute": "minutes",
    "hour": "hours",
    "day": "days",
    "week": "weeks",
    "month": "months",
    "year": "years",
    "decade": "decades",
}
"""Singular time unit -> plural, for durations ("four-day", "24 hours")."""

# Nouns without a plural "s" that name many things.
PLURAL_NOUNS = frozenset(
    """
people police personnel staff children women men data media criteria livestock cattle fish
aircraft
    """.split()  # noqa: SIM905
)
NOT_PLURAL = frozenset(
    """
news series species status analysis basis crisis process business access address press
success bus gas corpus virus campus census bonus focus consensus means headquarters
    """.split()  # noqa: SIM905
)

# Words that end a counted noun phrase: determiners, prepositions, conjunctions,
# pronouns, auxiliaries and common verbs.
FUNCTION_WORDS = frozenset(
    """
a an the this that these those its their his her our your my of in on at by for from to
with without within into onto over under across against among between through during since
until about as than and or but nor so yet if while when where which who whom whose what is
are was were be been being has have had do does did will would can could may might must
shall should it they we he she you i them us him there here not no also alone only just
each every per all both either neither such including include includes included say said
says according while whereas last next
    """.split()  # noqa: SIM905
)

# Adjectives that evaluate rather than name what is counted ("seven key priorities").
EVALUATIVE_ADJECTIVES = frozenset(
    """
key major main various different other additional further new more several total overall
important significant around approximately
    """.split()  # noqa: SIM905
)

ATTENDEE_NOUNS = frozenset(
    """
delegates officials participants attendees representatives experts ministers chiefs
officers delegations
    """.split()  # noqa: SIM905
)
"""People who attend a meeting; counted in a meeting's context they are "delegates"."""
ROLE_PLURALS = ATTENDEE_NOUNS | frozenset(
    "members agents staff investigators prosecutors judges analysts leaders heads".split()  # noqa: SIM905
)
"""Plural nouns of people by role: a capitalised run that ends in one names no person."""

SEARCH_VERBS = {
    "queried": "searches",
    "searched": "searches",
    "consulted": "searches",
    "checked": "checks",
    "screened": "checks",
    "accessed": "accesses",
    "visited": "visits",
    "used": "uses",
    "viewed": "views",
    "downloaded": "downloads",
}
"""Verbs counted by "N times", and the noun that names one such act."""

NOUN_SYNONYMS = {
    "queries": "searches",
    "lookups": "searches",
    "members": "member countries",
    "member nations": "member countries",
}
"""Counted nouns mapped to one canonical name, so releases compare across years."""

SEARCH_NOUNS = frozenset({"searches", "checks", "hits", "matches", "queries", "records"})
"""Nouns that, in a sentence about databases, count database operations."""

ROMAN_NUMERALS = frozenset("II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XX".split())  # noqa: SIM905

CRIME_ADJECTIVES = frozenset({"criminal", "crime", "organized", "organised", "terrorist", "drug"})
"""Words before a group noun that make it a criminal group ("the Black Axe criminal network")."""
GROUP_NOUNS = frozenset(
    {"organization", "organisation", "group", "network", "gang", "syndicate", "cartel", "clan"}
)
"""Nouns of groups of people that a name stands before or after."""
ARMED_GROUP_ADJECTIVES = CRIME_ADJECTIVES | frozenset(
    "armed militant extremist jihadist rebel insurgent separatist hacking hacker ransomware".split()  # noqa: SIM905
)
"""Words before a group noun after which a name is the group's ("the terrorist group JNIM")."""
PLACE_NOUNS_AFTER = frozenset(
    "region province district county prefecture governorate municipality oblast state".split()  # noqa: SIM905
)
"""Lower-case nouns after a name that make it a place ("the Soubré region")."""
SETTLEMENT_NOUNS = frozenset(
    "suburb town city village municipality port island province region neighbourhood".split()  # noqa: SIM905
)
"""Lower-case nouns before "of" and a name that make it a place ("the suburb of Ryde")."""
