"""Playback logic with a fake PortAudio output (the real one is in tests/integration)."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest
import soundfile

from mockint.audio import player as player_module
from mockint.audio.player import Player, load_audio, play
from mockint.errors import MockintError


class CallbackStop(Exception):
    pass


class PortAudioError(Exception):
    pass


class FakeOutputStream:
    """Pulls blocks from the callback on a thread, ~20× faster than real time."""

    latency = 0.0

    def __init__(self, *, samplerate: int, channels: int, callback: Any, **kwargs: Any) -> None:
        self.channels = channels
        self.callback = callback
        self.finished_callback = kwargs["finished_callback"]
        self.stopped = threading.Event()
        self.frames = 160

    def start(self) -> None:
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        while not self.stopped.is_set():
            out = np.empty((self.frames, self.channels), np.float32)
            try:
                self.callback(out, self.frames, None, None)
            except CallbackStop:
                break
            time.sleep(0.0005)
        self.finished_callback()

    def abort(self) -> None:
        self.stopped.set()

    def close(self) -> None:
        self.stopped.set()


@pytest.fixture
def fake_output(monkeypatch: pytest.MonkeyPatch) -> SimpleNamespace:
    sd = SimpleNamespace(
        OutputStream=FakeOutputStream,
        CallbackStop=CallbackStop,
        PortAudioError=PortAudioError,
        check_output_settings=lambda **kwargs: None,
    )
    monkeypatch.setattr(player_module, "load_sounddevice", lambda: sd)
    monkeypatch.setattr(player_module, "resolve_device", lambda spec, kind: 0)
    return sd


@pytest.fixture
def two_seconds(tmp_path: Path) -> Path:
    path = tmp_path / "two.wav"
    t = np.arange(32000) / 16000
    soundfile.write(path, 0.2 * np.sin(2 * np.pi * 300 * t), 16000, subtype="PCM_16")
    return path


def test_positions_advance_to_the_end(fake_output: SimpleNamespace, two_seconds: Path) -> None:
    positions: list[float] = []
    play(two_seconds, on_position=positions.append)
    assert positions == sorted(positions)
    assert positions[-1] == pytest.approx(2.0)
    assert len(positions) >= 2


def test_stop_event_ends_playback_early(fake_output: SimpleNamespace, two_seconds: Path) -> None:
    stop = threading.Event()
    stop.set()
    positions: list[float] = []
    play(two_seconds, on_position=positions.append, stop_event=stop)
    assert positions and positions[-1] < 2.0


def test_player_starts_where_asked(fake_output: SimpleNamespace, two_seconds: Path) -> None:
    done = threading.Event()
    player = Player(two_seconds, on_finished=done.set)
    assert player.duration_s == pytest.approx(2.0)
    player.start(1.5)
    assert player.wait(10) and done.is_set()
    assert player.position == pytest.approx(2.0)
    assert not player.is_playing
    player.stop()
    player.stop()


def test_missing_and_unreadable_files_are_errors(tmp_path: Path) -> None:
    with pytest.raises(MockintError, match="no such recording"):
        load_audio(tmp_path / "gone.flac")
    junk = tmp_path / "junk.flac"
    junk.write_bytes(b"definitely not audio")
    with pytest.raises(MockintError, match="cannot read the audio"):
        load_audio(junk)


def test_a_cut_off_wav_plays_in_full(tmp_path: Path, two_seconds: Path) -> None:
    data = bytearray(two_seconds.read_bytes())
    data[40:44] = b"\0\0\0\0"  # as if the recorder was killed before its size update
    cut = tmp_path / "cut.wav"
    cut.write_bytes(bytes(data))
    samples, rate = load_audio(cut)
    assert rate == 16000 and samples.shape == (32000, 1)


def test_stereo_files_play_on_stereo(fake_output: SimpleNamespace, tmp_path: Path) -> None:
    path = tmp_path / "stereo.flac"
    soundfile.write(path, np.zeros((4410, 2)), 44100)
    positions: list[float] = []
    play(path, on_position=positions.append)
    assert positions[-1] == pytest.approx(0.1)


def test_device_errors_are_one_line(
    fake_output: SimpleNamespace, two_seconds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(**kwargs: Any) -> None:
        raise PortAudioError("Error opening OutputStream: Device unavailable [PaErrorCode -9985]")

    monkeypatch.setattr(fake_output, "OutputStream", refuse)
    with pytest.raises(MockintError, match=r"could not play audio .*busy"):
        play(two_seconds)
