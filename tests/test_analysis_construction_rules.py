"""Organisations and places read by construction: each rule pinned by sentences of our own.

A row names the rule it pins (the module that holds it); deleting or narrowing
that rule fails the row. The sentences are written here, in press-release
English, each using the construction differently from the texts that showed
the need for it.
"""

from __future__ import annotations

import pytest

from interpol_tui.analysis.pipeline import analyse_text

Row = tuple[str, str, str]


def entities(text: str) -> list[Row]:
    return [(e.type, e.text, e.canonical) for e in analyse_text("x", text).entities]


CONSTRUCTION_TABLE: list[tuple[str, str, list[Row]]] = [
    # organisations.KNOWN_ORGANISATIONS: agencies known by their acronyms alone.
    ("agency acronyms: AFP, ICE, CBP", "Officers of ICE and CBP briefed the AFP in Perth.",
     [("organization", "ICE", "U.S. Immigration and Customs Enforcement"),
      ("organization", "CBP", "U.S. Customs and Border Protection"),
      ("organization", "AFP", "Australian Federal Police"),
      ("location", "Perth", "Perth")]),
    # constructions.spanning_names: known names with lower-case words no run holds.
    ("a known name with 'of ... and' written out",
     "Recruiters for the Islamic State of Iraq and Syria were charged.",
     [("organization", "Islamic State of Iraq and Syria", "ISIS")]),
    ("a city with a lower-case particle, as written and in a dateline",
     "DAR ES SALAAM – The ferry left Dar es Salaam at dawn.",
     [("location", "DAR ES SALAAM", "Dar es Salaam"),
      ("location", "Dar es Salaam", "Dar es Salaam")]),
    # places: "St", "St." and "Saint" are one city.
    ("'St.' and 'Saint' forms of a city",
     "ST. PETERSBURG – Delegates flew from Saint Petersburg to Lyon.",
     [("location", "ST. PETERSBURG", "St Petersburg"),
      ("location", "Saint Petersburg", "St Petersburg"),
      ("location", "Lyon", "Lyon")]),
    # places.SUBDIVISION_EXONYMS: English names ISO 3166-2 gives in another language.
    ("an English name of a region", "Police in Lombardy and Catalonia seized the cars.",
     [("location", "Lombardy", "Lombardy"), ("location", "Catalonia", "Catalonia")]),
    # places._add_constructed: a compass point and a continent.
    ("a region by compass point", "Ivory moved from Eastern Africa to South-Western Europe.",
     [("location", "Eastern Africa", "Eastern Africa"),
      ("location", "South-Western Europe", "South-Western Europe")]),
    # classify._as_place: a three-letter place name only in capitals.
    ("'Us' and 'Uk' are no US and UK", "Write to Us. Our office in the Uk is closed.", []),
    # classify._by_construction: a currency named by its country.
    ("a currency named by its country", "The bribes were paid in Hong Kong Dollars.", []),
    ("'Port of' names a place", "The container reached the Port of Tema on Monday.",
     [("location", "Port of Tema", "Port of Tema")]),
    ("a press or media centre is a building", "Journalists met at the Media Centre in Vienna.",
     [("location", "Media Centre", "Media Centre"), ("location", "Vienna", "Vienna")]),
    # names.ORG_HEADS: "Customs" heads a body.
    ("'Customs' heads a body", "Dutch Customs and Nigeria Customs shared the data.",
     [("organization", "Dutch Customs", "Dutch Customs"),
      ("organization", "Nigeria Customs", "Nigeria Customs")]),
    # constructions.modifies_next: a head describing the plural noun after it.
    ("a body's head before a plural noun of people",
     "The course trained Border Police Commanders and Airport Service Workers.", []),
    # entities._body_of_body: "A of the B", two bodies.
    ("a body of another body", "The Cyber Unit of the Federal Police opened a case.",
     [("organization", "Cyber Unit", "Cyber Unit"),
      ("organization", "Federal Police", "Federal Police")]),
    ("a body of plural members is one name",
     "The Global Alliance of Port Authorities met in May.",
     [("organization", "Global Alliance of Port Authorities",
       "Global Alliance of Port Authorities")]),
    # constructions.learn_defined_unit: an acronym defined for a unit with a lower-case head.
    ("an acronym, then a lower-case unit",
     "Agents of the Wildlife Crime Response (WCR) unit seized tusks. The WCR said so.",
     [("organization", "Wildlife Crime Response (WCR) unit", "Wildlife Crime Response unit"),
      ("organization", "WCR", "Wildlife Crime Response unit")]),
    ("a unit noun and 'on' before the defined long form",
     "Its taskforce on Forest Crime (FC) met. The FC reported.",
     [("organization", "taskforce on Forest Crime", "taskforce on Forest Crime"),
      ("organization", "FC", "taskforce on Forest Crime"),
      ("organization", "FC", "taskforce on Forest Crime")]),
    # constructions._country_before_body: the acronym spells the body after a country.
    ("a country before a body its acronym spells",
     "It thanked the Kenya Directorate of Criminal Investigations (DCI).",
     [("organization", "Directorate of Criminal Investigations",
       "Directorate of Criminal Investigations"),
      ("organization", "DCI", "Directorate of Criminal Investigations")]),
    # definitions._learn_named_thing: one word naming a field of work, then "unit".
    ("a field of work before a lower-case unit", "The Cybercrime unit and the Fraud unit met.",
     [("organization", "Cybercrime unit", "Cybercrime unit")]),
    # classify.names_no_body: crime areas and events defined with acronyms are no bodies.
    ("an event defined with an acronym", "The Regional Action Week (RAW) ended on Friday.", []),
    ("a crime area spelt across a lower-case word",
     "The course covered Trafficking in Firearms (TIF) cases.", []),
    # classify.head_word: a capitalised preposition ends the head.
    ("a capitalised preposition after the head",
     "The Coalition Strategy Against Wildlife Crime began.",
     [("operation", "Coalition Strategy Against Wildlife Crime",
       "Coalition Strategy Against Wildlife Crime")]),
    # coined.numbered_bodies: committees named by the resolution that set them up.
    ("a committee established pursuant to a resolution",
     "The Committee established pursuant to resolution 1718 (2006) reported.",
     [("organization", "Committee established pursuant to resolution 1718 (2006)",
       "Committee established pursuant to resolution 1718 (2006)")]),
    # constructions.named_group: a name after "<adjective> group".
    ("a name after 'hacking group' or 'armed group'",
     "The hacking group Lazarus and the armed group Wagner were named.",
     [("organization", "Lazarus", "Lazarus"), ("organization", "Wagner", "Wagner")]),
    # constructions.place_by_noun: a place by the noun after or before it.
    ("a place before a lower-case region noun", "Raids took place across the Ruhengeri district.",
     [("location", "Ruhengeri", "Ruhengeri")]),
    ("a people's adjective ending in 'i' is no place", "It hit the Iraqi province hard.", []),
    ("a people's adjective before 'region' is no place", "It is a priority for the Asian region.",
     []),
    ("a place after 'suburb of' or 'village of'",
     "He was found in the suburb of Parramatta, near the village of Kurmuk.",
     [("location", "Parramatta", "Parramatta"), ("location", "Kurmuk", "Kurmuk")]),
    # constructions.contact_services: a service given with a number to call.
    ("a service and the number to call",
     "Call the Gambling Helpline on 0800 654 655 or Victim Support: 0808 168 9111.",
     [("organization", "Gambling Helpline", "Gambling Helpline"),
      ("organization", "Victim Support", "Victim Support")]),
    ("too few digits are no telephone number", "Report it to Crimewatch on 11 22 33.", []),
    # constructions.listed_with_bodies: an unknown name listed beside bodies.
    ("names listed beside bodies",
     "Partners included Google, Shadowserver, Team Cymru and the Cyber Peace Institute.",
     [("organization", "Google", "Google"),
      ("organization", "Shadowserver", "Shadowserver"),
      ("organization", "Team Cymru", "Team Cymru"),
      ("organization", "Cyber Peace Institute", "Cyber Peace Institute")]),
    # entities._link_short_form: only a head word stands for the long name.
    ("a long name's last word is no short form unless a head",
     "The Regional Centre for Maritime Safety and Security opened. Security was tight.",
     [("organization", "Regional Centre for Maritime Safety and Security",
       "Regional Centre for Maritime Safety and Security")]),
    ("a plural group listed beside a body is no body",
     "INTERPOL, Member States and partners agreed.",
     [("organization", "INTERPOL", "INTERPOL")]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("rule", "text", "expected"), CONSTRUCTION_TABLE, ids=[r[0] for r in CONSTRUCTION_TABLE]
)
def test_construction_rules(rule: str, text: str, expected: list[Row]) -> None:
    assert entities(text) == expected, rule
