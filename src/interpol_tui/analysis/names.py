"""Words that signal names in press releases: titles, organisation and programme heads, verbs."""

from __future__ import annotations

from interpol_tui.analysis.lexicons import MONTHS, WEEKDAYS

ABBREVIATED_HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Dr", "Prof"})
"""Honorifics also written with a full stop ("Dr. Andreas"), which then ends no sentence."""
HONORIFICS = (
    frozenset({"Miss", "Sir", "Dame", "Mx", "Lord", "Lady"})
    | ABBREVIATED_HONORIFICS
    | {f"{word}." for word in ABBREVIATED_HONORIFICS}
)
"""Words of courtesy before a name: the name they introduce carries no role."""

# Titles that stand before a person's name, as capitalised word sequences.
# Plural forms introduce several names ("Secretaries General A and B").
TITLES: frozenset[tuple[str, ...]] = frozenset(
    tuple(title.split())
    for title in """
    Secretary General|Secretary-General|Secretaries General|Secretaries-General
    Deputy Secretary General|Assistant Secretary General|Under-Secretary-General
    Executive Director|Executive Directors|Director|Directors|Director General|Director-General
    Deputy Director|Assistant Director|Deputy Director General|Managing Director
    President|Presidents|Vice President|Vice-President|Vice Presidents
    Prime Minister|Prime Ministers|Deputy Prime Minister|Minister|Ministers|Deputy Minister
    Interior Minister|Justice Minister|Foreign Minister|Home Secretary|Home Affairs Minister
    Minister of Interior|Minister of the Interior|Minister of Justice|Minister of Home Affairs
    Minister of Foreign Affairs|Minister of State|Minister of Public Security
    Secretary of State|Secretary|Attorney General|Attorney-General|Solicitor General
    Commissioner|Commissioners|Police Commissioner|Deputy Commissioner|Assistant Commissioner
    Chief|Police Chief|Chief of Police|Chief Executive|Chief Executive Officer|CEO|Chair|Chairman
    Chairwoman|Chairperson|Head|Heads|Ambassador|Ambassadors|Envoy|Special Envoy
    Special Representative|High Commissioner|Governor|Mayor|Senator|Congressman|Congresswoman
    King|Queen|Prince|Princess|Sheikh|Sheikha|Emir|Sultan|Crown Prince|His Majesty|Her Majesty
    His Excellency|Her Excellency|HE|HRH|Judge|Justice|Prosecutor|Chief Prosecutor
    Inspector General|Inspector|Chief Inspector|Superintendent|Chief Superintendent
    Detective|Detective Inspector|Detective Superintendent|Commander|Colonel|Lieutenant Colonel
    Major General|Brigadier General|Lieutenant General|Lieutenant|Captain|Sergeant|Officer
    Special Agent|Agent|Coordinator|Spokesperson|Spokesman|Spokeswoman|Professor
    Representative|Regional Representative|Country Representative|Resident Representative
    Executive Secretary|Permanent Secretary|Principal Secretary|Cabinet Secretary
    Deputy Head|Acting Director|Acting Head|Regional Director|Programme Manager|Manager
    Chief Constable|Deputy Chief Constable|Assistant Chief Constable|Constable
    Detective Chief Inspector|Detective Sergeant|Deputy Inspector General|Chief Justice
    Attorney|Magistrate|Admiral|Vice Admiral
    Rear Admiral|Vice Chair|Vice-Chair|Deputy Chief|Undersecretary|Under-Secretary
    Lt-Gen|Lt Gen|Lieutenant-General|Maj-Gen|Maj Gen|Major-General|Brig-Gen|Brig Gen|Brigadier
    Lt-Col|Lt Col|Lieutenant-Colonel|Col|Gen|General|Capt|Sgt|Insp|Supt|Cmdr|Cdr|Adm|Cpl|Corporal
    Constable|Senior Constable|Sergeant Major|Warrant Officer|Police Major|Police Colonel
    """.replace("\n", "|").split("|")
    if title.strip()
) | {(word,) for word in HONORIFICS}
RANK_MODIFIERS = frozenset({"Senior", "Acting", "Principal", "Interim", "First", "Second"})
"""Words before a title that keep it a title ("Senior Sergeant", "Acting Commissioner")."""
TITLES = TITLES | {
    (*lead, modifier, *title)
    for lead in ((), ("Detective",), ("Police",))  # "Detective Senior Sergeant"
    for modifier in RANK_MODIFIERS
    for title in TITLES
}
TITLE_FIRST_WORDS = frozenset(title[0] for title in TITLES)
LEADER_TITLES = (
    "secretary general",
    "secretary-general",
    "director general",
    "director-general",
    "executive director",
    "prime minister",
    "president",
    "commissioner",
    "chief",
    "head",
    "chair",
)
"""Titles of whoever heads an organisation (what "the head of X" refers to), most senior
executive first: an international organisation's secretary general is its head."""

# Verbs that attribute speech, in the forms press releases use.
SPEECH_VERBS = frozenset(
    """
said says say added adds concluded concludes stated states explained explains noted notes
commented comments remarked remarks continued continues emphasized emphasised emphasizes
emphasises stressed stresses underlined underlines declared declares told tells warned
warns urged urges insisted insists observed observes acknowledged acknowledges affirmed
affirms asserted asserts announced announces wrote writes recalled recalls confirmed
confirms argued argues highlighted highlights pointed underscored underscores reiterated
reiterates welcomed welcomes praised praises cautioned cautions described describes
replied replies
    """.split()  # noqa: SIM905
)

# Last words of organisation names ("Security Council", "National Central Bureaus").
ORG_HEADS = frozenset(
    """
Council Councils Assembly Assemblies Committee Committees Commission Commissions Centre
Centres Center Centers Bureau Bureaus Bureaux Agency Agencies Office Offices Ministry
Ministries Department Departments Secretariat Coalition Organization Organisation Union
Force Forces Unit Units Court Courts Tribunal Service Services Directorate Directorates
Authority Authorities Institute Institutes Foundation Bank Police Gendarmerie Guard Guards
Army Navy University Association Federation Alliance Parliament Corporation Company Group
Network Board Cabinet Government Administration Academy Inc Ltd Corps Command Registry
Observatory Fund Community Section Sections Division Divisions Lab Labs Laboratory
Laboratories Embassy Embassies Customs
    """.split()  # noqa: SIM905
)
# Words of other languages that make a name a police or security body as its first word
# ("Guardia Civil", "Guardia di Finanza", "Policía Nacional", "Polizia di Stato").
BODY_WORDS = frozenset(
    """
Guardia Guarda Policía Policia Polícia Polizia Polizei Politie Polisi Gendarmería Gendarmeria
Carabinieri Garda Bundespolizei Militsiya Politia Poliisi Policie Policja
    """.split()  # noqa: SIM905
)
# Heads that begin a name followed by "of" ("Office of the Special Representative ...").
ORG_LEADING_HEADS = frozenset(
    """
Office Ministry Department Bureau Council Court Commission Committee Secretariat
Directorate Agency Organization Organisation League Federation Union Bank Community
    """.split()  # noqa: SIM905
)

# Last words of the names of operations, programmes, databases, notices and protocols.
OPERATION_HEADS = frozenset(
    """
Protocol Protocols Notice Notices Programme Programmes Program Programs Project Projects
Initiative Initiatives Database Databases Report Goals Agenda Strategy Framework Platform
Campaign Plan System Systems Mechanism Toolkit Capability Capabilities Tool Tools Operation
    """.split()  # noqa: SIM905
)
# Lower-case nouns that follow a name and make it a programme ("I-Familia database").
OPERATION_NOUNS = frozenset(
    """
database databases report notice notices programme program project initiative platform
protocol system campaign operation
    """.split()  # noqa: SIM905
)
CODENAME_WORDS = frozenset({"codenamed", "code-named", "codename", "code-name"})
"""Words before a name that make it an operation ("an operation codenamed Blue Amber")."""
# Lower-case nouns that follow a name and make it a body ("Vulnerable Communities unit").
ORG_NOUNS = frozenset({"unit", "units", "directorate", "division", "taskforce", "squad"})
# Names of documents: places inside them are not mentioned as places ("Vienna Declaration").
DOCUMENT_HEADS = frozenset(
    """
Declaration Resolution Resolutions Convention Conventions Treaty Agreement Accord Accords
Charter Act Statement Communiqué Pact Memorandum
    """.split()  # noqa: SIM905
)

TOPIC_WORDS = frozenset(
    """
Trafficking Smuggling Exploitation Fraud Laundering Abuse Rights Crime Crimes Terrorism
Corruption Counterfeiting Piracy Poaching Cybercrime Extremism Radicalisation Radicalization
    """.split()  # noqa: SIM905
)
"""Words of a crime area or a topic: a long form made of them, with no body's head
("Trafficking in Human Beings (THB)", "Intellectual Property Rights (IPR)"), is no body."""
NAME_PREPOSITIONS = frozenset({"of", "for", "on", "to", "against", "in"})
"""Prepositions after a name's head ("Agenda for ...", "Directorate of INTERPOL")."""
TITLED_PREPOSITIONS = frozenset(word.title() for word in NAME_PREPOSITIONS)
"""The same, capitalised as some names write them ("Platform Against Criminal Threats")."""
EVENT_HEADS = frozenset(
    """
Day Days Week Weeks Conference Conferences Summit Summits Meeting Meetings Workshop Workshops
Seminar Seminars Symposium Exercise Exercises
    """.split()  # noqa: SIM905
)
"""Last words of an event's name: an acronym defined for one names no body ("Joint Action
Day (JAD)")."""
VENUE_WORDS = frozenset({"Press", "Media", "Conference", "Convention", "Congress", "Exhibition"})
"""Words before "Centre" that make it a building, a place ("the Press Centre in Brussels")."""
LEADING_PLACE_WORDS = frozenset({"Port", "Harbour", "Harbor", "Isle", "Island"})
"""First words of a place named with "of" ("Port of Callao", "Isle of Man")."""
CONNECTORS = frozenset(
    {"of", "for", "and", "the", "to", "on", "de", "du", "des", "la", "&", "di", "del", "della"}
)
"""Lower-case words allowed inside a capitalised name ("Office of the Special Representative")."""
NAME_PARTICLES = frozenset("de da del della di do dos van von der bin ibn al el la le".split())  # noqa: SIM905
"""Lower-case particles inside a person's name ("Amado Philip de Andrés", "Ali bin Hassan")."""

# Capitalised words that open sentences and are not names.
SENTENCE_WORDS = frozenset(
    """
The A An In On At Among As By For From With This These Those That Its It Their Our We He
She They There Here His Her After Before During Following Over Under When While Where
Which Who What Why How If But And Or So Yet Also Additionally Meanwhile However Moreover
Furthermore Each Every All Both Some Many Most More Such Other Another Since Until Through
Across Around Between Within Without Against Because Although Though Despite Together To
Of Not No Now Today Yesterday Tomorrow Then Thus Indeed Further Finally First Second Third
Last Next New I You My Your Please Photo Image Video Read See Find Learn Click Share
Follow Related
    """.split()  # noqa: SIM905
)
WEEKDAYS_MONTHS = frozenset(WEEKDAYS) | frozenset(MONTHS)

# Words of the departments in titles ("Director of Organized and Emerging Crime"):
# where such a run ends, the person's name begins.
DEPARTMENT_WORDS = frozenset(
    """
    Crime Crimes Terrorism Counter-Terrorism Counterterrorism Cybercrime Cyber Police Policing
    Service Services Operations Operational Support Intelligence Analysis Analytical Border
    Borders Management Security Public Affairs Justice Interior Home Foreign State Defence
    Defense Legal Human Resources Organized Organised Emerging Financial Corruption
    Anti-Corruption Drugs Narcotics Trafficking Environmental Environment Criminal
    Investigations Investigation Forensic Forensics Training Capacity Building Development
    Communications Information Technology Innovation Digital Global Regional National
    International Programmes Programs Partnerships Cooperation Co-operation Relations External
    Internal Strategy Policy Planning Command Coordination Division Protection Safety Health
    Finance Economic Maritime Aviation Customs Immigration Migration Smuggling Weapons Firearms
    Explosives Vehicles Assets Recovery Counter Child Children Exploitation Abuse Victims
    Missing Persons Fugitive Fugitives Notices Data Databases Records Identification
    Biometrics Biometric Ethics Audit Governance Compliance Affairs Prosecutions Unit Units
    """.split()  # noqa: SIM905
)
