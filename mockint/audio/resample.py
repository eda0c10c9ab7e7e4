"""Streaming sample-rate conversion to 16 kHz for devices that refuse to record at 16 kHz.

Downsampling low-passes first (a windowed-sinc FIR at 0.45 × the target rate, so nothing
above the target's Nyquist folds back into the speech band), then reads the filtered signal
at the target instants by linear interpolation. The filter keeps the source 3× or more
oversampled, where linear interpolation is accurate; 48 kHz → 16 kHz even lands on whole
samples. Upsampling (rare: 8 kHz headsets) interpolates only. Blocks can have any size and
the output is the same as converting the whole signal at once: the filter history and the
fractional read position carry over from block to block.
"""

from __future__ import annotations

import math

import numpy as np

TARGET_RATE = 16000
"""What the recorder, the transcriber and every file it writes use."""


def lowpass_taps(src_rate: int, cutoff_hz: float) -> np.ndarray:
    """An odd-length, unit-gain windowed-sinc low-pass filter for ``src_rate``."""
    ratio = src_rate / (2.0 * cutoff_hz)
    # Longer for steeper ratios: the transition band stays ~1.4 kHz wide whatever the source.
    numtaps = 2 * math.ceil(32 * max(ratio, 1.0)) + 1
    n = np.arange(numtaps) - (numtaps - 1) / 2
    taps = np.sinc(2.0 * cutoff_hz / src_rate * n) * np.blackman(numtaps)
    return (taps / taps.sum()).astype(np.float64)


class StreamResampler:
    """Converts float32 mono blocks from ``src_rate`` to ``dst_rate``, block by block.

    Call :meth:`process` for each block and :meth:`flush` once at the end (it returns the
    last few milliseconds held back by the filter). Output sample ``k`` is the input at time
    ``k / dst_rate`` exactly: no delay, so durations and word timings stay true.
    """

    def __init__(self, src_rate: int, dst_rate: int = TARGET_RATE) -> None:
        if src_rate <= 0 or dst_rate <= 0:
            raise ValueError(f"sample rates must be positive (got {src_rate} → {dst_rate})")
        self.src_rate = src_rate
        self.dst_rate = dst_rate
        self._step = src_rate / dst_rate
        self._taps: np.ndarray | None = None
        self._history = np.zeros(0)
        self._delay_left = 0
        if src_rate > dst_rate:
            self._taps = lowpass_taps(src_rate, 0.45 * dst_rate)
            self._history = np.zeros(len(self._taps) - 1)
            # The filter's output lags its input by half its length: drop that much at the
            # start, and feed as many zeros at the end (flush) to get the tail out.
            self._delay_left = (len(self._taps) - 1) // 2
        self._last = 0.0
        self._pos = 1.0  # where the next output is read, in samples after ``_last``

    @property
    def passthrough(self) -> bool:
        return self.src_rate == self.dst_rate

    def process(self, block: np.ndarray) -> np.ndarray:
        """Resample one block of mono samples; returns float32 at ``dst_rate``."""
        block = np.asarray(block, dtype=np.float32).reshape(-1)
        if self.passthrough:
            return block
        return self._interpolate(self._filter(block))

    def flush(self) -> np.ndarray:
        """The samples still held back by the filter; call once, after the last block."""
        if self.passthrough or self._taps is None:
            return np.zeros(0, dtype=np.float32)
        tail = np.zeros((len(self._taps) - 1) // 2, dtype=np.float32)
        return self._interpolate(self._filter(tail))

    def _filter(self, block: np.ndarray) -> np.ndarray:
        if self._taps is None:
            return block.astype(np.float64)
        buffer = np.concatenate([self._history, block])
        filtered = np.convolve(buffer, self._taps, mode="valid")
        self._history = buffer[len(buffer) - len(self._history) :]
        if self._delay_left:
            dropped = min(self._delay_left, len(filtered))
            filtered = filtered[dropped:]
            self._delay_left -= dropped
        return filtered

    def _interpolate(self, samples: np.ndarray) -> np.ndarray:
        if samples.size == 0:
            return np.zeros(0, dtype=np.float32)
        known = np.concatenate([[self._last], samples])
        last_index = len(known) - 1
        count = 0
        if self._pos <= last_index:
            count = math.floor((last_index - self._pos) / self._step) + 1
        positions = self._pos + self._step * np.arange(count)
        out = np.interp(positions, np.arange(len(known)), known)
        self._pos = self._pos + self._step * count - last_index
        self._last = float(known[-1])
        return out.astype(np.float32)


def resample(samples: np.ndarray, src_rate: int, dst_rate: int = TARGET_RATE) -> np.ndarray:
    """Resample a whole mono signal at once (same result as streaming it)."""
    resampler = StreamResampler(src_rate, dst_rate)
    return np.concatenate([resampler.process(samples), resampler.flush()])
