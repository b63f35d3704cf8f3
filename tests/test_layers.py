"""The module graph follows DESIGN.md's layers, and the domain layers never load Textual or Rich."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import interpol_tui

PACKAGE = Path(interpol_tui.__file__).parent
DOMAIN = ("corpus", "analysis", "search", "state")

ALLOWED: dict[str, frozenset[str]] = {
    # Each layer and what of ours it may import (besides itself and the package root).
    "launcher": frozenset(),  # forks before anything heavy is imported (launcher.py)
    "corpus": frozenset(),
    "analysis": frozenset({"corpus"}),
    "search": frozenset({"corpus"}),
    "state": frozenset({"corpus", "analysis"}),
    "report": frozenset({"corpus", "analysis", "state"}),
    "ui": frozenset({"corpus", "analysis", "search", "state", "report", "launcher"}),
    "commands": frozenset({"corpus", "analysis", "search", "state", "report", "ui", "cli"}),
    "cli": frozenset(
        {"corpus", "analysis", "search", "state", "report", "ui", "commands", "launcher"}
    ),
}
_ROOT_MODULES = frozenset({"__init__", "__main__"})
FORBIDDEN_IN_DOMAIN = ("textual", "rich")


def _layer(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0].removesuffix(".py")


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at the top or inside a function, as dotted names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            assert node.level == 0, f"{path.name}: relative import"
            names.add(node.module)
    return names


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_every_module_belongs_to_a_known_layer() -> None:
    unknown = {_layer(p) for p in _sources()} - set(ALLOWED) - _ROOT_MODULES
    assert unknown == set()


def test_imports_point_down_only() -> None:
    offenders: list[str] = []
    for path in _sources():
        layer = _layer(path)
        if layer in _ROOT_MODULES:
            continue
        for name in _imports(path):
            parts = name.split(".")
            if parts[0] != "interpol_tui" or len(parts) < 2:
                continue
            target = parts[1]
            if target in (layer, *_ROOT_MODULES) or target in ALLOWED[layer]:
                continue
            offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []


def test_domain_layers_do_not_import_textual_or_rich() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in _sources()
        if _layer(path) in DOMAIN
        for name in _imports(path)
        if name.split(".")[0] in FORBIDDEN_IN_DOMAIN
    ]
    assert offenders == []


def test_the_graph_test_catches_an_upward_import(tmp_path: Path) -> None:
    # The checker itself: a module of analysis importing state is found.
    module = tmp_path / "bad.py"
    module.write_text("from interpol_tui.state.snapshot import CorpusSnapshot\n", encoding="utf-8")
    assert _imports(module) == {"interpol_tui.state.snapshot"}
    assert "state" not in ALLOWED["analysis"]


def test_importing_the_domain_layers_loads_neither_textual_nor_rich() -> None:
    # A fresh interpreter: the test process itself has Textual loaded already.
    script = f"""
import importlib, json, pkgutil, sys
import interpol_tui
for layer in {list(DOMAIN)!r}:
    package = importlib.import_module("interpol_tui." + layer)
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(info.name)
loaded = sorted(m for m in sys.modules if m.split(".")[0] in {list(FORBIDDEN_IN_DOMAIN)!r})
ours = sorted(m for m in sys.modules if m.startswith("interpol_tui."))
print(json.dumps({{"loaded": loaded, "ours": ours}}))
"""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=30, check=True
    )
    report = json.loads(result.stdout)
    assert report["loaded"] == []
    # The walk did import the layers (an empty walk would pass vacuously).
    assert "interpol_tui.analysis.pipeline" in report["ours"]
    assert "interpol_tui.state.snapshot" in report["ours"]
    assert not any(m.startswith(("interpol_tui.ui", "interpol_tui.report")) for m in report["ours"])
