"""A quicker ``__init__`` for the frozen, slotted dataclasses made for every release.

A frozen dataclass sets each field with ``object.__setattr__(self, name, value)``:
a global, a method and a name looked up for every field of every figure, span and
name run (about a sixth of the analysis's object making). The ``__init__`` made
here sets each slot through its own descriptor instead, bound once per class;
the signature, the defaults and the object made are the same, and the class
stays frozen (``tests/test_analysis_quick_init.py``).
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

_Class = TypeVar("_Class", bound=type)


def quick_init(cls: _Class) -> _Class:
    """Give the frozen, slotted dataclass ``cls`` an ``__init__`` that sets its slots directly.

    Apply it above ``@dataclass(frozen=True, slots=True)``. Only plain fields are
    allowed (no ``default_factory``, no ``init=False``, no keyword-only field, no
    ``__post_init__``); anything else raises ``TypeError`` when the class is made.
    """
    params = dataclasses.fields(cls)
    plain = all(
        f.init and not f.kw_only and f.default_factory is dataclasses.MISSING for f in params
    )
    frozen = getattr(cls, "__dataclass_params__").frozen  # noqa: B009 - not typed on type
    if not plain or not frozen or hasattr(cls, "__post_init__"):
        raise TypeError(f"quick_init: {cls.__name__} is not a plain frozen dataclass")
    scope: dict[str, Any] = {}
    arguments: list[str] = []
    lines: list[str] = []
    for index, f in enumerate(params):
        scope[f"_set{index}"] = cls.__dict__[f.name].__set__  # the slot's member descriptor
        if f.default is dataclasses.MISSING:
            arguments.append(f.name)
        else:
            scope[f"_default{index}"] = f.default
            arguments.append(f"{f.name}=_default{index}")
        lines.append(f"    _set{index}(self, {f.name})")
    source = f"def __init__(self, {', '.join(arguments)}):\n" + "\n".join(lines or ["    pass"])
    exec(source, scope)  # as dataclasses makes its own __init__; names from the fields only
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__doc__ = getattr(cls, "__init__").__doc__  # noqa: B009 - mypy: no instance __init__
    setattr(cls, "__init__", init)  # noqa: B010
    return cls
