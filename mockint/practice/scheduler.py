"""Spaced repetition: one FSRS card per practiced question.

Every scored answer is a review. Its rating comes from the score (``again_below`` 50 →
Again, ``hard_below`` 70 → Hard, ``good_below`` 85 → Good, else Easy) unless you rate the
answer yourself, which wins. :func:`record_review` is the one entry point after scoring:
it writes the ``reviews`` row, updates the card and re-evaluates the weak flag, in one
transaction. :func:`rate_attempt` changes an answer's rating afterwards.

The card is always rebuilt by replaying the question's reviews in order. That keeps a
later self-rating exact (the card is rescheduled as if the rating had been given at the
time) and makes the stored card a cache of the reviews, never the only copy. FSRS is
deterministic with fuzzing off, which it always is here: a replay must give the same dates.

Interview answers are reviewed over days, not minutes, so there are no learning or
relearning steps: the first answer sets a due date a day or more away.
"""

from __future__ import annotations

import sqlite3
import zlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from fsrs import Card, Rating, Scheduler, State

from mockint.clock import iso, parse, utc
from mockint.errors import MockintError
from mockint.models import RATINGS
from mockint.practice import weak
from mockint.practice.config import PracticeConfig, practice_config
from mockint.store import answers
from mockint.store.db import StoreLike, one, rows, write

RatingSource = Literal["score", "self"]
RATING_NAMES = {value: name.title() for value, name in enumerate(RATINGS, start=1)}
_STATE_NAMES = {State.Learning: "learning", State.Review: "review", State.Relearning: "relearning"}


@dataclass(frozen=True)
class CardStatus:
    """Where a question stands in spaced repetition."""

    question_id: str
    due: datetime
    state: str
    """"new" (never answered, e.g. scheduled by a debrief), "learning", "review" or
    "relearning"."""
    stability: float | None
    """Days until the chance of a good answer drops to 90 %."""
    difficulty: float | None
    """1 (easy) to 10 (hard), as FSRS sees it."""
    reps: int
    lapses: int
    """Times answered Again after having been learned."""
    last_review: datetime | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question_id,
            "due": iso(self.due),
            "state": self.state,
            "stability": self.stability,
            "difficulty": self.difficulty,
            "reps": self.reps,
            "lapses": self.lapses,
            "last_review": iso(self.last_review) if self.last_review else None,
        }


@dataclass(frozen=True)
class ReviewOutcome:
    """What one review did: the rating used, the card after it, the weak flag after it."""

    question_id: str
    rating: int
    source: RatingSource
    card: CardStatus
    weak: weak.WeakChange

    @property
    def rating_name(self) -> str:
        return RATING_NAMES[self.rating]


def rating_for_score(overall: int, config: PracticeConfig) -> int:
    """The FSRS rating (1 Again … 4 Easy) an answer's score earns."""
    if overall < config.again_below:
        return int(Rating.Again)
    if overall < config.hard_below:
        return int(Rating.Hard)
    if overall < config.good_below:
        return int(Rating.Good)
    return int(Rating.Easy)


def make_scheduler(config: PracticeConfig) -> Scheduler:
    return Scheduler(
        desired_retention=config.desired_retention,
        learning_steps=(),
        relearning_steps=(),
        maximum_interval=config.maximum_interval_days,
        enable_fuzzing=False,
    )


def check_rating(rating: int | str) -> int:
    """A rating given by the user: 1..4 or its name (``again``, ``Hard``…), as 1..4; anything
    else is a MockintError that says what is accepted."""
    if isinstance(rating, str):
        text = rating.strip().lower()
        by_name = {name.lower(): value for value, name in RATING_NAMES.items()}
        value: object = by_name.get(text, int(text) if text.isdigit() else None)
    else:
        value = rating
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 4:
        raise MockintError(
            f"rating must be 1-4 or a name (1 Again, 2 Hard, 3 Good, 4 Easy), not {rating!r}"
        )
    return value


def record_review(
    store: StoreLike,
    question_id: str,
    attempt_id: int | None,
    overall: int | None,
    flags: list[str] | tuple[str, ...],
    self_rating: int | str | None = None,
    now: datetime | None = None,
    *,
    config: PracticeConfig | None = None,
) -> ReviewOutcome:
    """Count a scored answer as a review: write the ``reviews`` row, update the card,
    re-evaluate the weak flag. Recording the same attempt again replaces its review (a
    re-score), keeping a rating you gave yourself unless a new one is passed."""
    if overall is None and self_rating is None:
        raise ValueError("record_review needs a score or a self-rating")
    cfg = practice_config(config)
    moment = utc(now)
    given = check_rating(self_rating) if self_rating is not None else None
    rating: int
    source: RatingSource
    if given is not None:
        rating, source = given, "self"
    else:
        assert overall is not None
        rating, source = rating_for_score(overall, cfg), "score"
    with write(store) as conn:
        rating, source = _write_review(conn, question_id, attempt_id, rating, source, moment)
        if given is not None and attempt_id is not None:
            answers.set_self_rating(conn, attempt_id, rating)
        card, latest_lapse = _rebuild(conn, question_id, cfg, moment)
        kept = rating if source == "self" else None
        current = weak.Answer(attempt_id, overall, tuple(flags), kept, moment)
        change = weak.evaluate(
            conn,
            question_id,
            cfg,
            moment,
            lapses=card.lapses,
            latest_lapse=latest_lapse,
            current=current,
        )
    return ReviewOutcome(question_id, rating, source, card, change)


def rate_attempt(
    store: StoreLike,
    attempt_id: int,
    rating: int | str,
    *,
    now: datetime | None = None,
    config: PracticeConfig | None = None,
) -> ReviewOutcome:
    """Rate a past answer yourself (1 Again … 4 Easy). Your rating replaces the score's and
    the card is rescheduled as if you had given it at the time."""
    value = check_rating(rating)
    cfg = practice_config(config)
    attempt = answers.find(store, attempt_id)
    if attempt is None:
        raise MockintError(f"no attempt {attempt_id} (see `mockint history`)")
    question_id = attempt.question_id
    if not question_id:
        raise MockintError(f"attempt {attempt_id} answers no bank question, so it has no card")
    if not attempt.counted:
        raise MockintError(
            f"attempt {attempt_id} does not count as practice (no speech in it, left mid-way, "
            "or a follow-up question), so rating it changes no schedule"
        )
    # The review belongs where the answer was given, so the replay reschedules from there.
    when = parse(attempt.scored_at or attempt.created_at)
    moment = utc(now)
    with write(store) as conn:
        answers.set_self_rating(conn, attempt_id, value)
        existing = one(conn, "SELECT reviewed_at FROM reviews WHERE attempt_id = ?", (attempt_id,))
        if existing is not None:
            when = parse(existing["reviewed_at"])
        _write_review(conn, question_id, attempt_id, value, "self", when)
        card, latest_lapse = _rebuild(conn, question_id, cfg, moment)
        change = weak.evaluate(
            conn, question_id, cfg, moment, lapses=card.lapses, latest_lapse=latest_lapse
        )
    return ReviewOutcome(question_id, value, "self", card, change)


def replay_question(
    store: StoreLike,
    question_id: str,
    *,
    now: datetime | None = None,
    config: PracticeConfig | None = None,
) -> CardStatus | None:
    """Rebuild the question's card from the reviews it has (none left: no card) and derive
    its automatic weak flag again from the answers left; after a review was taken away (a
    discarded take). The automatic rules read only the latest answers and the lapses, so
    deriving the flag afresh is what it would have been without the take."""
    cfg = practice_config(config)
    moment = utc(now)
    with write(store) as conn:
        conn.execute("DELETE FROM weak WHERE question_id = ? AND source = 'auto'", (question_id,))
        left = one(conn, "SELECT count(*) AS n FROM reviews WHERE question_id = ?", (question_id,))
        if not left or not left["n"]:
            conn.execute("DELETE FROM cards WHERE question_id = ?", (question_id,))
            return None
        card, latest_lapse = _rebuild(conn, question_id, cfg, moment)
        weak.evaluate(conn, question_id, cfg, moment, lapses=card.lapses, latest_lapse=latest_lapse)
    return card


def get_card(store: StoreLike, question_id: str) -> CardStatus | None:
    row = one(store, f"{_CARD_SELECT} WHERE question_id = ?", (question_id,))
    return _status(row) if row else None


def due_cards(store: StoreLike, until: datetime) -> list[CardStatus]:
    """Cards due at or before ``until``, most overdue first."""
    found = rows(
        store,
        f"{_CARD_SELECT} WHERE due <= ? ORDER BY due, question_id",
        (iso(until),),
    )
    return [_status(r) for r in found]


def schedule_now(store: StoreLike, question_id: str, now: datetime | None = None) -> CardStatus:
    """Make a question due now (a debrief's struggled questions come first). A question never
    answered gets a "new" card; an existing card keeps its history and only moves its due
    date (the next review reschedules it from its reviews as usual)."""
    moment = utc(now)
    with write(store) as conn:
        existing = get_card(conn, question_id)
        if existing is None:
            card = Card(card_id=_card_id(question_id), due=moment)
            _store_card(conn, question_id, card, reps=0, lapses=0, now=moment)
        else:
            conn.execute(
                "UPDATE cards SET due = ?, updated_at = ? WHERE question_id = ?",
                (iso(moment), iso(moment), question_id),
            )
    status = get_card(store, question_id)
    assert status is not None
    return status


# --- internals ----------------------------------------------------------------------------

_CARD_SELECT = (
    "SELECT question_id, due, state, stability, difficulty, lapses, reps, last_review FROM cards"
)


def _write_review(
    conn: sqlite3.Connection,
    question_id: str,
    attempt_id: int | None,
    rating: int,
    source: RatingSource,
    when: datetime,
) -> tuple[int, RatingSource]:
    """Insert the review, or replace the one this attempt already has. A self-rating already
    given survives a re-score; returns the rating and source that stand."""
    existing = None
    if attempt_id is not None:
        existing = one(
            conn, "SELECT id, rating, source FROM reviews WHERE attempt_id = ?", (attempt_id,)
        )
    if existing is None:
        conn.execute(
            "INSERT INTO reviews(question_id, attempt_id, rating, source, reviewed_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (question_id, attempt_id, rating, source, iso(when)),
        )
        return rating, source
    if existing["source"] == "self" and source == "score":
        return int(existing["rating"]), "self"
    conn.execute(
        "UPDATE reviews SET rating = ?, source = ? WHERE id = ?", (rating, source, existing["id"])
    )
    return rating, source


def _rebuild(
    conn: sqlite3.Connection, question_id: str, config: PracticeConfig, now: datetime
) -> tuple[CardStatus, bool]:
    """Replay every review of the question into a fresh card and store it. Returns the card
    and whether the latest review was a lapse."""
    reviews = rows(
        conn,
        "SELECT rating, reviewed_at FROM reviews WHERE question_id = ? ORDER BY reviewed_at, id",
        (question_id,),
    )
    scheduler = make_scheduler(config)
    card = Card(card_id=_card_id(question_id))
    lapses = 0
    latest_lapse = False
    for i, review in enumerate(reviews):
        rating = Rating(int(review["rating"]))
        # A lapse is forgetting something learned: an Again after the first answer.
        latest_lapse = i > 0 and rating is Rating.Again
        lapses += latest_lapse
        card, _ = scheduler.review_card(card, rating, review_datetime=parse(review["reviewed_at"]))
    _store_card(conn, question_id, card, reps=len(reviews), lapses=lapses, now=now)
    status = get_card(conn, question_id)
    assert status is not None
    return status, latest_lapse


def _store_card(
    conn: sqlite3.Connection,
    question_id: str,
    card: Card,
    *,
    reps: int,
    lapses: int,
    now: datetime,
) -> None:
    conn.execute(
        "INSERT INTO cards(question_id, card_json, due, state, stability, difficulty, lapses, "
        "reps, last_review, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(question_id) DO UPDATE SET card_json = excluded.card_json, "
        "due = excluded.due, state = excluded.state, stability = excluded.stability, "
        "difficulty = excluded.difficulty, lapses = excluded.lapses, reps = excluded.reps, "
        "last_review = excluded.last_review, updated_at = excluded.updated_at",
        (
            question_id,
            card.to_json(),
            iso(card.due),
            int(card.state),
            card.stability,
            card.difficulty,
            lapses,
            reps,
            iso(card.last_review) if card.last_review else None,
            iso(now),
        ),
    )


def _card_id(question_id: str) -> int:
    # fsrs would otherwise use the clock (and sleep a millisecond): a stable id per question.
    return zlib.crc32(question_id.encode("utf-8")) + 1


def _status(row: sqlite3.Row) -> CardStatus:
    reps = int(row["reps"])
    return CardStatus(
        question_id=row["question_id"],
        due=parse(row["due"]),
        state="new" if reps == 0 else _STATE_NAMES.get(State(int(row["state"])), "review"),
        stability=row["stability"],
        difficulty=row["difficulty"],
        reps=reps,
        lapses=int(row["lapses"]),
        last_review=parse(row["last_review"]) if row["last_review"] else None,
    )
