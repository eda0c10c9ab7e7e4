"""The end of a session: what improved, what is still weak, what comes back when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from mockint.clock import due_phrase, iso, utc
from mockint.fmt import clip
from mockint.practice import scheduler, weak
from mockint.store import answers
from mockint.store.attempts import Attempt
from mockint.store.db import StoreLike


@dataclass(frozen=True)
class SummaryItem:
    """One question answered in the session (its latest answer there)."""

    question_id: str
    text: str
    score: int
    previous: int | None
    """The score to compare with: the last answer before this session, or, for a question
    first met in this session and answered twice or more, its first answer here."""
    flags: tuple[str, ...]
    weak_reasons: tuple[str, ...]
    """Why it is still weak (empty: it is not)."""
    due: datetime | None
    comes_back: str
    """When it comes back, in words ("tomorrow", "in 3 days")."""

    @property
    def change(self) -> int | None:
        return None if self.previous is None else self.score - self.previous

    @property
    def weak(self) -> bool:
        return bool(self.weak_reasons)

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question_id,
            "text": self.text,
            "score": self.score,
            "previous": self.previous,
            "change": self.change,
            "flags": list(self.flags),
            "weak": list(self.weak_reasons),
            "due": iso(self.due) if self.due else None,
            "comes_back": self.comes_back,
        }


@dataclass(frozen=True)
class SessionSummary:
    session_id: int
    items: tuple[SummaryItem, ...]
    """In the order the questions were first answered."""

    @property
    def average(self) -> float | None:
        if not self.items:
            return None
        return sum(i.score for i in self.items) / len(self.items)

    @property
    def improved(self) -> tuple[SummaryItem, ...]:
        return tuple(i for i in self.items if (i.change or 0) > 0)

    @property
    def still_weak(self) -> tuple[SummaryItem, ...]:
        return tuple(i for i in self.items if i.weak)

    @property
    def notes(self) -> tuple[str, ...]:
        """The summary in a few sentences, for a screen or the terminal."""
        if not self.items:
            return ("Nothing was scored in this session.",)
        lines = [f"{len(self.items)} answered, average {round(self.average or 0)}."]
        lines += [f"Better: {clip(i.text, 48)} ({i.previous} → {i.score})." for i in self.improved]
        lines += [
            f"Still weak: {clip(i.text, 48)}: {'; '.join(i.weak_reasons)}." for i in self.still_weak
        ]
        comes_back = [f"{clip(i.text, 48)} {i.comes_back}" for i in self.items if i.comes_back]
        if comes_back:
            lines.append("Comes back: " + ", ".join(comes_back) + ".")
        return tuple(lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "session": self.session_id,
            "items": [i.to_dict() for i in self.items],
            "average": None if self.average is None else round(self.average, 1),
            "notes": list(self.notes),
        }


def session_summary(
    store: StoreLike, session_id: int, now: datetime | None = None, *, tz: tzinfo | None = None
) -> SessionSummary:
    """Summarise the scored answers of one session (an unknown or empty session gives an
    empty summary)."""
    moment = utc(now)
    grouped: dict[str, list[Attempt]] = {}
    for answer in answers.in_session(store, session_id):
        grouped.setdefault(answer.question_id or "", []).append(answer)
    items = tuple(
        _item(store, session_id, qid, given, moment, tz) for qid, given in grouped.items()
    )
    return SessionSummary(session_id, items)


def _item(
    db: StoreLike,
    session_id: int,
    question_id: str,
    given: list[Attempt],
    now: datetime,
    tz: tzinfo | None,
) -> SummaryItem:
    first, last = given[0], given[-1]
    previous = answers.score_before(db, first, session_id)
    if previous is None and len(given) > 1:
        previous = first.overall
    card = scheduler.get_card(db, question_id)
    flag = weak.get_flag(db, question_id)
    return SummaryItem(
        question_id=question_id,
        text=last.question_text or question_id,
        score=int(last.overall or 0),
        previous=previous,
        flags=last.flags,
        weak_reasons=flag.reasons if flag else (),
        due=card.due if card else None,
        comes_back=due_phrase(card.due, now, tz) if card else "",
    )
