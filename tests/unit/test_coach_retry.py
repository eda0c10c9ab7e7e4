"""Coach.retry_pending with a fake scorer (the real model: tests/integration)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile

from mockint.banks import Catalog
from mockint.coach import Coach, RetryOutcome, question_of
from mockint.config import Config
from mockint.errors import MockintError
from mockint.models import Kind, Question, Transcript
from mockint.pipeline import ScoredAnswer
from mockint.scoring.result import ScoreReport
from mockint.store import Attempt, Status, Store

QUESTION = Question("beh-x", "Tell me about X.", Kind.BEHAVIORAL, "beh", (60, 120))


def _coach(store: Store) -> Coach:
    """A Coach whose banks know no question (each attempt's snapshot stands in)."""
    return Coach(store, Catalog(banks=()), Config())


def _wav(path: Path) -> Path:
    soundfile.write(path, np.zeros(1600, dtype="float32"), 16000)
    return path


class FakeScorer:
    """Scores 80, or raises what it is told to for one file name."""

    def __init__(self, failures: dict[str, Exception] | None = None) -> None:
        self.failures = failures or {}
        self.calls: list[tuple[Path, Question | None]] = []

    def __call__(self, path: Path, *, question: Question | None = None) -> ScoredAnswer:
        self.calls.append((path, question))
        if path.name in self.failures:
            raise self.failures[path.name]
        report = ScoreReport(metrics={}, overall=80, flags=["hedging"])
        return ScoredAnswer(str(path), Transcript.from_text("so I did it"), report, question)


@pytest.mark.parametrize(
    ("failure", "status", "error"),
    [
        (None, Status.SCORED, None),
        (MockintError("cannot read the audio"), Status.FAILED, "cannot read the audio"),
        (RuntimeError("model exploded"), Status.FAILED, "RuntimeError: model exploded"),
    ],
    ids=["scores", "user-error", "bug"],
)
def test_retry_outcomes(
    tmp_path: Path, failure: Exception | None, status: Status, error: str | None
) -> None:
    with Store.open() as store:
        attempt = store.add_recorded_attempt(QUESTION, _wav(tmp_path / "a.wav"))
        assert attempt.audio_path is not None
        scorer = FakeScorer({attempt.audio_path.name: failure} if failure else {})
        outcomes = _coach(store).retry_pending(score=scorer)
        assert outcomes == [
            RetryOutcome(
                attempt.id,
                status,
                80 if failure is None else None,
                ("hedging",) if failure is None else (),
                error,
            )
        ]
        after = store.get(attempt.id)
        assert after.status is status
        assert after.error == error
        assert after.audio_path is not None and after.audio_path.is_file()  # never lost


def test_retry_goes_oldest_first_and_reports_progress(tmp_path: Path) -> None:
    events: list[tuple[int, int, int, bool]] = []

    def progress(i: int, n: int, attempt: Attempt, outcome: RetryOutcome | None) -> None:
        events.append((i, n, attempt.id, outcome is not None))

    with Store.open() as store:
        first = store.add_recorded_attempt(QUESTION, _wav(tmp_path / "a.wav"))
        second = store.add_recorded_attempt(None, _wav(tmp_path / "b.wav"))
        store.mark_failed(second.id, "earlier failure")
        scored = store.add_recorded_attempt(QUESTION, _wav(tmp_path / "c.wav"))
        store.mark_scored(scored.id, FakeScorer()(tmp_path / "c.wav"))
        _coach(store).retry_pending(score=FakeScorer(), progress=progress)
        assert events == [
            (1, 2, first.id, False),
            (1, 2, first.id, True),
            (2, 2, second.id, False),
            (2, 2, second.id, True),
        ]
        assert store.pending() == []


def test_missing_audio_is_reported_not_crashed(tmp_path: Path) -> None:
    with Store.open() as store:
        attempt = store.begin_attempt(QUESTION)  # a typed answer: never any audio
        store.finish_recording(attempt.id, 0.0)
        scorer = FakeScorer()
        [outcome] = _coach(store).retry_pending(score=scorer)
        assert outcome.status is Status.FAILED and "missing" in (outcome.error or "")
        assert scorer.calls == []


def test_nothing_pending_needs_no_scorer() -> None:
    with Store.open() as store:
        assert _coach(store).retry_pending() == []


@pytest.mark.parametrize(
    ("lookup_result", "kind", "expected_text"),
    [
        (QUESTION, "behavioral", "Tell me about X."),  # the bank's current question
        (None, "personal", "Old text"),  # gone from the banks: rebuilt from the snapshot
        (None, "bogus", "Old text"),
    ],
)
def test_question_of(lookup_result: Question | None, kind: str, expected_text: str) -> None:
    attempt = Attempt(
        id=1,
        status=Status.RECORDED,
        created_at="2024-01-01T00:00:00+00:00",
        question_id="beh-x",
        question_text="Old text",
        question_kind=kind,
        bank_id="beh",
    )
    found: Any = question_of(attempt, lambda _id: lookup_result)
    assert found.id == "beh-x" and found.text == expected_text
    if lookup_result is None:
        assert found.kind == (Kind.PERSONAL if kind == "personal" else Kind.BEHAVIORAL)


def test_question_of_a_free_answer() -> None:
    attempt = Attempt(id=1, status=Status.RECORDED, created_at="2024-01-01T00:00:00+00:00")
    assert question_of(attempt, lambda _id: QUESTION) is None
