"""House rule: everything outside tui/ imports without Textual; scoring/ does no I/O."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE_MODULES = [
    "mockint",
    "mockint.cli",
    "mockint.coach",
    "mockint.config",
    "mockint.banks",
    "mockint.models",
    "mockint.paths",
    "mockint.pipeline",
    "mockint.scoring",
    "mockint.store",
    "mockint.practice",
    "mockint.practice.plan",
    "mockint.audio.recorder",
    "mockint.audio.player",
    "mockint.speech.transcriber",
    "mockint.speech.live",
    "mockint.commands._common",
    "mockint.commands.banks",
    "mockint.commands.daily",
    "mockint.commands.debrief",
    "mockint.commands.devices",
    "mockint.commands.doctor",
    "mockint.commands.export",
    "mockint.commands.forget",
    "mockint.commands.history",
    "mockint.commands.practice",
    "mockint.commands.replay",
    "mockint.commands.score",
    "mockint.commands.weak",
]

HEAVY = {"numpy", "sounddevice", "faster_whisper", "av", "textual", "fsrs", "pydantic"}
"""What `mockint --help` must not load: each costs from tens of milliseconds to a second."""


def _modules_after_import(module: str) -> set[str]:
    code = f"import sys, {module}; print('\\n'.join(sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    return set(out.split())


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_imports_without_textual(module: str) -> None:
    loaded = _modules_after_import(module)
    assert "textual" not in loaded, f"{module} pulled in Textual"


def test_scoring_pulls_in_no_io_or_heavy_modules() -> None:
    loaded = _modules_after_import("mockint.scoring")
    forbidden = {"sqlite3", "sounddevice", "soundfile", "faster_whisper", "av", "textual"}
    assert not (loaded & forbidden)


def test_cli_loads_nothing_heavy() -> None:
    loaded = _modules_after_import("mockint.cli")
    assert not (loaded & HEAVY), f"`mockint --help` would load {sorted(loaded & HEAVY)}"
