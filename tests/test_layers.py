"""The domain layers never import Textual (DESIGN.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import interpol_tui

PACKAGE = Path(interpol_tui.__file__).parent
DOMAIN = ["corpus", "analysis", "search", "state"]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_domain_layers_do_not_import_textual() -> None:
    files: list[Path] = []
    for entry in DOMAIN:
        target = PACKAGE / entry
        files.extend(target.rglob("*.py") if target.is_dir() else [target])
    existing = [f for f in files if f.exists()]
    assert any(f.parent.name == "corpus" for f in existing)
    offenders = [str(f.relative_to(PACKAGE)) for f in existing if "textual" in _imports(f)]
    assert offenders == []
