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
    target_words: tuple[int, int] | None = None
    """Typed answers (no timings): the target in words at ``untimed_wpm``, which is what
    they are judged by; ``seconds`` is then only an estimate and never shown as measured."""


def length(
    tokens: Sequence[Token], timed: bool, question: Question | None, config: ScoringConfig
) -> LengthReport:
    """The answer's length judged against its target."""
    target = question.target_seconds if question else config.length.default_target_seconds
    low, high = int(target[0]), int(target[1])
    words = len(tokens)
    if timed:
        seconds = span_seconds(tokens)
        return LengthReport(
            round(seconds, 2),
            False,
            words,
            (low, high),
            too_short=words > 0 and seconds < low,
            too_long=seconds > high,
        )
    per_second = max(1.0, config.length.untimed_wpm) / 60.0
    low_w, high_w = round(low * per_second), round(high * per_second)
    return LengthReport(
        round(words / per_second, 2),
        True,
        words,
        (low, high),
        too_short=0 < words < low_w,
        too_long=words > high_w,
        target_words=(low_w, high_w),
    )
