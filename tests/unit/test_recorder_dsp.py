"""Resampling, levels and silence tracking: the recorder's pure parts."""

from __future__ import annotations

import math

import numpy as np
import pytest

from mockint.audio.levels import FLOOR_DBFS, SilenceTracker, peak_dbfs, rms_dbfs
from mockint.audio.resample import StreamResampler, resample

RATES = [8000, 16000, 22050, 44100, 48000]


def _sine(freq: float, rate: int, seconds: float, amplitude: float = 0.5) -> np.ndarray:
    t = np.arange(round(rate * seconds)) / rate
    return (amplitude * np.sin(2 * np.pi * freq * t)).astype(np.float32)


@pytest.mark.parametrize("rate", RATES)
def test_resampled_length_matches_duration(rate: int) -> None:
    out = resample(_sine(440, rate, 2.0), rate)
    assert out.dtype == np.float32
    assert abs(len(out) - 32000) <= 1


@pytest.mark.parametrize("rate", RATES)
def test_resampled_tone_keeps_its_shape_and_timing(rate: int) -> None:
    out = resample(_sine(440, rate, 1.0), rate)
    expected = _sine(440, 16000, len(out) / 16000)
    inner = slice(200, -200)  # the filter's edges see zeros beyond the signal
    assert np.max(np.abs(out[inner] - expected[inner])) < 0.01


@pytest.mark.parametrize("rate", [22050, 44100, 48000])
def test_frequencies_above_8khz_do_not_fold_back(rate: int) -> None:
    out = resample(_sine(10000, rate, 1.0), rate)
    assert rms_dbfs(out[200:-200]) < -60


@pytest.mark.parametrize("rate", RATES)
@pytest.mark.parametrize("block", [1, 441, 800, 4096])
def test_streaming_in_blocks_equals_whole_signal(rate: int, block: int) -> None:
    signal = _sine(300, rate, 0.5) + _sine(3000, rate, 0.5, 0.2)
    stream = StreamResampler(rate)
    parts = [stream.process(signal[i : i + block]) for i in range(0, len(signal), block)]
    streamed = np.concatenate([*parts, stream.flush()])
    np.testing.assert_allclose(streamed, resample(signal, rate), atol=1e-6)


def test_invalid_rate_is_refused() -> None:
    with pytest.raises(ValueError):
        StreamResampler(0)


@pytest.mark.parametrize(
    ("samples", "rms", "peak"),
    [
        (np.zeros(800, np.float32), FLOOR_DBFS, FLOOR_DBFS),
        (np.zeros(0, np.float32), FLOOR_DBFS, FLOOR_DBFS),
        (np.ones(800, np.float32), 0.0, 0.0),
        (np.full(800, -0.5, np.float32), 20 * math.log10(0.5), 20 * math.log10(0.5)),
        (_sine(1000, 16000, 0.05, 1.0), -3.01, 0.0),
        (np.full(800, 1e-9, np.float32), FLOOR_DBFS, FLOOR_DBFS),
    ],
    ids=["silence", "empty", "full-scale-dc", "half-scale", "full-scale-sine", "below-floor"],
)
def test_levels_in_dbfs(samples: np.ndarray, rms: float, peak: float) -> None:
    assert rms_dbfs(samples) == pytest.approx(rms, abs=0.02)
    assert peak_dbfs(samples) == pytest.approx(peak, abs=0.02)


@pytest.mark.parametrize(
    ("levels", "silence_s", "heard"),
    [
        ([], 0.0, False),
        ([-80, -80, -80], 0.15, False),
        ([-20, -80, -80], 0.10, True),
        ([-80, -20], 0.0, True),
        ([-20, -60, -45, -50], 0.05, True),  # the threshold itself counts as speech
    ],
)
def test_silence_tracker(levels: list[float], silence_s: float, heard: bool) -> None:
    tracker = SilenceTracker(threshold_dbfs=-45)
    for level in levels:
        tracker.update(level, 0.05)
    assert tracker.silence_s == pytest.approx(silence_s)
    assert tracker.heard_speech is heard
