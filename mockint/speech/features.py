"""faster-whisper's log-Mel features, computed a block of frames at a time.

faster-whisper turns the whole audio it is given into features in one go: the short-time
Fourier transform of every frame sits in memory at once, as complex numbers, ~35 MB a
minute of audio, before being reduced to 80 Mel bands (~2 MB a minute). Measured on a
2-minute answer, that one step was the process's peak memory (+70 MB). Computed here a
block of frames at a time, the values are the same and the transient stays small.

Imported only once faster-whisper is (it subclasses faster-whisper's extractor).
"""

from __future__ import annotations

import numpy as np
from faster_whisper.feature_extractor import FeatureExtractor

BLOCK_FRAMES = 3000
"""Frames per block: 30 s of audio, one Whisper window (~5 MB of STFT at a time)."""


class BlockFeatureExtractor(FeatureExtractor):
    """Drop-in for faster-whisper's extractor (same settings, same output)."""

    def __call__(
        self, waveform: np.ndarray, padding: int = 160, chunk_length: int | None = None
    ) -> np.ndarray:
        if chunk_length is not None:
            self.n_samples = chunk_length * self.sampling_rate
            self.nb_max_frames = self.n_samples // self.hop_length
        waveform = np.asarray(waveform, dtype=np.float32)
        if padding:
            waveform = np.pad(waveform, (0, padding))
        # What faster-whisper's centred STFT does to the whole signal, done once here so
        # that each block below is an exact, uncentred slice of it.
        half = self.n_fft // 2
        padded = np.pad(waveform, (half, half), mode="reflect")
        frames = 1 + (len(padded) - self.n_fft) // self.hop_length
        window = np.hanning(self.n_fft + 1)[:-1].astype("float32")
        out = np.empty((self.mel_filters.shape[0], frames - 1), dtype=np.float32)
        for a in range(0, frames - 1, BLOCK_FRAMES):
            b = min(a + BLOCK_FRAMES, frames - 1)
            piece = padded[a * self.hop_length : (b - 1) * self.hop_length + self.n_fft]
            stft = self.stft(
                piece,
                self.n_fft,
                self.hop_length,
                window=window,
                center=False,
                return_complex=True,
            ).astype("complex64")
            mel = self.mel_filters @ (np.abs(stft) ** 2)
            out[:, a:b] = np.log10(np.clip(mel, a_min=1e-10, a_max=None))
        np.maximum(out, out.max() - 8.0, out=out)
        out += 4.0
        out /= 4.0
        return out
