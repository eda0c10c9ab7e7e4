"""Streaks: days in a row with at least one scored answer, counted in the user's own days."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from mockint.clock import local_date, parse, utc
from mockint.store import answers
from mockint.store.db import StoreLike


@dataclass(frozen=True)
class Streak:
    current: int
    """Days in a row up to today, or up to yesterday while today is still open: a streak
    only breaks once a whole day passes without practice."""
    best: int
    practiced_today: bool
    last_day: date | None
    """The last day with a scored answer (None: never)."""

    @property
    def days(self) -> int:
        return self.current

    def to_dict(self) -> dict[str, Any]:
        return {
            "current": self.current,
            "best": self.best,
            "practiced_today": self.practiced_today,
            "last_day": self.last_day.isoformat() if self.last_day else None,
        }


def streak(store: StoreLike, now: datetime | None = None, *, tz: tzinfo | None = None) -> Streak:
    """The current and best streak. ``tz`` is the user's time zone (default: the system's):
    an answer at 23:30 local time counts for that day, whatever UTC says."""
    days = {local_date(parse(t), tz) for t in answers.scored_times(store)}
    return streak_from_days(days, local_date(utc(now), tz))


def streak_from_days(days: Iterable[date], today: date) -> Streak:
    """The streak for a set of practice days (pure; :func:`streak` reads the days)."""
    practiced = {d for d in days if d <= today}
    if not practiced:
        return Streak(0, 0, False, None)
    best = run = 0
    previous: date | None = None
    for day in sorted(practiced):
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        best = max(best, run)
        previous = day
    last = max(practiced)
    current = 0
    if (today - last).days <= 1:
        current, day = 0, last
        while day in practiced:
            current += 1
            day -= timedelta(days=1)
    return Streak(current, best, today in practiced, last)
