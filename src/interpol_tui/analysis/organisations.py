"""Organisations: well-known bodies and their aliases, and acronyms a release defines."""

from __future__ import annotations

import re

# Canonical name -> the forms it is written in. Only bodies whose short forms
# cannot be recognised from the shape of the name (acronyms, aliases).
KNOWN_ORGANISATIONS: dict[str, tuple[str, ...]] = {
    "INTERPOL": ("INTERPOL", "Interpol", "ICPO-INTERPOL", "ICPO"),
    "United Nations": ("United Nations", "UN", "U.N."),
    "United Nations General Assembly": ("UNGA",),
    "United Nations Security Council": ("UNSC",),
    "United Nations Office on Drugs and Crime": ("UNODC",),
    "UNICEF": ("UNICEF",),
    "UNHCR": ("UNHCR",),
    "UNESCO": ("UNESCO",),
    "International Organization for Migration": ("IOM",),
    "World Health Organization": ("WHO",),
    "World Customs Organization": ("WCO",),
    "International Civil Aviation Organization": ("ICAO",),
    "International Criminal Court": ("ICC",),
    "European Union": ("European Union", "EU"),
    "Europol": ("Europol", "EUROPOL"),
    "Eurojust": ("Eurojust",),
    "Frontex": ("Frontex",),
    "AFRIPOL": ("AFRIPOL", "Afripol"),
    "AMERIPOL": ("AMERIPOL", "Ameripol"),
    "ASEANAPOL": ("ASEANAPOL", "Aseanapol"),
    "GCCPOL": ("GCCPOL",),
    "African Union": ("African Union", "AU"),
    "ASEAN": ("ASEAN",),
    "NATO": ("NATO",),
    "OSCE": ("OSCE",),
    "Council of Europe": ("Council of Europe",),
    "Organization of American States": ("OAS",),
    "Financial Action Task Force": ("FATF",),
    "G7": ("G7",),
    "G20": ("G20",),
    "World Bank": ("World Bank",),
    "International Monetary Fund": ("IMF",),
    "World Economic Forum": ("World Economic Forum", "WEF"),
    "Federal Bureau of Investigation": ("FBI",),
    "Drug Enforcement Administration": ("DEA",),
    "Department of Homeland Security": ("DHS",),
    "National Crime Agency": ("NCA",),
    "Australian Federal Police": ("AFP",),
    "U.S. Immigration and Customs Enforcement": (
        "ICE",
        "Immigration and Customs Enforcement",
        "U.S. Immigration and Customs Enforcement",
        "US Immigration and Customs Enforcement",
    ),
    "U.S. Customs and Border Protection": (
        "CBP",
        "Customs and Border Protection",
        "U.S. Customs and Border Protection",
        "US Customs and Border Protection",
    ),
    "Homeland Security Investigations": ("HSI",),
    "ISIS": (
        "ISIS",
        "ISIL",
        "Da’esh",
        "Da'esh",
        "Daesh",
        "DAESH",
        "Islamic State",
        # Written out with lower-case words that no capitalised run holds (see SPANNING_NAMES).
        "Islamic State in Iraq and the Levant",
        "Islamic State of Iraq and the Levant",
        "Islamic State in Iraq and Syria",
        "Islamic State of Iraq and Syria",
    ),
    "Al-Qaeda": ("Al-Qaeda", "al-Qaeda", "Al Qaeda", "al-Qaida", "Al-Qaida"),
    "Boko Haram": ("Boko Haram",),
    "Al-Shabaab": ("Al-Shabaab", "al-Shabaab", "Al Shabaab"),
    "Taliban": ("Taliban",),
    "Hezbollah": ("Hezbollah",),
    "Hamas": ("Hamas",),
    "National Central Bureaus": ("NCB", "NCBs"),
    # One-word national forces (longer names are read by their body word: names.BODY_WORDS).
    "Carabinieri": ("Carabinieri",),
    "Bundeskriminalamt": ("Bundeskriminalamt",),
    "United Nations Environment Programme": ("UNEP",),
    "United Nations Development Programme": ("UNDP",),
    # Companies and platforms releases name as partners, payment channels or places of
    # contact ("follow us on Facebook"): one-word names no shape rule can tell from a word.
    "Microsoft": ("Microsoft",),
    "Google": ("Google",),
    "Meta": ("Meta Platforms",),
    "Facebook": ("Facebook",),
    "Instagram": ("Instagram",),
    "WhatsApp": ("WhatsApp",),
    "Twitter": ("Twitter",),
    "YouTube": ("YouTube", "Youtube"),
    "TikTok": ("TikTok",),
    "LinkedIn": ("LinkedIn",),
    "Telegram Messenger": ("Telegram Messenger",),
    "PayPal": ("PayPal",),
    "Visa": ("Visa Inc", "Visa Europe"),
    "Mastercard": ("Mastercard", "MasterCard"),
    "Western Union": ("Western Union",),
    "Reuters": ("Reuters",),
    "Sputnik": ("Sputnik",),
    "BBC": ("BBC",),
}
ORGANISATION_ALIASES: dict[str, str] = {
    form: canonical for canonical, forms in KNOWN_ORGANISATIONS.items() for form in forms
}
# Acronyms that may stand before another name and expand inside canonical names.
EXPANSIONS = {"UN": "United Nations", "EU": "European Union"}
_ACRONYM = re.compile(r"[A-Z][A-Za-z&-]*[A-Z]s?|[A-Z]{2,}s?")


def looks_like_acronym(word: str) -> bool:
    """True for "UN", "NCBs", "FTFs", "ICSE": two capitals or more, optional plural s."""
    return bool(_ACRONYM.fullmatch(word)) and sum(c.isupper() for c in word) >= 2


def initials(words: list[str]) -> str:
    """Return the initials of the capitalised words ("National Central Bureaus" -> "NCB")."""
    letters = []
    for word in words:
        for part in word.split("-"):
            if part[:1].isupper():
                letters.append(part[0])
    return "".join(letters)


def acronym_matches(acronym: str, words: list[str]) -> bool:
    """True when ``acronym`` abbreviates ``words`` ("NCBs" for "National Central Bureaus")."""
    core = acronym[:-1] if acronym.endswith("s") and acronym[:-1].isupper() else acronym
    return len(core) >= 2 and initials(words).upper() == core.upper()


def expand_canonical(name: str) -> str:
    """Write a name out in full: "UN General Assembly" -> "United Nations General Assembly"."""
    first, _, rest = name.partition(" ")
    if rest and first in EXPANSIONS:
        return f"{EXPANSIONS[first]} {rest}"
    return name
