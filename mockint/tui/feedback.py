"""Feedback as the screens show it, built from the typed score report.

A fresh answer (:class:`~mockint.answer.ScoredAnswer`) and a stored one (its saved JSON, read
back with :meth:`ScoreReport.from_dict`) both go through :meth:`FeedbackData.from_answer`, so
the practice screen and the history detail cannot disagree. A part of the report an older
mockint did not store just leaves its part of the view empty.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mockint.fmt import clock, count
from mockint.models import Word
from mockint.scoring.result import FILLER, HEDGE, ScoreReport
from mockint.store.display import word_marks

if TYPE_CHECKING:
    from mockint.answer import ScoredAnswer

STAR_PARTS = ("situation", "task", "action", "result")


@dataclass(frozen=True)
class FeedbackWord:
    text: str
    start: float
    end: float
    tag: str | None = None
    """``filler``, ``hedge`` or None."""


@dataclass(frozen=True)
class StarPart:
    name: str
    present: bool
    sentence: str | None = None
    """The sentence that shows the part, when the scorer found one."""


@dataclass(frozen=True)
class FeedbackData:
    overall: int
    parts: dict[str, int]
    flags: tuple[str, ...]
    tips: tuple[str, ...]
    words: tuple[FeedbackWord, ...]
    star: tuple[StarPart, ...]
    key_points: tuple[tuple[str, bool], ...]
    duration_s: float
    """The recording's length (silence before and after included)."""
    wpm: float | None
    fillers_total: int
    fillers_per_minute: float | None
    hedges_total: int
    audio: str | None = None
    question_id: str | None = None
    length_s: float | None = None
    """The answer's length as the scorer measured it (first word to last): the number its
    length tip quotes. None from a scorer that does not report it."""
    length_estimated: bool = False
    """``length_s`` comes from the word count (a typed answer has no timings)."""
    length_words: int | None = None
    """The answer's length in words: what a typed answer is judged by."""

    @property
    def length_text(self) -> str:
        """The answer's length as the card shows it: ``0:24``; ``212 words`` for a typed
        answer (no seconds were measured, so none are shown); ``≈0:24`` for an estimate
        stored without its word count; the recording's length only when the scorer gave
        none."""
        if self.length_estimated and self.length_words is not None:
            return count(self.length_words, "word")
        if self.length_s is None:
            return clock(self.duration_s)
        return ("≈" if self.length_estimated else "") + clock(self.length_s)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @classmethod
    def from_scored(cls, scored: ScoredAnswer) -> FeedbackData:
        """A fresh answer, as the practice screen shows it."""
        return cls.from_answer(
            scored.transcript.words,
            scored.report,
            duration_s=scored.transcript.duration_s,
            audio=scored.audio or None,
            question_id=scored.question.id if scored.question else None,
        )

    @classmethod
    def empty(cls) -> FeedbackData:
        """Nothing to show (an attempt never scored)."""
        return cls.from_answer((), ScoreReport(metrics={}, overall=0), duration_s=0.0)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> FeedbackData:
        """A ``score --json`` object (a stored attempt's result)."""
        words = tuple(
            Word(str(w["text"]), float(w["start"]), float(w["end"])) for w in d.get("words") or ()
        )
        return cls.from_answer(
            words,
            ScoreReport.from_dict(d),
            duration_s=float(d.get("duration_s") or 0.0),
            audio=d.get("audio"),
            question_id=d.get("question"),
        )

    @classmethod
    def from_answer(
        cls,
        words: Sequence[Word],
        report: ScoreReport,
        *,
        duration_s: float,
        audio: str | None = None,
        question_id: str | None = None,
    ) -> FeedbackData:
        metrics = report.metrics
        fillers = metrics.get("fillers") or {}
        hedges = metrics.get("hedges") or {}
        length = metrics.get("length") or {}
        return cls(
            overall=report.overall,
            parts=dict(report.parts),
            flags=tuple(report.flags),
            tips=tuple(report.tips)[:3],
            words=_words(words, report),
            star=_star(metrics),
            key_points=tuple(
                (str(k["text"]), bool(k["covered"])) for k in metrics.get("key_points") or ()
            ),
            duration_s=duration_s,
            wpm=_float(metrics.get("wpm")),
            fillers_total=int(fillers.get("total") or 0),
            fillers_per_minute=_float(fillers.get("per_minute")),
            hedges_total=int(hedges.get("total") or 0),
            audio=audio,
            question_id=question_id,
            length_s=_float(length.get("seconds")),
            length_estimated=bool(length.get("estimated")),
            length_words=None if length.get("words") is None else int(length["words"]),
        )


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def _words(words: Sequence[Word], report: ScoreReport) -> tuple[FeedbackWord, ...]:
    if report.annotations:
        # A filler inside a hedge ("I, um, think") reads best as the filler.
        tags = [_tag(report.tags(i)) for i in range(len(words))]
    else:
        # A report stored before the scorer tagged words: the same guess `replay` makes.
        tags = [m.tag if m else None for m in word_marks(words, {"metrics": report.metrics})]
    return tuple(
        FeedbackWord(w.text.strip(), float(w.start), float(w.end), tags[i])
        for i, w in enumerate(words)
    )


def _tag(tags: tuple[str, ...]) -> str | None:
    return FILLER if FILLER in tags else HEDGE if HEDGE in tags else None


def _star(metrics: dict[str, Any]) -> tuple[StarPart, ...]:
    star = metrics.get("star")
    if not star:
        return ()
    evidence = (metrics.get("structure") or {}).get("parts") or {}
    parts = []
    for name in STAR_PARTS:
        sentences = (evidence.get(name) or {}).get("evidence") or ()
        parts.append(StarPart(name, bool(star.get(name)), str(sentences[0]) if sentences else None))
    return tuple(parts)
