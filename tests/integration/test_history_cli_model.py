"""The real model end to end: `score --save` keeps an attempt, `history --retry` scores one.

Uses the espeak-ng fixtures under tests/fixtures/speech (a few seconds of audio each).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from mockint import paths
from mockint.cli import main
from mockint.models import Kind, Question
from mockint.store import Status, Store
from mockint.store.db import one

SPEECH = Path(__file__).resolve().parents[1] / "fixtures" / "speech"
PHRASE = SPEECH / "phrase.flac"  # "I enjoy solving hard problems with my team."
QUESTION = Question("per-strengths", "What are you good at?", Kind.PERSONAL, "basics", (30, 60))


@pytest.fixture
def phrase(tmp_path: Path) -> Path:
    if PHRASE.is_file():
        return PHRASE
    if not shutil.which("espeak-ng"):
        pytest.skip("no speech fixture and no espeak-ng to make one")
    made = tmp_path / "phrase.wav"
    subprocess.run(
        ["espeak-ng", "-v", "en-us", "-w", str(made), "I enjoy solving hard problems."],
        check=True,
    )
    return made


@pytest.mark.model
def test_score_save_then_history_shows_it(phrase: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["score", str(phrase), "--save", "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    scored = json.loads(out)
    assert main(["history", "--json"]) == 0
    history = json.loads(capsys.readouterr().out)
    [attempt] = history["attempts"]
    assert attempt["status"] == "scored"
    assert attempt["overall"] == scored["score"]["overall"]
    assert "problems" in (attempt["transcript"] or "").lower()
    stored = paths.data_root() / attempt["audio"]
    assert stored.read_bytes() == phrase.read_bytes()  # a copy, kept under recordings/
    assert stored.parent.parent == paths.recordings_dir()


@pytest.mark.model
def test_history_retry_scores_what_was_left(
    phrase: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open() as store:
        waiting = store.add_recorded_attempt(QUESTION, phrase)
        failed = store.add_recorded_attempt(None, phrase)
        store.mark_failed(failed.id, "the model was missing")
    assert main(["history"]) == 0
    assert "2 attempts are not scored yet" in capsys.readouterr().err
    code = main(["history", "--retry"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert f"[1/2] attempt {waiting.id} (per-strengths, 0:03) … score " in out
    assert f"[2/2] attempt {failed.id} (no question, 0:03) … score " in out
    assert "2 scored, 0 failed." in out
    with Store.open() as store:
        for attempt_id in (waiting.id, failed.id):
            attempt = store.get(attempt_id)
            assert attempt.status is Status.SCORED and attempt.error is None
            assert "problems" in (attempt.transcript or "").lower()
            assert attempt.words and attempt.words[0].start >= 0
        # A retried answer counts as practice, as in the app: its question has a card and
        # a review dated when the answer was given.
        review = one(store, "SELECT reviewed_at FROM reviews WHERE attempt_id = ?", (waiting.id,))
        assert review is not None
        assert one(store, "SELECT 1 FROM cards WHERE question_id = ?", (QUESTION.id,))
        assert store.pending() == []
    assert main(["history", "--retry"]) == 0
    assert "Nothing to retry" in capsys.readouterr().out


@pytest.mark.model
def test_score_save_with_a_question_schedules_it(
    phrase: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["score", str(phrase), "--question", "you-greatest-strength", "--save"])
    assert code == 0, capsys.readouterr().err
    with Store.open() as store:
        row = one(store, "SELECT due FROM cards WHERE question_id = 'you-greatest-strength'")
    assert row is not None, "a saved answer counts as practice of its question"
