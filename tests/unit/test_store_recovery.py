"""Recordings cut off mid-answer come back at the next start (in-process simulations; the
real SIGKILL test is tests/integration/test_store_recovery.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import soundfile

from mockint.models import Kind, Question
from mockint.store import Status, Store, recovery

QUESTION = Question("q1", "Why us?", Kind.PERSONAL, "basics", (30, 60))


def _die(store: Store, attempt_id: int) -> None:
    """What the kernel does to a killed recorder: its lock goes away."""
    recovery.release_lock(recovery.lock_path(store.recordings, attempt_id))


def _tone(path: Path, seconds: float) -> None:
    t = np.arange(int(16000 * seconds)) / 16000
    soundfile.write(path, (0.1 * np.sin(2 * np.pi * 220 * t)).astype("float32"), 16000)


def _cut_off_wav(audio: Path) -> None:
    _tone(audio, 2.0)


def _cut_off_flac(audio: Path) -> None:
    # The recorder writes a hidden partial WAV beside a .flac target until it stops.
    _tone(audio.with_name(f".{audio.name}.partial.wav"), 2.0)


def _garbage(audio: Path) -> None:
    audio.write_bytes(b"\x01" * 1000)


def _nothing(audio: Path) -> None:
    del audio


@pytest.mark.parametrize(
    ("suffix", "write", "expected"),
    [
        (".wav", _cut_off_wav, Status.RECORDED),
        (".flac", _cut_off_flac, Status.RECORDED),
        (".flac", _garbage, Status.FAILED),
        (".flac", _nothing, None),
    ],
    ids=["wav", "flac-from-partial", "unreadable-kept", "nothing-recorded"],
)
def test_a_cut_off_recording_is_offered_back(
    suffix: str, write: Callable[[Path], None], expected: Status | None
) -> None:
    with Store.open() as first:
        attempt = first.begin_attempt(QUESTION, suffix=suffix)
        assert attempt.audio_path is not None
        write(attempt.audio_path)
        _die(first, attempt.id)
    with Store.open() as again:
        recovered = again.recovered()
        if expected is None:
            assert recovered == []
            assert again.find(attempt.id) is None
            return
        assert [a.id for a in recovered] == [attempt.id]
        assert recovered[0].status is expected
        assert [a.id for a in again.pending()] == [attempt.id]
        if expected is Status.RECORDED:
            assert recovered[0].duration_s == pytest.approx(2.0, abs=0.05)
            assert attempt.audio_path.is_file()
            assert soundfile.info(str(attempt.audio_path)).frames > 0
        else:
            assert "kept in" in (recovered[0].error or "")
            assert attempt.audio_path.read_bytes() == b"\x01" * 1000
    with Store.open() as third:
        assert third.recovered() == []  # offered once; afterwards it is simply pending


def test_a_live_recording_is_left_alone() -> None:
    with Store.open() as recorder_side:
        attempt = recorder_side.begin_attempt(QUESTION)
        assert attempt.audio_path is not None
        _cut_off_flac(attempt.audio_path)
        # Another Store (the CLI, a worker thread) opens while the answer is being recorded.
        with Store.open() as other:
            assert other.recovered() == []
            assert other.get(attempt.id).status is Status.RECORDING
        recorder_side.finish_recording(attempt.id, 2.0)
        assert recorder_side.get(attempt.id).status is Status.RECORDED


def test_recovery_can_be_skipped() -> None:
    with Store.open() as first:
        attempt = first.begin_attempt(QUESTION, suffix=".wav")
        assert attempt.audio_path is not None
        _cut_off_wav(attempt.audio_path)
        _die(first, attempt.id)
    with Store.open(recover=False) as quick:
        assert quick.get(attempt.id).status is Status.RECORDING


def test_delete_removes_partial_files_too() -> None:
    with Store.open() as store:
        attempt = store.begin_attempt(QUESTION)
        assert attempt.audio_path is not None
        _cut_off_flac(attempt.audio_path)
        store.delete_attempt(attempt.id)
        assert list(attempt.audio_path.parent.iterdir()) == []
