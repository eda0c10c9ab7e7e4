"""The Recorder's writer thread, driven by an array played like a microphone (no PortAudio)."""

from __future__ import annotations

import stat
import threading
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile

from mockint.audio.levels import Level
from mockint.audio.recorder import Recorder, Recording, partial_path, recover_recording
from mockint.audio.sources import OpenedStream, StreamCallback, array_source
from mockint.audio.wavfile import WavAppender
from mockint.errors import MockintError


def _tone(rate: int, seconds: float, amplitude: float = 0.3, channels: int = 1) -> np.ndarray:
    t = np.arange(round(rate * seconds)) / rate
    mono = (amplitude * np.sin(2 * np.pi * 220 * t)).astype(np.float32)
    return np.repeat(mono[:, None], channels, axis=1) if channels > 1 else mono


def _record(
    path: Path, samples: np.ndarray, rate: int, **kwargs: Any
) -> tuple[Recorder, Recording]:
    factory, finished = array_source(samples, rate, speed=0)
    recorder = Recorder(path, stream_factory=factory, **kwargs)
    recorder.start()
    assert finished.wait(10)
    return recorder, recorder.stop()


@pytest.mark.parametrize(
    ("rate", "channels"),
    [(16000, 1), (16000, 2), (44100, 1), (48000, 2), (8000, 1)],
)
def test_any_device_format_becomes_16k_mono(tmp_path: Path, rate: int, channels: int) -> None:
    blocks: list[np.ndarray] = []
    path = tmp_path / "day" / "1.wav"
    _, rec = _record(path, _tone(rate, 1.0, channels=channels), rate, on_block=blocks.append)
    data, file_rate = soundfile.read(path, dtype="float32")
    assert file_rate == 16000 and data.ndim == 1
    assert rec.duration_s == pytest.approx(1.0, abs=0.01)
    assert rec.device_sample_rate == rate and rec.sample_rate == 16000
    # on_block saw exactly what was written, as 16 kHz mono float32
    streamed = np.concatenate(blocks)
    assert streamed.dtype == np.float32 and streamed.ndim == 1
    np.testing.assert_allclose(streamed, data, atol=1e-4)
    expected = _tone(16000, len(data) / 16000)
    np.testing.assert_allclose(data[200:-200], expected[200:-200], atol=0.01)


def test_levels_come_about_20_times_a_second_and_track_silence(tmp_path: Path) -> None:
    speech_then_quiet = np.concatenate([_tone(16000, 1.0), np.zeros(16000, np.float32)])
    levels: list[Level] = []
    recorder, rec = _record(tmp_path / "a.wav", speech_then_quiet, 16000, on_level=levels.append)
    assert len(levels) == 40  # 2 s in 50 ms blocks
    assert levels[0].dbfs == pytest.approx(-13.5, abs=0.5)  # 0.3-amplitude sine
    assert levels[-1].dbfs == -100.0
    assert levels[-1].elapsed_s == pytest.approx(2.0)
    assert levels[-1].silence_s == pytest.approx(1.0)
    assert recorder.silence_s == pytest.approx(1.0) and recorder.is_silent
    assert rec.heard_speech and rec.peak_dbfs == pytest.approx(-10.5, abs=0.5)


@pytest.mark.parametrize(
    ("samples", "heard"),
    [(np.zeros(8000, np.float32), False), (_tone(16000, 0.5, amplitude=0.001), False)],
    ids=["digital-silence", "hiss"],
)
def test_no_speech_is_reported(tmp_path: Path, samples: np.ndarray, heard: bool) -> None:
    recorder, rec = _record(tmp_path / "a.wav", samples, 16000)
    assert rec.heard_speech is heard
    assert recorder.silence_s == pytest.approx(0.5)


def test_flac_path_is_written_as_partial_wav_then_converted(tmp_path: Path) -> None:
    path = tmp_path / "2024-05-01" / "7.flac"
    recorder, rec = _record(path, _tone(16000, 0.5), 16000)
    assert recorder.file_path == partial_path(path) != path
    assert rec.path == path and soundfile.info(path).format == "FLAC"
    assert not partial_path(path).exists()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_listener_errors_do_not_stop_the_recording(tmp_path: Path) -> None:
    def broken(_: object) -> None:
        raise RuntimeError("listener bug")

    recorder, rec = _record(
        tmp_path / "a.wav", _tone(16000, 0.5), 16000, on_block=broken, on_level=broken
    )
    assert rec.duration_s == pytest.approx(0.5)
    assert isinstance(recorder.callback_error, RuntimeError)


def test_an_existing_recording_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "a.wav"
    path.write_bytes(b"precious")
    factory, _ = array_source(_tone(16000, 0.1), 16000, speed=0)
    with pytest.raises(MockintError, match="already exists"):
        Recorder(path, stream_factory=factory).start()
    assert path.read_bytes() == b"precious"


def test_other_suffixes_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        Recorder(tmp_path / "a.mp3")


class _SilentStream:
    """A device that opens but never delivers audio."""

    def start(self) -> None: ...
    def stop(self) -> None: ...
    def close(self) -> None: ...


def _dead_device(cb: StreamCallback, device: object, rate: int, block_s: float) -> OpenedStream:
    return OpenedStream(_SilentStream(), 16000, 1, "dead")


def test_a_device_that_sends_nothing_is_an_error_and_leaves_no_file(tmp_path: Path) -> None:
    path = tmp_path / "a.flac"
    recorder = Recorder(path, stream_factory=_dead_device, wait_for_audio_s=0.05)
    with pytest.raises(MockintError, match="no audio"):
        recorder.start()
    assert not path.exists() and not partial_path(path).exists()


def test_failing_to_open_the_device_leaves_no_file(tmp_path: Path) -> None:
    def refuse(*_: object) -> OpenedStream:
        raise MockintError("could not open the microphone")

    path = tmp_path / "a.wav"
    with pytest.raises(MockintError):
        Recorder(path, stream_factory=refuse).start()
    assert not path.exists()


def test_real_time_pace_and_live_properties(tmp_path: Path) -> None:
    factory, finished = array_source(_tone(16000, 0.3), 16000, speed=1.0)
    seen: list[float] = []
    recorder = Recorder(tmp_path / "a.wav", stream_factory=factory)
    with recorder:
        assert recorder.is_recording and recorder.has_audio
        while not finished.wait(0.02):
            seen.append(recorder.elapsed_s)
    assert not recorder.is_recording
    assert seen == sorted(seen)
    assert recorder.elapsed_s == pytest.approx(0.3)


def test_stop_twice_and_restart_are_handled(tmp_path: Path) -> None:
    recorder, rec = _record(tmp_path / "a.wav", _tone(16000, 0.1), 16000)
    assert recorder.stop().duration_s == rec.duration_s
    with pytest.raises(RuntimeError):
        recorder.start()
    with pytest.raises(RuntimeError):
        Recorder(tmp_path / "b.wav").stop()


def _killed_partial(path: Path, seconds: float) -> None:
    """What a SIGKILL leaves: samples on disk, and a header that never got its sizes."""
    wav = WavAppender(partial_path(path), 16000)
    wav.append(_tone(16000, seconds))
    with open(partial_path(path), "r+b") as f:
        f.seek(40)
        f.write(b"\0\0\0\0")


@pytest.mark.parametrize("suffix", [".wav", ".flac"])
def test_recover_recording_after_a_crash(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"3{suffix}"
    _killed_partial(path, 1.5)
    assert recover_recording(path) == pytest.approx(1.5)
    assert soundfile.info(path).frames == 24000
    assert not (partial_path(path) != path and partial_path(path).exists())
    assert recover_recording(path) == pytest.approx(1.5)  # idempotent


def test_recover_after_the_conversion_only_cleans_up(tmp_path: Path) -> None:
    path = tmp_path / "4.flac"
    _record(path, _tone(16000, 0.5), 16000)
    partial_path(path).write_bytes(b"leftover")
    assert recover_recording(path) == pytest.approx(0.5)
    assert not partial_path(path).exists()


@pytest.mark.parametrize("name", ["none.wav", "none.flac"])
def test_recover_without_audio_is_none(tmp_path: Path, name: str) -> None:
    assert recover_recording(tmp_path / name) is None


def test_recording_runs_on_its_own_threads(tmp_path: Path) -> None:
    callers: set[str] = set()
    _record(
        tmp_path / "a.wav",
        _tone(16000, 0.2),
        16000,
        on_block=lambda _: callers.add(threading.current_thread().name),
    )
    assert callers == {"mockint-recorder-writer"}


def test_a_full_disk_stops_the_recording_at_once_and_keeps_what_was_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    real = WavAppender.append
    written = {"n": 0}

    def append(self: WavAppender, samples: np.ndarray) -> None:
        if written["n"] >= 16000:  # one second fits, then the disk is full
            raise OSError(errno.ENOSPC, "No space left on device")
        written["n"] += len(samples)
        real(self, samples)

    monkeypatch.setattr(WavAppender, "append", append)
    factory, finished = array_source(_tone(16000, 3.0), 16000, speed=0)
    path = tmp_path / "day" / "1.flac"
    recorder = Recorder(path, stream_factory=factory)
    recorder.start()
    assert finished.wait(10)
    for _ in range(1000):  # the writer thread drains the queue after the source finished
        if recorder.problem is not None:
            break
        threading.Event().wait(0.01)
    assert recorder.problem is not None and "disk is full" in recorder.problem
    assert not recorder.is_recording  # the screen must not go on saying "recording"
    with pytest.raises(MockintError, match="disk is full") as caught:
        recorder.stop()
    assert "kept" in str(caught.value)
    data, _ = soundfile.read(path)  # the first second, as a finished recording
    assert len(data) == pytest.approx(16000, abs=1000)
