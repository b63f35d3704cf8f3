"""The README stays true: its commands, keys, CLI and screenshots match the project."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.binding import Binding

from interpol_tui.commands import COMMAND_MODULES
from interpol_tui.ui.app import InterpolApp
from interpol_tui.ui.help_screen import key_label
from interpol_tui.ui.main_screen import help_sections

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section, flags=re.DOTALL)


def test_quick_start_has_exactly_two_commands() -> None:
    commands = _quick_start_commands()
    assert len(commands) == 2
    assert all("\n" not in command for command in commands)


def test_first_command_installs_and_opens_the_browser() -> None:
    install = _quick_start_commands()[0]
    assert install.startswith("python3 -m venv .venv && ")
    assert ".venv/bin/pip install . " in install  # non-editable: the wheel's seeds
    assert install.endswith("&& .venv/bin/interpol-tui")


def test_second_command_is_what_ci_runs() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    ci_command = [line for line in ci.splitlines() if line.startswith("python3 -m venv")]
    assert ci_command == [_quick_start_commands()[1]]
    for tool in ("ruff check .", "ruff format --check .", "mypy", "pytest"):
        assert f".venv/bin/{tool}" in ci_command[0]


def test_every_command_key_is_documented() -> None:
    missing = []
    for _, bindings in help_sections():
        for binding in bindings:
            if not (isinstance(binding, Binding) and binding.id and binding.description):
                continue
            for key in binding.key.split(","):
                label = key_label(key.strip())
                if f"`{label}`" not in README:
                    missing.append(f"{label} ({binding.description})")
    assert missing == []


def test_every_subcommand_is_documented() -> None:
    cli = README.split("## Command line", 1)[1].split("\n## ", 1)[0]
    for name in COMMAND_MODULES:
        assert f"interpol-tui {name}" in cli


def test_screenshots_referenced_exist() -> None:
    images = re.findall(r"\]\((screenshots/[^)]+\.svg)\)", README)
    assert len(images) >= 3
    for image in images:
        svg = ROOT / image
        assert svg.is_file(), image
        assert svg.read_text(encoding="utf-8").lstrip().startswith("<svg")


def _key_table_keys() -> list[str]:
    """Every key written in the first column of the README's key tables."""
    section = README.split("## Keys", 1)[1].split("\n## ", 1)[0]
    reading = README.split("## Reading a release", 1)[1].split("\n## ", 1)[0]
    keys: list[str] = []
    for line in (section + reading).splitlines():
        if not line.startswith("| `"):
            continue
        first = line.split(" | ", 1)[0]
        keys += re.findall(r"`([^`]+)`", first)
    return keys


def test_every_key_in_the_readme_tables_is_bound() -> None:
    bound = {
        key_label(key.strip())
        for _, bindings in help_sections()
        for binding in bindings
        if isinstance(binding, Binding)
        for key in binding.key.split(",")
    }
    bound.add(InterpolApp.COMMAND_PALETTE_BINDING)  # the app's own, not a pane's
    keys = _key_table_keys()
    assert len(keys) > 30
    assert [key for key in keys if key not in bound] == []


def _format_examples() -> tuple[dict[str, str], str]:
    """The example files of the Formats section (name -> text) and its ``docs`` output."""
    section = README.split("## Formats it reads", 1)[1].split("\n## ", 1)[0]
    files = {
        name: body + "\n"
        for name, body in re.findall(r"^`([\w.]+)`\n\n```\w+\n(.*?)\n```", section, re.M | re.S)
    }
    console = re.search(
        r"```console\n\$ interpol-tui docs --corpus kestrel/\n(.*?)\n```", section, re.S
    )
    assert console is not None
    return files, console.group(1)


def test_the_format_examples_read_as_the_readme_shows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from interpol_tui.cli import main

    files, shown = _format_examples()
    assert set(files) == {
        "kestrel.txt",
        "kestrel.md",
        "kestrel.html",
        "export.jsonl",
        "export.json",
        "export.csv",
    }
    folder = tmp_path / "kestrel"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    assert main(["docs", "--corpus", str(folder)]) == 0
    assert capsys.readouterr().out.rstrip("\n") == shown
