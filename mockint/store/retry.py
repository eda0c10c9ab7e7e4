"""Score the attempts that are waiting: ``recorded`` ones and ``failed`` ones.

Each attempt goes through the same :func:`mockint.pipeline.score_file` as `mockint score`;
a failure is stored with the attempt (status ``failed``, the error) and the audio stays, so
a later retry can succeed. Nothing here deletes anything.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mockint.errors import MockintError
from mockint.models import Kind, Question
from mockint.store.attempts import Attempt, Status

if TYPE_CHECKING:
    from mockint.pipeline import ScoredAnswer
    from mockint.store.store import Store

ScoreFile = Callable[..., "ScoredAnswer"]
"""``score_file(audio_path, question=...) -> ScoredAnswer``."""

QuestionLookup = Callable[[str], Question | None]

DEFAULT_TARGET = (60, 120)
"""Answer length assumed for a question no loaded bank knows any more."""


@dataclass(frozen=True)
class RetryOutcome:
    attempt_id: int
    status: Status
    overall: int | None = None
    flags: tuple[str, ...] = ()
    error: str | None = None


Progress = Callable[[int, int, Attempt, RetryOutcome | None], None]
"""Called as ``(index, total, attempt, None)`` before each attempt, then with its outcome."""

SaveScored = Callable[[int, "ScoredAnswer"], Attempt]
"""``save(attempt_id, scored) -> Attempt``: keeps the result (default:
:func:`mockint.practice.save_scored`, which also schedules the question)."""


def retry_pending(
    store: Store,
    *,
    score: ScoreFile | None = None,
    lookup: QuestionLookup | None = None,
    progress: Progress | None = None,
    save: SaveScored | None = None,
) -> list[RetryOutcome]:
    """Transcribe and score every pending attempt, oldest first."""
    waiting = store.pending()
    if not waiting:
        return []
    score = score or _pipeline_score_file()
    lookup = lookup or catalog_lookup()
    if save is None:
        from mockint.practice import save_scored

        save = functools.partial(save_scored, store)
    outcomes: list[RetryOutcome] = []
    for index, attempt in enumerate(waiting, start=1):
        if progress:
            progress(index, len(waiting), attempt, None)
        outcome = _retry_one(store, attempt, score, lookup, save)
        outcomes.append(outcome)
        if progress:
            progress(index, len(waiting), attempt, outcome)
    return outcomes


def _retry_one(
    store: Store, attempt: Attempt, score: ScoreFile, lookup: QuestionLookup, save: SaveScored
) -> RetryOutcome:
    audio = attempt.audio_path
    if audio is None or not audio.is_file():
        return _failed(
            store, attempt, f"the audio file is missing ({audio}); nothing to transcribe"
        )
    try:
        scored = score(Path(audio), question=question_of(attempt, lookup))
    except KeyboardInterrupt:
        raise
    except MockintError as exc:
        return _failed(store, attempt, str(exc))
    except Exception as exc:  # whatever broke, the attempt and its audio must survive it
        return _failed(store, attempt, f"{type(exc).__name__}: {exc}")
    done = save(attempt.id, scored)
    return RetryOutcome(attempt.id, Status.SCORED, done.overall, done.flags)


def _failed(store: Store, attempt: Attempt, error: str) -> RetryOutcome:
    store.mark_failed(attempt.id, error)
    return RetryOutcome(attempt.id, Status.FAILED, error=error)


def question_of(attempt: Attempt, lookup: QuestionLookup) -> Question | None:
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


def catalog_lookup() -> QuestionLookup:
    """Questions from the loaded banks; a bank that fails to load just means snapshots."""
    from mockint.banks import load_catalog  # deferred: pydantic and YAML

    try:
        catalog = load_catalog()
    except MockintError:
        return lambda _id: None
    return catalog.get


def _pipeline_score_file() -> ScoreFile:
    """``mockint.pipeline.score_file`` sharing one loaded model across every attempt."""
    from mockint.config import load_config
    from mockint.pipeline import score_file
    from mockint.speech.transcriber import Transcriber

    config = load_config()
    # Loading the model costs more than scoring a short answer: load it once for all.
    return functools.partial(score_file, config=config, transcriber=Transcriber(config.speech))
