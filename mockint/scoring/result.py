"""Result types of the scoring engine (placeholder until the scoring engine lands)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class ScoreReport:
    """Everything the scorer says about one answer."""

    metrics: dict[str, Any]
    overall: int
    parts: dict[str, int] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)
    tips: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The contract's ``metrics``, ``score``, ``flags`` keys (plus ``tips``)."""
        return {
            "metrics": self.metrics,
            "score": {"overall": self.overall, "parts": self.parts},
            "flags": self.flags,
            "tips": self.tips,
        }
