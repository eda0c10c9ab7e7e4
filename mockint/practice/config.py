"""Settings for practice planning (section ``practice:`` of config.yaml)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class PracticeConfig:
    daily_questions: int = 5
    """How many questions a daily plan holds."""

    desired_retention: float = 0.9
    """FSRS target: the chance you still answer a question well when it comes back."""
