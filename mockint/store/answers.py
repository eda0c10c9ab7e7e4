"""The reads and writes of ``attempts`` that practice needs: the store owns every statement
on its table. Reads take the Store (or, inside a practice write, that transaction's
connection); the writes run inside a transaction and take its connection. Rows come back as
:class:`~mockint.store.attempts.Attempt` summaries (no words, no report; ``audio_path``
relative to the data root).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from mockint.errors import MockintError
from mockint.store.attempts import SUMMARY_COLUMNS, Attempt, attempt_from_row, flags_from_json
from mockint.store.db import StoreLike, one, rows

_SCORED = "status = 'scored' AND question_id IS NOT NULL AND counted = 1"
"""Answers that count as practice: silent takes, aborted ones and follow-ups never do."""


def _attempts(db: StoreLike, where: str, params: Sequence[object] = ()) -> list[Attempt]:
    found = rows(db, f"SELECT {SUMMARY_COLUMNS} FROM attempts WHERE {where}", params)
    return [attempt_from_row(r, Path()) for r in found]


def find(db: StoreLike, attempt_id: int) -> Attempt | None:
    found = _attempts(db, "id = ?", (attempt_id,))
    return found[0] if found else None


def scored_since(db: StoreLike, since: str) -> list[Attempt]:
    """Scored answers to bank questions given at or after ``since`` (a stored time)."""
    return _attempts(db, f"{_SCORED} AND created_at >= ?", (since,))


def scored_times(db: StoreLike) -> list[str]:
    """When each scored answer was given, oldest first (streaks)."""
    found = rows(
        db,
        "SELECT created_at FROM attempts WHERE status = 'scored' AND counted = 1 "
        "ORDER BY created_at",
    )
    return [r[0] for r in found]


def in_session(db: StoreLike, session_id: int) -> list[Attempt]:
    """A session's scored answers to bank questions, in the order given."""
    return _attempts(
        db,
        f"session_id = ? AND {_SCORED} AND overall IS NOT NULL ORDER BY created_at, id",
        (session_id,),
    )


def given_in_session(db: StoreLike, session_id: int) -> list[Attempt]:
    """Every attempt of a session, scored or not, in the order given."""
    return _attempts(db, "session_id = ? ORDER BY created_at, id", (session_id,))


def score_before(db: StoreLike, first: Attempt, session_id: int) -> int | None:
    """The latest score of ``first``'s question before it, outside the session."""
    found = _attempts(
        db,
        f"question_id = ? AND {_SCORED} AND overall IS NOT NULL AND created_at <= ? "
        "AND id != ? AND (session_id IS NULL OR session_id != ?) "
        "ORDER BY created_at DESC, id DESC LIMIT 1",
        (first.question_id, first.created_at, first.id, session_id),
    )
    return found[0].overall if found else None


def recent(db: StoreLike, question_id: str, limit: int) -> list[Attempt]:
    """Scored answers to a question, newest first."""
    return _attempts(
        db,
        f"question_id = ? AND {_SCORED} ORDER BY created_at DESC, id DESC LIMIT ?",
        (question_id, limit),
    )


def all_scored(db: StoreLike) -> list[Attempt]:
    """Every scored answer to a bank question, oldest first."""
    return _attempts(db, f"{_SCORED} ORDER BY created_at, id")


def question_text(db: StoreLike, question_id: str) -> str | None:
    """The question's text as its latest answer snapshotted it."""
    row = one(
        db,
        "SELECT question_text FROM attempts WHERE question_id = ? AND question_text IS NOT NULL "
        "ORDER BY created_at DESC LIMIT 1",
        (question_id,),
    )
    return str(row[0]) if row else None


def flags_seen(db: StoreLike) -> set[str]:
    """Every flag any answer was given."""
    found = rows(db, "SELECT DISTINCT flags FROM attempts")
    return {f for r in found for f in flags_from_json(r[0])}


def require(conn: sqlite3.Connection, attempt_id: int) -> sqlite3.Row:
    """The attempt's id, status and audio path; MockintError if there is none."""
    row = conn.execute(
        "SELECT id, status, audio_path FROM attempts WHERE id = ?", (attempt_id,)
    ).fetchone()
    if row is None:
        raise MockintError(f"no attempt {attempt_id}: see `mockint history` for the ids")
    return row


def set_self_rating(conn: sqlite3.Connection, attempt_id: int, rating: int | None) -> None:
    """The user's own rating, 1 (again) to 4 (easy); None clears it."""
    if rating is not None and not 1 <= rating <= 4:
        raise MockintError(f"self-rating must be 1 to 4, not {rating}")
    conn.execute("UPDATE attempts SET self_rating = ? WHERE id = ?", (rating, attempt_id))
