"""The app's services: everything it needs from the rest of mockint, injectable.

:class:`Services` bundles them; :func:`mockint.tui.backend.real_services` wires the real
parts (lazily: nothing heavy is imported until a worker first needs it, so the first screen
is instant): the recorder, the model and the live transcriber are mockint's own classes, and
the backend runs on a :class:`~mockint.coach.Coach`. Tests pass fakes in their place.

Every method here may block: the app only calls them from thread workers.
"""

from __future__ import annotations

import shutil
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from mockint.config import Config
from mockint.models import Question, Transcript
from mockint.tui.data import (
    AttemptDetail,
    AttemptRow,
    CatalogData,
    DebriefEntry,
    DebriefSaved,
    HomeData,
    PendingResult,
    ProgressData,
    SessionRecap,
)

if TYPE_CHECKING:
    from mockint.answer import ScoredAnswer
    from mockint.audio.recorder import Recorder
    from mockint.coach import Answered
    from mockint.coach.prepare import PreparedJob
    from mockint.practice.interview import InterviewSummary
    from mockint.speech.live import LiveTranscriber, LiveUpdate
    from mockint.speech.transcriber import Transcriber

OnBlock = Callable[[Any], None]
"""Receives each recorded block: a 16 kHz mono float32 numpy array (from a writer thread)."""
OnUpdate = Callable[["LiveUpdate"], None]
"""Receives live transcription updates (from a worker thread)."""
OnPosition = Callable[[float], None]
"""Receives the playback position in seconds."""

ScorePath = Callable[..., "ScoredAnswer"]
"""``score(audio_path, question=...) -> ScoredAnswer``: transcribe and score one file."""
OnPending = Callable[[int, int], None]
"""Receives ``(index, total)`` before each waiting answer is scored."""


class Backend(Protocol):
    """Banks, history and planning, shaped for the screens (see :mod:`mockint.tui.data`)."""

    def catalog(self) -> CatalogData: ...
    def home(self, now: datetime) -> HomeData: ...
    def daily_questions(self, now: datetime) -> list[Question]: ...
    def drill_questions(self, flag: str | None, now: datetime) -> list[Question]: ...
    def job_questions(self, name: str) -> list[Question]: ...
    def prepare_job(self, posting: str, interview: date | None) -> PreparedJob: ...
    def fields(self) -> list[str]: ...
    def field(self) -> str: ...
    def set_field(self, field: str) -> None: ...
    def start_session(self, kind: str) -> int: ...
    def end_session(self, session_id: int) -> None: ...
    def session_summary(self, session_id: int, now: datetime) -> SessionRecap: ...
    # One answer: the Coach's calls of the same names (mockint.coach).
    def begin_answer(
        self, question: Question, session_id: int | None, follows: int | None = None
    ) -> tuple[int, Path]: ...
    def recording_failed(self, attempt_id: int, error: str) -> None: ...
    def abandon_answer(self, attempt_id: int, duration_s: float) -> None: ...
    def finish_answer(
        self,
        attempt_id: int,
        duration_s: float,
        transcribe: Callable[[], Transcript],
        question: Question,
        now: datetime,
    ) -> Answered: ...
    def score_file(
        self,
        question: Question,
        path: Path,
        session_id: int | None,
        score: ScorePath,
        now: datetime,
    ) -> Answered: ...
    def score_typed(
        self,
        question: Question,
        text: str,
        session_id: int | None,
        now: datetime,
        follows: int | None = None,
    ) -> Answered: ...
    def discard(self, attempt_id: int, now: datetime) -> None: ...
    def scores_of(self, question_id: str) -> tuple[int, ...]: ...
    def score_pending(self, score: ScorePath, on_progress: OnPending | None) -> PendingResult: ...
    def rate(self, attempt_id: int, question_id: str, rating: str, now: datetime) -> None: ...
    def set_weak(self, question_id: str, weak: bool) -> None: ...
    def is_weak(self, question_id: str) -> bool: ...
    def attempts(self, limit: int | None = None) -> list[AttemptRow]: ...
    def attempt(self, attempt_id: int) -> AttemptDetail: ...
    def progress(self, now: datetime) -> ProgressData: ...
    def save_debrief(self, entry: DebriefEntry, now: datetime) -> DebriefSaved: ...
    # A mock interview: the Coach's calls of the same names.
    def interview_questions(self, count: int | None, bank: str | None) -> list[Question]: ...
    def interview_summary(self, session_id: int) -> InterviewSummary: ...
    def close(self) -> None: ...


@dataclass
class Services:
    """What the app runs on. Build with :meth:`real`, or pass fakes in tests."""

    config: Config
    backend: Backend
    make_recorder: Callable[[Path, OnBlock | None], Recorder]
    make_transcriber: Callable[[], Transcriber]
    make_live: Callable[[Transcriber, OnUpdate], LiveTranscriber]
    score_file: Callable[[Path, Question | None, Transcriber | None], ScoredAnswer]
    """Transcribe and score a file; given the app's warm transcriber when it has one."""
    play: Callable[[Path, OnPosition, threading.Event, float], None]
    """``play(path, on_position, stop, start_s)``: play from ``start_s`` seconds, blocking."""
    audio_problem: Callable[[], str | None]
    """Why recording cannot work here (no PortAudio, no microphone), or None."""
    speak: Callable[[str], None] = field(default_factory=lambda: speak_with_espeak)
    now: Callable[[], datetime] = datetime.now


def speak_with_espeak(text: str) -> None:
    """Read ``text`` aloud with espeak-ng (blocks until done; silently skips if absent)."""
    exe = shutil.which("espeak-ng") or shutil.which("espeak")
    if exe:
        subprocess.run([exe, "-s", "165", text], check=False, capture_output=True)
