"""Issue 16, case 8: output that cannot be written, and numbers too large for any id, are
one-line errors with exit code 2, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import soundfile

from mockint.models import Kind, Question
from mockint.store import Store

COMMANDS = [
    "history",
    "history --json",
    "banks list",
    "banks show behavioral-core",
    "weak",
    "daily --list",
    "export",
    "export --format json",
    "export --format csv",
    "replay 1",
    "--help",
]


def _mockint(argv: list[str], stdout: object = subprocess.PIPE) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mockint", *argv],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.fixture
def one_attempt(tmp_path: Path) -> None:
    wav = tmp_path / "a.wav"
    soundfile.write(wav, np.zeros(8000, dtype="float32"), 16000)
    question = Question("beh-x", "Tell me.", Kind.BEHAVIORAL, "behavioral", (60, 120))
    with Store.open() as store:
        store.add_recorded_attempt(question, wav)


@pytest.mark.usefixtures("one_attempt")
@pytest.mark.parametrize("command", COMMANDS)
def test_a_full_device_on_stdout_is_one_line(command: str) -> None:
    with open("/dev/full", "w") as full:
        done = _mockint(command.split(), stdout=full)
    assert "Traceback" not in done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("mockint: error:")]
    assert done.returncode == 2, done.stderr
    assert len(errors) == 1 and "No space left" in errors[0], done.stderr
    assert done.stderr.rstrip().endswith(errors[0])


@pytest.mark.parametrize(
    "command",
    [
        "replay 99999999999999999999999",
        "forget 99999999999999999999999 --yes",
        "history --limit 99999999999999999999999",
        "practice --count 99999999999999999999999",
        "replay -5",
    ],
)
def test_huge_numbers_are_one_line(command: str) -> None:
    done = _mockint(command.split())
    assert "Traceback" not in done.stderr
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mockint: error: "), done.stderr


@pytest.mark.parametrize("command", ["practice", "practice --count 2", ""])
def test_the_app_without_a_terminal_refuses_instead_of_recording(command: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mockint", *command.split()],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("mockint: error:") and "needs a terminal" in done.stderr
    assert not any(paths_recordings().rglob("*.flac"))


def paths_recordings() -> Path:
    from mockint import paths

    return paths.recordings_dir()


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "dir"])
def test_banks_validate_refuses_what_is_not_a_file(kind: str, tmp_path: Path) -> None:
    import os

    target = tmp_path / "bank.yaml"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "dir":
        target.mkdir()
    else:
        target = Path("/dev/zero")
    done = _mockint(["banks", "validate", str(target)])  # a FIFO used to hang here
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    # A folder is a folder of banks: validated as such (here: none in it).
    expected = "no bank files" if kind == "dir" else "not a regular file"
    assert expected in done.stdout + done.stderr
