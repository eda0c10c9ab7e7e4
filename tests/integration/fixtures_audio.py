"""Fixtures for real-PortAudio tests (PulseAudio null sink as microphone).

``pulse_server`` runs ``scripts/pulse-test-mic.sh`` once per session (as ``make test`` does,
so plain ``pytest`` works too) and skips only when PulseAudio is not installed. Other tests
may play into the default sink at the same time, so each test that records gets its own
``null_sink``: a fresh module-null-sink, with ``PULSE_SOURCE``/``PULSE_SINK`` pointing at it.
libpulse reads those variables each time a stream opens (checked: changing them in-process
between two sounddevice streams moves the second one), so the recorder and the player in
this process, and any subprocess, use the test's own sink.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

__all__ = ["NullSink", "null_sink", "private_sink", "pulse_server", "speech_phrase"]

REPO = Path(__file__).resolve().parents[2]
PULSE_SCRIPT = REPO / "scripts" / "pulse-test-mic.sh"
AUDIO_FIXTURES = REPO / "tests" / "fixtures" / "audio"


@dataclass
class NullSink:
    """A private PulseAudio sink; recording from :attr:`monitor` hears what is played."""

    name: str
    module: str

    @property
    def monitor(self) -> str:
        return f"{self.name}.monitor"

    def play(self, path: Path) -> subprocess.Popen[bytes]:
        """Start ``paplay`` of ``path`` into this sink (returns at once)."""
        return subprocess.Popen(["paplay", f"--device={self.name}", str(path)])

    def play_and_wait(self, path: Path, timeout: float = 60.0) -> None:
        subprocess.run(["paplay", f"--device={self.name}", str(path)], check=True, timeout=timeout)


@pytest.fixture(scope="session")
def pulse_server() -> None:
    """A running PulseAudio daemon with the default test microphone."""
    if shutil.which("pulseaudio") is None:
        pytest.skip("PulseAudio is not installed (make setup-test installs it)")
    subprocess.run(["bash", str(PULSE_SCRIPT)], check=True, capture_output=True, timeout=60)


@contextlib.contextmanager
def private_sink() -> Iterator[NullSink]:
    """A fresh null sink, with this process's default source and sink pointing at it.

    For module-scoped fixtures; tests use :func:`null_sink`. Needs ``pulse_server``.
    """
    name = f"mockint_test_{uuid.uuid4().hex[:10]}"
    module = subprocess.run(
        [
            "pactl",
            "load-module",
            "module-null-sink",
            f"sink_name={name}",
            "rate=16000",
            "channels=1",
            f"sink_properties=device.description={name}",
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=30,
    ).stdout.strip()
    try:
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("PULSE_SOURCE", f"{name}.monitor")
            mp.setenv("PULSE_SINK", name)
            yield NullSink(name, module)
    finally:
        subprocess.run(["pactl", "unload-module", module], check=False, capture_output=True)


@pytest.fixture
def null_sink(pulse_server: None) -> Iterator[NullSink]:
    """This test's own sink; the process's default source and sink point at it."""
    with private_sink() as sink:
        yield sink


@pytest.fixture(scope="session")
def speech_phrase() -> Path:
    """~4 s of espeak-ng speech (see tests/fixtures/audio/make_fixtures.sh)."""
    return AUDIO_FIXTURES / "phrase.flac"
