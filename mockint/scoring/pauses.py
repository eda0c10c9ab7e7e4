"""Pauses: long silences between words (with where they fall) and shorter hesitations."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from mockint.scoring.config import ScoringConfig
from mockint.scoring.text import Token


@dataclass(frozen=True, slots=True)
class Pause:
    start: float
    """End of the word before the silence."""
    end: float
    """Start of the word after it."""
    after_index: int
    """Index (in ``Transcript.words``) of the word before the silence."""
    before_index: int
    """Index of the word after it."""

    @property
    def duration(self) -> float:
        return round(self.end - self.start, 2)


@dataclass(frozen=True)
class PauseReport:
    long_pauses: tuple[Pause, ...]
    """Silences of at least ``long_pause_s`` inside the answer."""
    hesitations: int
    """Silences from ``hesitation_s`` up to ``long_pause_s``."""
    longest_s: float
    start_delay_s: float
    """Silence before the first word (thinking time; not counted as a pause)."""
    flagged: bool
    """True when the answer is flagged ``long_pauses``."""


def pauses(tokens: Sequence[Token], timed: bool, config: ScoringConfig) -> PauseReport:
    """Long pauses and hesitations between consecutive words."""
    if not timed or not tokens:
        return PauseReport((), 0, 0.0, 0.0, False)
    long: list[Pause] = []
    hesitations = 0
    for prev, tok in itertools.pairwise(tokens):
        if tok.gap_before >= config.pauses.long_pause_s:
            long.append(
                Pause(round(prev.end, 2), round(tok.start, 2), prev.word_index, tok.word_index)
            )
        elif tok.gap_before >= config.pauses.hesitation_s:
            hesitations += 1
    longest = max((t.gap_before for t in tokens[1:]), default=0.0)
    return PauseReport(
        tuple(long),
        hesitations,
        round(longest, 2),
        round(max(0.0, tokens[0].start), 2),
        len(long) >= config.pauses.flag_count,
    )
