"""The real :class:`~mockint.tui.services.Backend`: one :class:`~mockint.coach.Coach`.

Textual runs every worker in a new thread; the Coach serialises its store calls itself (its
store is opened shared), so workers call it directly and a transcription never holds the
database. Whatever the screens show is shaped here from the Coach's typed objects.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from mockint.config import Config
from mockint.errors import MockintError
from mockint.fmt import clip, count
from mockint.models import RATINGS, Question, Transcript
from mockint.scoring.result import ScoreReport
from mockint.tui.data import (
    AttemptDetail,
    AttemptRow,
    CatalogData,
    DebriefEntry,
    DebriefSaved,
    HomeData,
    PendingResult,
    ProgressData,
    ProgressPoint,
    SessionRecap,
)
from mockint.tui.feedback import FeedbackData
from mockint.tui.services import OnBlock, OnPending, OnPosition, OnUpdate, ScorePath, Services

if TYPE_CHECKING:
    from mockint.answer import ScoredAnswer
    from mockint.audio.recorder import Recorder
    from mockint.coach import Answered, Coach
    from mockint.coach.prepare import PreparedJob
    from mockint.practice.interview import InterviewSummary
    from mockint.speech.live import LiveTranscriber
    from mockint.speech.transcriber import Transcriber
    from mockint.store import Attempt


class RealBackend:
    """The screens' :class:`~mockint.tui.services.Backend` over one shared Coach."""

    def __init__(self, config: Config, coach: Coach | None = None) -> None:
        self.config = config
        self._coach = coach
        """Given by the command that opened it (shared), or opened here on first use."""
        self._lock = threading.Lock()

    @property
    def coach(self) -> Coach:
        """The Coach, its store opened by the first worker that needs it."""
        with self._lock:
            if self._coach is None:
                from mockint.coach import Coach

                self._coach = Coach.open(self.config, shared=True)
            return self._coach

    def close(self) -> None:
        with self._lock:
            if self._coach is not None:
                self._coach.close()

    # -- banks

    def catalog(self) -> CatalogData:
        raw = self.coach.catalog
        return CatalogData(tuple(raw.banks), tuple(raw.problems))

    # -- planning

    def home(self, now: datetime) -> HomeData:
        coach = self.coach
        plan = coach.plan_today(now)
        weak = coach.weak_questions(now)
        recent = coach.attempts(limit=30)
        scores = [a.overall for a in reversed(recent) if a.overall is not None and a.counted]
        waiting = {a.id for a in coach.pending()}
        recovered = sum(1 for a in coach.recovered() if a.id in waiting)
        streak = coach.streak(now)
        return HomeData(
            plan=plan.items,
            estimated_minutes=int(plan.estimated_minutes),
            streak_days=int(streak.current),
            streak_best=streak.best,
            streak_last_day=streak.last_day,
            weak=tuple(w for w in weak if w.question),
            recent_scores=tuple(scores[-20:]),
            attempts_total=coach.count_attempts(),
            pending=len(waiting),
            recovered=recovered,
        )

    def daily_questions(self, now: datetime) -> list[Question]:
        return [i.question for i in self.home(now).plan]

    def drill_questions(self, flag: str | None, now: datetime) -> list[Question]:
        return self.coach.drill_questions(flag, now)

    def job_questions(self, name: str) -> list[Question]:
        return self.coach.job_questions(name)

    def prepare_job(self, posting: str, interview: date | None) -> PreparedJob:
        from mockint.prep.posting import parse_posting

        parsed = parse_posting(posting)
        if not parsed.items:
            raise MockintError(
                "found no duties, skills or values: paste the whole posting, including its "
                "responsibilities and requirements"
            )
        return self.coach.prepare_job(parsed, interview=interview)

    def fields(self) -> list[str]:
        return self.coach.fields()

    def field(self) -> str:
        return self.coach.field()

    def set_field(self, field: str) -> None:
        self.coach.set_field(field)

    # -- sessions and answers

    def start_session(self, kind: str) -> int:
        return self.coach.start_session(kind)

    def end_session(self, session_id: int) -> None:
        self.coach.end_session(session_id)

    def session_summary(self, session_id: int, now: datetime) -> SessionRecap:
        raw = self.coach.session_summary(session_id, now)
        # The screen's headline and table give the average, each score, its change and
        # when it comes back; the notes add only what they cannot: why one is still weak.
        weak = tuple(
            f"Still weak: {clip(i.text, 60)}: {'; '.join(i.weak_reasons)}." for i in raw.still_weak
        )
        return SessionRecap(
            tuple((i.text, i.score, i.previous, i.comes_back) for i in raw.items), weak
        )

    def begin_answer(
        self, question: Question, session_id: int | None, follows: int | None = None
    ) -> tuple[int, Path]:
        attempt = self.coach.begin_answer(question, session_id, follows=follows)
        return attempt.id, Path(attempt.audio_path or "")

    def recording_failed(self, attempt_id: int, error: str) -> None:
        self.coach.recording_failed(attempt_id, error)

    def abandon_answer(self, attempt_id: int, duration_s: float) -> None:
        self.coach.abandon_answer(attempt_id, duration_s)

    def finish_answer(
        self,
        attempt_id: int,
        duration_s: float,
        transcribe: Callable[[], Transcript],
        question: Question,
        now: datetime,
    ) -> Answered:
        return self.coach.finish_answer(attempt_id, duration_s, transcribe, question, now=now)

    def score_file(
        self,
        question: Question,
        path: Path,
        session_id: int | None,
        score: ScorePath,
        now: datetime,
    ) -> Answered:
        return self.coach.score_file(
            path, question, save=True, session_id=session_id, score=score, now=now
        )

    def score_typed(
        self,
        question: Question,
        text: str,
        session_id: int | None,
        now: datetime,
        follows: int | None = None,
    ) -> Answered:
        return self.coach.score_typed(question, text, session_id, now=now, follows=follows)

    def discard(self, attempt_id: int, now: datetime) -> None:
        self.coach.discard(attempt_id, now=now)

    def scores_of(self, question_id: str) -> tuple[int, ...]:
        """The question's scores that count, oldest first (its trend)."""
        return tuple(self.coach.question_trend(question_id).scores)

    def score_pending(self, score: ScorePath, on_progress: OnPending | None) -> PendingResult:
        """Score the waiting answers as `mockint history --retry` does, in the caller's
        thread (the Coach holds the store only for its own calls, so the app's other reads
        are not stuck behind a transcription)."""

        def progress(index: int, total: int, attempt: Attempt, outcome: object) -> None:
            if outcome is None and on_progress:
                on_progress(index, total)

        outcomes = self.coach.retry_pending(progress=progress, score=score)
        return PendingResult(
            scored=tuple((o.attempt_id, o.overall) for o in outcomes if o.overall is not None),
            failed=tuple((o.attempt_id, o.error or "failed") for o in outcomes if o.error),
        )

    def rate(self, attempt_id: int, question_id: str, rating: str, now: datetime) -> None:
        self.coach.rate(attempt_id, rating, now=now)

    def set_weak(self, question_id: str, weak: bool) -> None:
        if weak:
            self.coach.flag_weak(question_id, "flagged in practice")
        else:
            self.coach.unflag_weak(question_id)

    def is_weak(self, question_id: str) -> bool:
        return self.coach.is_weak(question_id)

    # -- history and progress

    def attempts(self, limit: int | None = None) -> list[AttemptRow]:
        return [_row(a) for a in self.coach.attempts(limit=limit)]

    def attempt(self, attempt_id: int) -> AttemptDetail:
        a = self.coach.attempt(attempt_id)
        return AttemptDetail(_row(a), _result(a), a.error)

    def progress(self, now: datetime) -> ProgressData:
        points = []
        flags: Counter[str] = Counter()
        for a in self.coach.scored_attempts():
            metrics = ScoreReport.from_dict(a.report).metrics
            fillers = metrics.get("fillers") or {}
            points.append(
                ProgressPoint(
                    _local(a.created),
                    int(a.overall or 0),
                    fillers.get("per_minute"),
                    metrics.get("wpm"),
                    a.bank_id or "",
                    a.question_id or "",
                    a.question_text or "",
                )
            )
            flags.update(a.flags)
        return ProgressData(tuple(points), tuple(flags.most_common(6)))

    def save_debrief(self, entry: DebriefEntry, now: datetime) -> DebriefSaved:
        raw = self.coach.save_debrief(
            questions=list(entry.questions),
            struggled=list(entry.struggled),
            company=entry.company,
            role=entry.role,
            notes=entry.notes,
            interview_date=entry.interview_date,
            now=now,
            answers=list(entry.answers),
            interviewer=entry.interviewer,
        )
        linked = sum(1 for i in raw.items if i.linked)
        scored = [i.answer_score for i in raw.items if i.answer_score is not None]
        hard = [q for qid in raw.struggled_ids if (q := self.coach.catalog.get(qid))]
        message = (
            f"Saved: {count(len(raw.items), 'question')}, {linked} matched to your banks"
            + (f"; {count(len(scored), 'answer')} from the transcript scored" if scored else "")
            + (
                f"; {len(hard)} you struggled with are due now: practise them below, "
                "or first thing in your daily plan."
                if hard
                else "."
            )
            + f"\n\n{raw.follow_up}"
        )
        return DebriefSaved(message, tuple(raw.question_ids), tuple(hard))

    # -- a mock interview

    def interview_questions(self, count: int | None, bank: str | None) -> list[Question]:
        return self.coach.interview_questions(count, bank)

    def interview_summary(self, session_id: int) -> InterviewSummary:
        return self.coach.interview_summary(session_id)


# -- shaping other parts' objects


def _local(moment: datetime) -> datetime:
    """A stored UTC time in the user's time zone, without tzinfo (for display)."""
    return moment.astimezone().replace(tzinfo=None)


def _row(a: Attempt) -> AttemptRow:
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
        self_rating=RATINGS[a.self_rating - 1] if a.self_rating else None,
        audio_path=a.audio_path,
    )


def _result(a: Attempt) -> FeedbackData | None:
    """The stored attempt's feedback, from its typed report."""
    if not a.report:
        return None
    return FeedbackData.from_answer(
        a.words,
        ScoreReport.from_dict(a.report),
        duration_s=a.duration_s or 0.0,
        audio=str(a.audio_path) if a.audio_path else None,
        question_id=a.question_id,
    )


def real_services(config: Config, coach: Coach | None = None) -> Services:
    """The app's real parts, with the config the entry point loaded (and its Coach, opened
    with ``shared=True``, if it made one)."""
    return Services(
        config=config,
        backend=RealBackend(config, coach),
        make_recorder=lambda path, on_block: _real_recorder(config, path, on_block),
        make_transcriber=lambda: _real_transcriber(config),
        make_live=_real_live,
        score_file=lambda path, q, t: _real_score_file(path, q, t, config),
        play=lambda path, on_pos, stop, start: _real_play(config, path, on_pos, stop, start),
        audio_problem=lambda: _real_audio_problem(config),
    )


# The real parts, imported only when first used: importing faster-whisper or sounddevice
# costs more than the whole first screen.


def _real_recorder(config: Config, path: Path, on_block: OnBlock | None) -> Recorder:
    from mockint.audio.recorder import Recorder

    return Recorder.from_config(path, config.audio, on_block=on_block)


def _real_transcriber(config: Config) -> Transcriber:
    from mockint.speech.transcriber import Transcriber

    return Transcriber(config.speech)


def _real_live(transcriber: Transcriber, on_update: OnUpdate) -> LiveTranscriber:
    from mockint.speech.live import LiveTranscriber

    return LiveTranscriber(transcriber, on_update=on_update)


def _real_score_file(
    path: Path, question: Question | None, transcriber: Transcriber | None, config: Config
) -> ScoredAnswer:
    from mockint.pipeline import score_file

    return score_file(path, question=question, config=config, transcriber=transcriber)


def _real_play(
    config: Config, path: Path, on_position: OnPosition, stop: threading.Event, start_s: float
) -> None:
    from mockint.audio.player import play

    play(
        path,
        device=config.audio.output_device,
        on_position=on_position,
        stop_event=stop,
        start_s=start_s,
    )


def _real_audio_problem(config: Config) -> str | None:
    """Open the microphone once: it proves it works, and PortAudio's first stream in a
    process is slow to deliver audio (~2 s), so the first answer would wait for it."""
    from mockint.errors import MockintError

    try:
        from mockint.audio.devices import warm_up_input

        warm_up_input(config.audio.device)
    except MockintError as exc:
        return str(exc)
    except (ImportError, OSError) as exc:
        return f"audio is not available ({exc}); install PortAudio (libportaudio2)"
    return None
