"""What the browser's start path leaves for later: modules and work its first frame needs not.

Each is deferred for the first frame's cost (README, "Large corpora"): the span
classes and the analysis codec come with a release's analysis, the quotation
grouping with its quotations, the text cleaner's patterns when first used.
"""

from __future__ import annotations

import json
import subprocess
import sys

from interpol_tui.corpus import sanitize

DEFERRED = (
    "interpol_tui.analysis.model",
    "interpol_tui.analysis.quotations",
    "interpol_tui.state.codec",
    "interpol_tui.ui.find_bar",
)


def _after_start_imports() -> dict[str, list[str]]:
    script = """
import json, sys
import interpol_tui.cli, interpol_tui.state.listing, interpol_tui.ui.app
from interpol_tui.corpus import sanitize
print(json.dumps({"ours": sorted(m for m in sys.modules if m.startswith("interpol_tui")),
                  "compiled": sorted(vars(sanitize._PATTERNS))}))
"""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=30, check=True
    )
    found: dict[str, list[str]] = json.loads(result.stdout)
    return found


def test_the_start_path_imports_neither_the_span_classes_nor_the_codec() -> None:
    report = _after_start_imports()
    assert "interpol_tui.ui.main_screen" in report["ours"]  # (the app was imported)
    assert [name for name in DEFERRED if name in report["ours"]] == []
    assert report["compiled"] == []  # no pattern compiled by importing


def test_the_kinds_lists_are_the_models() -> None:
    from interpol_tui.analysis import kinds, model

    assert model.HIGHLIGHT_KINDS is kinds.HIGHLIGHT_KINDS
    assert model.ENTITY_TYPES is kinds.ENTITY_TYPES
    assert tuple(k.name for k in kinds.KINDS if k.entity) == kinds.ENTITY_TYPES


def test_each_pattern_compiled_when_used_is_the_one_written() -> None:
    patterns = sanitize._Patterns()
    assert patterns.control.pattern == f"[{sanitize._CONTROL_CHARS}]"
    assert patterns.invisible.pattern == f"[{sanitize.INVISIBLE_CHARS}]"
    assert patterns.control is patterns.control  # compiled once
    text = "a\x1b]0;title\x07b\u200bc\u202ed\r\ne"
    assert sanitize.strip_controls(text) == "abcd\ne"
    assert sanitize.visible_controls("x\ty\x1b") == "x\\x09y\\x1b"
    assert sanitize.escape_controls("x\ty\x1b") == "x\ty\\x1b"
