"""The quicker ``__init__`` of the analysis's frozen dataclasses makes the same objects."""

from __future__ import annotations

import dataclasses
import inspect
import pickle
from typing import Any

import pytest

from interpol_tui.analysis.chunks import Chunk
from interpol_tui.analysis.classify import Label
from interpol_tui.analysis.model import DateSpan, EntitySpan, Figure, Quote
from interpol_tui.analysis.periods import Period
from interpol_tui.analysis.quick_init import quick_init
from interpol_tui.analysis.sentences import Sentence
from interpol_tui.analysis.tokens import tokenize

_VALUES: dict[type, tuple[Any, ...]] = {
    EntitySpan: (3, 9, "Côte d’Ivoire", "location", "Côte d’Ivoire", None),
    DateSpan: (0, 8, "May 2024", "2024-05"),
    Figure: (1, 5, "3 kg", 3.0, "kg", "about", "kg of cocaine", "About 3 kg.", 0, "2024"),
    Quote: (2, 7, "“We…”", "Jürgen Stock", 1),
    Chunk: (
        tuple(tokenize("United Nations")),
        True,
        4,
        6,
        ("United", "Nations"),
        ("United", "Nations"),
        "United Nations",
        0,
        14,
    ),
    Label: ("organization", "United Nations"),
    Period: ("past 10 months", 4, 24, True),
    Sentence: (0, 42),
}


def _plain(cls: type, values: tuple[Any, ...]) -> Any:
    """The object the dataclass's own ``__init__`` makes: each field set, defaults filled."""
    made: Any = object.__new__(cls)
    fields = dataclasses.fields(cls)
    for index, field in enumerate(fields):
        value = values[index] if index < len(values) else field.default
        object.__setattr__(made, field.name, value)
    return made


@pytest.mark.parametrize("cls", list(_VALUES), ids=lambda cls: cls.__name__)
def test_quick_init_makes_what_the_dataclass_makes(cls: type) -> None:
    values = _VALUES[cls]
    plain = _plain(cls, values)
    quick = cls(*values)
    names = [f.name for f in dataclasses.fields(cls)]
    keywords = cls(**dict(zip(names, values, strict=False)))
    for made in (quick, keywords):
        assert made == plain and repr(made) == repr(plain)
        assert [getattr(made, n) for n in names] == [getattr(plain, n) for n in names]
        assert hash(made) == hash(plain)
        if cls is not Chunk:  # tokens compare by identity; a pickled copy makes new ones
            assert pickle.loads(pickle.dumps(made)) == plain
    assert dataclasses.replace(quick) == plain
    assert inspect.signature(cls).parameters.keys() == set(names)
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(quick, names[0], values[0])
    required = sum(f.default is dataclasses.MISSING for f in dataclasses.fields(cls))
    with pytest.raises(TypeError):
        cls(*values[: required - 1])  # one argument short
    with pytest.raises(TypeError):
        cls(*values, *([None] * (len(names) - len(values) + 1)))  # one too many
    with pytest.raises(TypeError):
        cls(*values, unknown=1)


def test_defaults_are_the_dataclass_defaults() -> None:
    figure = Figure(0, 1, "5", 5.0, None, None, "cases", "5 cases.", 0)
    assert (figure.period, figure.kind, figure.low, figure.zone) == (None, "count", None, "body")
    assert EntitySpan(0, 1, "A", "person", "A").role is None
    assert Quote(0, 1, "a", None).group == 0
    assert Period("so far", 0, 6).counted is False


def test_only_plain_frozen_dataclasses_are_taken() -> None:
    @dataclasses.dataclass(slots=True)
    class Loose:
        a: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class Listed:
        a: list[int] = dataclasses.field(default_factory=list)

    @dataclasses.dataclass(frozen=True, slots=True)
    class Checked:
        a: int

        def __post_init__(self) -> None:
            pass

    for cls in (Loose, Listed, Checked):
        with pytest.raises(TypeError):
            quick_init(cls)

    @quick_init
    @dataclasses.dataclass(frozen=True, slots=True)
    class Empty:
        pass

    assert Empty() == Empty()
