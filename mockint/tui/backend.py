"""The real :class:`~mockint.tui.services.Backend`: the store, the planner and the banks.

SQLite connections belong to the thread that opened them, while Textual runs every worker in
a new thread: so all store work goes through one dedicated thread that owns the connection.
Whatever another part returns is turned into :mod:`mockint.tui.data` types here, and only
here, so a change in another part touches this file alone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from mockint.config import Config
from mockint.models import Question
from mockint.tui.data import (
    AttemptDetail,
    AttemptRow,
    CatalogData,
    DebriefEntry,
    DebriefResult,
    HomeData,
    PendingResult,
    PlanItem,
    ProgressData,
    ProgressPoint,
    SessionSummary,
)

if TYPE_CHECKING:
    from mockint.pipeline import ScoredAnswer
    from mockint.tui.services import OnPending, ScorePath

T = TypeVar("T")

SECONDS_PER_QUESTION = 150
"""Estimate for a plan: reading, a two-minute answer, and a look at the feedback."""


class RealBackend:
    def __init__(self, config: Config) -> None:
        self.config = config
        self._db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mockint-db")
        self._store: Any = None
        self._catalog: Any = None

    # -- plumbing

    def _run(self, fn: Callable[[Any], T]) -> T:
        """Run ``fn(store)`` on the store's own thread and wait for it."""
        return self._db.submit(lambda: fn(self._open())).result()

    def _open(self) -> Any:
        if self._store is None:
            from mockint.store import Store

            self._store = Store.open()
        return self._store

    def _raw_catalog(self) -> Any:
        if self._catalog is None:
            from mockint.banks import load_catalog

            self._catalog = load_catalog()
        return self._catalog

    def close(self) -> None:
        def _close(store: Any) -> None:
            close = getattr(store, "close", None)
            if close:
                close()

        if self._store is not None:
            self._run(_close)
        self._db.shutdown(wait=True)

    # -- banks

    def catalog(self) -> CatalogData:
        raw = self._raw_catalog()
        return CatalogData(tuple(raw.banks), tuple(getattr(raw, "problems", ()) or ()))

    def _question(self, question_id: str) -> Question | None:
        return self.catalog().question(question_id)

    # -- planning

    def home(self, now: datetime) -> HomeData:
        from mockint import practice

        catalog = self._raw_catalog()

        def _home(store: Any) -> HomeData:
            plan = practice.daily_plan(store, catalog, self.config, now)
            weak = practice.weak_questions(store, catalog, now)
            recent = store.list_attempts(limit=30)
            scores = [a.overall for a in reversed(recent) if a.overall is not None]
            waiting = {a.id for a in store.pending()}
            recovered = sum(1 for a in store.recovered() if a.id in waiting)
            return HomeData(
                plan=tuple(PlanItem(i.question, _why(i.why, i.detail)) for i in plan.items),
                estimated_minutes=int(plan.estimated_minutes),
                streak_days=int(practice.streak(store, now).current),
                weak=tuple(PlanItem(w.question, "; ".join(w.reasons)) for w in weak if w.question),
                recent_scores=tuple(scores[-20:]),
                attempts_total=int(store.count_attempts()),
                pending=len(waiting),
                recovered=recovered,
            )

        return self._run(_home)

    def daily_questions(self, now: datetime) -> list[Question]:
        return [i.question for i in self.home(now).plan]

    def drill_questions(self, flag: str | None, now: datetime) -> list[Question]:
        from mockint import practice

        catalog = self._raw_catalog()
        return list(self._run(lambda s: practice.drill_questions(s, catalog, flag=flag, now=now)))

    # -- sessions and attempts

    def start_session(self, kind: str) -> int:
        return int(self._run(lambda s: s.start_session(kind)))

    def end_session(self, session_id: int) -> None:
        self._run(lambda s: s.end_session(session_id))

    def session_summary(self, session_id: int, now: datetime) -> SessionSummary:
        from mockint import practice

        raw = self._run(lambda s: practice.session_summary(s, session_id, now))
        return SessionSummary(
            tuple((i.text, i.score, i.previous, i.comes_back) for i in raw.items),
            tuple(raw.notes[1:]),  # the first note repeats the headline the screen shows
        )

    def begin_attempt(self, question: Question, session_id: int | None) -> tuple[int, Path]:
        attempt = self._run(lambda s: s.begin_attempt(question, session_id))
        return int(attempt.id), Path(attempt.audio_path)

    def finish_recording(self, attempt_id: int, duration_s: float) -> None:
        self._run(lambda s: s.finish_recording(attempt_id, duration_s))

    def add_file_attempt(
        self, question: Question, path: Path, session_id: int | None
    ) -> tuple[int, Path]:
        attempt = self._run(lambda s: s.add_recorded_attempt(question, path, session_id=session_id))
        return int(attempt.id), Path(attempt.audio_path)

    def add_typed_attempt(self, question: Question, session_id: int | None) -> int:
        # A typed answer has no audio: no file, no length; the store keeps audio_path NULL.
        attempt = self._run(lambda s: s.add_typed_attempt(question, session_id=session_id))
        return int(attempt.id)

    def score_pending(self, score: ScorePath, on_progress: OnPending | None) -> PendingResult:
        """Score the waiting answers as `mockint history --retry` does (its retry_pending),
        here in the caller's thread: only the store calls go to the store's thread, so the
        app's other reads are not stuck behind a transcription. Each answer scored also
        counts as practice of its question, dated when it was given."""
        from mockint import practice
        from mockint.store.retry import retry_pending

        def progress(index: int, total: int, attempt: Any, outcome: Any) -> None:
            if outcome is None and on_progress:
                on_progress(index, total)

        def save(attempt_id: int, scored: ScoredAnswer) -> Any:
            return self._run(
                lambda s: practice.save_scored(s, attempt_id, scored, config=self.config)
            )

        outcomes = retry_pending(
            _OnStoreThread(self),  # type: ignore[arg-type]
            score=score,
            lookup=self._question,
            progress=progress,
            save=save,
        )
        return PendingResult(
            scored=tuple((o.attempt_id, int(o.overall)) for o in outcomes if o.overall is not None),
            failed=tuple((o.attempt_id, o.error or "failed") for o in outcomes if o.error),
        )

    def save_scored(
        self, attempt_id: int, question: Question, scored: ScoredAnswer, now: datetime
    ) -> None:
        from mockint import practice

        self._run(
            lambda s: practice.save_scored(s, attempt_id, scored, now=now, config=self.config)
        )

    def mark_failed(self, attempt_id: int, error: str) -> None:
        self._run(lambda s: s.mark_failed(attempt_id, error))

    def rate(self, attempt_id: int, question_id: str, rating: str, now: datetime) -> None:
        from mockint import practice

        self._run(
            lambda s: practice.rate_attempt(s, attempt_id, rating, now=now, config=self.config)
        )

    def set_weak(self, question_id: str, weak: bool) -> None:
        from mockint import practice

        if weak:
            self._run(lambda s: practice.mark_weak(s, question_id, "flagged in practice"))
        else:
            self._run(lambda s: practice.unmark_weak(s, question_id))

    def is_weak(self, question_id: str) -> bool:
        from mockint.practice.weak import get_flag

        return self._run(lambda s: get_flag(s, question_id) is not None)

    # -- history and progress

    def attempts(self, limit: int | None = None) -> list[AttemptRow]:
        raw = self._run(lambda s: s.list_attempts(limit=limit))
        return [_row(a) for a in raw]

    def attempt(self, attempt_id: int) -> AttemptDetail:
        a = self._run(lambda s: s.get(attempt_id))
        return AttemptDetail(_row(a), _result(a), a.error)

    def progress(self, now: datetime) -> ProgressData:
        raw = self._run(lambda s: [a for a in s.iter_attempts(full=True) if a.overall is not None])
        points = []
        flags: Counter[str] = Counter()
        for a in raw:
            metrics = a.report.get("metrics") or {}
            fillers = metrics.get("fillers") or {}
            points.append(
                ProgressPoint(
                    _local(a.created),
                    int(a.overall),
                    fillers.get("per_minute"),
                    metrics.get("wpm"),
                    a.bank_id or "",
                )
            )
            flags.update(a.flags)
        return ProgressData(tuple(points), tuple(flags.most_common(6)))

    def save_debrief(self, entry: DebriefEntry, now: datetime) -> DebriefResult:
        from mockint.practice.debrief import save_debrief

        catalog = self._raw_catalog()
        raw = self._run(
            lambda s: save_debrief(
                s,
                catalog,
                questions=list(entry.questions),
                struggled=list(entry.struggled),
                company=entry.company,
                role=entry.role,
                notes=entry.notes,
                interview_date=entry.interview_date,
                now=now,
            )
        )
        self._catalog = None  # the debrief may have written new questions to a bank
        linked = sum(1 for i in raw.items if i.linked)
        message = (
            f"Saved: {len(raw.items)} question(s), {linked} matched to your banks; "
            f"{len(raw.struggled_ids)} you struggled with come back in practice.\n\n"
            f"{raw.follow_up}"
        )
        return DebriefResult(message, tuple(raw.question_ids))


class _OnStoreThread:
    """The backend's Store, every method call run on the store's own thread."""

    def __init__(self, backend: RealBackend) -> None:
        self._backend = backend

    def __getattr__(self, name: str) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            return self._backend._run(lambda s: getattr(s, name)(*args, **kwargs))

        return call


# -- shaping other parts' objects

RATING_NAMES = {1: "again", 2: "hard", 3: "good", 4: "easy"}


def _why(why: str, detail: str) -> str:
    return f"{why}: {detail}" if detail else why


def _local(moment: datetime) -> datetime:
    """A stored UTC time in the user's time zone, without tzinfo (for display)."""
    return moment.astimezone().replace(tzinfo=None)


def _row(a: Any) -> AttemptRow:
    return AttemptRow(
        id=int(a.id),
        question_id=a.question_id or "",
        question_text=a.question_text or "(no question)",
        bank=a.bank_id or "",
        created_at=_local(a.created),
        status=str(a.status),
        duration_s=a.duration_s,
        overall=a.overall,
        flags=tuple(a.flags),
        self_rating=RATING_NAMES.get(a.self_rating) if a.self_rating else None,
        audio_path=a.audio_path,
    )


def _result(a: Any) -> dict[str, Any] | None:
    """The stored attempt as the ``score --json`` object the feedback view reads."""
    if not a.report:
        return None
    return {
        "audio": str(a.audio_path) if a.audio_path else None,
        "question": a.question_id,
        "duration_s": a.duration_s or 0.0,
        "transcript": a.transcript or "",
        "words": [{"text": w.text, "start": w.start, "end": w.end} for w in a.words],
        **a.report,
    }
