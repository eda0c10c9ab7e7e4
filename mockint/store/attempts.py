"""Typed results of the store: an attempt, a question's trend, a recovered recording."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from mockint.clock import parse
from mockint.models import Word


class Status(StrEnum):
    """Where an attempt is in its life: recording → recorded → scored (or failed)."""

    RECORDING = "recording"  # the recorder is writing the audio now (or was killed doing so)
    RECORDED = "recorded"  # audio complete, not transcribed yet
    SCORED = "scored"
    FAILED = "failed"  # transcription or scoring failed; ``error`` says why; can be retried


def flags_from_json(text: str | None) -> list[str]:
    """The ``flags`` column (a JSON list) as a list; anything unreadable as no flags."""
    if not text:
        return []
    try:
        value = json.loads(text)
    except ValueError:
        return []
    return [str(f) for f in value] if isinstance(value, list) else []


@dataclass(frozen=True)
class Attempt:
    """One recorded answer and what became of it."""

    id: int
    status: Status
    created_at: str
    """UTC ISO-8601, when the attempt began."""
    question_id: str | None = None
    question_text: str | None = None
    """The question as it read when answered: editing a bank never rewrites history."""
    bank_id: str | None = None
    question_kind: str | None = None
    session_id: int | None = None
    audio_path: Path | None = None
    """Absolute path of the audio under the data root's ``recordings/``."""
    duration_s: float | None = None
    transcript: str | None = None
    overall: int | None = None
    """Overall score 0–100, once scored."""
    flags: tuple[str, ...] = ()
    """Flags from the contract's vocabulary (``filler_heavy``, ``missing_result``…), worst
    first as the scorer ordered them."""
    self_rating: int | None = None
    """The user's own 1–4 rating (FSRS: again, hard, good, easy)."""
    error: str | None = None
    """Why transcription or scoring failed (status ``failed``)."""
    scored_at: str | None = None
    words: tuple[Word, ...] = ()
    """Timed words; empty in list views (:meth:`Store.list_attempts`): use :meth:`Store.get`."""
    report: dict[str, Any] = field(default_factory=dict)
    """``ScoreReport.to_dict()`` (metrics, score, flags, tips); empty in list views."""
    counted: bool = True
    """Whether it counts as practice (averages, trends, streaks, FSRS, weak flags): not a
    take with no speech, one stopped by leaving, nor a follow-up question."""
    follows_id: int | None = None
    """The attempt whose follow-up question this one answers."""

    @property
    def created(self) -> datetime:
        return parse(self.created_at)

    @property
    def is_pending(self) -> bool:
        """Recorded or failed: waiting for (another) transcription attempt."""
        return self.status in (Status.RECORDED, Status.FAILED)

    def to_dict(self, *, root: Path | None = None, full: bool = True) -> dict[str, Any]:
        """Plain data for JSON output; ``audio`` relative to ``root`` when given."""
        audio: str | None = None
        if self.audio_path is not None:
            audio = str(self.audio_path)
            if root is not None and self.audio_path.is_relative_to(root):
                audio = str(self.audio_path.relative_to(root))
        data: dict[str, Any] = {
            "id": self.id,
            "status": str(self.status),
            "created_at": self.created_at,
            "question": self.question_id,
            "question_text": self.question_text,
            "bank": self.bank_id,
            "kind": self.question_kind,
            "session_id": self.session_id,
            "audio": audio,
            "duration_s": self.duration_s,
            "overall": self.overall,
            "flags": list(self.flags),
            "self_rating": self.self_rating,
            "error": self.error,
            "scored_at": self.scored_at,
            "transcript": self.transcript,
            "counted": self.counted,
            "follows": self.follows_id,
        }
        if full:
            data["words"] = [words_to_dict(w) for w in self.words]
            data["report"] = self.report
        return data


@dataclass(frozen=True)
class Trend:
    """One question's scores over time (scored attempts only, oldest first)."""

    question_id: str
    points: tuple[tuple[str, int], ...]
    """(created_at, overall) pairs, oldest first."""
    attempts: int
    """Every attempt at the question, scored or not."""

    @property
    def scores(self) -> list[int]:
        return [score for _, score in self.points]

    @property
    def best(self) -> int | None:
        return max(self.scores, default=None)

    @property
    def average(self) -> float | None:
        scores = self.scores
        return round(sum(scores) / len(scores), 1) if scores else None

    @property
    def latest(self) -> int | None:
        return self.points[-1][1] if self.points else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question_id,
            "attempts": self.attempts,
            "scored": len(self.points),
            "best": self.best,
            "average": self.average,
            "latest": self.latest,
            "scores": [{"created_at": when, "overall": score} for when, score in self.points],
        }


@dataclass(frozen=True)
class Orphan:
    """An audio file under ``recordings/`` that no attempt row mentions (e.g. the process
    died between copying the audio and saving the row)."""

    path: Path
    size: int


def words_to_dict(word: Word) -> dict[str, Any]:
    return {
        "text": word.text,
        "start": round(word.start, 3),
        "end": round(word.end, 3),
        "probability": round(word.probability, 3),
    }


def words_from_json(text: str | None) -> tuple[Word, ...]:
    if not text:
        return ()
    return tuple(
        Word(
            text=str(w["text"]),
            start=float(w["start"]),
            end=float(w["end"]),
            probability=float(w.get("probability", 1.0)),
        )
        for w in json.loads(text)
    )


SUMMARY_COLUMNS = (
    "id, status, created_at, question_id, question_text, bank_id, question_kind, session_id, "
    "audio_path, duration_s, transcript, overall, flags, self_rating, error, scored_at, counted, "
    "follows_id"
)
"""The columns of list views: everything but the (large) words and report JSON."""

FULL_COLUMNS = SUMMARY_COLUMNS + ", words_json, report_json"


def attempt_from_row(row: sqlite3.Row, root: Path) -> Attempt:
    """An :class:`Attempt` from a row of :data:`SUMMARY_COLUMNS` or :data:`FULL_COLUMNS`."""
    keys = row.keys()
    audio = row["audio_path"]
    return Attempt(
        id=row["id"],
        status=Status(row["status"]),
        created_at=row["created_at"],
        question_id=row["question_id"],
        question_text=row["question_text"],
        bank_id=row["bank_id"],
        question_kind=row["question_kind"],
        session_id=row["session_id"],
        audio_path=(root / audio) if audio else None,
        duration_s=row["duration_s"],
        transcript=row["transcript"],
        overall=row["overall"],
        flags=tuple(flags_from_json(row["flags"])),
        self_rating=row["self_rating"],
        error=row["error"],
        scored_at=row["scored_at"],
        counted=bool(row["counted"]),
        follows_id=row["follows_id"],
        words=words_from_json(row["words_json"]) if "words_json" in keys else (),
        report=json.loads(row["report_json"] or "{}") if "report_json" in keys else {},
    )
