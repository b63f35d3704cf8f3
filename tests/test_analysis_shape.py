"""analysis/ stays readable: no function over 60 lines (ruff's C901 caps complexity at 12)."""

from __future__ import annotations

import ast
from pathlib import Path

import interpol_tui.analysis

ANALYSIS = Path(interpol_tui.analysis.__file__).parent
MAX_FUNCTION_LINES = 60
MAX_MODULE_LINES = 450


def _long_functions(source: str, name: str) -> list[str]:
    tree = ast.parse(source)
    return [
        f"{name}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]


def test_no_function_in_analysis_is_over_60_lines() -> None:
    modules = sorted(ANALYSIS.glob("*.py"))
    assert len(modules) > 20
    offenders = [
        line for path in modules for line in _long_functions(path.read_text("utf-8"), path.name)
    ]
    assert offenders == []


def test_no_module_in_analysis_is_over_450_lines() -> None:
    long = [p.name for p in ANALYSIS.glob("*.py") if len(p.read_text("utf-8").splitlines()) > 450]
    assert long == []


def test_the_length_check_finds_a_long_function() -> None:
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_FUNCTION_LINES))
    assert _long_functions(f"def f():\n{body}\n", "m.py") == ["m.py:1 f (61 lines)"]
