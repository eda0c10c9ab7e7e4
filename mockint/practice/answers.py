"""Keeping a scored answer: the one path for the app, `mockint score --save` and
`mockint history --retry`, so an answer schedules its question alike wherever it was scored."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from mockint.practice.scheduler import record_review

if TYPE_CHECKING:
    from mockint.answer import ScoredAnswer
    from mockint.practice.config import PracticeConfig
    from mockint.store import Attempt, Store


def save_scored(
    store: Store,
    attempt_id: int,
    scored: ScoredAnswer,
    *,
    now: datetime | None = None,
    config: PracticeConfig | None = None,
) -> Attempt:
    """Store the transcript and score of ``attempt_id`` and count it as a review of its
    question (FSRS card, weak flag). ``now`` defaults to when the answer was given, so an
    answer scored later (a retry) is scheduled from the day it was spoken."""
    attempt = store.mark_scored(attempt_id, scored)
    if attempt.question_id and attempt.overall is not None:
        record_review(
            store,
            attempt.question_id,
            attempt.id,
            attempt.overall,
            list(attempt.flags),
            now=now or attempt.created,
            config=config,
        )
    return attempt
