"""House rule: everything outside tui/ imports without Textual; scoring/ does no I/O."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE_MODULES = [
    "mockint",
    "mockint.cli",
    "mockint.config",
    "mockint.banks",
    "mockint.models",
    "mockint.paths",
    "mockint.scoring",
]


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
