"""The kind registry is what the model, the CLI, the legend, the toggles and the styles read."""

from __future__ import annotations

from interpol_tui.analysis.kinds import BY_NAME, KINDS, plural_list
from interpol_tui.analysis.model import ENTITY_TYPES, HIGHLIGHT_KINDS
from interpol_tui.analysis.pipeline import analyse_text
from interpol_tui.commands import entities as entities_command
from interpol_tui.ui.annotations import KIND_CSS, KIND_LABELS
from interpol_tui.ui.entity_table import TYPE_LABELS
from interpol_tui.ui.legend import Legend
from interpol_tui.ui.reader import Reader
from interpol_tui.ui.reader_keys import READER_BINDINGS


def test_the_model_lists_come_from_the_registry() -> None:
    assert tuple(k.name for k in KINDS) == HIGHLIGHT_KINDS
    assert ENTITY_TYPES == ("person", "organization", "location", "operation")
    assert len(BY_NAME) == len(KINDS)  # names are unique


def test_the_ui_reads_every_kind_from_the_registry() -> None:
    assert set(KIND_CSS) == set(KIND_LABELS) == set(HIGHLIGHT_KINDS)
    assert all(KIND_CSS[k.name] == k.style for k in KINDS)
    assert set(TYPE_LABELS) == set(ENTITY_TYPES)
    for kind in HIGHLIGHT_KINDS:
        assert f"legend--{kind}" in Legend.COMPONENT_CLASSES
        assert f"reader--{kind}" in Reader.COMPONENT_CLASSES
        assert f".legend--{kind} {{ {KIND_CSS[kind]} }}" in Legend.DEFAULT_CSS
    toggles = [b for b in READER_BINDINGS if str(b.id).startswith("reader.toggle.")]
    assert [(b.key, b.id) for b in toggles] == [
        (str(n), f"reader.toggle.{kind}") for n, kind in enumerate(HIGHLIGHT_KINDS, start=1)
    ]


def test_the_cli_names_the_entity_types_from_the_registry() -> None:
    assert plural_list() == "people, organisations, places and operations"
    assert plural_list() in entities_command.HELP


def test_analysis_produces_only_registered_entity_types() -> None:
    text = (
        "INTERPOL Secretary General Jürgen Stock met officers from the Kenya Police Service "
        "in Nairobi to launch Operation Sandstorm."
    )
    found = {span.type for span in analyse_text("x", text).entities}
    assert found == set(ENTITY_TYPES)
