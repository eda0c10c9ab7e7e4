"""Loudness of audio blocks (dBFS) and silence tracking, for the level meter and the UI.

Pure functions and a small state machine: no I/O, no PortAudio, so they are unit-tested alone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

FLOOR_DBFS = -100.0
"""What an all-zero block measures: a finite floor keeps meters and JSON free of -inf."""


def rms_dbfs(samples: np.ndarray) -> float:
    """RMS level of float samples (full scale = ±1.0) in dBFS; a full-scale sine is -3 dBFS."""
    if samples.size == 0:
        return FLOOR_DBFS
    # float64 accumulation: float32 sums of squares drift on long blocks.
    mean_square = float(np.mean(np.square(samples, dtype=np.float64)))
    return _to_dbfs(math.sqrt(mean_square))


def peak_dbfs(samples: np.ndarray) -> float:
    """Peak level of float samples in dBFS (0 dBFS = clipping)."""
    if samples.size == 0:
        return FLOOR_DBFS
    return _to_dbfs(float(np.max(np.abs(samples))))


def _to_dbfs(amplitude: float) -> float:
    if amplitude <= 0.0:
        return FLOOR_DBFS
    return max(FLOOR_DBFS, 20.0 * math.log10(amplitude))


@dataclass(frozen=True)
class Level:
    """One level-meter update (about 20 per second while recording)."""

    dbfs: float
    """RMS level of the last block (~50 ms), in dBFS."""
    peak_dbfs: float
    """Peak of the last block, in dBFS: near 0 means the input clips."""
    elapsed_s: float
    """Seconds of audio recorded so far (written to the file)."""
    silence_s: float
    """Seconds since the last block at speech level (0 while speaking)."""


class SilenceTracker:
    """Counts how long the input has stayed below a speech-level threshold.

    Fed one block at a time with its level and duration; time, not block count, so any block
    size gives the same answer.
    """

    def __init__(self, threshold_dbfs: float) -> None:
        self.threshold_dbfs = threshold_dbfs
        self.silence_s = 0.0
        """Seconds since the last block at or above the threshold (all of it, if none yet)."""
        self.heard_speech = False
        """Whether any block so far reached speech level."""

    def update(self, dbfs: float, duration_s: float) -> float:
        """Account for one block; return the seconds of silence so far."""
        if dbfs >= self.threshold_dbfs:
            self.silence_s = 0.0
            self.heard_speech = True
        else:
            self.silence_s += duration_s
        return self.silence_s
