"""The Coach's practice and history calls: plans, ratings, weak flags, debriefs, reads."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from mockint import practice
from mockint.coach.flow import Answered
from mockint.coach.prepare import Prepare
from mockint.models import Question
from mockint.store import Attempt, Trend
from mockint.store.forget import Forgotten

if TYPE_CHECKING:
    from mockint.practice.debrief import DebriefResult
    from mockint.practice.interview import InterviewSummary
    from mockint.practice.plan import DailyPlan
    from mockint.practice.scheduler import ReviewOutcome
    from mockint.practice.streaks import Streak
    from mockint.practice.summary import SessionSummary
    from mockint.practice.weak import WeakFlag, WeakQuestion


class Records(Prepare):
    """Practice and history, each call holding the store's lock."""

    # The answer flow's typed path (defined by Coach): a debrief keeps the answers a
    # transcript has as typed attempts, scored like any other.
    score_typed: Callable[..., Answered]

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
        """Today's plan, drawing on the user's field and the job whose interview is next."""
        from dataclasses import replace

        from mockint.clock import local_date, utc
        from mockint.practice.jobs import focus, jobs
        from mockint.practice.plan import bank_fields

        catalog = self.catalog
        config = replace(self.config.practice, field=self.field())
        moment = utc(now)
        with self._locked() as store:
            job = focus(jobs(store), local_date(moment))
            return practice.daily_plan(
                store, catalog, config, moment, fields=bank_fields(catalog.banks), job=job
            )

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
        answers: Sequence[str] = (),
        interviewer: str = "",
    ) -> DebriefResult:
        """Log a real interview (:func:`mockint.practice.save_debrief`). ``answers`` (one per
        question, from a transcript) are kept as your first typed attempts, scored."""
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
                answers=answers,
                interviewer=interviewer,
            )
        self.reload_catalog()  # the debrief may have written new questions to a bank
        if not any(item.answer for item in result.items):
            return result
        return self._score_debrief_answers(result, now)

    def _score_debrief_answers(self, result: DebriefResult, now: datetime | None) -> DebriefResult:
        from dataclasses import replace

        from mockint.practice.debrief import due_now

        items = []
        for item in result.items:
            if item.answer:
                done = self.score_typed(self.catalog.get(item.question_id), item.answer, now=now)
                item = replace(
                    item, answer_score=done.scored.report.overall, attempt_id=done.attempt_id
                )
            items.append(item)
        with self._locked() as store:
            due_now(store, result.struggled_ids, now)
        return replace(result, items=tuple(items))

    # -- a mock interview

    def interview_questions(
        self, count: int | None = None, bank: str | None = None, *, seed: int | str | None = None
    ) -> list[Question]:
        """The questions of a mock interview: an opener, behavioral and job questions (from
        ``bank``, else the core bank and the config's ``practice.banks``), a closer.
        MockintError for an unknown bank."""
        from mockint.practice.interview import DEFAULT_COUNT, interview_questions
        from mockint.practice.plan import bank_fields

        catalog = self.catalog
        if bank:
            catalog.bank(bank)  # an unknown bank is refused, with the known ones
        return interview_questions(
            catalog.questions(),
            count=DEFAULT_COUNT if count is None else count,
            bank=bank,
            banks=self.config.practice.banks,
            fields=bank_fields(catalog.banks),
            field=self.field(),
            seed=seed,
        )

    def interview_summary(self, session_id: int) -> InterviewSummary:
        """The interview of session ``session_id`` as a whole, over every answer given in
        it (each question's latest answer; one not scored yet shows as waiting)."""
        from mockint.practice.interview import InterviewAnswer, summarize
        from mockint.store.answers import given_in_session

        with self._locked() as store:
            given = given_in_session(store, session_id)
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
        """Every scored attempt that counts, with its report (no words), oldest first:
        progress charts."""
        with self._locked() as store:
            return [
                a for a in store.iter_attempts(full=True) if a.overall is not None and a.counted
            ]

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

    def forget_all(self) -> Forgotten:
        """Delete everything the user gave (attempts and audio, sessions, reviews, schedule,
        weak flags, debriefs) and compact the database; what went."""
        with self._locked() as store:
            return store.delete_all()

    def forget_inventory(self) -> Forgotten:
        """What :meth:`forget_all` would delete now."""
        with self._locked() as store:
            return store.forget_inventory()

    def recovered(self) -> list[Attempt]:
        """Recordings cut off by a killed process, repaired when this Coach's store opened."""
        with self._locked() as store:
            return store.recovered()
