"""A deterministic synthetic corpus of press releases for benchmarks and scale tests.

Release ``i`` of seed ``s`` is always the same text, whatever ``n`` is: each
release draws from its own ``random.Random`` seeded from ``(s, i)``, so a 1k
corpus is the first thousand releases of the 100k one, and titles can be made
without paying for bodies. The vocabulary (places, people, operations, crimes,
organisations) is invented or generic; nothing is copied from real releases.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DEFAULT_SEED = 20260101
"""The seed every benchmark uses unless told otherwise."""

PLACES = (
    ("LYON", "France"), ("SINGAPORE", "Singapore"), ("NAIROBI", "Kenya"),
    ("BUENOS AIRES", "Argentina"), ("WASHINGTON DC", "USA"), ("NEW DELHI", "India"),
    ("ABIDJAN", "Côte d'Ivoire"), ("SAN SALVADOR", "El Salvador"), ("VIENNA", "Austria"),
    ("ROME", "Italy"), ("SANTIAGO", "Chile"), ("DAKAR", "Senegal"), ("BANGKOK", "Thailand"),
    ("HANOI", "Viet Nam"), ("MANILA", "Philippines"), ("JAKARTA", "Indonesia"),
    ("KIGALI", "Rwanda"), ("ACCRA", "Ghana"), ("LAGOS", "Nigeria"), ("CAIRO", "Egypt"),
    ("RABAT", "Morocco"), ("TUNIS", "Tunisia"), ("DOHA", "Qatar"), ("ABU DHABI", "UAE"),
    ("ISTANBUL", "Türkiye"), ("ATHENS", "Greece"), ("LISBON", "Portugal"), ("MADRID", "Spain"),
    ("BERLIN", "Germany"), ("WARSAW", "Poland"), ("PRAGUE", "Czechia"), ("OSLO", "Norway"),
    ("HELSINKI", "Finland"), ("REYKJAVIK", "Iceland"), ("DUBLIN", "Ireland"),
    ("BRUSSELS", "Belgium"), ("THE HAGUE", "Netherlands"), ("BERN", "Switzerland"),
    ("MONTEVIDEO", "Uruguay"), ("LIMA", "Peru"), ("BOGOTÁ", "Colombia"), ("QUITO", "Ecuador"),
    ("PANAMA CITY", "Panama"), ("KINGSTON", "Jamaica"), ("MEXICO CITY", "Mexico"),
    ("OTTAWA", "Canada"), ("CANBERRA", "Australia"), ("WELLINGTON", "New Zealand"),
    ("SUVA", "Fiji"), ("TOKYO", "Japan"), ("SEOUL", "Republic of Korea"),
    ("ULAANBAATAR", "Mongolia"), ("ASTANA", "Kazakhstan"), ("TBILISI", "Georgia"),
    ("YEREVAN", "Armenia"), ("AMMAN", "Jordan"), ("BEIRUT", "Lebanon"), ("MUSCAT", "Oman"),
    ("ADDIS ABABA", "Ethiopia"), ("KAMPALA", "Uganda"), ("LUSAKA", "Zambia"),
    ("HARARE", "Zimbabwe"), ("PRETORIA", "South Africa"), ("WINDHOEK", "Namibia"),
    ("ANTANANARIVO", "Madagascar"), ("PORT LOUIS", "Mauritius"), ("COLOMBO", "Sri Lanka"),
    ("DHAKA", "Bangladesh"), ("KATHMANDU", "Nepal"), ("ISLAMABAD", "Pakistan"),
)  # fmt: skip

REGIONS = (
    "Africa", "the Americas", "Asia", "Europe", "the Middle East", "the Pacific",
    "South-East Asia", "West Africa", "East Africa", "Southern Africa", "Central America",
    "South America", "the Caribbean", "the Western Balkans", "Central Asia", "the Gulf",
)  # fmt: skip

FIRST_NAMES = (
    "Amara", "Bruno", "Chen", "Dalia", "Emeka", "Farida", "Goran", "Hiroshi", "Ingrid",
    "Jamal", "Katarzyna", "Luis", "Mei", "Nadia", "Oskar", "Priya", "Quentin", "Rania",
    "Sven", "Tomasz", "Ursula", "Valentina", "Wei", "Ximena", "Yusuf", "Zanele", "Jürgen",
    "Søren", "Ana", "Kwame", "Leila", "Mateus", "Olga", "Rafael", "Sipho", "Thandiwe",
)  # fmt: skip

LAST_NAMES = (
    "Abiodun", "Brennan", "Castillo", "Dimitrov", "Eriksen", "Fonseca", "Gallagher",
    "Haddad", "Ishikawa", "Jovanović", "Kowalczyk", "Lindqvist", "Mbeki", "Nakamura",
    "Okonkwo", "Petrova", "Quispe", "Rahman", "Santos", "Takahashi", "Urquhart", "Varga",
    "Weiss", "Xu", "Yilmaz", "Zapata", "Müller", "Ødegaard", "Achterberg", "Banda",
    "Moreau", "Novak", "Osei", "Pereira", "Rossi", "Sato",
)  # fmt: skip

ROLES = (
    "Secretary General", "Executive Director of Police Services", "President",
    "Director of Organized and Emerging Crime", "Director of Cybercrime",
    "Head of the National Central Bureau", "Minister of the Interior", "Chief of Police",
    "Director of Counter-Terrorism", "Vice-President for Africa", "Commissioner",
)  # fmt: skip

ORGANISATIONS = (
    "INTERPOL", "the United Nations", "Europol", "AFRIPOL", "the World Customs Organization",
    "the Global Coalition", "UNODC", "the African Union", "ASEANAPOL", "the European Union",
    "the Financial Action Task Force", "AMERIPOL", "the Council of Europe", "the OSCE",
    "the Global Fund", "the World Health Organization", "Frontex", "GCCPOL",
)  # fmt: skip

CRIMES = (
    "human trafficking", "migrant smuggling", "online child sexual exploitation",
    "cyber-enabled financial fraud", "illicit firearms trafficking", "wildlife crime",
    "environmental crime", "drug trafficking", "counterfeit medicines", "money laundering",
    "terrorist financing", "maritime piracy", "illegal fishing", "ransomware",
    "business email compromise", "cultural heritage theft", "illegal logging",
    "fuel smuggling", "match-fixing", "identity fraud", "vehicle theft", "gold smuggling",
    "phishing", "cryptocurrency fraud", "forced labour", "pharmaceutical crime",
)  # fmt: skip

CODENAMES = (
    "Storm", "Haechi", "Pangea", "Thunder", "Trigger", "Lionfish", "Sentinel", "Jackal",
    "Serengeti", "Liberterra", "Weka", "Orca", "Falcon", "Kalkan", "Tempest", "Nimbus",
    "Harpoon", "Carbon", "Mercury", "Bullseye", "Cobalt", "Aurora", "Granite", "Typhoon",
    "Sandstone", "Jigsaw", "Vortex", "Meridian", "Quartz", "Basilisk", "Firebird", "Delta",
)  # fmt: skip

ROMAN = ("", " II", " III", " IV", " V", " VI", " VII", " VIII", " IX", " X")

DATABASES = (
    "Stolen and Lost Travel Documents database", "I-24/7 network", "Red Notice system",
    "facial recognition system", "firearms tracing platform", "I-Familia database",
    "Stolen Motor Vehicles database", "cybercrime knowledge exchange", "biometric hub",
)  # fmt: skip

EVENTS = (
    "General Assembly", "Regional Conference", "Heads of National Central Bureaus meeting",
    "Global Cybercrime Conference", "Ministerial summit", "Executive Committee session",
    "Global Firearms Forum", "Counter-Terrorism Symposium", "Digital Forensics Expert Group",
)  # fmt: skip

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip

TITLE_TEMPLATES = (
    "Operation {op}: {n} arrests in {region} {crime} crackdown",
    "INTERPOL operation against {crime} leads to {n} arrests across {k} countries",
    "{n} victims rescued in {region} as Operation {op} targets {crime}",
    "{country} hosts {ordinal} INTERPOL {event} in {city}",
    "INTERPOL and {org} strengthen cooperation against {crime} in {region}",
    "{role} {person} calls for united front against {crime}",
    "USD {money} million seized in Operation {op} against {crime}",
    "INTERPOL reaffirms support to {org} as {adj} policing partner in {region}",
    "New {database} access boosts border security in {country}",
    "{country} joins INTERPOL project on {crime} with {k} partner agencies",
    "Police in {k} countries dismantle {crime} networks in Operation {op}",
    "INTERPOL warns of rising {crime} in {region} after {n} cases reported",
    "{event} in {city} focuses on {crime} and {crime2}",
    "Operation {op} disrupts {crime} routes between {region} and {region2}",
    "INTERPOL training helps {country} police tackle {crime} in {year}",
    "{n} tonnes of illicit goods seized in Operation {op}",
    "INTERPOL {role} {person} visits {country} to discuss {crime}",
    "{org} and INTERPOL sign agreement on {crime} in {city}",
    "{org} partners meet in {city} on {crime} and foreign terrorist fighters",
    "Fugitive wanted for {crime} in {country} arrested in {country2} after Red Notice",
    "{k} countries share data through the {database} to fight {crime}",
    "INTERPOL report: {crime} up {pct} per cent in {region} since {year}",
    "Young leaders from {k} countries gather in {city} for INTERPOL {event}",
    "{country} and INTERPOL launch joint unit on {crime} led by {person}",
    "{person} elected {role} at the {ordinal} {event}",
    "{n} fake websites shut down in Operation {op} against {crime}",
    "Crackdown on {crime} in {city}: {n} suspects identified by INTERPOL analysts",
    "How the {database} helped {country} catch a {crime} suspect",
)  # fmt: skip

ORDINALS = ("first", "second", "third", "fourth", "fifth", "tenth", "20th", "25th", "50th")

ADJECTIVES = ("key", "international", "trusted", "strategic", "global", "operational")


@dataclass(frozen=True, slots=True)
class SyntheticRelease:
    """One generated release: the parts a loader would find, and its file text."""

    index: int
    title: str
    date: str
    """ISO date."""
    dateline: str
    body: str
    """Paragraphs joined by blank lines; the dateline opens the first one."""

    @property
    def file_name(self) -> str:
        """A stable file name that sorts in index order."""
        return f"release-{self.index:06d}.txt"

    def file_text(self) -> str:
        """The release as a raw file: date, title, then the body (the seeds' layout)."""
        day, month, year = self.date[8:], int(self.date[5:7]), self.date[:4]
        return f"{int(day)} {MONTHS[month - 1]} {year}\n\n{self.title}\n\n{self.body}\n"


def _rng(seed: int, index: int, part: str) -> random.Random:
    # String seeds hash through SHA-512 in CPython: stable across runs and versions.
    return random.Random(f"{seed}:{index}:{part}")


ONSETS = ("b", "d", "g", "k", "l", "m", "n", "r", "s", "t", "v", "z", "br", "kr", "tr", "mb", "nd")
VOWELS = ("a", "e", "i", "o", "u", "ai", "ou")
CODAS = ("", "", "", "n", "r", "s", "l", "k")


def coined_name(rng: random.Random) -> str:
    """An invented proper noun ("Kavorin", "Mbelato"): the long tail of a real vocabulary."""
    syllables = rng.choice((2, 2, 3, 3, 4))
    word = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(syllables))
    return (word + rng.choice(CODAS)).capitalize()


def _person(rng: random.Random) -> str:
    last = rng.choice(LAST_NAMES) if rng.random() < 0.5 else coined_name(rng)
    return f"{rng.choice(FIRST_NAMES)} {last}"


def _operation(rng: random.Random) -> str:
    name = rng.choice(CODENAMES) if rng.random() < 0.6 else coined_name(rng)
    return name + rng.choice(ROMAN)


def _number(rng: random.Random) -> str:
    value = rng.choice((rng.randint(12, 999), rng.randint(1_000, 60_000)))
    return f"{value:,}"


def _fill(template: str, rng: random.Random) -> str:
    (city, country), (_, country2) = rng.sample(PLACES, 2)
    crime, crime2 = rng.sample(CRIMES, 2)
    region, region2 = rng.sample(REGIONS, 2)
    org = rng.choice(ORGANISATIONS)
    text = template.format(
        op=_operation(rng),
        n=_number(rng),
        k=rng.randint(3, 120),
        region=region,
        region2=region2,
        crime=crime,
        crime2=crime2,
        country=country,
        country2=country2,
        city=city.title() if rng.random() < 0.6 else coined_name(rng),
        event=rng.choice(EVENTS),
        org=org,
        ordinal=rng.choice(ORDINALS),
        year=rng.randint(2005, 2025),
        pct=rng.randint(5, 80),
        role=rng.choice(ROLES),
        person=_person(rng),
        money=f"{rng.randint(2, 900)}",
        adj=rng.choice(ADJECTIVES),
        database=rng.choice(DATABASES),
    )
    return text[0].upper() + text[1:]


def synthetic_title(index: int, seed: int = DEFAULT_SEED) -> str:
    """The title of release ``index`` (cheap: no body is generated)."""
    rng = _rng(seed, index, "title")
    return _fill(rng.choice(TITLE_TEMPLATES), rng)


def synthetic_date(index: int, seed: int = DEFAULT_SEED) -> str:
    """The ISO date of release ``index``."""
    rng = _rng(seed, index, "date")
    return f"{rng.randint(2005, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


SENTENCES = (
    "The operation ran from {month} to {month2} {year} and involved {k} member countries.",
    "Officers carried out more than {n} checks at airports, seaports and land borders.",
    "Some {n} suspects were identified and {n2} arrests were made during the action phase.",
    "Assets worth nearly USD {money} million were frozen, including bank accounts and "
    "cryptocurrency wallets.",
    "Investigators seized {n} items, among them {n2} firearms and large quantities of cash.",
    "The {database} was searched {n} times during the operation.",
    "Police in {city} worked with the National Central Bureau in {country} to trace the "
    "suspects.",
    "The network is believed to have moved victims through {region} to {region2}.",
    "Analysts at the General Secretariat in Lyon produced {k} intelligence reports for the "
    "countries involved.",
    "In {year} alone, member countries exchanged more than {n} messages on {crime}.",
    "{org} provided funding and specialist trainers for the {k}-day workshop.",
    "Participants agreed on a set of {k} recommendations to be presented at the next "
    "{event}.",
    "The findings will feed into a regional assessment of {crime} in {region}.",
    "More than {n} police officers have been trained under the programme since {year}.",
    "Cases of {crime} reported to police rose by {pct} per cent over the past {k} months.",
)  # fmt: skip

QUOTES = (
    "No country can tackle {crime} alone: the criminals do not respect borders, and neither "
    "can our response.",
    "This operation shows what is possible when police share information quickly and act "
    "together.",
    "Every arrest made here protects victims in {region} and beyond.",
    "We will keep supporting our partners in {country} with data, training and expertise.",
    "The {database} gives officers on the front line the answers they need within seconds.",
    "Criminal networks adapt fast; our cooperation must adapt faster.",
    "Behind every figure in this report there is a family that has been harmed.",
)  # fmt: skip


def _sentence(template: str, rng: random.Random) -> str:
    city, country = rng.choice(PLACES)
    region, region2 = rng.sample(REGIONS, 2)
    month, month2 = sorted(rng.sample(range(12), 2))
    text = template.format(
        month=MONTHS[month],
        month2=MONTHS[month2],
        year=rng.randint(2010, 2025),
        k=rng.randint(3, 120),
        n=_number(rng),
        n2=_number(rng),
        money=f"{rng.randint(2, 900)}.{rng.randint(1, 9)}",
        database=rng.choice(DATABASES),
        city=city.title(),
        country=country,
        region=region,
        region2=region2,
        crime=rng.choice(CRIMES),
        org=rng.choice(ORGANISATIONS),
        event=rng.choice(EVENTS),
        pct=rng.randint(5, 80),
    )
    return text[0].upper() + text[1:]


def _paragraph(rng: random.Random) -> str:
    if rng.random() < 0.3:
        quote = _sentence(rng.choice(QUOTES), rng)
        speaker = f"{rng.choice(ROLES)} {_person(rng)}"
        if rng.random() < 0.5:
            return f"“{quote[:-1]},” said {speaker}."
        return f"{speaker} said: “{quote}”"
    return " ".join(_sentence(rng.choice(SENTENCES), rng) for _ in range(rng.randint(2, 4)))


def synthetic_release(index: int, seed: int = DEFAULT_SEED) -> SyntheticRelease:
    """Release ``index``: a title, a date, a dateline and a 3–6 KB body."""
    title = synthetic_title(index, seed)
    rng = _rng(seed, index, "body")
    city, country = rng.choice(PLACES)
    dateline = f"{city}, {country}"
    target = rng.randint(3_000, 6_000)
    first = _sentence(rng.choice(SENTENCES), rng)
    paragraphs = [f"{dateline} – {title.rstrip('.')}. {first}"]
    size = len(paragraphs[0])
    while size < target:
        paragraph = _paragraph(rng)
        if size + len(paragraph) > 6_000:
            if size >= 3_000:
                break
            continue  # too long to fit under 6 KB: draw another
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return SyntheticRelease(
        index, title, synthetic_date(index, seed), dateline, "\n\n".join(paragraphs)
    )


def synthetic_releases(n: int, seed: int = DEFAULT_SEED) -> Iterator[SyntheticRelease]:
    """Releases ``0 .. n-1`` of ``seed``."""
    for index in range(n):
        yield synthetic_release(index, seed)


def write_corpus(folder: Path, n: int, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write ``n`` releases as text files into ``folder`` (created if needed); return the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for release in synthetic_releases(n, seed):
        path = folder / release.file_name
        path.write_text(release.file_text(), encoding="utf-8")
        paths.append(path)
    return paths
