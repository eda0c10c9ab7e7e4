"""The answer flow, written once: :func:`settle`, and what it reports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from mockint.answer import ScoredAnswer
from mockint.errors import MockintError
from mockint.models import Kind, Question
from mockint.store import Attempt, Status

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
