"""Messages that thread workers post back to the UI (the only way they talk to it)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from mockint.models import Question
from mockint.tui.data import (
    AttemptDetail,
    AttemptRow,
    CatalogData,
    HomeData,
    PendingResult,
    ProgressData,
    SessionRecap,
)
from mockint.tui.feedback import FeedbackData


@dataclass
class ModelReady(Message):
    """The speech model finished loading (or failed: ``error``)."""

    error: str | None = None


@dataclass
class AudioChecked(Message):
    """Whether recording can work here; ``problem`` says why not."""

    problem: str | None


@dataclass
class HomeLoaded(Message):
    data: HomeData


@dataclass
class HomeShown(Message):
    """The home screen shows its data (to the app: it greets a first-time user)."""

    data: HomeData


@dataclass
class StartPractice(Message):
    """Open practice (to the app): over ``questions``, or over those ``kind`` picks."""

    kind: str
    questions: list[Question] | None = None


@dataclass
class CatalogLoaded(Message):
    catalog: CatalogData


@dataclass
class LoadFailed(Message):
    """Loading data for a screen failed with a message for the user."""

    error: str


@dataclass
class RecordingStarted(Message):
    attempt_id: int


@dataclass
class LiveText(Message):
    """The live transcript so far."""

    text: str


@dataclass
class AnswerScored(Message):
    attempt_id: int
    feedback: FeedbackData
    audio_path: str | None
    before: tuple[int, ...] = ()
    """The question's scores that count, oldest first, from before this answer."""
    counted: bool = True
    """Whether this answer counts (not silent, not a follow-up)."""


@dataclass
class AnswerFailed(Message):
    """Recording or scoring failed (the error says where the recording is kept)."""

    error: str
    recording_possible: bool = True


@dataclass
class PlaybackPosition(Message):
    """Replay reached ``position_s``; None when it ended."""

    position_s: float | None


@dataclass
class SpeakingDone(Message):
    """Read-aloud finished speaking the question (recording may start now)."""


@dataclass
class SessionEnded(Message):
    summary: SessionRecap


@dataclass
class AttemptsLoaded(Message):
    rows: list[AttemptRow]


@dataclass
class AttemptLoaded(Message):
    detail: AttemptDetail
    weak: bool = False
    """Whether the attempt's question is flagged weak now."""


@dataclass
class ProgressLoaded(Message):
    data: ProgressData


@dataclass
class PendingProgress(Message):
    """Scoring waiting answers: answer ``index`` of ``total`` is being transcribed."""

    index: int
    total: int


@dataclass
class PendingScored(Message):
    """Scoring the waiting answers ended: ``result``, or ``error`` when it could not start."""

    result: PendingResult | None
    error: str | None = None


@dataclass
class Notice(Message):
    """A short message for the user (saved, flagged, …)."""

    text: str
    severity: str = "information"
