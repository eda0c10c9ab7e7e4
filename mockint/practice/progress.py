"""Progress over days: one point per practice day, runs broken where a day was missed, and
each question's own trend (pure: the caller reads the attempts).

A chart of every attempt draws one day's answers as a vertical stroke, and a line drawn
straight across days without practice reads as steady improvement; so charts plot a day's
mean with its spread, and only join days that follow one another.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class DayStat:
    """One practice day of one measure."""

    day: date
    mean: float
    low: float
    """The day's lowest value (the spread's bottom; equals ``mean`` for one answer)."""
    high: float
    count: int


def by_day(samples: Iterable[tuple[date, float | None]]) -> list[DayStat]:
    """(day, value) samples → one :class:`DayStat` per day that has a value, oldest first.
    Samples without a value (a text answer has no pace) are left out."""
    days: dict[date, list[float]] = {}
    for day, value in samples:
        if value is not None:
            days.setdefault(day, []).append(float(value))
    return [
        DayStat(day, sum(v) / len(v), min(v), max(v), len(v)) for day, v in sorted(days.items())
    ]


def runs(stats: list[DayStat]) -> list[list[DayStat]]:
    """``stats`` split into runs of consecutive days: a line joins a run's points, and a gap
    shows where no practice happened."""
    out: list[list[DayStat]] = []
    for stat in stats:
        if out and stat.day - out[-1][-1].day == timedelta(days=1):
            out[-1].append(stat)
        else:
            out.append([stat])
    return out


@dataclass(frozen=True)
class QuestionTrend:
    """One question's scores over its attempts."""

    question_id: str
    text: str
    scores: tuple[int, ...]
    """Overall scores, oldest first."""

    @property
    def change(self) -> int:
        """Latest minus first: how far practice has moved this question."""
        return self.scores[-1] - self.scores[0]


def question_trends(
    attempts: Iterable[tuple[str, str, int]], *, at_least: int = 2, limit: int = 5
) -> list[QuestionTrend]:
    """(question id, text, score) of scored attempts, oldest first → the trend of each
    question answered at least ``at_least`` times, most practised first (then by id)."""
    texts: dict[str, str] = {}
    scores: dict[str, list[int]] = {}
    for question_id, text, score in attempts:
        if not question_id:
            continue
        texts.setdefault(question_id, text or question_id)
        scores.setdefault(question_id, []).append(int(score))
    found = [QuestionTrend(q, texts[q], tuple(s)) for q, s in scores.items() if len(s) >= at_least]
    found.sort(key=lambda t: (-len(t.scores), t.question_id))
    return found[:limit]
