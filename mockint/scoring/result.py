"""What the scorer says about one answer: :class:`ScoreReport`, and its JSON form.

The typed fields (``fillers``, ``pace``, ``structure``…) carry everything with evidence for
the CLI summary and the TUI; ``metrics`` is the same, flattened to JSON-ready data for
``mockint score --json`` and storage.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from mockint.scoring.coverage import CoverageReport
from mockint.scoring.fillers import FillerReport
from mockint.scoring.language import HedgeReport, Ownership, Repetition
from mockint.scoring.length import LengthReport
from mockint.scoring.pace import PaceReport
from mockint.scoring.pauses import PauseReport
from mockint.scoring.structure import StructureReport

#: The stable flag vocabulary (docs/architecture.md), in the order flags are listed.
FLAGS = (
    "no_speech",
    "too_short",
    "too_long",
    "too_fast",
    "too_slow",
    "filler_heavy",
    "long_pauses",
    "hedging",
    "missing_situation",
    "missing_task",
    "missing_action",
    "missing_result",
    "no_numbers_in_result",
    "we_not_i",
)

#: Per-word tags in :attr:`ScoreReport.annotations`.
FILLER, HEDGE, REPEAT, LONG_PAUSE_BEFORE = "filler", "hedge", "repeat", "long_pause_before"
TAGS = (FILLER, HEDGE, REPEAT, LONG_PAUSE_BEFORE)


@dataclass(frozen=True, slots=True)
class SentenceInfo:
    """A sentence of the answer, by word indexes, with its STAR part."""

    index: int
    first_word: int
    """Index in ``Transcript.words`` of its first word."""
    last_word: int
    start: float
    end: float
    text: str
    star: str | None = None
    """situation/task/action/result for behavioral answers (cue-less sentences continue
    the part before them), else ``None``."""


@dataclass
class ScoreReport:
    """Everything the scorer says about one answer."""

    metrics: dict[str, Any]
    """JSON-ready metrics: the contract's keys (word_count, wpm, fillers, long_pauses,
    hedges, star) and more (pace, length, pauses, repetitions, ownership, structure,
    key_points), with evidence."""
    overall: int
    """0–100, the weighted mean of ``parts``."""
    parts: dict[str, int] = field(default_factory=dict)
    """Score 0–100 of each part that applies: fillers, pace, length, pauses, language,
    structure (behavioral), coverage (with key points)."""
    flags: list[str] = field(default_factory=list)
    """From :data:`FLAGS`, in that order."""
    tips: list[str] = field(default_factory=list)
    """Up to three concrete tips for this answer, most impactful first."""
    strengths: list[str] = field(default_factory=list)
    """Up to three things the answer did well."""
    explanations: dict[str, str] = field(default_factory=dict)
    """One line per part saying why it scored what it did."""
    weights: dict[str, float] = field(default_factory=dict)
    """Weight each part had in ``overall`` (re-normalised over the parts that apply)."""
    annotations: dict[int, tuple[str, ...]] = field(default_factory=dict)
    """Word index (in ``Transcript.words``) → tags from :data:`TAGS`, for highlighting.
    Words without tags are absent."""
    sentences: tuple[SentenceInfo, ...] = ()
    word_count: int = 0
    fillers: FillerReport | None = None
    pace: PaceReport | None = None
    length: LengthReport | None = None
    pauses: PauseReport | None = None
    hedges: HedgeReport | None = None
    repetitions: tuple[Repetition, ...] = ()
    ownership: Ownership | None = None
    structure: StructureReport | None = None
    """STAR analysis, for behavioral questions only."""
    coverage: CoverageReport | None = None
    """Key-point checklist, when the question has key points."""

    def tags(self, word_index: int) -> tuple[str, ...]:
        """Tags of one word ("filler", "hedge"…), empty when it has none."""
        return self.annotations.get(word_index, ())

    def to_dict(self) -> dict[str, Any]:
        """The contract's ``metrics``, ``score``, ``flags`` keys, plus ``tips``,
        ``strengths``, ``annotations`` and ``sentences``."""
        return {
            "metrics": self.metrics,
            "score": {
                "overall": self.overall,
                "parts": self.parts,
                "explanations": self.explanations,
                "weights": self.weights,
            },
            "flags": self.flags,
            "tips": self.tips,
            "strengths": self.strengths,
            "annotations": [
                {"index": i, "tags": list(tags)} for i, tags in sorted(self.annotations.items())
            ],
            "sentences": [self._sentence(s) for s in self.sentences],
        }

    def _sentence(self, s: SentenceInfo) -> dict[str, Any]:
        """A sentence as data; a typed answer's without the times it never had."""
        d = asdict(s)
        if (self.metrics.get("length") or {}).get("estimated"):
            del d["start"], d["end"]
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ScoreReport:
        """The report back from its :meth:`to_dict` form (a stored attempt's, or a
        ``score --json`` object): ``from_dict(r.to_dict()).to_dict() == r.to_dict()``.

        The typed evidence (``fillers``, ``pace``…) is not in that form; ``metrics`` carries
        it as data. Keys an older mockint did not write are left at their defaults."""
        score = data.get("score") or {}
        metrics = data.get("metrics") or {}
        return cls(
            metrics=metrics,
            overall=int(score.get("overall") or 0),
            parts={str(k): int(v) for k, v in (score.get("parts") or {}).items()},
            flags=[str(f) for f in data.get("flags") or ()],
            tips=[str(t) for t in data.get("tips") or ()],
            strengths=[str(t) for t in data.get("strengths") or ()],
            explanations={str(k): str(v) for k, v in (score.get("explanations") or {}).items()},
            weights={str(k): float(v) for k, v in (score.get("weights") or {}).items()},
            annotations={
                int(a["index"]): tuple(str(t) for t in a["tags"])
                for a in data.get("annotations") or ()
            },
            sentences=tuple(
                SentenceInfo(**{"start": 0.0, "end": 0.0, **s}) for s in data.get("sentences") or ()
            ),
            word_count=int(metrics.get("word_count") or 0),
        )
