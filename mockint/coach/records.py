"""The Coach's practice and history calls: plans, ratings, weak flags, debriefs, reads."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from mockint import practice
from mockint.coach.base import CoachBase
from mockint.models import Question
from mockint.store import Attempt, Trend

if TYPE_CHECKING:
    from mockint.practice.debrief import DebriefResult
    from mockint.practice.interview import InterviewSummary
    from mockint.practice.plan import DailyPlan
    from mockint.practice.scheduler import ReviewOutcome
    from mockint.practice.streaks import Streak
    from mockint.practice.summary import SessionSummary
    from mockint.practice.weak import WeakFlag, WeakQuestion


class Records(CoachBase):
    """Practice and history, each call holding the store's lock."""

    # -- practice

    def start_session(self, kind: str) -> int:
        with self._locked() as store:
            return store.start_session(kind)

    def end_session(self, session_id: int) -> None:
        with self._locked() as store:
            store.end_session(session_id)

    def session_summary(self, session_id: int, now: datetime | None = None) -> SessionSummary:
        with self._locked() as store:
            return practice.session_summary(store, session_id, now)

    def rate(
        self, attempt_id: int, rating: int | str, *, now: datetime | None = None
    ) -> ReviewOutcome:
        """The user's own rating of an answer (again/hard/good/easy, or 1–4)."""
        with self._locked() as store:
            return practice.rate_attempt(
                store, attempt_id, rating, now=now, config=self.config.practice
            )

    def flag_weak(
        self, question_id: str, reason: str | None = None, *, now: datetime | None = None
    ) -> WeakFlag:
        with self._locked() as store:
            return practice.mark_weak(store, question_id, reason, now=now)

    def unflag_weak(self, question_id: str) -> bool:
        """Clear a weak flag; False when the question was not flagged."""
        with self._locked() as store:
            return practice.unmark_weak(store, question_id)

    def is_weak(self, question_id: str) -> bool:
        from mockint.practice.weak import get_flag

        with self._locked() as store:
            return get_flag(store, question_id) is not None

    def plan_today(self, now: datetime | None = None) -> DailyPlan:
        catalog = self.catalog
        with self._locked() as store:
            return practice.daily_plan(store, catalog, self.config.practice, now)

    def streak(self, now: datetime | None = None) -> Streak:
        with self._locked() as store:
            return practice.streak(store, now)

    def weak_questions(self, now: datetime | None = None) -> list[WeakQuestion]:
        catalog = self.catalog
        with self._locked() as store:
            return practice.weak_questions(store, catalog, now)

    def latest_flags(self) -> dict[str, list[str]]:
        """Each problem flag of the latest answers, with the questions that raised it."""
        from mockint.practice.weak import latest_flags

        with self._locked() as store:
            return latest_flags(store)

    def drill_questions(
        self, flag: str | None = None, now: datetime | None = None
    ) -> list[Question]:
        catalog = self.catalog
        with self._locked() as store:
            return practice.drill_questions(store, catalog, flag=flag, now=now)

    def save_debrief(
        self,
        *,
        questions: Sequence[str],
        struggled: Sequence[int | str] = (),
        company: str = "",
        role: str = "",
        feedback: str = "",
        notes: str = "",
        interview_date: date | str | None = None,
        now: datetime | None = None,
    ) -> DebriefResult:
        """Log a real interview (:func:`mockint.practice.save_debrief`)."""
        catalog = self.catalog
        with self._locked() as store:
            result = practice.save_debrief(
                store,
                catalog,
                questions=questions,
                struggled=struggled,
                company=company,
                role=role,
                feedback=feedback,
                notes=notes,
                interview_date=interview_date,
                now=now,
            )
        self.reload_catalog()  # the debrief may have written new questions to a bank
        return result

    # -- a mock interview

    def interview_questions(
        self, count: int | None = None, bank: str | None = None, *, seed: int | str | None = None
    ) -> list[Question]:
        """The questions of a mock interview: an opener, behavioral and job questions (from
        ``bank``, else the core bank and the config's ``practice.banks``), a closer.
        MockintError for an unknown bank."""
        from mockint.practice.interview import DEFAULT_COUNT, interview_questions

        catalog = self.catalog
        if bank:
            catalog.bank(bank)  # an unknown bank is refused, with the known ones
        return interview_questions(
            catalog.questions(),
            count=DEFAULT_COUNT if count is None else count,
            bank=bank,
            banks=self.config.practice.banks,
            seed=seed,
        )

    def interview_summary(self, session_id: int) -> InterviewSummary:
        """The interview of session ``session_id`` as a whole, over every answer given in
        it (each question's latest answer; one not scored yet shows as waiting)."""
        from mockint.practice.interview import InterviewAnswer, summarize
        from mockint.store.answers import given_in_session

        with self._locked() as store:
            given = given_in_session(store.conn, session_id)
        latest = {a.question_id or f"#{a.id}": a for a in given}
        return summarize(
            [
                InterviewAnswer(
                    question_id=a.question_id or "",
                    text=a.question_text or a.question_id or "(no question)",
                    score=a.overall,
                    flags=a.flags,
                    attempt_id=a.id,
                )
                for a in latest.values()
            ]
        )

    # -- history

    def attempts(self, question_id: str | None = None, limit: int | None = None) -> list[Attempt]:
        """Attempts newest first (summaries: no words, no report)."""
        with self._locked() as store:
            return store.list_attempts(question_id, limit)

    def attempt(self, attempt_id: int) -> Attempt:
        """One attempt in full; MockintError if there is none."""
        with self._locked() as store:
            return store.get(attempt_id)

    def scored_attempts(self) -> list[Attempt]:
        """Every scored attempt with its report (no words), oldest first: progress charts."""
        with self._locked() as store:
            return [a for a in store.iter_attempts(full=True) if a.overall is not None]

    def question_trend(self, question_id: str) -> Trend:
        with self._locked() as store:
            return store.question_trend(question_id)

    def count_attempts(self, question_id: str | None = None) -> int:
        with self._locked() as store:
            return store.count_attempts(question_id)

    def count_pending(self) -> int:
        with self._locked() as store:
            return store.count_pending()

    def pending(self) -> list[Attempt]:
        with self._locked() as store:
            return store.pending()

    def forget(self, attempt_id: int) -> None:
        """Delete one attempt and its audio (the practice schedule is kept)."""
        with self._locked() as store:
            store.delete_attempt(attempt_id)

    def forget_all(self) -> int:
        """Delete every attempt and its audio, and compact the database; how many went."""
        with self._locked() as store:
            return store.delete_all()

    def recovered(self) -> list[Attempt]:
        """Recordings cut off by a killed process, repaired when this Coach's store opened."""
        with self._locked() as store:
            return store.recovered()
