"""What the screens show that no other part has as one object (no Textual, no I/O).

The backend (:mod:`mockint.tui.backend`) gathers these from the Coach's typed objects; the
plan's items and weak questions are practice's own types, shown as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from mockint.models import Bank, Question
from mockint.tui.feedback import FeedbackData

if TYPE_CHECKING:  # practice's own types; imported for annotations only (first screen)
    from mockint.practice.plan import PlanItem
    from mockint.practice.weak import WeakQuestion


@dataclass(frozen=True)
class HomeData:
    """Everything the home screen shows."""

    plan: tuple[PlanItem, ...]
    estimated_minutes: int
    streak_days: int
    weak: tuple[WeakQuestion, ...]
    """Weakest first (those of loaded banks); the home screen shows the top five."""
    recent_scores: tuple[int, ...]
    """Overall scores of the latest attempts, oldest first (the sparkline)."""
    attempts_total: int
    pending: int = 0
    """Attempts with audio waiting to be scored (recorded or failed): R scores them."""
    recovered: int = 0
    """How many of ``pending`` were recordings cut off by a crash, recovered at start-up."""
    streak_best: int = 0
    streak_last_day: date | None = None
    """The last day with a scored answer: a zero streak after it is one that ended."""

    @property
    def first_run(self) -> bool:
        return self.attempts_total == 0


def pending_notice(data: HomeData) -> str:
    """One line about answers waiting to be scored, or "" when there are none."""
    if data.pending <= 0:
        return ""
    n, recovered = data.pending, min(data.recovered, data.pending)
    them = "it" if n == 1 else "them"
    if recovered == n:
        what = "1 unfinished answer was" if n == 1 else f"{n} unfinished answers were"
        return f"{what} recovered — press R to score {them}"
    what = "1 answer is" if n == 1 else f"{n} answers are"
    line = f"{what} not scored yet"
    if recovered:
        line += f" ({recovered} recovered after a crash)"
    return f"{line} — press R to score {them}"


@dataclass(frozen=True)
class PendingResult:
    """What scoring the waiting answers did."""

    scored: tuple[tuple[int, int], ...] = ()
    """(attempt id, overall score) of each answer scored."""
    failed: tuple[tuple[int, str], ...] = ()
    """(attempt id, error) of each that failed again (its audio stays)."""

    def message(self) -> str:
        if not self.scored and not self.failed:
            return "Nothing was waiting to be scored."
        parts = []
        if self.scored:
            scores = ", ".join(str(score) for _, score in self.scored)
            noun = "answer" if len(self.scored) == 1 else "answers"
            parts.append(f"Scored {len(self.scored)} {noun} ({scores}); see History")
        if self.failed:
            parts.append(f"{len(self.failed)} failed again: {self.failed[0][1]}")
        return ". ".join(parts) + "."


@dataclass(frozen=True)
class CatalogData:
    """The loaded banks, and the problems found in the user's own bank files."""

    banks: tuple[Bank, ...]
    problems: tuple[str, ...] = ()

    def question(self, question_id: str) -> Question | None:
        for bank in self.banks:
            for q in bank.questions:
                if q.id == question_id:
                    return q
        return None

    def bank(self, bank_id: str) -> Bank | None:
        return next((b for b in self.banks if b.id == bank_id), None)

    def questions(self) -> list[Question]:
        return [q for b in self.banks for q in b.questions]


@dataclass(frozen=True)
class AttemptRow:
    """One attempt, as the history table lists it."""

    id: int
    question_id: str
    question_text: str
    bank: str
    created_at: datetime
    status: str
    """``recording``, ``recorded``, ``scored`` or ``failed``."""
    duration_s: float | None
    overall: int | None
    flags: tuple[str, ...] = ()
    self_rating: str | None = None
    audio_path: Path | None = None


@dataclass(frozen=True)
class AttemptDetail:
    """One attempt with its feedback, for the detail view."""

    row: AttemptRow
    result: FeedbackData | None
    """None when the attempt was never scored (its audio is still kept)."""
    error: str | None = None


@dataclass(frozen=True)
class SessionRecap:
    """The end of a practice session as the summary screen lists it: practice's
    SessionSummary in lines, or the screen's own scores when there is none."""

    lines: tuple[tuple[str, int | None, int | None, str], ...]
    """(question text, this score, previous score, when it comes back)."""
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProgressPoint:
    """One scored attempt on the progress charts."""

    when: datetime
    overall: int
    fillers_per_minute: float | None
    wpm: float | None
    bank: str
    question_id: str = ""
    question_text: str = ""


@dataclass(frozen=True)
class ProgressData:
    points: tuple[ProgressPoint, ...]
    weakest_areas: tuple[tuple[str, int], ...] = ()
    """(flag, how many attempts raised it), most frequent first."""

    def bank_averages(self) -> list[tuple[str, float, int]]:
        """(bank, average overall, attempts), best first."""
        by_bank: dict[str, list[int]] = {}
        for p in self.points:
            by_bank.setdefault(p.bank, []).append(p.overall)
        rows = [(b, sum(v) / len(v), len(v)) for b, v in by_bank.items()]
        return sorted(rows, key=lambda r: -r[1])


@dataclass(frozen=True)
class DebriefEntry:
    """A real interview, as the debrief form collects it."""

    company: str
    role: str
    questions: tuple[str, ...]
    """Questions that were asked, one per line of the form."""
    struggled: tuple[str, ...]
    """The subset that went badly: they become practice."""
    notes: str = ""
    interview_date: date | None = None
    """The day of the interview (the form defaults to today)."""
    answers: tuple[str, ...] = ()
    """Your answer to each question from a pasted transcript ("" for none): kept, scored."""
    interviewer: str = ""
    """Who asked (from a transcript), for the follow-up note."""


@dataclass(frozen=True)
class DebriefSaved:
    """What saving a debrief did (practice's DebriefResult), in the user's words."""

    message: str
    question_ids: tuple[str, ...] = field(default=())
    struggled: tuple[Question, ...] = ()
    """The questions that went badly, to practise now."""
