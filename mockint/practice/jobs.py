"""The job a user is preparing for, and the field they work in.

A job is a practice set made from a posting (``mockint job``): the bundled questions that
practise what it asks plus the job's own bank, with the interview date if the user gave one.
Until that date the daily plan gives the job a growing share of its questions
(:func:`focus_share`), so the last days before the interview are mostly that job.

The field (``healthcare``, ``education``…) decides which field banks the daily plan draws
new questions from, beside the general ones. ``practice.field`` in config.yaml wins; else
the choice the user made in the app (kept in the ``profile`` table).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from mockint.clock import iso, utc
from mockint.errors import MockintError
from mockint.store.db import StoreLike, one, rows, write

FIELD_KEY = "field"


@dataclass(frozen=True)
class Job:
    name: str
    """The job's bank id, e.g. ``job-staff-nurse-surgical-ward``; also how the user names
    the job (``mockint practice --job NAME``)."""
    role: str
    company: str
    field: str
    question_ids: tuple[str, ...]
    """The practice set in order: matching bundled questions, then the job's own."""
    interview_date: date | None
    created: datetime

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Job:
        day = row["interview_date"]
        return cls(
            name=row["name"],
            role=row["role"] or "",
            company=row["company"] or "",
            field=row["field"],
            question_ids=tuple(json.loads(row["question_ids"])),
            interview_date=date.fromisoformat(day) if day else None,
            created=datetime.fromisoformat(row["created_at"]),
        )

    def days_left(self, today: date) -> int | None:
        return None if self.interview_date is None else (self.interview_date - today).days


def save_job(store: StoreLike, job: Job) -> None:
    """Keep ``job``, replacing one of the same name (the caller asked the user)."""
    with write(store) as conn:
        conn.execute(
            "INSERT OR REPLACE INTO jobs (name, role, company, field, question_ids, "
            "interview_date, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                job.name,
                job.role,
                job.company,
                job.field,
                json.dumps(list(job.question_ids)),
                job.interview_date.isoformat() if job.interview_date else None,
                iso(utc(job.created)),
            ),
        )


def jobs(store: StoreLike) -> list[Job]:
    """Every saved job, the nearest interview first, then those without a date."""
    found = [Job.from_row(r) for r in rows(store, "SELECT * FROM jobs")]
    return sorted(found, key=lambda j: (j.interview_date is None, j.interview_date, j.name))


def get_job(store: StoreLike, name: str) -> Job:
    row = one(store, "SELECT * FROM jobs WHERE name = ?", (name,))
    if row is None:
        known = ", ".join(j.name for j in jobs(store)) or "none yet: run `mockint job POSTING`"
        raise MockintError(f"no job named {name!r} (saved jobs: {known})")
    return Job.from_row(row)


def focus(found: Sequence[Job], today: date) -> Job | None:
    """The job whose interview is next (today included); None when no date lies ahead."""
    ahead = [j for j in found if j.interview_date is not None and j.interview_date >= today]
    return min(ahead, key=lambda j: j.interview_date or today, default=None)


def focus_share(days_left: int) -> float:
    """The share of a daily plan given to the job ``days_left`` days before its interview:
    a third three weeks out, half in the last fortnight, most of it in the last few days."""
    if days_left > 21:
        return 0.3
    if days_left > 7:
        return 0.5
    if days_left > 2:
        return 0.7
    return 0.9


def get_field(store: StoreLike) -> str:
    """The field the user chose in the app ("" when they have not)."""
    row = one(store, "SELECT value FROM profile WHERE key = ?", (FIELD_KEY,))
    return str(row["value"]) if row else ""


def set_field(store: StoreLike, field: str) -> None:
    with write(store) as conn:
        conn.execute(
            "INSERT OR REPLACE INTO profile (key, value) VALUES (?, ?)", (FIELD_KEY, field)
        )
