"""Scoring: pure functions from a transcript to metrics, scores, flags, evidence and tips.

No I/O and no Textual here (a test enforces it).
"""

from mockint.scoring.overall import score_answer
from mockint.scoring.result import ScoreReport

__all__ = ["ScoreReport", "score_answer"]
