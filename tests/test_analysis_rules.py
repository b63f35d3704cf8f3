"""Analysis rules on press-release English written for these tests (not the seeds)."""

from __future__ import annotations

import pytest

from interpol_tui.analysis.dates import find_dates
from interpol_tui.analysis.model import DocumentAnalysis, Figure
from interpol_tui.analysis.numbers import combine_words, fold_value, parse_digits, word_value
from interpol_tui.analysis.pipeline import analyse_text

RELEASE = """LYON, France – A global operation against online scams has led to the arrest of \
more than 3,500 suspects and the seizure of EUR 2.3 million in cash, INTERPOL announced today.

Operation First Light involved police in 61 countries, including Brazil, Côte d’Ivoire, the \
Democratic Republic of the Congo and Papua New Guinea. Officers raided some 1,200 call centres \
across Southeast Asia and West Africa between March and May 2024.

“Online fraud is a global epidemic that affects every region,” said Valdecy Urquiza, INTERPOL \
Secretary General. “We are seeing a tenfold rise in reports since 2019.”

Stephen Kavanagh, INTERPOL’s Executive Director of Policing Services, said the operation had \
identified up to 500 victims of human trafficking. "Criminal networks exploit the vulnerable," \
he added. "No country can face them alone."

According to the European Union Agency for Law Enforcement Cooperation (Europol), losses rose \
by 45 per cent in 2023. The Financial Action Task Force (FATF) estimates that 1.2 tonnes of \
cocaine and $1.5bn in illicit proceeds moved through the region. Kavanagh said Europol analysts \
worked 24/7 during Phase 2.

The Royal Thai Police and the Brazilian Federal Police each deployed two hundred officers. \
Commissioner Jane Achieng of the Kenya Police Service welcomed the results, saying that twelve \
countries had joined for the first time. The 91st INTERPOL General Assembly in Vienna will \
review the operation.

Director of Organized and Emerging Crime Leila Achterberg said: “Behind every figure there is \
a family that has been harmed.”

“It took two years of patient work,” Tan told reporters, after Inspector Tan Wei Ming of the \
Singapore Police Force briefed them. The operation, codenamed Thunder, ran alongside Project Vic. \
Officers checked travellers against the Stolen and Lost Travel Documents (SLTD) database, \
which was searched 975 times. Assets worth nearly USD 37.5 million were frozen."""


@pytest.fixture(scope="module")
def analysis() -> DocumentAnalysis:
    return analyse_text("release.txt", RELEASE)


def _figure(analysis: DocumentAnalysis, text: str) -> Figure:
    return next(f for f in analysis.figures if text in f.text)


def _entities(analysis: DocumentAnalysis, kind: str) -> set[str]:
    return {e.canonical for e in analysis.entities if e.type == kind}


@pytest.mark.parametrize(
    ("words", "value"),
    [("seven", 7), ("ninety-nine", 99), ("Twelve", 12), ("forty-two", 42), ("eighty", 80)],
)
def test_number_words(words: str, value: int) -> None:
    assert word_value(words) == value


def test_number_forms() -> None:
    assert parse_digits("43,000") == 43_000
    assert parse_digits("4.5") == 4.5
    assert parse_digits("1,2") is None
    assert combine_words(["two", "hundred", "and", "fifty", "thousand"]) == 250_000
    assert fold_value("thousandfold") == 1000
    assert fold_value("two-fold") == 2
    assert fold_value("tenfold") == 10
    assert fold_value("manifold") is None


def test_figures_values_units_qualifiers(analysis: DocumentAnalysis) -> None:
    suspects = _figure(analysis, "3,500")
    assert (suspects.value, suspects.qualifier, suspects.counts) == (3500, "more than", "suspects")
    cash = _figure(analysis, "EUR 2.3 million")
    assert (cash.value, cash.unit, cash.kind, cash.counts) == (2_300_000, "EUR", "money", "cash")
    assert _figure(analysis, "tenfold").value == 10
    assert _figure(analysis, "tenfold").kind == "factor"
    victims = _figure(analysis, "500 victims")
    assert (victims.qualifier, victims.counts) == ("up to", "victims")
    percent = _figure(analysis, "45 per cent")
    assert (percent.value, percent.unit, percent.counts) == (45, "%", "increase in losses")
    assert percent.period == "2023"
    cocaine = _figure(analysis, "1.2 tonnes")
    assert (cocaine.value, cocaine.unit, cocaine.counts) == (1.2, "t", "cocaine")
    dollars = _figure(analysis, "$1.5bn")
    assert (dollars.value, dollars.unit, dollars.counts) == (1.5e9, "USD", "illicit proceeds")
    assert _figure(analysis, "two hundred officers").value == 200
    assert _figure(analysis, "twelve countries").value == 12
    assets = _figure(analysis, "USD 37.5 million")
    assert (assets.qualifier, assets.counts) == ("nearly", "assets")
    searches = _figure(analysis, "975 times")
    assert searches.counts == "database searches"


def test_non_figures_are_left_out(analysis: DocumentAnalysis) -> None:
    texts = " | ".join(f.text for f in analysis.figures)
    for label in ("24/7", "Phase 2", "91st", "2019", "2024", "first time"):
        assert label not in texts
    for figure in analysis.figures:
        assert RELEASE[figure.sentence_start :].startswith(figure.sentence)
        assert figure.text in figure.sentence


def test_people_with_roles_from_titles_and_appositions(analysis: DocumentAnalysis) -> None:
    roles = {e.canonical: e.role for e in analysis.entities if e.type == "person"}
    assert roles["Valdecy Urquiza"] == "INTERPOL Secretary General"
    assert roles["Jane Achieng"] == "Commissioner"
    assert roles["Leila Achterberg"] == "Director of Organized and Emerging Crime"
    assert "Stephen Kavanagh" in roles
    surnames = {e.text for e in analysis.entities if e.canonical == "Stephen Kavanagh"}
    assert surnames == {"Stephen Kavanagh", "Kavanagh"}
    assert {e.text for e in analysis.entities if e.canonical == "Tan Wei Ming"} == {
        "Tan",
        "Tan Wei Ming",
    }


def test_places_organisations_operations(analysis: DocumentAnalysis) -> None:
    places = _entities(analysis, "location")
    assert {"Lyon", "France", "Brazil", "Côte d'Ivoire", "Papua New Guinea", "Vienna"} <= places
    assert {"Democratic Republic of the Congo", "Southeast Asia", "West Africa"} <= places
    assert "Congo" not in places
    orgs = _entities(analysis, "organization")
    assert {"INTERPOL", "Europol", "Financial Action Task Force", "Royal Thai Police"} <= orgs
    assert {"Brazilian Federal Police", "Kenya Police Service", "INTERPOL General Assembly"} <= orgs
    assert {e.text for e in analysis.entities if e.canonical == "Financial Action Task Force"} == {
        "Financial Action Task Force",
        "FATF",
    }
    operations = _entities(analysis, "operation")
    assert {"Operation First Light", "Operation Thunder", "Project Vic"} <= operations
    assert "Stolen and Lost Travel Documents database" in operations


def test_quotes_and_speakers(analysis: DocumentAnalysis) -> None:
    speakers = [(q.text.split()[0], q.speaker) for q in analysis.quotes]
    assert speakers == [
        ("Online", "Valdecy Urquiza"),
        ("We", "Valdecy Urquiza"),
        ("Criminal", "Stephen Kavanagh"),
        ("No", "Stephen Kavanagh"),
        ("Behind", "Leila Achterberg"),
        ("It", "Tan Wei Ming"),
    ]


def test_multi_paragraph_straight_quotes_share_a_group() -> None:
    text = (
        '"Wildlife crime is organized crime," said Dr Maria Lopez. "It funds violence.\n\n'
        '"We will not stop here," she added.\n\nA scare-quoted ‘hit’ is no quotation.'
    )
    quotes = analyse_text("x", text).quotes
    assert [q.text for q in quotes] == [
        "Wildlife crime is organized crime,",
        "It funds violence.",
        "We will not stop here,",
    ]
    assert quotes[1].group == quotes[2].group != quotes[0].group
    assert {q.speaker for q in quotes} == {"Maria Lopez"}


def test_nominal_speaker_resolves_to_the_person_with_that_role() -> None:
    text = (
        "INTERPOL President Ahmed Naser Al-Raisi opened the meeting with Secretary General "
        "Jürgen Stock.\n\n“We act together,” concluded the Head of INTERPOL.\n\n"
        "“Partnership matters,” said the INTERPOL President."
    )
    quotes = analyse_text("x", text).quotes
    assert [q.speaker for q in quotes] == ["Jürgen Stock", "Ahmed Naser Al-Raisi"]


def test_dates() -> None:
    text = (
        "On 22 March 2017 and on Monday, between March and May 2024, during 18 – 21 October, "
        "in the 1990s and in July 2015; Resolution 2178, some 2000 officers, 71/19 (2016)."
    )
    found = {d.text: d.iso for d in find_dates(text)}
    assert found == {
        "22 March 2017": "2017-03-22",
        "Monday": None,
        "March": None,
        "May 2024": "2024-05",
        "18 – 21 October": None,
        "1990s": None,
        "July 2015": "2015-07",
        "2016": "2016",
    }


def test_title_before_a_name_in_commas_and_sentence_initial_qualifiers() -> None:
    text = (
        "BUENOS AIRES, Argentina – More than 150 delegates from 40 countries attended.\n\n"
        "INTERPOL’s Executive Director of Police Services, Stephen Kavanagh, presented the "
        "results: police seized 2.5 tonnes of drugs worth an estimated USD 10 million. "
        "Approximately 30% of the victims identified were minors.\n\n"
        "Last year, member countries issued 12,000 Red Notices.\n\n"
        "“The figures show what cooperation can achieve,” Mr Kavanagh said."
    )
    analysis = analyse_text("x", text)
    figures = {f.text: (f.value, f.unit, f.qualifier, f.counts) for f in analysis.figures}
    assert figures["More than 150 delegates"] == (150, None, "more than", "delegates")
    assert figures["40 countries"] == (40, None, None, "countries attending")
    assert figures["an estimated USD 10 million"] == (10_000_000, "USD", "an estimated", "drugs")
    assert figures["Approximately 30%"] == (30, "%", "approximately", "victims")
    notices = next(f for f in analysis.figures if f.value == 12_000)
    assert (notices.counts, notices.period) == ("Red Notices", "last year")
    people = {e.canonical: e.role for e in analysis.entities if e.type == "person"}
    assert people == {"Stephen Kavanagh": "Executive Director of Police Services"}
    assert [q.speaker for q in analysis.quotes] == ["Stephen Kavanagh"]
