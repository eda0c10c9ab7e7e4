"""Log-Mel features computed a block at a time are faster-whisper's own, value for value."""

from __future__ import annotations

import numpy as np
import pytest
from faster_whisper.feature_extractor import FeatureExtractor

from mockint.speech.features import BLOCK_FRAMES, BlockFeatureExtractor

RNG = np.random.default_rng(3)


@pytest.mark.parametrize(
    "samples",
    [
        16000,  # under one block
        BLOCK_FRAMES * 160 - 161,  # around a block's edge
        BLOCK_FRAMES * 160,
        BLOCK_FRAMES * 160 + 1,
        16000 * 75 + 123,  # several blocks and a part block
    ],
)
def test_block_features_equal_faster_whispers(samples: int) -> None:
    t = np.arange(samples)
    audio = (RNG.normal(0, 0.1, samples) * np.sin(t / 4000)).astype(np.float32)
    want = FeatureExtractor()(audio)
    got = BlockFeatureExtractor()(audio)
    assert got.shape == want.shape and got.dtype == want.dtype
    assert np.allclose(got, want, atol=1e-6)


def test_block_features_keep_the_settings_faster_whisper_reads() -> None:
    ours, theirs = BlockFeatureExtractor(), FeatureExtractor()
    for name in ("sampling_rate", "hop_length", "n_samples", "nb_max_frames", "time_per_frame"):
        assert getattr(ours, name) == getattr(theirs, name)
    ours(np.zeros(16000, dtype=np.float32), chunk_length=20)
    assert ours.n_samples == 20 * 16000
