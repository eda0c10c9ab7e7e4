"""Fake services for the app: deterministic data, a frozen clock, no audio, no model.

The fake recorder writes nothing and reports a fixed level; the fake live transcriber turns
whatever it was fed into a fixed transcript. Scoring is the real, pure scoring engine (it is
fast and deterministic), so the feedback shown is what users would see for that text.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from mockint.coach import Answered, NotScored, settle
from mockint.coach.prepare import PreparedJob
from mockint.config import Config
from mockint.errors import MockintError
from mockint.models import Bank, Kind, Question, Transcript
from mockint.practice.interview import InterviewSummary
from mockint.practice.jobs import Job
from mockint.practice.plan import PlanItem
from mockint.speech.live import LiveUpdate
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
from mockint.tui.services import OnBlock, OnPosition, OnUpdate, Services

NOW = datetime(2025, 3, 14, 9, 30)

ANSWER = (
    "Um, so at my last job two engineers disagreed about a release. My task was to get "
    "us shipping again. I think I, uh, set up a meeting and I wrote down both plans. "
    "As a result we shipped a week early and cut bugs by thirty percent."
)


def q(qid: str, text: str, kind: Kind = Kind.BEHAVIORAL, bank: str = "behavioral") -> Question:
    return Question(
        id=qid,
        text=text,
        kind=kind,
        bank=bank,
        target_seconds=(60, 120),
        tips=("Use STAR: situation, task, action, result.", "End with a number."),
        key_points=("the conflict", "your action", "the outcome"),
    )


OUTLINE = "Situation: <the disagreement>. Action: <what you did>. Result: <a number>."

QUESTIONS = (
    replace(
        q("beh-conflict", "Tell me about a time you disagreed with a coworker."),
        example_outline=OUTLINE,
        follow_ups=("What would you do differently?",),
    ),
    q("beh-failure", "Tell me about a time you failed."),
    q("beh-lead", "Describe a time you led without authority."),
)
PERSONAL = (
    q("me-intro", "Tell me about yourself.", Kind.PERSONAL, "basics"),
    q("me-why", "Why do you want this job?", Kind.PERSONAL, "basics"),
)
BANKS = (
    Bank("behavioral", "Behavioral", "STAR stories", QUESTIONS, "behavioral.yaml"),
    Bank("basics", "The basics", "About you", PERSONAL, "basics.yaml", user=True),
)


@dataclass
class FakeRecording:
    path: Path
    duration_s: float


class FakeRecorder:
    """Pretends to record: elapsed time advances per poll; blocks go to ``on_block``."""

    def __init__(self, path: Path, on_block: OnBlock | None, fail: str | None = None) -> None:
        self.path = path
        self.on_block = on_block
        self.fail = fail
        self.started = False
        self.stopped = False
        self.problem: str | None = None
        """Set by a test: the recorder stopped by itself (a full disk)."""

    def start(self) -> None:
        from mockint.errors import MockintError

        if self.fail:
            raise MockintError(self.fail)
        self.started = True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_bytes(b"RIFF fake")
        if self.on_block:
            self.on_block([0.0] * 160)

    def stop(self) -> FakeRecording:
        from mockint.errors import MockintError

        self.stopped = True
        if self.problem:
            raise MockintError(self.problem)
        return FakeRecording(self.path, 75.0)

    @property
    def elapsed_s(self) -> float:
        return 75.0

    @property
    def level_dbfs(self) -> float:
        return -20.0


class FakeTranscriber:
    def __init__(self) -> None:
        self.warmed = False

    def warm_up(self) -> None:
        self.warmed = True


class FakeLive:
    def __init__(self, text: str, on_update: OnUpdate) -> None:
        self.text = text
        self.on_update = on_update
        self.fed = 0

    def feed(self, samples: Any) -> None:
        self.fed += 1
        words = Transcript.from_text(self.text[:40]).words
        self.on_update(LiveUpdate(words, words, 0.0, 0.0))

    def finish(self) -> Transcript:
        t = Transcript.from_text(self.text, wpm=140)
        return replace(t, duration_s=75.0)

    def cancel(self) -> None:
        pass


@dataclass
class FakeBackend:
    """In-memory history and planning, with fixed data for the screens."""

    home_data: HomeData | None = None
    catalog_data: CatalogData = field(default_factory=lambda: CatalogData(BANKS))
    rows: list[AttemptRow] = field(default_factory=list)
    results: dict[int, Any] = field(default_factory=dict)
    """The ScoredAnswer of each attempt scored."""
    root: Path = Path("/tmp")
    ratings: list[tuple[int, str]] = field(default_factory=list)
    weak_ids: set[str] = field(default_factory=set)
    debriefs: list[DebriefEntry] = field(default_factory=list)
    sessions: int = 0
    failed: dict[int, str] = field(default_factory=dict)
    recovered_ids: set[int] = field(default_factory=set)
    follows: dict[int, int] = field(default_factory=dict)
    """Follow-up attempt → the attempt it follows (they never count)."""
    discarded: list[int] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    jobs_made: list[Job] = field(default_factory=list)
    user_field: str = "general"

    def catalog(self) -> CatalogData:
        return self.catalog_data

    def home(self, now: datetime) -> HomeData:
        if self.home_data is not None:
            return self.home_data
        plan = tuple(PlanItem(x, "new", "", 2.0) for x in QUESTIONS[:2])
        scores = tuple(r.overall for r in self.rows if r.overall is not None)
        waiting = {r.id for r in self._pending()}
        recovered = len(waiting & self.recovered_ids)
        return HomeData(plan, 5, 0, (), scores, len(self.rows), len(waiting), recovered)

    def _pending(self) -> list[AttemptRow]:
        return [r for r in self.rows if r.status in ("recorded", "failed") and r.audio_path]

    def add_recovered(self, question: Question) -> int:
        """An answer recorded before a crash, recovered at start-up (status 'recorded')."""
        attempt_id, path = self._add(question, "recorded")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"RIFF fake")
        self.recovered_ids.add(attempt_id)
        return attempt_id

    def score_pending(self, score: Any, on_progress: Any) -> PendingResult:
        waiting = self._pending()
        scored, failed = [], []
        for index, row in enumerate(waiting, start=1):
            if on_progress:
                on_progress(index, len(waiting))
            question = self.catalog_data.question(row.question_id)
            assert question is not None
            try:
                result, _ = settle(
                    row.id,
                    partial(score, row.audio_path, question=question),
                    failed=self.mark_failed,
                    save=partial(self._save_at, question=question, now=row.created_at),
                )
            except NotScored as exc:
                failed.append((row.id, exc.error))
                continue
            scored.append((row.id, int(result.report.overall)))
        return PendingResult(tuple(scored), tuple(failed))

    def daily_questions(self, now: datetime) -> list[Question]:
        return [i.question for i in self.home(now).plan]

    def drill_questions(self, flag: str | None, now: datetime) -> list[Question]:
        return [x for x in self.catalog_data.questions() if x.id in self.weak_ids]

    def job_questions(self, name: str) -> list[Question]:
        del name
        return list(self.catalog_data.questions())[:2]

    def prepare_job(self, posting: str, interview: date | None) -> PreparedJob:
        from mockint.clock import utc
        from mockint.prep.jobset import build_set
        from mockint.prep.posting import parse_posting

        parsed = parse_posting(posting)
        practice = build_set(parsed, self.catalog_data.banks, bank_id="job-test")
        ids = tuple(p.question.id for p in practice.questions)
        job = Job("job-test", parsed.role, parsed.company, practice.field, ids, interview, utc())
        self.jobs_made.append(job)
        return PreparedJob(practice, job, None)

    def fields(self) -> list[str]:
        return ["general", "healthcare", "education"]

    def field(self) -> str:
        return self.user_field

    def set_field(self, field: str) -> None:
        self.user_field = field

    def start_session(self, kind: str) -> int:
        self.sessions += 1
        return self.sessions

    def end_session(self, session_id: int) -> None:
        pass

    def session_summary(self, session_id: int, now: datetime) -> SessionRecap:
        lines = tuple(
            (r.question_text, r.overall, 48, "Tue 18 Mar") for r in self.rows if r.overall
        )
        return SessionRecap(lines, ("Fillers fell from 6 to 3 per minute.",))

    def _add(self, question: Question, status: str) -> tuple[int, Path]:
        with self.lock:
            attempt_id = len(self.rows) + 1
            path = self.root / "recordings" / f"{attempt_id}.wav"
            self.rows.append(
                AttemptRow(
                    attempt_id,
                    question.id,
                    question.text,
                    question.bank,
                    NOW + timedelta(minutes=attempt_id),
                    status,
                    None,
                    None,
                    audio_path=path,
                )
            )
        return attempt_id, path

    def begin_answer(
        self, question: Question, session_id: int | None, follows: int | None = None
    ) -> tuple[int, Path]:
        attempt_id, path = self._add(question, "recording")
        if follows is not None:
            self.follows[attempt_id] = follows
        return attempt_id, path

    def recording_failed(self, attempt_id: int, error: str) -> None:
        self.mark_failed(attempt_id, error)

    def abandon_answer(self, attempt_id: int, duration_s: float) -> None:
        self._update(attempt_id, status="recorded", duration_s=duration_s)

    def finish_answer(
        self,
        attempt_id: int,
        duration_s: float,
        transcribe: Callable[[], Transcript],
        question: Question,
        now: datetime,
    ) -> Answered:
        self.abandon_answer(attempt_id, duration_s)
        path = self.rows[attempt_id - 1].audio_path
        try:
            scored, _ = settle(
                attempt_id,
                lambda: fake_score(transcribe(), question),
                failed=self.mark_failed,
                save=lambda i, s: self.save_scored(i, question, s, now),
            )
        except NotScored as exc:
            raise MockintError(f"{exc.error}; your recording is kept at {path}") from exc
        return Answered(scored, attempt_id, path)

    def score_file(
        self, question: Question, path: Path, session_id: int | None, score: Any, now: datetime
    ) -> Answered:
        attempt_id, stored = self._add(question, "recorded")
        scored, _ = settle(
            attempt_id,
            lambda: score(stored, question=question),
            failed=self.mark_failed,
            save=lambda i, s: self.save_scored(i, question, s, now),
        )
        return Answered(scored, attempt_id, stored)

    def score_typed(
        self,
        question: Question,
        text: str,
        session_id: int | None,
        now: datetime,
        follows: int | None = None,
    ) -> Answered:
        scored = fake_score(Transcript.from_text(text), question)
        attempt_id = self.add_typed_attempt(question, session_id)
        if follows is not None:
            self.follows[attempt_id] = follows
        self.save_scored(attempt_id, question, scored, now)
        return Answered(scored, attempt_id)

    def add_typed_attempt(self, question: Question, session_id: int | None) -> int:
        attempt_id = self._add(question, "recorded")[0]
        self._update(attempt_id, audio_path=None)  # a typed answer has no audio
        return attempt_id

    def _save_at(self, attempt_id: int, scored: Any, *, question: Question, now: datetime) -> None:
        self.save_scored(attempt_id, question, scored, now)

    def save_scored(self, attempt_id: int, question: Question, scored: Any, now: datetime) -> None:
        self.results[attempt_id] = scored
        report = scored.report
        typed = self.rows[attempt_id - 1].audio_path is None  # no audio: no length stored
        self._update(
            attempt_id,
            status="scored",
            overall=report.overall,
            flags=tuple(report.flags),
            duration_s=None if typed else scored.transcript.duration_s,
        )

    def mark_failed(self, attempt_id: int, error: str) -> None:
        self.failed[attempt_id] = error
        self._update(attempt_id, status="failed")

    def _update(self, attempt_id: int, **changes: Any) -> None:
        with self.lock:
            i = attempt_id - 1
            self.rows[i] = replace(self.rows[i], **changes)

    def discard(self, attempt_id: int, now: datetime) -> None:
        self.discarded.append(attempt_id)
        self._update(attempt_id, status="discarded", overall=None)

    def scores_of(self, question_id: str) -> tuple[int, ...]:
        return tuple(
            r.overall
            for r in self.rows
            if r.question_id == question_id and r.overall is not None and r.id not in self.follows
        )

    def rate(self, attempt_id: int, question_id: str, rating: str, now: datetime) -> None:
        self.ratings.append((attempt_id, rating))

    def set_weak(self, question_id: str, weak: bool) -> None:
        (self.weak_ids.add if weak else self.weak_ids.discard)(question_id)

    def is_weak(self, question_id: str) -> bool:
        return question_id in self.weak_ids

    def attempts(self, limit: int | None = None) -> list[AttemptRow]:
        kept = [r for r in self.rows if r.status != "discarded"]
        rows = sorted(kept, key=lambda r: r.created_at, reverse=True)
        return rows[:limit] if limit else rows

    def attempt(self, attempt_id: int) -> AttemptDetail:
        row = self.rows[attempt_id - 1]
        scored = self.results.get(attempt_id)
        feedback = FeedbackData.from_scored(scored) if scored else None
        return AttemptDetail(row, feedback, self.failed.get(attempt_id))

    def progress(self, now: datetime) -> ProgressData:
        points = []
        for row in sorted(self.rows, key=lambda r: r.created_at):
            if row.overall is None:
                continue
            scored = self.results.get(row.id)
            metrics = scored.report.metrics if scored else {}
            points.append(
                ProgressPoint(
                    row.created_at,
                    row.overall,
                    (metrics.get("fillers") or {}).get("per_minute"),
                    metrics.get("wpm"),
                    row.bank,
                    row.question_id,
                    row.question_text,
                )
            )
        return ProgressData(tuple(points), (("missing_result", 3), ("filler_heavy", 2)))

    def save_debrief(self, entry: DebriefEntry, now: datetime) -> DebriefSaved:
        self.debriefs.append(entry)
        hard = tuple(q(f"debrief-{n}", text) for n, text in enumerate(entry.struggled, 1))
        return DebriefSaved(f"Saved {len(entry.questions)}.\n\nHi [name],", struggled=hard)

    def interview_questions(self, count: int | None, bank: str | None) -> list[Question]:
        from mockint.practice.interview import interview_questions

        return interview_questions(
            self.catalog_data.questions(), count=count or 3, bank=bank, seed=1
        )

    def interview_summary(self, session_id: int) -> InterviewSummary:
        """Every answer given counts as this session's (the fake keeps no sessions)."""
        from mockint.practice.interview import InterviewAnswer, summarize

        return summarize(
            [
                InterviewAnswer(r.question_id, r.question_text, r.overall, r.flags, r.id)
                for r in self.rows
            ]
        )

    def close(self) -> None:
        pass


def fake_score(transcript: Transcript, question: Question | None) -> Any:
    from mockint.pipeline import ScoredAnswer
    from mockint.scoring import score_answer

    report = score_answer(transcript, question)
    return ScoredAnswer(audio="", transcript=transcript, report=report, question=question)


def make_services(
    tmp: Path,
    *,
    backend: FakeBackend | None = None,
    audio_problem: str | None = None,
    recorder_fail: str | None = None,
    answer: str = ANSWER,
    prep_seconds: int = 0,
) -> Services:
    config = Config()
    config.ui.prep_seconds = prep_seconds
    backend = backend or FakeBackend(root=tmp)
    played: list[Path] = []

    def play(path: Path, on_position: OnPosition, stop: Any, start_s: float = 0.0) -> None:
        played.append(path)
        services.starts.append(start_s)  # type: ignore[attr-defined]
        for pos in (0.1, 1.0, 2.0):
            on_position(pos)

    def score_file(path: Path, question: Question | None, transcriber: Any) -> Any:
        scored = fake_score(Transcript.from_text(answer, wpm=140), question)
        scored.audio = str(path)
        return scored

    services = Services(
        config=config,
        backend=backend,
        make_recorder=lambda path, on_block: FakeRecorder(path, on_block, recorder_fail),
        make_transcriber=FakeTranscriber,
        make_live=lambda transcriber, on_update: FakeLive(answer, on_update),
        score_file=score_file,
        play=play,
        audio_problem=lambda: audio_problem,
        speak=lambda text: None,
        now=lambda: NOW,
    )
    services.played = played  # type: ignore[attr-defined]
    services.starts = []  # type: ignore[attr-defined]
    return services


def seeded_backend(tmp: Path, count: int = 4) -> FakeBackend:
    """A backend with ``count`` scored attempts of varying quality (history, progress)."""
    backend = FakeBackend(root=tmp)
    answers = [
        ANSWER,
        "So I, um, like, basically helped. We did stuff and it was fine I guess.",
        ANSWER.replace("Um, so", "So").replace("uh, ", ""),
        "At my last job I led the migration. I planned it. Errors fell by forty percent.",
    ]
    for i in range(count):
        question = QUESTIONS[i % 2]
        attempt_id, _ = backend.begin_answer(question, None)
        transcript = Transcript.from_text(answers[i % len(answers)], wpm=130 + 10 * i)
        backend.save_scored(attempt_id, question, fake_score(transcript, question), NOW)
        # A few days apart, the last one this morning (progress charts are by date).
        when = NOW - timedelta(days=2 * (count - 1 - i), minutes=30 - 5 * i)
        backend.rows[attempt_id - 1] = replace(backend.rows[attempt_id - 1], created_at=when)
    return backend
