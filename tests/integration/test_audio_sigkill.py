"""Crash safety: a recording process killed with SIGKILL leaves a readable file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile

from mockint.audio.recorder import partial_path, recover_recording
from tests.integration.fixtures_audio import NullSink

pytestmark = pytest.mark.audio

RECORD = """
import sys, time
from pathlib import Path
from mockint.audio.recorder import Recorder
recorder = Recorder(Path(sys.argv[1]))
recorder.start()
print("started", flush=True)
while True:
    time.sleep(0.1)
"""


@pytest.mark.parametrize("suffix", [".flac", ".wav"])
def test_sigkill_loses_at_most_a_second(
    null_sink: NullSink, speech_phrase: Path, tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / "recordings" / "2024-05-01" / f"9{suffix}"
    child = subprocess.Popen(
        [sys.executable, "-c", RECORD, str(path)], stdout=subprocess.PIPE, text=True
    )
    player = None
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "started"
        started = time.monotonic()
        player = null_sink.play(speech_phrase)
        time.sleep(3.0)
        os.kill(child.pid, signal.SIGKILL)
        elapsed = time.monotonic() - started
        child.wait(timeout=10)
    finally:
        child.kill()
        if player is not None:
            player.kill()
    assert child.returncode == -signal.SIGKILL

    # What the kill left is readable as it is, before any repair.
    left = partial_path(path)
    info = soundfile.info(left)
    assert info.samplerate == 16000 and info.frames / 16000 >= elapsed - 1.2

    duration = recover_recording(path)
    assert duration is not None and duration >= elapsed - 1.2
    audio, rate = soundfile.read(path, dtype="float32")
    assert rate == 16000 and len(audio) / rate == pytest.approx(duration, abs=0.01)
    assert np.abs(audio).max() > 0.1  # the phrase that was playing is in it
    assert not (left != path and left.exists())
