"""Copying: the system clipboard tool is found, fed, timed out, and never crashes the app."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from textual.app import App

from interpol_tui.ui import clipboard


def _writer(target: Path) -> list[str]:
    """A stand-in clipboard tool: a Python process that writes its stdin to ``target``."""
    code = "import sys; open(sys.argv[1], 'wb').write(sys.stdin.buffer.read())"
    return [sys.executable, "-c", code, str(target)]


def test_tool_is_chosen_by_display_and_path(monkeypatch: pytest.MonkeyPatch) -> None:
    found = {"xclip": "/usr/bin/xclip", "wl-copy": "/usr/bin/wl-copy"}
    monkeypatch.setattr(clipboard.shutil, "which", found.get)
    monkeypatch.setattr(clipboard.sys, "platform", "linux")
    assert clipboard.system_copy_command({"WAYLAND_DISPLAY": "wayland-0"}) == ["/usr/bin/wl-copy"]
    assert clipboard.system_copy_command({"DISPLAY": ":0"}) == [
        "/usr/bin/xclip",
        "-selection",
        "clipboard",
    ]
    assert clipboard.system_copy_command({}) is None


def test_no_tool_installed_means_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clipboard.shutil, "which", lambda name: None)
    assert clipboard.system_copy_command({"DISPLAY": ":0", "WAYLAND_DISPLAY": "w"}) is None


def test_run_system_copy_feeds_the_text(tmp_path: Path) -> None:
    target = tmp_path / "clip"
    assert clipboard.run_system_copy(_writer(target), "“quoted” — é")
    assert target.read_text(encoding="utf-8") == "“quoted” — é"


def test_run_system_copy_survives_missing_failing_and_hanging_tools(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert not clipboard.run_system_copy([str(tmp_path / "no-such-tool")], "x")
    assert not clipboard.run_system_copy([sys.executable, "-c", "raise SystemExit(3)"], "x")
    monkeypatch.setattr(clipboard, "SYSTEM_COPY_TIMEOUT", 0.2)
    hang = [sys.executable, "-c", "import time; time.sleep(30)"]
    assert not clipboard.run_system_copy(hang, "x")


class _TerminalApp(App[None]):
    """An app that behaves as if it ran in a real terminal (not headless)."""

    @property
    def is_headless(self) -> bool:
        return False


async def test_copy_text_sets_osc52_and_the_system_clipboard(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "clip"
    monkeypatch.setattr(clipboard, "system_copy_command", lambda: _writer(target))
    app = _TerminalApp()
    async with app.run_test() as pilot:
        copied = clipboard.copy_text(app, "plain \x1b]0;title\x07text")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert copied == "plain text"
    assert app.clipboard == "plain text"
    assert target.read_text(encoding="utf-8") == "plain text"


async def test_headless_copy_never_touches_the_system_clipboard(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []
    monkeypatch.setattr(clipboard, "run_system_copy", lambda cmd, text: calls.append(text))
    monkeypatch.setattr(clipboard, "system_copy_command", lambda: ["true"])
    app: App[None] = App()
    async with app.run_test():
        clipboard.copy_text(app, "words")
        await app.workers.wait_for_complete()
    assert app.clipboard == "words"
    assert calls == []


async def test_invisible_characters_never_reach_the_clipboard() -> None:
    app: App[None] = App()
    async with app.run_test():
        copied = clipboard.copy_text(app, "Inter\u200bpol\u00ad \u202eLy\u200fon\ufeff")
    assert copied == app.clipboard == "Interpol Lyon"
