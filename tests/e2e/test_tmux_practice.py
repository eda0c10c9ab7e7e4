"""mockint in a real terminal: tmux runs the app, keys start practice, the fixture is spoken
into the null-sink microphone, space stops, and the feedback shows a score; then the attempt
is in `mockint history --json`."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.integration.fixtures_audio import NullSink, null_sink, pulse_server

__all__ = ["null_sink", "pulse_server"]  # fixtures used below, by name

pytestmark = [pytest.mark.e2e, pytest.mark.model, pytest.mark.audio, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
SPEECH = REPO / "tests" / "fixtures" / "speech" / "phrase.flac"


class Terminal:
    """One tmux server of our own (its own socket), running one command."""

    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        self.socket = f"mockint-e2e-{uuid.uuid4().hex[:8]}"
        exports = [f"{k}={v}" for k, v in env.items()]
        self._tmux(
            "-f", "/dev/null", "new-session", "-d", "-s", "app", "-x", "100", "-y", "32",
            "env", *exports, *command,
        )  # fmt: skip

    def _tmux(self, *args: str) -> str:
        return subprocess.run(
            ["tmux", "-L", self.socket, *args],
            check=True,
            capture_output=True,
            text=True,
            timeout=30,
        ).stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "app")

    def press(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", "app", *keys)

    def wait_for(self, found: Callable[[str], bool], what: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = self.screen()
            if found(text):
                return text
            time.sleep(0.2)
        raise AssertionError(f"timed out waiting for {what}; the screen shows:\n{self.screen()}")

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


def history(env: dict[str, str]) -> list[dict[str, Any]]:
    """The attempts `mockint history --json` lists, run with ``env``."""
    done = subprocess.run(
        [sys.executable, "-m", "mockint", "history", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr
    attempts: list[dict[str, Any]] = json.loads(done.stdout)["attempts"]
    return attempts


@pytest.fixture
def terminal_env(null_sink: NullSink, mockint_home: Path) -> dict[str, str]:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed (make setup-test installs it)")
    keep = ("PATH", "HOME", "LANG", "XDG_RUNTIME_DIR", "PULSE_SERVER")
    env = {k: os.environ[k] for k in keep if k in os.environ}
    env.update(
        MOCKINT_HOME=str(mockint_home),
        HF_HUB_OFFLINE="1",
        PULSE_SOURCE=null_sink.monitor,
        PULSE_SINK=null_sink.name,
        TERM="xterm-256color",
        COLORTERM="truecolor",
    )
    return env


@pytest.fixture
def app_terminal(terminal_env: dict[str, str]) -> Iterator[Terminal]:
    with running([], terminal_env) as term:
        yield term


@contextlib.contextmanager
def running(args: list[str], env: dict[str, str]) -> Iterator[Terminal]:
    """`mockint ARGS…` in a terminal of its own, closed after."""
    term = Terminal([sys.executable, "-m", "mockint", *args], env)
    try:
        yield term
    finally:
        term.close()


def test_practice_in_a_real_terminal(
    app_terminal: Terminal, null_sink: NullSink, terminal_env: dict[str, str]
) -> None:
    term = app_terminal
    term.wait_for(lambda s: "Welcome to mockint" in s, "the first-run welcome")
    term.press("Enter")
    term.wait_for(lambda s: "Which field are you interviewing in?" in s, "the field question")
    term.press("Down", "Down", "Enter")  # one of the fields, as a new user picks theirs
    term.wait_for(lambda s: "Today's plan now draws on it" in s or "Your field:" in s, "saved")
    term.wait_for(lambda s: "Start daily practice" in s and "questions" in s, "the home screen")
    term.press("d")
    term.wait_for(lambda s: "space starts now" in s or "Stop" in s, "the question card")
    term.press("Space")  # skip the prep countdown
    term.wait_for(lambda s: "space stops" in s, "recording", timeout=30)
    null_sink.play_and_wait(SPEECH)
    time.sleep(0.5)  # the tail of the last block
    term.press("Space")
    feedback = term.wait_for(lambda s: "/100" in s, "the feedback", timeout=90)
    assert "overall" in feedback

    attempts = history(terminal_env)
    assert len(attempts) == 1
    assert attempts[0]["status"] == "scored" and attempts[0]["overall"] is not None
