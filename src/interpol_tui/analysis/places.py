"""Place names: countries from pycountry, plus curated regions, cities and common short forms.

The gazetteer is built on first use and cached: analysis runs in workers, and
importing this module must not slow the application's start.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

# Short and everyday forms that pycountry's names do not cover, -> canonical name.
COUNTRY_ALIASES = {
    "US": "United States",
    "USA": "United States",
    "U.S.": "United States",
    "United States of America": "United States",
    "America": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "UAE": "United Arab Emirates",
    "Russia": "Russia",
    "Russian Federation": "Russia",
    "South Korea": "South Korea",
    "Republic of Korea": "South Korea",
    "Korea": "South Korea",
    "North Korea": "North Korea",
    "Iran": "Iran",
    "Syria": "Syria",
    "Vietnam": "Vietnam",
    "Viet Nam": "Vietnam",
    "Laos": "Laos",
    "Turkey": "Türkiye",
    "Turkiye": "Türkiye",
    "Ivory Coast": "Côte d'Ivoire",
    "Côte d’Ivoire": "Côte d'Ivoire",
    "Cote d'Ivoire": "Côte d'Ivoire",
    "DRC": "Democratic Republic of the Congo",
    "DR Congo": "Democratic Republic of the Congo",
    "Democratic Republic of Congo": "Democratic Republic of the Congo",
    "Democratic Republic of the Congo": "Democratic Republic of the Congo",
    "Republic of the Congo": "Congo",
    "Czech Republic": "Czechia",
    "Macedonia": "North Macedonia",
    "Swaziland": "Eswatini",
    "Cape Verde": "Cabo Verde",
    "Brunei": "Brunei",
    "Palestine": "Palestine",
    "Vatican": "Holy See",
    "Vatican City": "Holy See",
    "Holland": "Netherlands",
    "The Netherlands": "Netherlands",
    "Kosovo": "Kosovo",
    "England": "England",
    "Scotland": "Scotland",
    "Wales": "Wales",
    "Northern Ireland": "Northern Ireland",
    "Hong Kong": "Hong Kong",
    "Macau": "Macao",
    "Macao": "Macao",
    "Taiwan": "Taiwan",
    "Micronesia": "Micronesia",
    "Moldova": "Moldova",
    "Tanzania": "Tanzania",
    "Bolivia": "Bolivia",
    "Venezuela": "Venezuela",
}

REGIONS = """
Africa|Asia|Europe|Oceania|Antarctica|Arctic|Americas|the Americas|North America|South America
Central America|Latin America|Caribbean|the Caribbean|Middle East|Near East|Far East
North Africa|West Africa|East Africa|Southern Africa|Central Africa|Sub-Saharan Africa
Horn of Africa|Sahel|Maghreb|Great Lakes|Gulf of Guinea|Lake Chad Basin|Lake Chad
Southeast Asia|South-East Asia|South Asia|East Asia|Central Asia|West Asia|Asia Pacific
Asia-Pacific|Pacific|South Pacific|Pacific Islands|Indo-Pacific|Eastern Europe|Western Europe
Northern Europe|Southern Europe|Central Europe|Balkans|Western Balkans|Baltic|Baltics
Scandinavia|Nordic countries|Mediterranean|Eurasia|Gulf|Persian Gulf|Arabian Peninsula
Caucasus|South Caucasus|Golden Triangle|Golden Crescent|Amazon|Andes|Tri-Border Area
Schengen Area|Levant|Mekong|Silk Road|Indian Ocean|Atlantic|Red Sea|Black Sea|Caspian Sea
""".replace("\n", "|").split("|")

CITIES = """
Lyon|Singapore|Buenos Aires|Brussels|Vienna|The Hague|Hague|Geneva|New York|Washington
Washington DC|Washington D.C.|Paris|London|Berlin|Rome|Madrid|Lisbon|Amsterdam|Dublin
Copenhagen|Stockholm|Oslo|Helsinki|Warsaw|Prague|Budapest|Bucharest|Sofia|Athens|Istanbul
Ankara|Moscow|Kyiv|Kiev|Minsk|Tbilisi|Yerevan|Baku|Astana|Tashkent|Bishkek|Dushanbe
Ashgabat|Kabul|Islamabad|Karachi|Lahore|New Delhi|Delhi|Mumbai|Kolkata|Chennai|Bangalore
Bengaluru|Dhaka|Colombo|Kathmandu|Beijing|Shanghai|Hong Kong|Guangzhou|Shenzhen|Tokyo
Osaka|Seoul|Busan|Taipei|Manila|Hanoi|Ho Chi Minh City|Bangkok|Phnom Penh|Vientiane
Yangon|Naypyidaw|Kuala Lumpur|Jakarta|Bali|Canberra|Sydney|Melbourne|Wellington|Auckland
Suva|Port Moresby|Cairo|Alexandria|Tripoli|Tunis|Algiers|Rabat|Casablanca|Marrakesh
Marrakech|Dakar|Abidjan|Accra|Lagos|Abuja|Niamey|Bamako|Ouagadougou|Nouakchott|N’Djamena
N'Djamena|Yaoundé|Yaounde|Douala|Libreville|Kinshasa|Brazzaville|Luanda|Nairobi|Mombasa
Kampala|Kigali|Addis Ababa|Khartoum|Mogadishu|Djibouti|Dar es Salaam|Lusaka|Harare
Maputo|Windhoek|Gaborone|Pretoria|Johannesburg|Cape Town|Durban|Antananarivo|Port Louis
Riyadh|Jeddah|Doha|Dubai|Abu Dhabi|Manama|Kuwait City|Muscat|Sanaa|Baghdad|Tehran|Damascus
Beirut|Amman|Jerusalem|Tel Aviv|Ramallah|Ottawa|Toronto|Montreal|Vancouver|Mexico City
Guatemala City|San Salvador|Tegucigalpa|Managua|San José|Panama City|Havana|Kingston
Santo Domingo|Port-au-Prince|Bogotá|Bogota|Caracas|Quito|Lima|La Paz|Santiago|Asunción
Montevideo|Brasília|Brasilia|São Paulo|Sao Paulo|Rio de Janeiro|Los Angeles|Chicago
San Francisco|Miami|Houston|Atlanta|Boston|Seattle|Strasbourg|Marseille|Nice|Frankfurt
Munich|Hamburg|Milan|Naples|Barcelona|Zurich|Bern|Luxembourg City|Monaco|Valletta|Nicosia
Reykjavik|Tallinn|Riga|Vilnius|Bratislava|Ljubljana|Zagreb|Belgrade|Sarajevo|Podgorica
Skopje|Tirana|Pristina|Chisinau|Edinburgh|Manchester|Glasgow|Belfast|Cardiff|Ulaanbaatar
Nur-Sultan|Thimphu|Malé|Port of Spain|Bridgetown|Nassau|Castries|Belmopan|Paramaribo
Georgetown|Asmara|Juba|Bangui|Malabo|Conakry|Freetown|Monrovia|Bissau|Banjul|Lomé|Cotonou
Porto-Novo|Moroni|Mbabane|Maseru|Lilongwe|Gitega|Bujumbura|Dodoma|Apia|Port Vila|Honiara
Dili|Bandar Seri Begawan|Putrajaya|Andorra la Vella|San Marino|Vaduz|Praia|São Tomé|Sana'a
Erbil|Mosul|Aleppo|Benghazi|Misrata|Agadez|Timbuktu|Maiduguri|Goma|Bukavu
Cox's Bazar|Chittagong|Peshawar|Quetta|Kandahar|Herat|Mazar-i-Sharif|Karachi|Hyderabad
Ciudad Juárez|Tijuana|Monterrey|Guadalajara|Cancún|Medellín|Cali|Cartagena|Guayaquil
Santa Cruz|Córdoba|Rosario|Valparaíso|Foz do Iguaçu|Manaus|Recife|Belém|Porto
Seville|Valencia|Bilbao|Lille|Toulouse|Bordeaux|Turin|Genoa|Palermo|Cologne|Düsseldorf
Rotterdam|Antwerp|Gothenburg|Malmö|Bergen|Kraków|Gdańsk|Odesa|Kharkiv|Lviv|St Petersburg
Vladivostok|Almaty|Samarkand|Chengdu|Wuhan|Xiamen|Kunming|Macau|Osaka|Yokohama|Incheon
Cebu|Davao|Surabaya|Medan|Penang|Johor Bahru|Chiang Mai|Pattaya|Phuket|Da Nang|Mandalay
Perth|Brisbane|Adelaide|Christchurch|Nouméa|Papeete|Honolulu|Anchorage|Dallas
Phoenix|Denver|Philadelphia|Detroit|New Orleans|San Diego|Las Vegas|Montréal|Calgary
""".replace("\n", "|").split("|")

CITY_ALIASES = {
    "Washington DC": "Washington, D.C.",
    "Washington D.C.": "Washington, D.C.",
    "Washington": "Washington, D.C.",
    "Hague": "The Hague",
    "Kiev": "Kyiv",
    "Delhi": "New Delhi",
    "Bengaluru": "Bangalore",
    "Bogota": "Bogotá",
    "Brasilia": "Brasília",
    "Sao Paulo": "São Paulo",
    "Yaounde": "Yaoundé",
    "N'Djamena": "N’Djamena",
    "Marrakech": "Marrakesh",
}


def _fold(name: str) -> str:
    return " ".join(name.replace("’", "'").split()).casefold()


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, tuple[str, str]]:
    """Return folded place name -> (canonical name, kind), built once on first use."""
    import pycountry  # imported here: only analysis workers need it

    places: dict[str, tuple[str, str]] = {}
    for country in pycountry.countries:
        canonical = getattr(country, "common_name", None) or country.name
        if "," in canonical:
            continue  # "Korea, Republic of": covered by the aliases
        for name in (country.name, getattr(country, "common_name", None)):
            if name and "," not in name and "(" not in name:
                places[_fold(name)] = (canonical, "country")
    for alias, canonical in COUNTRY_ALIASES.items():
        places[_fold(alias)] = (canonical, "country")
    for region in REGIONS:
        if region.strip():
            canonical = region.removeprefix("the ")
            places[_fold(region)] = (canonical, "region")
    for city in CITIES:
        if city.strip():
            places[_fold(city)] = (CITY_ALIASES.get(city, city), "city")
    _add_subdivisions(places, pycountry.subdivisions)
    return places


SUBDIVISION = "subdivision"
"""The kind of a state, province or county: also many surnames ("Ishikawa", "Kent")."""
# Subdivision types that press releases name as places ("Kent", "Shan State", "Sindh").
_SUBDIVISION_TYPES = frozenset(
    {"Province", "State", "Region", "County", "Two-tier county", "Governorate", "Prefecture"}
    | {"Land", "Autonomous community", "Autonomous region", "Emirate", "Council area"}
)
_SUBDIVISION_SUFFIXES = {"State": " State", "Province": " Province", "Region": " Region"}
# Subdivision names that are also ordinary words of English prose.
_COMMON_WORDS = frozenset(
    """Central Capital Centre Center Coast Coastal Lakes Upper Lower Islands Island Federal
    National Eastern Western Northern Southern North South East West Mountain Mountains
    Highlands Valley Lake River Delta Plateau Savannes Littoral Interior Border Frontier
    Greater Middle Grand Bay Port Victoria Georgia Santa Guard Union Maritime Atlantic Pacific
    Ocean Sea Saint St Mid Midlands Orange Ash Liberty Unity Bank Hope Reform Peace""".split()  # noqa: SIM905
)


def _add_subdivisions(places: dict[str, tuple[str, str]], subdivisions: Any) -> None:
    """Add ISO 3166-2 states, provinces and counties whose names are not everyday words."""
    for sub in subdivisions:
        name = sub.name
        if (
            sub.type not in _SUBDIVISION_TYPES
            or len(name) < 4
            or any(c in name for c in ",()/[")
            or any(word in _COMMON_WORDS for word in name.split())
        ):
            continue
        places.setdefault(_fold(name), (name, SUBDIVISION))
        suffix = _SUBDIVISION_SUFFIXES.get(sub.type)
        if suffix and not name.endswith(suffix):
            places.setdefault(_fold(name + suffix), (name + suffix, SUBDIVISION))


@lru_cache(maxsize=65536)
def lookup_place(name: str) -> tuple[str, str] | None:
    """Return (canonical, kind) for a place name as written, or None (answers are cached)."""
    return gazetteer().get(_fold(name))


REGION_HEADS = frozenset({"America", "Africa", "Asia", "Europe"})
"""Heads of region names that coordination can share ("Central and South America")."""
COMPASS_WORDS = frozenset(
    {"North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern", "Western",
     "Southeast", "South-East", "Northeast", "Latin", "Sub-Saharan"}
)  # fmt: skip
