"""Weak questions: which ones you struggle with, and why.

A question is flagged weak, with a reason a person can read, when
- its latest answer scored below ``weak_below`` ("scored 42 last time (below 60)");
- the same problem keeps coming back: the latest answer has a flag that also appears in
  ``weak_flag_count`` of the last ``weak_flag_window`` answers ("missing_result in 3 of the
  last 4 answers");
- it is a leech: just forgotten again, for the ``leech_lapses``-th time or more ("forgotten 3
  times (leech)");
- you marked it yourself (:func:`mark_weak`), or said you struggled with it in a real
  interview (:mod:`mockint.practice.debrief`).

Clearing: automatic and debrief flags clear after ``unflag_after`` good answers in a row
given since the flag was set (score ≥ ``unflag_score`` and not rated Again/Hard by you).
Flags you set yourself clear only with :func:`unmark_weak`: you said so, so you decide.
While that good run lasts, the automatic rules stay quiet, so a cleared question is not
flagged again by old answers.

The automatic rules only look at the latest answer (and the card's lapses), so evaluating
after each review is enough: :func:`mockint.practice.scheduler.record_review` calls
:func:`evaluate`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from mockint.clock import iso, parse, utc
from mockint.errors import MockintError
from mockint.models import Question
from mockint.practice._catalog import QuestionSource, by_id
from mockint.practice.config import PracticeConfig
from mockint.scoring.result import FLAGS
from mockint.store import answers
from mockint.store.attempts import Attempt
from mockint.store.db import StoreLike, one, rows, write

Source = Literal["auto", "manual", "debrief"]
Change = Literal["flagged", "updated", "unflagged", "unchanged"]

REASON_SEPARATOR = "; "
MANUAL_REASON = "marked weak by you"


@dataclass(frozen=True)
class Answer:
    """One scored answer, as the weak rules see it."""

    attempt_id: int | None
    score: int | None
    flags: tuple[str, ...]
    self_rating: int | None
    at: datetime

    @classmethod
    def of(cls, attempt: Attempt) -> Answer:
        return cls(attempt.id, attempt.overall, attempt.flags, attempt.self_rating, attempt.created)


@dataclass(frozen=True)
class WeakFlag:
    """A row of the ``weak`` table."""

    question_id: str
    reason: str
    source: Source
    since: datetime

    @property
    def reasons(self) -> tuple[str, ...]:
        return tuple(self.reason.split(REASON_SEPARATOR))


@dataclass(frozen=True)
class WeakChange:
    """What :func:`evaluate` did to a question's flag."""

    change: Change
    flag: WeakFlag | None
    """The flag after evaluation (None: not weak)."""


@dataclass(frozen=True)
class WeakQuestion:
    """A weak question with everything the weak list shows."""

    question_id: str
    text: str
    question: Question | None
    """None when the question's bank is no longer loaded."""
    reasons: tuple[str, ...]
    source: Source
    since: datetime
    last_scores: tuple[int, ...]
    """Latest first, up to three."""
    last_flags: tuple[str, ...]
    """Problems found in the latest answer."""
    lapses: int
    due: datetime | None

    @property
    def latest_score(self) -> int | None:
        return self.last_scores[0] if self.last_scores else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question_id,
            "text": self.text,
            "bank": self.question.bank if self.question else None,
            "kind": str(self.question.kind) if self.question else None,
            "reasons": list(self.reasons),
            "source": self.source,
            "since": iso(self.since),
            "last_scores": list(self.last_scores),
            "last_flags": list(self.last_flags),
            "lapses": self.lapses,
            "due": iso(self.due) if self.due else None,
        }


# --- the rules (pure) ---------------------------------------------------------------------


def is_good(answer: Answer, config: PracticeConfig) -> bool:
    """Good enough to count towards clearing a flag."""
    if answer.score is None or answer.score < config.unflag_score:
        return False
    return answer.self_rating is None or answer.self_rating >= 3


def good_run(history: Sequence[Answer], since: datetime | None, config: PracticeConfig) -> bool:
    """The latest ``unflag_after`` answers (newest first in ``history``), all given at or after
    ``since``, are all good."""
    needed = max(1, config.unflag_after)
    recent = list(history[:needed])
    if len(recent) < needed:
        return False
    if since is not None and any(a.at < since for a in recent):
        return False
    return all(is_good(a, config) for a in recent)


def auto_reasons(
    history: Sequence[Answer], lapses: int, latest_lapse: bool, config: PracticeConfig
) -> list[str]:
    """Why the automatic rules flag this question now (empty: they do not). ``history`` is
    newest first."""
    if not history:
        return []
    latest = history[0]
    reasons: list[str] = []
    if latest.score is not None and latest.score < config.weak_below:
        reasons.append(f"scored {latest.score} last time (below {config.weak_below})")
    window = list(history[: max(1, config.weak_flag_window)])
    for flag in dict.fromkeys(latest.flags):
        count = sum(1 for a in window if flag in a.flags)
        if count >= max(1, config.weak_flag_count):
            reasons.append(f"{flag} in {count} of the last {len(window)} answers")
    if latest_lapse and lapses >= max(1, config.leech_lapses):
        reasons.append(f"forgotten {lapses} times (leech)")
    return reasons


# --- the weak table ---------------------------------------------------------------------


def get_flag(store: StoreLike, question_id: str) -> WeakFlag | None:
    row = one(
        store,
        "SELECT question_id, reason, source, since FROM weak WHERE question_id = ?",
        (question_id,),
    )
    return _flag(row) if row else None


def all_flags(store: StoreLike) -> dict[str, WeakFlag]:
    found = rows(store, "SELECT question_id, reason, source, since FROM weak")
    return {r["question_id"]: _flag(r) for r in found}


def mark_weak(
    store: StoreLike,
    question_id: str,
    reason: str | None = None,
    *,
    source: Source = "manual",
    now: datetime | None = None,
) -> WeakFlag:
    """Flag a question weak by hand (or from a debrief). A flag you set yourself is never
    replaced by another source."""
    if not question_id.strip():
        raise MockintError("which question? give its id (see `mockint banks show BANK`)")
    flag = WeakFlag(question_id, reason or MANUAL_REASON, source, utc(now))
    with write(store) as conn:
        existing = get_flag(conn, question_id)
        if existing and existing.source == "manual" and source != "manual":
            return existing
        _write(conn, flag)
    return flag


def unmark_weak(store: StoreLike, question_id: str) -> bool:
    """Clear a question's weak flag, whatever set it. False if it was not flagged."""
    with write(store) as conn:
        cur = conn.execute("DELETE FROM weak WHERE question_id = ?", (question_id,))
    return cur.rowcount > 0


def recent_answers(db: StoreLike, question_id: str, limit: int) -> list[Answer]:
    """Scored answers to a question, newest first."""
    return [Answer.of(a) for a in answers.recent(db, question_id, limit)]


def evaluate(
    conn: sqlite3.Connection,
    question_id: str,
    config: PracticeConfig,
    now: datetime,
    *,
    lapses: int,
    latest_lapse: bool,
    current: Answer | None = None,
) -> WeakChange:
    """Apply the rules after a review and update the ``weak`` table. ``current`` is the answer
    just reviewed when it may not be in ``attempts`` yet (or has no attempt row)."""
    depth = max(config.weak_flag_window, config.unflag_after, 1)
    history = recent_answers(conn, question_id, depth + 1)
    if current is not None:
        history = [current, *(a for a in history if a.attempt_id != current.attempt_id)]
    history = history[:depth]
    existing = get_flag(conn, question_id)
    if existing and existing.source != "manual" and good_run(history, existing.since, config):
        conn.execute("DELETE FROM weak WHERE question_id = ?", (question_id,))
        return WeakChange("unflagged", None)
    if good_run(history, None, config):
        return WeakChange("unchanged", existing)
    reasons = auto_reasons(history, lapses, latest_lapse, config)
    if not reasons:
        return WeakChange("unchanged", existing)
    reason = REASON_SEPARATOR.join(reasons)
    if existing is None:
        flag = WeakFlag(question_id, reason, "auto", utc(now))
        _write(conn, flag)
        return WeakChange("flagged", flag)
    if existing.source != "auto" or existing.reason == reason:
        # A flag you or a debrief set keeps its own reason; the scores tell the rest.
        return WeakChange("unchanged", existing)
    flag = WeakFlag(question_id, reason, "auto", existing.since)
    _write(conn, flag)
    return WeakChange("updated", flag)


def _write(conn: sqlite3.Connection, flag: WeakFlag) -> None:
    conn.execute(
        "INSERT INTO weak(question_id, reason, source, since) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(question_id) DO UPDATE SET reason = excluded.reason, "
        "source = excluded.source, since = excluded.since",
        (flag.question_id, flag.reason, flag.source, iso(flag.since)),
    )


def _flag(row: sqlite3.Row) -> WeakFlag:
    return WeakFlag(row["question_id"], row["reason"], row["source"], parse(row["since"]))


# --- lists --------------------------------------------------------------------------------


def weak_questions(
    store: StoreLike, catalog: QuestionSource, now: datetime | None = None
) -> list[WeakQuestion]:
    """Every weak question, weakest first: never answered since flagging (a debrief), then
    by latest score, then most lapses."""
    del now  # the list does not depend on the time today; kept for a uniform API
    questions = by_id(catalog)
    found = [
        _weak_question(store, flag, questions.get(qid)) for qid, flag in all_flags(store).items()
    ]
    return sorted(found, key=_weakness_key)


def _weakness_key(w: WeakQuestion) -> tuple[int, int, float]:
    score = -1 if w.latest_score is None else w.latest_score
    return (score, -w.lapses, w.since.timestamp())


def _weak_question(db: StoreLike, flag: WeakFlag, question: Question | None) -> WeakQuestion:
    answers = recent_answers(db, flag.question_id, 3)
    card = one(db, "SELECT lapses, due FROM cards WHERE question_id = ?", (flag.question_id,))
    return WeakQuestion(
        question_id=flag.question_id,
        text=question.text if question else _stored_text(db, flag.question_id),
        question=question,
        reasons=flag.reasons,
        source=flag.source,
        since=flag.since,
        last_scores=tuple(a.score for a in answers if a.score is not None),
        last_flags=answers[0].flags if answers else (),
        lapses=int(card["lapses"]) if card else 0,
        due=parse(card["due"]) if card else None,
    )


def _stored_text(db: StoreLike, question_id: str) -> str:
    return answers.question_text(db, question_id) or question_id


def drill_questions(
    store: StoreLike,
    catalog: QuestionSource,
    *,
    flag: str | None = None,
    now: datetime | None = None,
) -> list[Question]:
    """Questions for a drill, weakest first: every weak question, or (with ``flag``) every
    question whose latest answer had that problem, e.g. ``missing_result``. Questions whose
    bank is no longer loaded are left out (there is nothing to show)."""
    questions = by_id(catalog)
    if flag is None:
        chosen = [w.question for w in weak_questions(store, catalog, now) if w.question]
        return chosen
    _check_flag(store, flag)
    return [questions[qid] for qid in latest_flags(store).get(flag, []) if qid in questions]


def latest_flags(store: StoreLike) -> dict[str, list[str]]:
    """For each problem, the questions whose latest answer had it, lowest score first (what
    a drill on that problem would ask)."""
    found: dict[str, list[tuple[int, str]]] = {}
    for qid, answer in _latest_answers(store).items():
        for flag in answer.flags:
            score = answer.score if answer.score is not None else -1
            found.setdefault(flag, []).append((score, qid))
    return {flag: [qid for _, qid in sorted(hits)] for flag, hits in sorted(found.items())}


def _latest_answers(db: StoreLike) -> dict[str, Answer]:
    latest: dict[str, Answer] = {}
    for a in answers.all_scored(db):  # oldest first: each question ends on its latest
        latest[a.question_id or ""] = Answer.of(a)
    return latest


def _check_flag(db: StoreLike, flag: str) -> None:
    if flag in FLAGS:
        return
    seen = answers.flags_seen(db)
    if flag not in seen:
        raise MockintError(
            f"unknown problem {flag!r}; drill one of: {', '.join(sorted(set(FLAGS) | seen))}"
        )
