"""The one core every front end runs through: :class:`Coach`.

The app's backend and every CLI command call a Coach; none of them repeats the answer flow
("store the audio first, score, mark failed on error, save and schedule"), which lives once,
in :func:`settle`. One spoken answer, through named calls (docs/architecture.md draws it)::

    coach.begin_answer(question)      store: a 'recording' attempt; the recorder writes its file
    coach.finish_answer(id, ...)      store: 'recorded'; then settle():
        transcribe()                    the live transcriber's tail (speech)
        coach.score_transcript(...)     pipeline → scoring
        store.mark_scored(...)          or store.mark_failed(...), the audio kept
        practice.record_review(...)     FSRS card, weak flags

A recording given as a file goes ``coach.score_file``, a typed answer ``coach.score_typed``,
and answers left waiting ``coach.retry_pending``: each ends in the same :func:`settle`.

Threads: every store call holds the Coach's lock, so one Coach (over a Store opened with
``check_same_thread=False``) may serve the app's thread workers; transcription and scoring run
outside the lock, so reads never wait behind them.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

from mockint import practice
from mockint.answer import ScoredAnswer
from mockint.errors import MockintError
from mockint.models import Kind, Question, Transcript
from mockint.store import Attempt, Status, Store, Trend

if TYPE_CHECKING:
    from mockint.banks import Catalog
    from mockint.config import Config
    from mockint.practice.debrief import DebriefResult
    from mockint.practice.plan import DailyPlan
    from mockint.practice.scheduler import ReviewOutcome
    from mockint.practice.streaks import Streak
    from mockint.practice.summary import SessionSummary
    from mockint.practice.weak import WeakFlag, WeakQuestion
    from mockint.speech.transcriber import Transcriber

T = TypeVar("T")

ScoreFile = Callable[..., ScoredAnswer]
"""``score(audio_path, question=...) -> ScoredAnswer``: transcribe and score one file."""

Progress = Callable[[int, int, Attempt, "RetryOutcome | None"], None]
"""Called as ``(index, total, attempt, None)`` before each waiting attempt, then with its
outcome."""

DEFAULT_TARGET = (60, 120)
"""Answer length assumed for a question no loaded bank knows any more."""


class NotScored(MockintError):
    """Scoring an attempt failed after its audio was stored: the attempt is marked failed
    (with ``error``) and its audio stays, so `mockint history --retry` can score it later."""

    def __init__(self, attempt_id: int, error: str) -> None:
        super().__init__(error)
        self.attempt_id = attempt_id
        self.error = error


@dataclass(frozen=True)
class Answered:
    """An answer scored (and, unless only scored, kept as ``attempt_id``)."""

    scored: ScoredAnswer
    attempt_id: int | None = None
    audio_path: Path | None = None
    """Where the store keeps its audio (None for a typed answer, or one not kept)."""


@dataclass(frozen=True)
class RetryOutcome:
    attempt_id: int
    status: Status
    overall: int | None = None
    flags: tuple[str, ...] = ()
    error: str | None = None


def failure_text(exc: BaseException) -> str:
    """What an attempt keeps as its error: the user's message, or the bug's type and text."""
    return str(exc) if isinstance(exc, MockintError) else f"{type(exc).__name__}: {exc}"


def settle(
    attempt_id: int,
    score: Callable[[], ScoredAnswer],
    *,
    failed: Callable[[int, str], object],
    save: Callable[[int, ScoredAnswer], T],
) -> tuple[ScoredAnswer, T]:
    """The answer flow once its audio is stored (the only copy): ``score()``; on failure
    ``failed(attempt_id, error)`` and :class:`NotScored`; else ``save(attempt_id, scored)``."""
    try:
        scored = score()
    except Exception as exc:  # whatever broke, the attempt and its audio must survive it
        error = failure_text(exc)
        failed(attempt_id, error)
        raise NotScored(attempt_id, error) from exc
    return scored, save(attempt_id, scored)


class Coach:
    """What a user does with mockint, over the store, the banks, the config and the model.

    ``store``, ``catalog`` and ``transcriber`` may be given as factories: each is made on first
    use (the database file, the banks' YAML and pydantic, the model), so a command that needs
    one of them never pays for the others (`mockint score` without ``--save`` opens no
    database).
    """

    def __init__(
        self,
        store: Store | Callable[[], Store],
        catalog: Catalog | Callable[[], Catalog] | None,
        config: Config | Callable[[], Config],
        transcriber: Transcriber | Callable[[], Transcriber] | None = None,
    ) -> None:
        self._store = store
        self._catalog = catalog
        self._config = config
        self._transcriber = transcriber
        self._db = threading.RLock()

    @classmethod
    def open(
        cls,
        config: Config | Callable[[], Config],
        *,
        catalog: Catalog | Callable[[], Catalog] | None = None,
        transcriber: Transcriber | Callable[[], Transcriber] | None = None,
        recover: bool = True,
        shared: bool = False,
    ) -> Coach:
        """A Coach over the data root's store. ``shared`` lets thread workers share it (the
        app); ``recover=False`` skips repairing cut-off recordings (read-only commands)."""
        return cls(
            lambda: Store.open(recover=recover, check_same_thread=not shared),
            catalog,
            config,
            transcriber,
        )

    @property
    def store(self) -> Store:
        """The store, opened on first use."""
        store: Store = self._made("_store")
        return store

    @property
    def config(self) -> Config:
        config: Config = self._made("_config")
        return config

    def close(self) -> None:
        """Close the store, if it was ever opened."""
        with self._db:
            if isinstance(self._store, Store):
                self._store.close()

    def __enter__(self) -> Coach:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _locked(self) -> Iterator[Store]:
        with self._db:
            yield self.store

    # -- what is made on first use

    def _made(self, name: str) -> Any:
        """The attribute ``name``, made first if it holds a factory (none of the values is
        callable itself: a Store, a Catalog, a Config, a Transcriber)."""
        with self._db:
            value = getattr(self, name)
            if callable(value):
                value = value()
                setattr(self, name, value)
            return value

    @property
    def catalog(self) -> Catalog:
        """The loaded banks (all of them: bundled, then the user's)."""
        with self._db:
            if self._catalog is None:
                from mockint.banks import load_catalog  # deferred: pydantic and YAML

                self._catalog = load_catalog
            catalog: Catalog = self._made("_catalog")
            return catalog

    def reload_catalog(self) -> None:
        """Forget the loaded banks (a debrief may have written new questions to one)."""
        with self._db:
            self._catalog = None

    @property
    def transcriber(self) -> Transcriber:
        """The speech model, made once (loading it costs more than scoring an answer)."""
        with self._db:
            if self._transcriber is None:
                from mockint.speech.transcriber import Transcriber

                speech = self.config.speech
                self._transcriber = lambda: Transcriber(speech)
            transcriber: Transcriber = self._made("_transcriber")
            return transcriber

    # -- one answer

    def begin_answer(self, question: Question, session_id: int | None = None) -> Attempt:
        """A new attempt, ``recording``: the recorder writes ``attempt.audio_path``."""
        with self._locked() as store:
            return store.begin_attempt(question, session_id)

    def recording_failed(self, attempt_id: int, error: str) -> None:
        """The recorder could not start: the attempt is kept, ``failed``."""
        with self._locked() as store:
            store.mark_failed(attempt_id, error)

    def abandon_answer(self, attempt_id: int, duration_s: float | None) -> None:
        """Stopped without scoring (the user left): the audio and the attempt stay,
        ``recorded``, for a later retry."""
        with self._locked() as store:
            store.finish_recording(attempt_id, duration_s)

    def finish_answer(
        self,
        attempt_id: int,
        duration_s: float | None,
        transcribe: Callable[[], Transcript],
        question: Question,
        *,
        now: datetime | None = None,
    ) -> Answered:
        """The recorder stopped: the attempt becomes ``recorded``, then ``transcribe()`` (the
        live transcriber's tail), score, save and schedule. On failure, a MockintError says
        where the recording is kept."""
        stopped = time.perf_counter()
        with self._locked() as store:
            attempt = store.finish_recording(attempt_id, duration_s)
        path = attempt.audio_path

        def score() -> ScoredAnswer:
            scored = self.score_transcript(transcribe(), question)
            scored.audio = scored.audio or str(path or "")
            scored.timing.setdefault("after_stop_s", time.perf_counter() - stopped)
            return scored

        try:
            scored, _ = settle(attempt_id, score, failed=self._failed, save=self._saver(now))
        except NotScored as exc:
            raise MockintError(f"{exc.error}; your recording is kept at {path}") from exc
        return Answered(scored, attempt_id, path)

    def score_transcript(self, transcript: Transcript, question: Question | None) -> ScoredAnswer:
        """Score a transcript with the user's scoring settings (nothing stored)."""
        from mockint.pipeline import score_transcript

        return score_transcript(transcript, question, self.config)

    def score_file(
        self,
        path: Path,
        question: Question | None = None,
        *,
        save: bool = False,
        session_id: int | None = None,
        live: bool = False,
        pace: float = 1.0,
        score: ScoreFile | None = None,
        now: datetime | None = None,
    ) -> Answered:
        """Transcribe and score a recording; with ``save``, keep a copy as an attempt FIRST,
        so that a failed transcription loses nothing (and count it as practice).

        ``score`` replaces the pipeline (the app passes its warm model's)."""
        scorer = score or self._score_file(live=live, pace=pace)
        if not save:
            return Answered(scorer(path, question=question))
        from mockint.audio.decode import duration_of

        duration_of(path)  # a file that is not audio is refused before anything is stored
        with self._locked() as store:
            attempt = store.add_recorded_attempt(question, path, session_id=session_id)
        stored = Path(attempt.audio_path or path)
        scored, _ = settle(
            attempt.id,
            lambda: scorer(stored, question=question),
            failed=self._failed,
            save=self._saver(now),
        )
        return Answered(scored, attempt.id, stored)

    def score_typed(
        self,
        question: Question | None,
        text: str,
        session_id: int | None = None,
        *,
        now: datetime | None = None,
    ) -> Answered:
        """Score a typed answer (no microphone) and keep it as an attempt without audio.
        Nothing is at risk before it is scored, so it is stored after."""
        scored = self.score_transcript(Transcript.from_text(text), question)
        with self._locked() as store:
            attempt = store.add_typed_attempt(question, session_id=session_id)
        self._saver(now)(attempt.id, scored)
        return Answered(scored, attempt.id)

    def retry_pending(
        self, *, progress: Progress | None = None, score: ScoreFile | None = None
    ) -> list[RetryOutcome]:
        """Transcribe and score every waiting attempt (``recorded``, ``failed``), oldest
        first; each counts as practice dated when it was given. Nothing is deleted."""
        with self._locked() as store:
            waiting = store.pending()
        if not waiting:
            return []
        scorer = score or self._score_file()
        lookup = self._lookup()
        outcomes: list[RetryOutcome] = []
        for index, attempt in enumerate(waiting, start=1):
            if progress:
                progress(index, len(waiting), attempt, None)
            outcome = self._retry_one(attempt, scorer, lookup)
            outcomes.append(outcome)
            if progress:
                progress(index, len(waiting), attempt, outcome)
        return outcomes

    def adopt_orphans(self) -> list[Attempt]:
        """Audio files under ``recordings/`` with no attempt, each given a ``recorded`` one."""
        with self._locked() as store:
            return [store.adopt_orphan(o.path) for o in store.orphans()]

    def _retry_one(
        self, attempt: Attempt, score: ScoreFile, lookup: Callable[[str], Question | None]
    ) -> RetryOutcome:
        audio = attempt.audio_path
        if audio is None or not audio.is_file():
            error = f"the audio file is missing ({audio}); nothing to transcribe"
            self._failed(attempt.id, error)
            return RetryOutcome(attempt.id, Status.FAILED, error=error)
        question = question_of(attempt, lookup)
        try:
            _, done = settle(
                attempt.id,
                lambda: score(Path(audio), question=question),
                failed=self._failed,
                save=self._saver(None),
            )
        except NotScored as exc:
            return RetryOutcome(attempt.id, Status.FAILED, error=exc.error)
        return RetryOutcome(attempt.id, Status.SCORED, done.overall, done.flags)

    def _failed(self, attempt_id: int, error: str) -> None:
        with self._locked() as store:
            store.mark_failed(attempt_id, error)

    def _saver(self, now: datetime | None) -> Callable[[int, ScoredAnswer], Attempt]:
        def save(attempt_id: int, scored: ScoredAnswer) -> Attempt:
            with self._locked() as store:
                return practice.save_scored(
                    store, attempt_id, scored, now=now, config=self.config.practice
                )

        return save

    def _score_file(self, *, live: bool = False, pace: float = 1.0) -> ScoreFile:
        from mockint.pipeline import score_file

        def score(path: Path, *, question: Question | None = None) -> ScoredAnswer:
            return score_file(
                path,
                question=question,
                config=self.config,
                live=live,
                pace=pace,
                transcriber=self.transcriber,
            )

        return score

    def _lookup(self) -> Callable[[str], Question | None]:
        """Questions from the loaded banks; a bank that fails to load just means snapshots."""
        try:
            return self.catalog.get
        except MockintError:
            return lambda _id: None

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


def question_of(attempt: Attempt, lookup: Callable[[str], Question | None]) -> Question | None:
    """The attempt's question as the banks have it now, else as it was snapshotted."""
    if not attempt.question_id:
        return None
    current = lookup(attempt.question_id)
    if current is not None:
        return current
    try:
        kind = Kind(attempt.question_kind or "")
    except ValueError:
        kind = Kind.BEHAVIORAL
    return Question(
        id=attempt.question_id,
        text=attempt.question_text or attempt.question_id,
        kind=kind,
        bank=attempt.bank_id or "",
        target_seconds=DEFAULT_TARGET,
    )
