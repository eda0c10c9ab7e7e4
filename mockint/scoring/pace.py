"""Pace: words per minute over speaking time (long silences left out) and over the whole
answer, plus pace per window so speeding up towards the end shows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mockint.scoring.config import ScoringConfig
from mockint.scoring.text import Token, span_seconds

_MAX_WINDOWS = 240


@dataclass(frozen=True, slots=True)
class PaceWindow:
    start: float
    end: float
    words: int
    wpm: float


@dataclass(frozen=True)
class PaceReport:
    timed: bool
    """False when the words have no timings: nothing below is measured."""
    wpm: float | None
    """Words per minute over speaking time (silences of ``pace_gap_s`` or more excluded)."""
    wpm_raw: float | None
    """Words per minute from the first word to the last, silences included."""
    speaking_s: float
    windows: tuple[PaceWindow, ...]
    """Pace per ``pace_window_s`` of the answer (the last window may be shorter)."""
    band: str
    """``too slow``, ``slow``, ``good``, ``fast``, ``too fast`` or ``unknown``."""
    too_slow: bool
    too_fast: bool
    speeds_up: bool
    """The last window is at least 20% faster than the answer's pace."""


def speaking_seconds(tokens: Sequence[Token], gap_s: float) -> float:
    """Span of the answer minus the silences at least ``gap_s`` long."""
    silences = sum(t.gap_before for t in tokens[1:] if t.gap_before >= gap_s)
    return max(0.0, span_seconds(tokens) - silences)


def pace(tokens: Sequence[Token], timed: bool, config: ScoringConfig) -> PaceReport:
    """The pace of the answer; ``unknown`` without timings or words."""
    if not timed or not tokens:
        return PaceReport(False, None, None, 0.0, (), "unknown", False, False, False)
    speaking = speaking_seconds(tokens, config.pace.gap_s)
    span = span_seconds(tokens)
    wpm = 60.0 * len(tokens) / speaking if speaking > 0 else None
    raw = 60.0 * len(tokens) / span if span > 0 else None
    windows = _windows(tokens, config.pace.window_s)
    judged = wpm is not None and speaking >= config.pace.min_speech_s
    too_slow = judged and wpm is not None and wpm < config.pace.too_slow_wpm
    too_fast = judged and wpm is not None and wpm > config.pace.too_fast_wpm
    speeds_up = (
        wpm is not None
        and len(windows) >= 3
        and windows[-1].end - windows[-1].start >= config.pace.window_s / 2
        and windows[-1].wpm >= 1.2 * wpm
    )
    return PaceReport(
        True,
        None if wpm is None else round(wpm, 1),
        None if raw is None else round(raw, 1),
        round(speaking, 2),
        windows,
        _band(wpm, config),
        too_slow,
        too_fast,
        speeds_up,
    )


def _band(wpm: float | None, config: ScoringConfig) -> str:
    if wpm is None:
        return "unknown"
    low, high = config.pace.band_wpm
    if wpm < config.pace.too_slow_wpm:
        return "too slow"
    if wpm > config.pace.too_fast_wpm:
        return "too fast"
    if wpm < low:
        return "slow"
    if wpm > high:
        return "fast"
    return "good"


def _windows(tokens: Sequence[Token], width: float) -> tuple[PaceWindow, ...]:
    if width <= 0:
        return ()
    origin = tokens[0].start
    last_end = tokens[-1].end
    counts: dict[int, int] = {}
    for t in tokens:
        n = int((t.start - origin) // width)
        counts[n] = counts.get(n, 0) + 1
    n_windows = int((last_end - origin) // width) + 1
    if n_windows > _MAX_WINDOWS:  # absurd timings; an hour of windows is plenty to show
        return ()
    out = []
    for n in range(n_windows):
        start = origin + n * width
        end = min(start + width, last_end)
        if end - start <= 0:
            continue
        words = counts.get(n, 0)
        wpm = round(60 * words / (end - start), 1)
        out.append(PaceWindow(round(start, 2), round(end, 2), words, wpm))
    return tuple(out)
