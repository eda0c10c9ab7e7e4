"""Overall scoring entry point (placeholder until the scoring engine lands)."""

from __future__ import annotations

from mockint.models import Question, Transcript
from mockint.scoring.config import ScoringConfig
from mockint.scoring.result import ScoreReport


def score_answer(
    transcript: Transcript,
    question: Question | None = None,
    config: ScoringConfig | None = None,
) -> ScoreReport:
    """Score one answer. Pure: no I/O."""
    del question, config
    words = len(transcript.words)
    flags = ["no_speech"] if words == 0 else []
    return ScoreReport(metrics={"word_count": words}, overall=0 if words == 0 else 50, flags=flags)
