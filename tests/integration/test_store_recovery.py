"""Crash recovery for real: a process recording an answer is SIGKILLed mid-answer; the next
start offers the recording back, and `mockint history` says so."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import soundfile

from mockint import paths
from mockint.cli import main
from mockint.errors import MockintError
from mockint.store import Status, Store
from tests.integration.fixtures_audio import NullSink

# Begins an attempt, records into its audio path, says "ready", then waits to be killed.
RECORDER = """
import sys, time
from mockint.models import Kind, Question
from mockint.store import Store

q = Question("beh-crash", "Tell me about a crash.", Kind.BEHAVIORAL, "b", (60, 120))
store = Store.open()
attempt = store.begin_attempt(q, suffix=sys.argv[1])
if sys.argv[2] == "recorder":
    from mockint.audio.recorder import Recorder
    recorder = Recorder(attempt.audio_path)
    recorder.start()
    while recorder.elapsed_s < 1.0:
        time.sleep(0.05)
else:
    # Progressive writes without the audio module: what any WAV writer leaves behind.
    import numpy as np, soundfile
    with soundfile.SoundFile(attempt.audio_path, "w", 16000, 1, "PCM_16") as f:
        for _ in range(20):
            f.write(np.full(1600, 0.05, dtype="float32"))
            f.flush()
        print(attempt.id, flush=True)
        time.sleep(60)
print(attempt.id, flush=True)
time.sleep(60)
"""


def _record_then_kill(tmp_path: Path, suffix: str, writer: str) -> int:
    script = tmp_path / "record.py"
    script.write_text(RECORDER)
    env = {**os.environ, "MOCKINT_HOME": str(paths.data_root())}
    proc = subprocess.Popen(
        [sys.executable, str(script), suffix, writer],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.strip(), proc.stderr.read() if proc.stderr else ""
        attempt_id = int(line)
        # While it is alive, another process must leave its recording alone.
        with Store.open() as meanwhile:
            assert meanwhile.recovered() == []
            assert meanwhile.get(attempt_id).status is Status.RECORDING
            with pytest.raises(MockintError, match="being recorded right now"):
                meanwhile.delete_all()
            with pytest.raises(MockintError, match="being recorded right now"):
                meanwhile.delete_attempt(attempt_id)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    return attempt_id


@pytest.mark.audio
@pytest.mark.parametrize("suffix", [".flac", ".wav"])
def test_killed_recorder_is_offered_back(null_sink: NullSink, tmp_path: Path, suffix: str) -> None:
    pytest.importorskip("mockint.audio.recorder")
    attempt_id = _record_then_kill(tmp_path, suffix, "recorder")
    with Store.open() as store:
        recovered = store.recovered()
        assert [a.id for a in recovered] == [attempt_id]
        attempt = recovered[0]
        assert attempt.status is Status.RECORDED
        assert attempt.duration_s is not None and attempt.duration_s >= 0.9
        assert attempt.audio_path is not None and attempt.audio_path.suffix == suffix
        info = soundfile.info(str(attempt.audio_path))
        assert info.samplerate == 16000 and info.frames >= 0.9 * 16000
        assert [a.id for a in store.pending()] == [attempt_id]
        # Hidden partial files are gone once the recording is whole again.
        assert [p.name for p in attempt.audio_path.parent.iterdir()] == [attempt.audio_path.name]


def test_killed_plain_writer_is_offered_back_and_history_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    attempt_id = _record_then_kill(tmp_path, ".wav", "soundfile")
    time.sleep(0.05)
    assert main(["history"]) == 0
    captured = capsys.readouterr()
    assert (
        "1 unfinished recording recovered: run `mockint history --retry` to score it"
        in captured.err
    )
    assert f"{attempt_id:>5}" in captured.out
    assert "recorded" in captured.out
    with Store.open() as store:
        attempt = store.get(attempt_id)
        assert attempt.status is Status.RECORDED
        assert attempt.duration_s == pytest.approx(2.0, abs=0.2)
