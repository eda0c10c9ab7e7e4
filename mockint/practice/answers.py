"""Keeping a scored answer: the one path for the app, `mockint score --save` and
`mockint history --retry`, so an answer schedules its question alike wherever it was scored."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from mockint.practice.scheduler import record_review, replay_question
from mockint.store import answers
from mockint.store.db import write

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
    answer scored later (a retry) is scheduled from the day it was spoken. An answer that
    does not count (no speech, a take left mid-way, a follow-up question) is kept and
    schedules nothing."""
    attempt = store.mark_scored(attempt_id, scored)
    if attempt.counted and attempt.question_id and attempt.overall is not None:
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


def discard_answer(
    store: Store,
    attempt_id: int,
    *,
    now: datetime | None = None,
    config: PracticeConfig | None = None,
) -> None:
    """Throw a take away, leaving nothing behind: its review goes, then the attempt and its
    audio (as `mockint forget` does), then its question's card is replayed from the reviews
    left and its weak flag re-evaluated, as if the take had never been given."""
    attempt = answers.find(store, attempt_id)
    if attempt is None:
        return
    with write(store) as conn:
        conn.execute("DELETE FROM reviews WHERE attempt_id = ?", (attempt_id,))
    store.delete_attempt(attempt_id)
    if attempt.question_id and attempt.counted:
        replay_question(store, attempt.question_id, now=now, config=config)
