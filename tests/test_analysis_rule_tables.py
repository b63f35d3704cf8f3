"""Each analysis rule pinned by sentences of our own: text -> expected spans and fields.

A row names the rule it pins; deleting or narrowing that rule fails the row.
"""

from __future__ import annotations

import pytest

from interpol_tui.analysis.pipeline import analyse_text

FigureRow = tuple[str, float, str | None, str | None, str, str]


def figures(text: str) -> list[FigureRow]:
    return [
        (f.text, f.value, f.unit, f.qualifier, f.counts, f.kind)
        for f in analyse_text("x", text).figures
    ]


def entities(text: str) -> list[tuple[str, str, str, str | None]]:
    return [(e.type, e.text, e.canonical, e.role) for e in analyse_text("x", text).entities]


FIGURE_TABLE: list[tuple[str, str, list[FigureRow]]] = [
    ("qualifier before a count", "Customs officers seized nearly 4,000 counterfeit watches.",
     [("nearly 4,000 counterfeit watches", 4000.0, None, "nearly", "counterfeit watches",
       "count")]),
    ("currency sign and short scale", "Investigators traced US$ 3.5bn in laundered funds.",
     [("US$ 3.5bn", 3.5e9, "USD", None, "funds", "money")]),
    ("currency signs, thousands and 'm'", "Police recovered €450,000 in cash and £2m in gold.",
     [("€450,000", 450_000.0, "EUR", None, "cash", "money"),
      ("£2m", 2e6, "GBP", None, "gold", "money")]),
    ("percent sign, qualifier, 'of the'", "Some 35% of the samples were fake.",
     [("Some 35%", 35.0, "%", "some", "samples", "percent")]),
    ("'per cent' as a unit", "Seizures rose 12 per cent compared with 2022.",
     [("12 per cent", 12.0, "%", None, "share", "percent")]),
    ("participle after 'of'", "At least 70% of identified victims were women.",
     [("At least 70%", 70.0, "%", "at least", "victims", "percent")]),
    ("units of measure and 'of'", "They seized 1.2 tonnes of cocaine and 300 kilograms of heroin.",
     [("1.2 tonnes", 1.2, "t", None, "cocaine", "measure"),
      ("300 kilograms", 300.0, "kg", None, "heroin", "measure")]),
    ("currency word after a scale", "The gang stole 40 million euros from pension funds.",
     [("40 million euros", 4e7, "EUR", None, "amount", "money")]),
    ("range: the upper bound, qualified 'between'", "Between 2 and 5 tonnes of ivory were shipped.",
     [("Between 2 and 5 tonnes", 5.0, "t", "between", "ivory", "measure")]),
    ("-fold factor, counted from the clause", "Arrests rose tenfold over the decade.",
     [("tenfold", 10.0, None, None, "arrests", "factor")]),
    ("'one in five' is a fraction", "One in five websites sold unapproved medicines.",
     [("One in five", 0.2, None, None, "websites", "fraction")]),
    ("'about half of'", "About half of the vehicles were stolen.",
     [("About half", 0.5, None, "about", "vehicles", "fraction")]),
    ("hyphenated duration", "The four-day operation ended on Friday.",
     [("four-day operation", 4.0, None, None, "operation days", "duration")]),
    ("'N times' after a search verb, in a database sentence",
     "The database was searched 6 million times in 2023.",
     [("6 million times", 6e6, None, None, "database searches", "count")]),
    ("what attendees come from", "Delegates from 90 countries attended the meeting.",
     [("90 countries", 90.0, None, None, "countries attending", "count")]),
    ("number words joined by 'and'", "Up to two hundred and fifty officers took part.",
     [("Up to two hundred and fifty officers", 250.0, None, "up to", "officers", "count")]),
    ("a time word ends the counted phrase", "The fraud cost more than USD 12 million last year.",
     [("more than USD 12 million", 1.2e7, "USD", "more than", "amount", "money")]),
    ("a participle before the counted noun", "Officers dismantled two organized crime groups.",
     [("two organized crime groups", 2.0, None, None, "organized crime groups", "count")]),
    ("digits in brackets repeat the number", "More than seventy (70) experts took part.",
     [("More than seventy (70) experts", 70.0, None, "more than", "experts", "count")]),
    ("'a' as one of a unit", "Customs seized over a tonne of cocaine.",
     [("over a tonne", 1.0, "t", "over", "cocaine", "measure")]),
    ("'a kilogram of'", "They found a kilogram of heroin.",
     [("a kilogram", 1.0, "kg", None, "heroin", "measure")]),
    ("a space between groups of three digits", "Officers checked 1 533 cases and 30 000 parcels.",
     [("1 533 cases", 1533.0, None, None, "cases", "count"),
      ("30 000 parcels", 30000.0, None, None, "parcels", "count")]),
    ("a unit written straight after the digits", "Police seized 54kg of cannabis.",
     [("54kg", 54.0, "kg", None, "cannabis", "measure")]),
    ("a no-break space between groups", "Agents checked 12\u00a0400 containers.",
     [("12\u00a0400 containers", 12400.0, None, None, "containers", "count")]),
    ("a level a change verb reaches counts the subject",
     "Homicides fell to 31 in 2023, down from 40 in 2022.",
     [("31", 31.0, None, None, "homicides", "count"),
      ("40", 40.0, None, None, "homicides", "count")]),
    ("'N times the' multiplies", "Seizures were three times the amount of 2019.",
     [("three times", 3.0, None, None, "times", "count")]),
    # Numbers that are not figures.
    ("a label before a number", "Under Resolution 2178 member states must act.", []),
    ("a capitalised name before a number", "The officers worked in Phase 2 of the plan.", []),
    ("a counter with a slash", "Slide 3/12 showed the results.", []),
    ("a date is no figure", "On 3 May 2021 the office opened.", []),
    ("a number in a body's name", "The 1267 Committee met the 1540 Group.", []),
    ("a noun on the next line is not counted", "Page views: 5926\n\nViews of the release", []),
    ("digits of another script are not an English figure", "The report: ٢٠١٨ cases.", []),
    ("no figure in 'a kilometre away'", "The camp lies a kilometre away from the border.", []),
    ("'N times' alone counts occasions, no things", "He was arrested four times.", []),
    ("a year after 'for' is a date", "The yearly review for 2022 shows a rise in fraud.", []),
]  # fmt: skip


@pytest.mark.parametrize(
    ("rule", "text", "expected"), FIGURE_TABLE, ids=[r[0] for r in FIGURE_TABLE]
)
def test_figure_rules(rule: str, text: str, expected: list[FigureRow]) -> None:
    assert figures(text) == expected, rule


ENTITY_TABLE: list[tuple[str, str, list[tuple[str, str, str, str | None]]]] = [
    ("two bodies joined by 'and'", "The Kenya Police Service and the Royal Thai Police met.",
     [("organization", "Kenya Police Service", "Kenya Police Service", None),
      ("organization", "Royal Thai Police", "Royal Thai Police", None)]),
    ("a leading head with 'of'", "She joined the Office of the Special Representative.",
     [("organization", "Office of the Special Representative",
       "Office of the Special Representative", None)]),
    ("'Operation' leads a name", "Operation Lionfish targeted drug routes in the Caribbean.",
     [("operation", "Operation Lionfish", "Operation Lionfish", None),
      ("location", "Caribbean", "Caribbean", None)]),
    ("'Project' leads a name", "Project Stadia supports host countries.",
     [("operation", "Project Stadia", "Project Stadia", None)]),
    ("a database head", "The Stolen Vehicles Database grew again.",
     [("operation", "Stolen Vehicles Database", "Stolen Vehicles Database", None)]),
    ("no place inside a document's name", "The Vienna Declaration was adopted by ministers.", []),
    ("an acronym the release defines", "The National Crime Centre (NCC) opened. The NCC hires.",
     [("organization", "National Crime Centre", "National Crime Centre", None),
      ("organization", "NCC", "National Crime Centre", None),
      ("organization", "NCC", "National Crime Centre", None)]),
    ("a title folded into the role", "INTERPOL Secretary General Valdecy Urquiza spoke in Lyon.",
     [("organization", "INTERPOL", "INTERPOL", None),
      ("person", "Valdecy Urquiza", "Valdecy Urquiza", "INTERPOL Secretary General"),
      ("location", "Lyon", "Lyon", None)]),
    ("an honorific, then an apposed role",
     "Dr Amara Okafor, Head of Forensics at the Institute, presented it.",
     [("person", "Amara Okafor", "Amara Okafor", "Head of Forensics")]),
    ("a coordinated region and a hyphenated prefix",
     "Police in Central and South America joined the INTERPOL-led operation.",
     [("location", "Central", "Central America", None),
      ("location", "South America", "South America", None),
      ("organization", "INTERPOL", "INTERPOL", None)]),
    ("a title's department before the name",
     "Executive Director of Police Services Maria Lindqvist said it.",
     [("person", "Maria Lindqvist", "Maria Lindqvist", "Executive Director of Police Services")]),
    ("a short form linked to the long one",
     "The UN General Assembly met in New York. The General Assembly adopted it.",
     [("organization", "UN General Assembly", "United Nations General Assembly", None),
      ("location", "New York", "New York", None),
      ("organization", "General Assembly", "United Nations General Assembly", None)]),
    ("a name after 'codenamed' is an operation, later mentions too",
     "Codenamed Blue Amber, the action ran in May. During Blue Amber officers seized art.",
     [("operation", "Blue Amber", "Operation Blue Amber", None),
      ("operation", "Blue Amber", "Operation Blue Amber", None)]),
    ("'code-named Operation X' names it once",
     "Police made arrests in an action code-named Operation Sunrise.",
     [("operation", "Operation Sunrise", "Operation Sunrise", None)]),
    ("a name after 'Title,' ends its sentence",
     "The talks opened, said WCO Secretary General, Amina Sato. They ran late.",
     [("organization", "WCO", "World Customs Organization", None),
      ("person", "Amina Sato", "Amina Sato", "WCO Secretary General")]),
    ("a rank modifier stays in the title", "Senior Sergeant Aroha Walker said it.",
     [("person", "Aroha Walker", "Aroha Walker", "Senior Sergeant")]),
    ("abbreviated military ranks", "Lt-Gen Kyaw Min Thein met Maj-Gen Ana Silva.",
     [("person", "Kyaw Min Thein", "Kyaw Min Thein", "Lt-Gen"),
      ("person", "Ana Silva", "Ana Silva", "Maj-Gen")]),
    ("a bracketed country between a name and its role",
     "Rita Mendes (Portugal), Chair of the Sanctions Committee, said it was done.",
     [("person", "Rita Mendes", "Rita Mendes", "Chair of the Sanctions Committee"),
      ("location", "Portugal", "Portugal", None),
      ("organization", "Sanctions Committee", "Sanctions Committee", None)]),
    ("a run ending in a plural role noun is no person",
     "The Heads of Enforcement Officers met. So did National Members.", []),
    ("an initialism with points is one word", "Officers of the U.S. Marshals Service came.",
     [("organization", "U.S. Marshals Service", "U.S. Marshals Service", None)]),
    ("'Community' heads a body", "The East African Community met the Andean Community.",
     [("organization", "East African Community", "East African Community", None),
      ("organization", "Andean Community", "Andean Community", None)]),
    ("a date after a connector ends the name",
     "He appeared in the Nelson District Court on Monday 12 May.",
     [("organization", "Nelson District Court", "Nelson District Court", None)]),
    ("two operations joined by 'and'", "It ran under Project Wisdom and Project Leaf.",
     [("operation", "Project Wisdom", "Project Wisdom", None),
      ("operation", "Project Leaf", "Project Leaf", None)]),
    ("a name before a lower-case 'operation'", "Police ended the Blackwrist operation in June.",
     [("operation", "Blackwrist operation", "Blackwrist", None)]),
    ("a name turned adjective names no programme",
     "The INTERPOL-led operation and the Europol-coordinated initiative ended.",
     [("organization", "INTERPOL", "INTERPOL", None),
      ("organization", "Europol", "Europol", None)]),
    ("a name introduced with its country in brackets",
     "Rana Haddad (United Arab Emirates) spoke for the Chairs.",
     [("person", "Rana Haddad", "Rana Haddad", None),
      ("location", "United Arab Emirates", "United Arab Emirates", None)]),
    ("titles in a row: a post, then a rank", "Kenya Police Chief Lt-Gen Amos Odhiambo spoke.",
     [("location", "Kenya", "Kenya", None),
      ("person", "Amos Odhiambo", "Amos Odhiambo", "Kenya Police Chief Lt-Gen")]),
    ("a country's possessive before an apposed title",
     "Tomás Ortega Ruiz, Peru's Minister of the Interior, announced it.",
     [("person", "Tomás Ortega Ruiz", "Tomás Ortega Ruiz", "Peru Minister of the Interior"),
      ("location", "Peru", "Peru", None)]),
    ("a name, then 'of' a body", "It was led by Tomas Berg of the Swedish Police Authority.",
     [("person", "Tomas Berg", "Tomas Berg", None),
      ("organization", "Swedish Police Authority", "Swedish Police Authority", None)]),
    ("a label and a roman numeral is no person",
     "Under Chapter VII of the United Nations Charter, states must act.",
     [("organization", "United Nations", "United Nations", None)]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("rule", "text", "expected"), ENTITY_TABLE, ids=[r[0] for r in ENTITY_TABLE]
)
def test_entity_rules(
    rule: str, text: str, expected: list[tuple[str, str, str, str | None]]
) -> None:
    assert entities(text) == expected, rule


QUOTE_TABLE: list[tuple[str, str, list[tuple[str, str | None]]]] = [
    ("speaker after the closing mark, and the next quotation of the same paragraph",
     "“We will not stop,” said Commissioner Tom Reyes. “Criminals adapt fast.”",
     [("We will not stop,", "Tom Reyes"), ("Criminals adapt fast.", "Tom Reyes")]),
    ("speaker before the opening mark",
     "Minister Sofia Haddad said: “Borders alone cannot stop trafficking networks.”",
     [("Borders alone cannot stop trafficking networks.", "Sofia Haddad")]),
    ("a role with no known person names nobody",
     "“Cooperation is the key to success,” the Secretary General said.",
     [("Cooperation is the key to success,", None)]),
    ("a role resolved to the person who holds it",
     "Secretary General Valdecy Urquiza arrived. “Borders are no barrier,” "
     "the Secretary General said.",
     [("Borders are no barrier,", "Valdecy Urquiza")]),
    ("an initial's point does not end the speaker's clause",
     "“Fakes harm patients,” said INTERPOL Secretary General Maria K. Lopez.",
     [("Fakes harm patients,", "Maria K. Lopez")]),
    ("'Name, Role, said:' closing the paragraph before the quotation",
     "Amina Sato, Director of Cybercrime at INTERPOL, said:\n\n“Criminals move fast.”",
     [("Criminals move fast.", "Amina Sato")]),
    ("a rank inside a detective's title; the surname alone later",
     "Detective Senior Sergeant Aroha Walker led it. “It is done,” said Walker.",
     [("It is done,", "Aroha Walker")]),
]  # fmt: skip


@pytest.mark.parametrize(("rule", "text", "expected"), QUOTE_TABLE, ids=[r[0] for r in QUOTE_TABLE])
def test_quote_rules(rule: str, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(q.text, q.speaker) for q in analyse_text("x", text).quotes] == expected, rule
