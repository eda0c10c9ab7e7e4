"""Typed answers: ``mockint score --text``. The same scorer, with nothing audio-made up.

A typed answer has words but no timings, so pace, pauses and fillers per minute are not
judged and not reported, and its length is judged in words. Pure: the text comes in as a
string.
"""

from __future__ import annotations

from typing import Any

from mockint.models import Question, Transcript, Word
from mockint.scoring.config import ScoringConfig
from mockint.scoring.overall import score_answer
from mockint.scoring.result import ScoreReport
from mockint.scoring.text import LINE_END


def typed_transcript(text: str) -> Transcript:
    """Words of ``text`` without timings (every time zero): what the scorer knows of a
    draft. A line break ends a sentence (notes and bullet points rarely end in a full stop)."""
    words: list[Word] = []
    for line in text.splitlines():
        if line.split():
            words.extend(Word(w, 0.0, 0.0) for w in line.split())
            words.append(Word(LINE_END, 0.0, 0.0))
    return Transcript(tuple(words[:-1]), 0.0)


def score_text(
    text: str, question: Question | None = None, config: ScoringConfig | None = None
) -> ScoreReport:
    """Score a written answer exactly as a spoken one, minus what only audio can show."""
    return score_answer(typed_transcript(text), question, config)


def text_result(
    source: str, text: str, question: Question | None, report: ScoreReport
) -> dict[str, Any]:
    """The ``mockint score --text --json`` object: the audio contract without its audio
    fields (``audio``, ``duration_s``, ``speech_s``, timed ``words``, ``timing``)."""
    return {
        "text": source,
        "question": question.id if question else None,
        "transcript": " ".join(text.split()),
        **report.to_dict(),
    }
