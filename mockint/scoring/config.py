"""Settings for scoring (section ``scoring:`` of config.yaml). Pure data, no I/O."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class ScoringConfig:
    too_slow_wpm: float = 100.0
    """Below this speaking-time pace the answer is flagged ``too_slow``."""

    too_fast_wpm: float = 180.0
    """Above this speaking-time pace the answer is flagged ``too_fast``."""
