"""coach.settle: the answer flow once its audio is stored, written once for every front end."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile

from mockint.banks import Catalog
from mockint.coach import Coach, NotScored, settle
from mockint.config import Config
from mockint.errors import MockintError
from mockint.models import Kind, Question, Transcript
from mockint.pipeline import ScoredAnswer
from mockint.scoring.result import ScoreReport
from mockint.store import Status, Store

QUESTION = Question("beh-x", "Tell me about X.", Kind.BEHAVIORAL, "beh", (60, 120))


def _scored() -> ScoredAnswer:
    report = ScoreReport(metrics={}, overall=80, flags=["hedging"])
    return ScoredAnswer("a.wav", Transcript.from_text("so I did it"), report, QUESTION)


@pytest.mark.parametrize(
    ("failure", "error"),
    [
        (None, None),
        (MockintError("cannot read the audio"), "cannot read the audio"),
        (RuntimeError("model exploded"), "RuntimeError: model exploded"),
    ],
    ids=["scores", "user-error", "bug"],
)
def test_settle(failure: Exception | None, error: str | None) -> None:
    failed: list[tuple[int, str]] = []
    saved: list[int] = []

    def score() -> ScoredAnswer:
        if failure is not None:
            raise failure
        return _scored()

    def save(attempt_id: int, scored: ScoredAnswer) -> str:
        saved.append(attempt_id)
        return "kept"

    if error is None:
        scored, kept = settle(7, score, failed=lambda i, e: failed.append((i, e)), save=save)
        assert (scored.report.overall, kept, saved, failed) == (80, "kept", [7], [])
    else:
        with pytest.raises(NotScored) as raised:
            settle(7, score, failed=lambda i, e: failed.append((i, e)), save=save)
        assert (raised.value.error, saved, failed) == (error, [], [(7, error)])


def test_a_saved_file_that_fails_to_score_stays_failed_with_its_audio(tmp_path: Path) -> None:
    audio = tmp_path / "a.wav"
    soundfile.write(audio, np.zeros(1600, dtype="float32"), 16000)

    def broken(path: Path, *, question: Question | None = None) -> ScoredAnswer:
        raise MockintError("the model is not available")

    with Store.open() as store:
        coach = Coach(store, Catalog(banks=()), Config())
        with pytest.raises(MockintError, match="the model is not available"):
            coach.score_file(audio, QUESTION, save=True, score=broken)
        (attempt,) = store.list_attempts()
        assert attempt.status is Status.FAILED and attempt.error == "the model is not available"
        assert attempt.audio_path is not None and attempt.audio_path.is_file()
        assert [a.id for a in store.pending()] == [attempt.id]  # a retry will score it
