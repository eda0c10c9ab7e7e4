"""Each part's score (0–100) with the one line that explains it.

The curves are piecewise linear between the reference points of docs/architecture.md, so a
score is easy to reproduce by hand: e.g. fillers score 90 at 2 per 100 words, 70 at 5.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from mockint.scoring.config import ScoringConfig
from mockint.scoring.coverage import CoverageReport
from mockint.scoring.fillers import FillerReport
from mockint.scoring.language import HedgeReport, Ownership, Repetition
from mockint.scoring.length import LengthReport
from mockint.scoring.pace import PaceReport
from mockint.scoring.pauses import PauseReport
from mockint.scoring.structure import PARTS, StructureReport

#: Points each STAR part is worth in the structure score (they sum to 100).
STAR_POINTS = {"situation": 20, "task": 15, "action": 35, "result": 30}
#: Points off the structure score for each of these problems.
NO_NUMBERS_PENALTY = 10
ORDER_PENALTY = 10
ACTION_SHARE_PENALTY = 10
#: Points off the language score.
WE_NOT_I_PENALTY = 20
REPETITION_PENALTY = 8
#: Points off the pauses score per long pause, and per hesitation beyond the free ones.
LONG_PAUSE_PENALTY = 12
HESITATION_PENALTY = 3
FREE_HESITATIONS = 3


@dataclass(frozen=True, slots=True)
class Part:
    name: str
    score: int
    explanation: str


def interpolate(x: float, points: Sequence[tuple[float, float]]) -> float:
    """Piecewise-linear y at ``x`` through ``points`` (sorted by x), flat beyond the ends."""
    if x <= points[0][0]:
        return points[0][1]
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        if x <= x1:
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0) if x1 > x0 else y1
    return points[-1][1]


def _clamp(value: float) -> int:
    return round(min(100.0, max(0.0, value)))


def fillers_part(r: FillerReport, words: int, config: ScoringConfig) -> Part:
    fine, heavy = config.fillers.fine_per_100_words, config.fillers.heavy_per_100_words
    curve = [(0.0, 100.0), (fine, 90.0), (heavy, 70.0), (2 * heavy, 30.0), (3 * heavy, 0.0)]
    score = _clamp(interpolate(r.per_100_words, curve))
    advice = {
        "excellent": "excellent",
        "fine": f"fine; aim for under {fine:g}",
        "needs work": f"needs work; aim for under {fine:g}",
    }[r.band]
    text = f"Fillers: {r.total} in {words} words ({r.per_100_words:.1f} per 100) — {advice}."
    return Part("fillers", score, text)


def pace_part(r: PaceReport, config: ScoringConfig) -> Part:
    low, high = config.pace.band_wpm
    slow, fast = config.pace.too_slow_wpm, config.pace.too_fast_wpm
    wpm = r.wpm or 0.0
    curve = [
        (slow - 40, 0.0), (slow, 70.0), (low, 100.0), (high, 100.0), (fast, 70.0),
        (fast + 60, 0.0),
    ]  # fmt: skip
    score = _clamp(interpolate(wpm, curve))
    verdict = {
        "good": f"in the {low:g}–{high:g} band",
        "slow": f"a little slow; aim for {low:g}–{high:g}",
        "fast": f"a little fast; aim for {low:g}–{high:g}",
        "too slow": f"too slow; aim for {low:g}–{high:g}",
        "too fast": f"too fast; aim for {low:g}–{high:g}",
    }.get(r.band, "not measured")
    raw = f" (raw {r.wpm_raw:.0f})" if r.wpm_raw is not None else ""
    tail = "; you sped up at the end" if r.speeds_up else ""
    return Part("pace", score, f"Pace: {wpm:.0f} WPM while speaking{raw} — {verdict}{tail}.")


def length_part(r: LengthReport) -> Part:
    if r.target_words is not None:
        return _typed_length_part(r, r.target_words)
    low, high = r.target
    secs = r.seconds
    if secs < low:
        score = 100.0 * secs / low if low else 100.0
        verdict = "too short"
    elif secs > high:
        score = 100.0 - 80.0 * (secs - high) / max(1.0, high)
        verdict = "too long"
    else:
        score, verdict = 100.0, "on target"
    text = f"Length: {clock(secs)} for a {low}–{high} s target — {verdict}."
    return Part("length", _clamp(score), text)


def _typed_length_part(r: LengthReport, target: tuple[int, int]) -> Part:
    """A typed answer has no duration: it is judged by its words, with the same curve."""
    low, high = target
    if r.words < low:
        score, verdict = 100.0 * r.words / low if low else 100.0, "too short"
    elif r.words > high:
        score, verdict = 100.0 - 80.0 * (r.words - high) / max(1.0, high), "too long"
    else:
        score, verdict = 100.0, "on target"
    text = f"Length: {r.words} words for a {low}–{high} word target — {verdict}."
    return Part("length", _clamp(score), text)


def pauses_part(r: PauseReport) -> Part:
    extra = max(0, r.hesitations - FREE_HESITATIONS)
    score = _clamp(100 - LONG_PAUSE_PENALTY * len(r.long_pauses) - HESITATION_PENALTY * extra)
    if r.long_pauses:
        head = f"{len(r.long_pauses)} long (longest {r.longest_s:.1f} s)"
    else:
        head = "no long pauses"
    text = f"Pauses: {head} and {r.hesitations} hesitation{'s' * (r.hesitations != 1)}."
    return Part("pauses", score, text)


def hedge_score(per_100_words: float, config: ScoringConfig) -> float:
    """The language score before repetition and ownership: 75 at the ``hedging`` rate."""
    rate = config.language.hedging_per_100_words
    curve = [(0.0, 100.0), (1.0, 95.0), (rate, 75.0), (2 * rate, 40.0), (10.0 / 3 * rate, 0.0)]
    return interpolate(per_100_words, curve)


def language_part(
    hedges: HedgeReport,
    repetitions: Sequence[Repetition],
    own: Ownership | None,
    config: ScoringConfig,
) -> Part:
    score = hedge_score(hedges.per_100_words, config)
    score -= REPETITION_PENALTY * min(3, len(repetitions))
    bits = [f"{hedges.total} hedge{'s' * (hedges.total != 1)} ({hedges.per_100_words:.1f} per 100)"]
    if repetitions:
        bits.append(f"'{repetitions[0].phrase}' said {repetitions[0].count} times")
    if own is not None and own.scope != "none":
        bits.append(f"I/we {own.i_count}/{own.we_count} in the {own.scope}")
        if own.flagged:
            score -= WE_NOT_I_PENALTY
    verdict = "confident" if score >= 85 else "could be firmer" if score >= 60 else "weak"
    return Part("language", _clamp(score), f"Language: {', '.join(bits)} — {verdict}.")


def structure_part(r: StructureReport, config: ScoringConfig) -> Part:
    score = float(sum(STAR_POINTS[p] for p in PARTS if r.parts[p].present))
    problems = [f"no {p}" for p in PARTS if not r.parts[p].present]
    if r.parts["result"].present and not r.result_quantified:
        score -= NO_NUMBERS_PENALTY
        problems.append("result has no number")
    if not r.in_order:
        score -= ORDER_PENALTY
        problems.append("parts out of order")
    if r.parts["action"].present and r.action_share < config.structure.action_min_share:
        score -= ACTION_SHARE_PENALTY
        problems.append(f"action only {r.action_share:.0%} of the time")
    present = [p for p in PARTS if r.parts[p].present]
    head = f"STAR {len(present)}/4 ({', '.join(present) or 'none'})"
    tail = "; ".join(problems) if problems else "complete and in order"
    return Part("structure", _clamp(score), f"Structure: {head} — {tail}.")


def coverage_part(r: CoverageReport) -> Part:
    score = 100.0 * r.covered / r.total if r.total else 100.0
    missing = r.missing
    tail = f"; missing: {'; '.join(missing[:2])}" if missing else ""
    return Part("coverage", _clamp(score), f"Key points: {r.covered} of {r.total} covered{tail}.")


def clock(seconds: float) -> str:
    """``75.4`` → ``"1:15"``."""
    total = round(seconds)
    return f"{total // 60}:{total % 60:02d}"
