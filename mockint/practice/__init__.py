"""Practice planning: FSRS scheduling, weak questions, daily plans, streaks, debriefs.

The public API, importable from here (loaded on first use, so that reading the config, which
imports :mod:`mockint.practice.config`, does not load fsrs):

- after scoring an answer: :func:`save_scored` (stores it, then :func:`record_review`);
  a rating given later: :func:`rate_attempt`
- the home screen: :func:`daily_plan`, :func:`streak`, :func:`weak_questions`
- drills: :func:`drill_questions`; flags by hand: :func:`mark_weak`, :func:`unmark_weak`
- the end of a session: :func:`session_summary`
- a real interview: :func:`save_debrief` (module :mod:`mockint.practice.debrief`)

Every function takes the Store (inside one of its write transactions, that transaction's
connection: see :mod:`mockint.store.db`) and an injectable ``now``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mockint.practice.answers import discard_answer, save_scored
    from mockint.practice.debrief import save_debrief
    from mockint.practice.plan import DailyPlan, PlanItem, daily_plan
    from mockint.practice.scheduler import (
        CardStatus,
        ReviewOutcome,
        get_card,
        rate_attempt,
        record_review,
    )
    from mockint.practice.streaks import Streak, streak
    from mockint.practice.summary import SessionSummary, session_summary
    from mockint.practice.weak import (
        WeakQuestion,
        drill_questions,
        mark_weak,
        unmark_weak,
        weak_questions,
    )

_EXPORTS = {
    "save_scored": "answers",
    "discard_answer": "answers",
    "save_debrief": "debrief",
    "DailyPlan": "plan",
    "PlanItem": "plan",
    "daily_plan": "plan",
    "CardStatus": "scheduler",
    "ReviewOutcome": "scheduler",
    "get_card": "scheduler",
    "rate_attempt": "scheduler",
    "record_review": "scheduler",
    "Streak": "streaks",
    "streak": "streaks",
    "SessionSummary": "summary",
    "session_summary": "summary",
    "WeakQuestion": "weak",
    "drill_questions": "weak",
    "mark_weak": "weak",
    "unmark_weak": "weak",
    "weak_questions": "weak",
}

__all__ = [
    "CardStatus",
    "DailyPlan",
    "PlanItem",
    "ReviewOutcome",
    "SessionSummary",
    "Streak",
    "WeakQuestion",
    "daily_plan",
    "discard_answer",
    "drill_questions",
    "get_card",
    "mark_weak",
    "rate_attempt",
    "record_review",
    "save_debrief",
    "save_scored",
    "session_summary",
    "streak",
    "unmark_weak",
    "weak_questions",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'mockint.practice' has no attribute {name!r}")
    return getattr(importlib.import_module(f"mockint.practice.{module}"), name)
