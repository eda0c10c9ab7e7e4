"""The microphone test: real PortAudio records what PulseAudio plays into a null sink."""

from __future__ import annotations

import difflib
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
import soundfile

from mockint.audio.levels import Level
from mockint.audio.recorder import Recorder, Recording
from mockint.errors import MockintError
from tests.integration.fixtures_audio import NullSink, private_sink

pytestmark = pytest.mark.audio

SCRIPT = "I led a team of five engineers and we shipped on time."


@dataclass
class Take:
    """One recording of the phrase, and what the recorder reported while it ran."""

    recording: Recording
    levels: list[Level]
    silence_before_s: float
    silent_before: bool
    heard_before: bool


def envelope(samples: np.ndarray, rate: int = 16000, hop_s: float = 0.05) -> np.ndarray:
    """RMS per 50 ms: the shape of speech, without caring about the exact samples."""
    hop = int(rate * hop_s)
    usable = len(samples) // hop * hop
    return np.sqrt(np.mean(np.square(samples[:usable].reshape(-1, hop)), axis=1))


def lag_of(recorded: np.ndarray, played: np.ndarray) -> int:
    """Where ``played`` starts inside ``recorded`` (FFT cross-correlation)."""
    size = len(recorded) + len(played)
    spectrum = np.fft.rfft(recorded, size) * np.conj(np.fft.rfft(played, size))
    corr = np.fft.irfft(spectrum, size)[: len(recorded) - len(played) + 1]
    return int(np.argmax(corr))


def best_match(recorded: np.ndarray, played: np.ndarray) -> float:
    """Correlation of the loudness envelopes once the played sound is found in the recording."""
    lag = lag_of(recorded, played)
    aligned = recorded[lag : lag + len(played)]
    return float(np.corrcoef(envelope(aligned), envelope(played))[0, 1])


def record_while_playing(sink: NullSink, sound: Path, path: Path, **kwargs: object) -> Take:
    levels: list[Level] = []
    recorder = Recorder(path, on_level=levels.append, **kwargs)  # type: ignore[arg-type]
    recorder.start()  # returns once audio flows
    time.sleep(0.5)
    before = (recorder.silence_s, recorder.is_silent, recorder.heard_speech)
    sink.play_and_wait(sound)
    time.sleep(0.3)
    return Take(recorder.stop(), levels, *before)


@pytest.fixture(scope="module", params=[16000, 44100], ids=["16k", "device-44k1"])
def take(
    request: pytest.FixtureRequest,
    pulse_server: None,
    speech_phrase: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Take]:
    """The phrase recorded through PortAudio, asking the device for 16 kHz or 44.1 kHz."""
    path = tmp_path_factory.mktemp("rec") / "recordings" / "2024-05-01" / "1.flac"
    with private_sink() as sink:
        yield record_while_playing(sink, speech_phrase, path, samplerate=request.param)


def test_records_the_whole_phrase(take: Take, speech_phrase: Path) -> None:
    rec = take.recording
    played, _ = soundfile.read(speech_phrase, dtype="float32")
    recorded, rate = soundfile.read(rec.path, dtype="float32")
    assert rate == 16000 and recorded.ndim == 1 and rec.sample_rate == 16000
    assert rec.duration_s == pytest.approx(len(recorded) / 16000, abs=0.01)
    assert rec.duration_s >= len(played) / 16000  # the phrase, plus the quiet around it
    assert best_match(recorded, played) > 0.98
    assert rec.heard_speech and rec.peak_dbfs > -20 and rec.overflows == 0


def test_resamples_when_the_device_runs_at_another_rate(take: Take) -> None:
    assert take.recording.device_sample_rate in (16000, 44100)
    assert soundfile.info(take.recording.path).samplerate == 16000


def test_level_meter_and_silence(take: Take) -> None:
    assert take.silence_before_s >= 0.3 and take.silent_before and not take.heard_before
    duration = take.recording.duration_s
    assert len(take.levels) == pytest.approx(duration / 0.05, rel=0.2)  # ~20 a second
    assert max(level.dbfs for level in take.levels) > -30
    assert take.levels[-1].elapsed_s == pytest.approx(duration, abs=0.1)


def test_recording_is_private(take: Take) -> None:
    path = take.recording.path
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


@pytest.mark.model
def test_recorded_speech_transcribes_to_the_phrase(take: Take) -> None:
    transcriber = pytest.importorskip("mockint.speech.transcriber")
    text = transcriber.Transcriber().transcribe_file(take.recording.path).text.lower()
    words = [w.strip(".,!?") for w in text.split()]
    assert {"team", "five", "engineers"} <= set(words), text
    script = [w.strip(".,") for w in SCRIPT.lower().split()]
    assert difflib.SequenceMatcher(None, words, script).ratio() > 0.6, text


def test_no_sample_is_dropped_or_repeated(null_sink: NullSink, tmp_path: Path) -> None:
    rng = np.random.default_rng(7)
    noise = (0.1 * rng.standard_normal(16000 * 2)).astype(np.float32)
    sound = tmp_path / "noise.wav"
    soundfile.write(sound, noise, 16000, subtype="FLOAT")
    take = record_while_playing(null_sink, sound, tmp_path / "noise-rec.wav")
    recorded, _ = soundfile.read(take.recording.path, dtype="float32")
    lag = lag_of(recorded, noise[1600:]) - 1600
    # White noise matches only at its own offset: one lag for every 0.1 s means no gaps.
    # (The first 0.1 s is left out: PulseAudio fades a new stream in over ~25 ms.)
    for start in range(1600, len(noise) - 1600, 1600):
        segment = noise[start : start + 1600]
        got = recorded[lag + start : lag + start + 1600]
        assert np.corrcoef(segment, got)[0, 1] > 0.99, f"mismatch at {start / 16000:.1f} s"


def test_an_unknown_device_is_a_clear_error(null_sink: NullSink, tmp_path: Path) -> None:
    path = tmp_path / "1.wav"
    with pytest.raises(MockintError, match=r"no microphone named 'no-such-mic'.*mockint devices"):
        Recorder(path, device="no-such-mic").start()
    assert not path.exists()


def test_devices_and_doctor_commands(null_sink: NullSink) -> None:
    def mockint(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "mockint", *args], capture_output=True, text=True, timeout=60
        )

    devices = mockint("devices")
    assert devices.returncode == 0 and "default" in devices.stdout, devices.stderr
    doctor = mockint("doctor")
    assert "✓ PortAudio" in doctor.stdout, doctor.stdout
    # Nothing plays into the null sink here, so the microphone is found and reported silent:
    # a warning, not a ✓ (a silent microphone is what a muted one looks like).
    assert "microphone    default at 16000 Hz" in doctor.stdout, doctor.stdout
    assert "silent" in doctor.stdout  # nothing plays into this test's sink
