"""Debrief a real interview: the questions you were asked become practice.

Each question asked is matched against the loaded banks; a close match (see
:func:`similarity`) is linked instead of duplicated. The others are appended to the personal
bank ``<data root>/banks/debriefs.yaml`` (valid under the bank schema, the feedback you got as
a tip). The ones you struggled with are flagged weak (source ``debrief``) and made due now,
so they come first in tomorrow's plan, or today's. The debrief itself is kept in the
``debriefs`` table, and a follow-up note template closes it.

The pure matching lives in :mod:`.debrief_match`, the bank file in :mod:`.debrief_bank`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Any

from mockint import paths
from mockint.clock import iso, local_date, utc
from mockint.errors import MockintError
from mockint.models import Kind, Question
from mockint.practice import scheduler
from mockint.practice._catalog import QuestionSource
from mockint.practice.debrief_bank import BANK_FILE, BANK_ID, _read_bank, write_bank
from mockint.practice.debrief_match import (
    STAR_KEY_POINTS,
    follow_up_note,
    match_question,
    parse_date,
    similarity,
    slug,
)
from mockint.practice.weak import mark_weak
from mockint.prep.bankfile import unique_id
from mockint.prep.kinds import kind_from_text
from mockint.store.db import StoreLike, write

__all__ = [
    "BANK_FILE",
    "BANK_ID",
    "DebriefItem",
    "DebriefResult",
    "due_now",
    "follow_up_note",
    "match_question",
    "parse_date",
    "save_debrief",
    "similarity",
    "slug",
]

TARGET_SECONDS: dict[Kind, tuple[int, int]] = {
    Kind.BEHAVIORAL: (60, 120),
    Kind.SITUATIONAL: (60, 120),
    Kind.PERSONAL: (60, 90),
    Kind.CLOSING: (30, 60),
}


@dataclass(frozen=True)
class DebriefItem:
    """One question asked, and what became of it."""

    text: str
    question_id: str
    linked: bool
    """True: it matched a question already in a bank; False: added to the debriefs bank."""
    similarity: float | None
    """How close the linked question was (0-100)."""
    struggled: bool
    kind: Kind
    answer: str = ""
    """What you answered, as a transcript of the interview has it ("" when it has none)."""
    answer_score: int | None = None
    """Its score, once the answer is kept as your first (typed) attempt."""
    attempt_id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "question": self.question_id,
            "linked": self.linked,
            "similarity": None if self.similarity is None else round(self.similarity, 1),
            "struggled": self.struggled,
            "kind": str(self.kind),
            "answer": self.answer or None,
            "answer_score": self.answer_score,
            "attempt": self.attempt_id,
        }


@dataclass(frozen=True)
class DebriefResult:
    debrief_id: int
    company: str
    role: str
    interview_date: date
    items: tuple[DebriefItem, ...]
    bank_path: Path | None
    """The personal bank written (None: every question was linked, nothing written)."""
    follow_up: str
    """A thank-you note to copy and adapt."""

    @property
    def question_ids(self) -> tuple[str, ...]:
        return tuple(i.question_id for i in self.items)

    @property
    def struggled_ids(self) -> tuple[str, ...]:
        return tuple(i.question_id for i in self.items if i.struggled)

    def to_dict(self) -> dict[str, Any]:
        return {
            "debrief": self.debrief_id,
            "company": self.company,
            "role": self.role,
            "date": self.interview_date.isoformat(),
            "items": [i.to_dict() for i in self.items],
            "bank": str(self.bank_path) if self.bank_path else None,
            "follow_up": self.follow_up,
        }


def save_debrief(
    store: StoreLike,
    catalog: QuestionSource,
    *,
    questions: Sequence[str],
    struggled: Sequence[int | str] = (),
    company: str = "",
    role: str = "",
    feedback: str = "",
    notes: str = "",
    interview_date: date | str | None = None,
    now: datetime | None = None,
    tz: tzinfo | None = None,
    banks_dir: Path | None = None,
    answers: Sequence[str] = (),
    interviewer: str = "",
) -> DebriefResult:
    """Log a real interview (see the module doc). ``struggled`` names the questions that went
    badly, by 1-based number or by their text; ``notes`` is extra feedback, kept with it.
    ``answers`` (from a transcript) go with ``questions`` one for one ("" for none); the Coach
    scores them. ``banks_dir`` defaults to the data root's ``banks/``."""
    moment = utc(now)
    said_back = [*answers, *[""] * (len(questions) - len(answers))]
    kept = [
        (" ".join(q.split()), a.strip())
        for q, a in zip(questions, said_back, strict=False)
        if q.strip()
    ]
    asked = [q for q, _ in kept]
    if not asked:
        raise MockintError("a debrief needs the questions you were asked (one or more)")
    hard = _struggled_indexes(struggled, asked)
    day = (
        interview_date
        if isinstance(interview_date, date)
        else parse_date(interview_date or "", local_date(moment, tz))
    )
    company, role = company.strip(), role.strip()
    said = "\n".join(part.strip() for part in (feedback, notes) if part.strip())
    bank_path = (banks_dir or paths.user_banks_dir()) / BANK_FILE
    data = _read_bank(bank_path)
    candidates = [*catalog.questions(), *_raw_questions(data)]
    items, added = _place(asked, hard, candidates, company, role, day, said)
    if added:
        data["questions"] = [*data.get("questions", []), *added]
        write_bank(bank_path, data)
    items = [replace(item, answer=a) for item, (_, a) in zip(items, kept, strict=True)]
    debrief_id = _record(store, items, company, role, day, said, moment)
    return DebriefResult(
        debrief_id=debrief_id,
        company=company,
        role=role,
        interview_date=day,
        items=tuple(items),
        bank_path=bank_path if added else None,
        follow_up=follow_up_note(company, role, interviewer),
    )


def due_now(store: StoreLike, question_ids: Sequence[str], now: datetime | None = None) -> None:
    """Make questions due now again: a struggled question whose transcript answer was just
    scored (a review that pushed it later) still comes first."""
    with write(store) as conn:
        for qid in question_ids:
            scheduler.schedule_now(conn, qid, utc(now))


def _struggled_indexes(struggled: Sequence[int | str], asked: list[str]) -> set[int]:
    found: set[int] = set()
    for which in struggled:
        if isinstance(which, int):
            if not 1 <= which <= len(asked):
                raise MockintError(
                    f"--struggled {which}: there are {len(asked)} questions; "
                    f"give numbers from 1 to {len(asked)}"
                )
            found.add(which - 1)
            continue
        text = " ".join(which.split())
        if not text:
            continue
        if text.isdigit():
            found |= _struggled_indexes([int(text)], asked)
        elif text in asked:
            found.add(asked.index(text))
        else:
            raise MockintError(f"struggled with {text!r}, but that is not one of the questions")
    return found


def _place(
    asked: list[str],
    hard: set[int],
    candidates: list[Question],
    company: str,
    role: str,
    day: date,
    feedback: str,
) -> tuple[list[DebriefItem], list[dict[str, Any]]]:
    """Link each question to a close one, or make a new bank entry for it."""
    taken = {q.id for q in candidates}
    items: list[DebriefItem] = []
    added: list[dict[str, Any]] = []
    for i, text in enumerate(asked):
        found = match_question(text, candidates)
        if found is not None:
            question, score = found
            items.append(DebriefItem(text, question.id, True, score, i in hard, question.kind))
            continue
        kind = kind_from_text(text)
        qid = unique_id(f"debrief-{slug(text)}", taken)
        taken.add(qid)
        entry = _entry(qid, text, kind, company, role, day, feedback, struggled=i in hard)
        added.append(entry)
        candidates.append(_as_question(entry))
        items.append(DebriefItem(text, qid, False, None, i in hard, kind))
    return items, added


def _entry(
    qid: str,
    text: str,
    kind: Kind,
    company: str,
    role: str,
    day: date,
    feedback: str,
    *,
    struggled: bool,
) -> dict[str, Any]:
    where = " ".join(
        p for p in (f"at {company}" if company else "", f"for {role}" if role else "") if p
    )
    asked = f"Asked {where} on {day.isoformat()}" if where else f"Asked on {day.isoformat()}"
    tips = [f"{asked}{'; you struggled with it' if struggled else ''}."]
    if feedback:
        tips.append(f"Feedback you got: {' '.join(feedback.split())}")
    tags = ["debrief"]
    company_tag = slug(company, words=4) if company else ""
    if company_tag and company_tag != "question":
        tags.append(company_tag)
    entry: dict[str, Any] = {
        "id": qid,
        "text": text,
        "kind": str(kind),
        "target_seconds": list(TARGET_SECONDS.get(kind, (60, 90))),
        "tags": tags,
    }
    if kind is Kind.BEHAVIORAL:
        entry["key_points"] = list(STAR_KEY_POINTS)
    entry["tips"] = tips
    return entry


def _as_question(entry: dict[str, Any]) -> Question:
    try:
        kind = Kind(entry.get("kind", "personal"))
    except ValueError:
        kind = Kind.PERSONAL
    return Question(
        id=str(entry["id"]),
        text=str(entry["text"]),
        kind=kind,
        bank=BANK_ID,
        target_seconds=(60, 90),
    )


def _raw_questions(data: dict[str, Any]) -> list[Question]:
    """Questions already in the debriefs file (whether or not the catalog loaded it)."""
    return [
        _as_question(q)
        for q in data.get("questions", [])
        if isinstance(q, dict) and isinstance(q.get("id"), str) and isinstance(q.get("text"), str)
    ]


def _record(
    store: StoreLike,
    items: list[DebriefItem],
    company: str,
    role: str,
    day: date,
    feedback: str,
    now: datetime,
) -> int:
    with write(store) as conn:
        cur = conn.execute(
            "INSERT INTO debriefs(company, role, interview_date, feedback, questions_json, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?)",
            (
                company or None,
                role or None,
                day.isoformat(),
                feedback or None,
                json.dumps([i.to_dict() for i in items], ensure_ascii=False),
                iso(now),
            ),
        )
        where = ", ".join(p for p in (company, day.isoformat()) if p)
        for item in items:
            if item.struggled:
                reason = f"you struggled with it in a real interview ({where})"
                mark_weak(conn, item.question_id, reason, source="debrief", now=now)
                scheduler.schedule_now(conn, item.question_id, now)
    return int(cur.lastrowid or 0)
