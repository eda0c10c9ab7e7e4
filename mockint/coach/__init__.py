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

import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from mockint import practice
from mockint.answer import ScoredAnswer
from mockint.coach.files import refusing_text
from mockint.coach.flow import (
    DEFAULT_TARGET,
    Answered,
    NotScored,
    Progress,
    RetryOutcome,
    ScoreFile,
    failure_text,
    question_of,
    settle,
)
from mockint.coach.records import Records
from mockint.errors import MockintError
from mockint.models import Question, Transcript
from mockint.store import Attempt, Status

__all__ = [
    "DEFAULT_TARGET",
    "Answered",
    "Coach",
    "NotScored",
    "Progress",
    "RetryOutcome",
    "ScoreFile",
    "failure_text",
    "question_of",
    "settle",
]


class Coach(Records):
    """What a user does with mockint, over the store, the banks, the config and the model.

    ``store``, ``catalog`` and ``transcriber`` may be given as factories: each is made on first
    use (the database file, the banks' YAML and pydantic, the model), so a command that needs
    one of them never pays for the others (`mockint score` without ``--save`` opens no
    database). Practice and history calls: :class:`~mockint.coach.records.Records`.
    """

    # -- one answer

    def begin_answer(
        self, question: Question, session_id: int | None = None, *, follows: int | None = None
    ) -> Attempt:
        """A new attempt, ``recording``: the recorder writes ``attempt.audio_path``.
        ``follows``: the attempt whose follow-up question this answers (see
        :meth:`follow_up_of`); a follow-up is kept and scored, but never counts."""
        with self._locked() as store:
            return store.begin_attempt(question, session_id, follows=follows)

    def recording_failed(self, attempt_id: int, error: str) -> None:
        """The recorder could not start: the attempt is kept, ``failed``."""
        with self._locked() as store:
            store.mark_failed(attempt_id, error)

    def abandon_answer(self, attempt_id: int, duration_s: float | None) -> None:
        """Stopped without scoring (the user left): the audio and the attempt stay,
        ``recorded``, for a later retry, but the take never counts as practice."""
        with self._locked() as store:
            store.finish_recording(attempt_id, duration_s, counted=False)

    def discard(self, attempt_id: int, *, now: datetime | None = None) -> None:
        """Throw a take away, leaving nothing behind: the attempt, its audio, its review;
        its question is scheduled as if it had never been given."""
        with self._locked() as store:
            practice.discard_answer(store, attempt_id, now=now, config=self.config.practice)

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
        with refusing_text(path):
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
        follows: int | None = None,
    ) -> Answered:
        """Score a typed answer (no microphone) and keep it as an attempt without audio.
        Nothing is at risk before it is scored, so it is stored after."""
        from mockint.scoring.typed import typed_transcript  # no timings: no pace made up

        scored = self.score_transcript(typed_transcript(text), question)
        with self._locked() as store:
            attempt = store.add_typed_attempt(question, session_id=session_id, follows=follows)
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
