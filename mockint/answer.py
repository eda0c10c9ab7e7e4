"""One scored answer: :class:`ScoredAnswer`, what every front end shows, stores or prints.

It sits below the store and practice (which keep it) and above scoring and the models (which
make it), so that no layer has to import the pipeline that produced it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # only annotations: `mockint history` imports this without the scorer
    from mockint.models import Question, Transcript
    from mockint.scoring.result import ScoreReport


@dataclass
class ScoredAnswer:
    """A transcribed and scored answer, ready to show, store or print as JSON."""

    audio: str
    """Path of the audio as given (or as stored)."""
    transcript: Transcript
    report: ScoreReport
    question: Question | None = None
    timing: dict[str, float] = field(default_factory=dict)
    """Seconds spent: ``transcribe_s``, and ``after_stop_s`` for live runs."""

    @property
    def duration_s(self) -> float:
        return self.transcript.duration_s

    def to_dict(self) -> dict[str, Any]:
        """The `mockint score --json` contract object (docs/architecture.md)."""
        t = self.transcript
        return {
            "audio": self.audio,
            "question": self.question.id if self.question else None,
            "duration_s": round(t.duration_s, 2),
            "speech_s": round(t.speech_s, 2),
            "transcript": t.text,
            "words": [
                {"text": w.text, "start": round(w.start, 2), "end": round(w.end, 2)}
                for w in t.words
            ],
            **self.report.to_dict(),
            "timing": {k: round(v, 3) for k, v in self.timing.items()},
        }
