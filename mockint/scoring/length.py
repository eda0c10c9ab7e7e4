"""Length: how long the answer ran against the question's target."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mockint.models import Question
from mockint.scoring.config import ScoringConfig
from mockint.scoring.text import Token, span_seconds


@dataclass(frozen=True)
class LengthReport:
    seconds: float
    """From the first word to the last (silence before and after is not the answer)."""
    estimated: bool
    """True when there were no timings and ``seconds`` comes from the word count."""
    words: int
    target: tuple[int, int]
    """(min, max) seconds: the question's, else ``default_target_seconds``."""
    too_short: bool
    too_long: bool


def length(
    tokens: Sequence[Token], timed: bool, question: Question | None, config: ScoringConfig
) -> LengthReport:
    """The answer's length judged against its target."""
    target = question.target_seconds if question else config.default_target_seconds
    low, high = int(target[0]), int(target[1])
    if timed:
        seconds, estimated = span_seconds(tokens), False
    else:
        seconds, estimated = 60.0 * len(tokens) / max(1.0, config.untimed_wpm), True
    words = len(tokens)
    return LengthReport(
        round(seconds, 2),
        estimated,
        words,
        (low, high),
        too_short=words > 0 and seconds < low,
        too_long=seconds > high,
    )
