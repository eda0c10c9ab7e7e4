"""Helpers for the practice tests (no tests here): a real SQLite store, a small catalog, and
answers given at frozen times."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from mockint.models import Kind, Question
from mockint.practice.config import PracticeConfig
from mockint.practice.scheduler import ReviewOutcome, record_review
from mockint.store import Store

START = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
"""A Monday morning: every simulation starts here."""

# Deterministic rules for the tests, whatever the defaults become.
CONFIG = PracticeConfig()


def day(n: int, hour: int = 9) -> datetime:
    return START + timedelta(days=n, hours=hour - 9)


def question(
    qid: str,
    *,
    bank: str = "core",
    kind: Kind = Kind.BEHAVIORAL,
    difficulty: int = 2,
    target: tuple[int, int] = (60, 120),
    text: str | None = None,
) -> Question:
    return Question(
        id=qid,
        text=text or f"Question {qid}?",
        kind=kind,
        bank=bank,
        target_seconds=target,
        difficulty=difficulty,
    )


@dataclass
class FakeCatalog:
    """The part of ``mockint.banks.Catalog`` the practice engine uses."""

    items: Sequence[Question]

    def questions(self) -> list[Question]:
        return list(self.items)


def catalog(questions: Iterable[Question]) -> FakeCatalog:
    return FakeCatalog(tuple(questions))


def open_store(tmp_path: object) -> Store:
    from pathlib import Path

    return Store.open(Path(str(tmp_path)) / "mockint.db", recover=False)


def add_attempt(
    store: Store,
    qid: str,
    score: int,
    at: datetime,
    flags: Sequence[str] = (),
    *,
    session_id: int | None = None,
    text: str | None = None,
) -> int:
    """A scored attempt row, written as the store would, but at a frozen time."""
    stamp = at.astimezone(UTC).isoformat(timespec="seconds")
    with store.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO attempts (session_id, question_id, question_text, status, overall, "
            "flags, created_at, scored_at) VALUES (?, ?, ?, 'scored', ?, ?, ?, ?)",
            (
                session_id,
                qid,
                text or f"Question {qid}?",
                score,
                json.dumps(list(flags)),
                stamp,
                stamp,
            ),
        )
    return int(cur.lastrowid or 0)


def answer(
    store: Store,
    qid: str,
    score: int,
    at: datetime,
    flags: Sequence[str] = (),
    *,
    self_rating: int | None = None,
    session_id: int | None = None,
    config: PracticeConfig = CONFIG,
) -> ReviewOutcome:
    """Answer a question at ``at``: the attempt row, then the review, as the app does."""
    attempt_id = add_attempt(store, qid, score, at, flags, session_id=session_id)
    return record_review(
        store, qid, attempt_id, score, list(flags), self_rating, now=at, config=config
    )
