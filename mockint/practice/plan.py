"""Today's plan: due questions first, then weak ones, then new ones.

- **due**: questions spaced repetition brings back today (by the end of your day), most
  overdue first; a debrief's struggled questions are due at once.
- **weak**: flagged questions not due and not answered today, weakest first.
- **new**: never-answered questions from your chosen banks (``practice.banks``; empty means
  the general banks, the banks of your field (``practice.field`` or the one chosen in the
  app) and your own banks; your debriefs always count), spread round-robin across banks and
  kinds. A brand-new user gets the easier ones first. The order is shuffled with the date as
  seed, so the plan is the same all day and different tomorrow.
- **job**: with an interview date ahead (``mockint job POSTING --interview DATE``), the job's
  practice set comes first, taking a share of the plan that grows as the date nears
  (:func:`mockint.practice.jobs.focus_share`).

The plan holds ``daily_questions`` questions or about ``daily_minutes`` minutes, whichever
comes first; questions answered earlier today count towards both, so the plan shrinks as you
practice and reads "done" when the day's target is met.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any, Literal

from mockint.clock import end_of_day, iso, local_date, utc
from mockint.models import Bank, Question
from mockint.practice import scheduler
from mockint.practice._catalog import QuestionSource, by_id
from mockint.practice.config import PracticeConfig, practice_config
from mockint.practice.jobs import Job, focus_share
from mockint.practice.weak import all_flags, weak_questions
from mockint.store import answers
from mockint.store.db import StoreLike, rows

Why = Literal["job", "due", "weak", "new"]

DEBRIEF_BANK = "debriefs"
"""The personal bank ``mockint debrief`` writes; always part of the plan."""

GENERAL = "general"
"""The field of banks that suit every interview; user banks count as general too."""

MINUTES_SLACK = 1.1
"""A plan may run this much over ``daily_minutes`` ("about 15 minutes")."""


@dataclass(frozen=True)
class PlanItem:
    """One question in the plan, and why it is there."""

    question: Question
    why: Why
    detail: str
    """In words: "overdue by 2 days", "scored 42 last time (below 60)", "warm-up"."""
    minutes: float
    """Estimated time: the answer's target length plus time for the feedback."""

    def to_dict(self) -> dict[str, Any]:
        q = self.question
        return {
            "question": q.id,
            "text": q.text,
            "bank": q.bank,
            "kind": str(q.kind),
            "difficulty": q.difficulty,
            "why": self.why,
            "detail": self.detail,
            "minutes": round(self.minutes, 1),
        }


@dataclass(frozen=True)
class DailyPlan:
    """Today's questions, in the order to practice them."""

    day: date
    items: tuple[PlanItem, ...]
    target_questions: int
    target_minutes: int
    done_today: int
    """Questions answered (and scored) earlier today."""
    first_run: bool
    """No answer scored yet, ever: the plan starts with warm-ups."""

    @property
    def estimated_minutes(self) -> int:
        return math.ceil(sum(i.minutes for i in self.items) - 1e-9)

    @property
    def complete(self) -> bool:
        """Today's target is met: nothing left to plan."""
        return not self.items and self.done_today > 0

    @property
    def questions(self) -> list[Question]:
        return [i.question for i in self.items]

    def counts(self) -> dict[str, int]:
        whys = ("job", "due", "weak", "new")
        return {why: sum(1 for i in self.items if i.why == why) for why in whys}

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(),
            "items": [i.to_dict() for i in self.items],
            "counts": self.counts(),
            "estimated_minutes": self.estimated_minutes,
            "target": {"questions": self.target_questions, "minutes": self.target_minutes},
            "done_today": self.done_today,
            "complete": self.complete,
            "first_run": self.first_run,
        }


def estimate_minutes(question: Question, config: PracticeConfig) -> float:
    """Answer length (middle of the target range) plus feedback time, in minutes."""
    low, high = question.target_seconds
    return ((low + high) / 2 + config.feedback_seconds) / 60


def daily_plan(
    store: StoreLike,
    catalog: QuestionSource,
    config: PracticeConfig | None = None,
    now: datetime | None = None,
    *,
    tz: tzinfo | None = None,
    fields: Mapping[str, str] | None = None,
    job: Job | None = None,
) -> DailyPlan:
    """Today's plan (see the module doc). ``tz`` is the user's time zone (default: the
    system's); it decides where "today" starts. ``fields`` maps bank ids to their field
    (:func:`bank_fields`; banks it does not name count as general); ``job`` is the job in
    focus, if any (:func:`mockint.practice.jobs.focus`)."""
    cfg = practice_config(config)
    moment = utc(now)
    day = local_date(moment, tz)
    questions = by_id(catalog)
    done = _answered_today(store, moment, tz)
    first_run = _no_reviews(store)
    candidates = [
        *_job_items(job, questions, done, cfg, day),
        *_due_items(store, questions, moment, tz, cfg),
        *_weak_items(store, catalog, questions, done, cfg),
        *_new_items(store, questions.values(), cfg, day, first_run, fields or {}),
    ]
    spent = sum(estimate_minutes(questions[q], cfg) if q in questions else 3.0 for q in done)
    items = _fit(_dedupe(candidates, done), cfg, len(done), spent)
    return DailyPlan(
        day=day,
        items=tuple(items),
        target_questions=cfg.daily_questions,
        target_minutes=cfg.daily_minutes,
        done_today=len(done),
        first_run=first_run,
    )


def bank_fields(banks: Iterable[Bank]) -> dict[str, str]:
    """Bank id → field, for :func:`daily_plan`; the user's own banks count as general (they
    made them for themselves)."""
    return {b.id: GENERAL if b.user else b.field for b in banks}


# --- the sources ------------------------------------------------------------------------------


def _job_items(
    job: Job | None, questions: dict[str, Question], done: set[str], cfg: PracticeConfig, day: date
) -> list[PlanItem]:
    days = job.days_left(day) if job else None
    if job is None or days is None or days < 0:
        return []
    share = math.ceil(focus_share(days) * cfg.daily_questions)
    when = "today" if days == 0 else "tomorrow" if days == 1 else f"in {days} days"
    detail = f"for your {job.role or job.name} interview {when}"
    todo = [questions[q] for q in job.question_ids if q in questions and q not in done]
    return [PlanItem(q, "job", detail, estimate_minutes(q, cfg)) for q in todo[:share]]


def _due_items(
    db: StoreLike,
    questions: dict[str, Question],
    now: datetime,
    tz: tzinfo | None,
    cfg: PracticeConfig,
) -> list[PlanItem]:
    items = []
    flags = all_flags(db)
    for card in scheduler.due_cards(db, end_of_day(now, tz)):
        question = questions.get(card.question_id)
        if question is None:
            continue  # its bank is gone: nothing to show
        flag = flags.get(card.question_id)
        # A debrief made it due: its reason ("you struggled with it…") says more than a date.
        detail = flag.reason if flag and flag.source == "debrief" else _due_detail(card, now, tz)
        items.append(PlanItem(question, "due", detail, estimate_minutes(question, cfg)))
    return items


def _due_detail(card: scheduler.CardStatus, now: datetime, tz: tzinfo | None) -> str:
    days = (local_date(now, tz) - local_date(card.due, tz)).days
    if days <= 0:
        return "due today"
    return "overdue by 1 day" if days == 1 else f"overdue by {days} days"


def _weak_items(
    db: StoreLike,
    catalog: QuestionSource,
    questions: dict[str, Question],
    done: set[str],
    cfg: PracticeConfig,
) -> list[PlanItem]:
    items = []
    for weak in weak_questions(db, catalog):
        question = questions.get(weak.question_id)
        if question is None or weak.question_id in done:
            continue
        detail = "; ".join(weak.reasons)
        items.append(PlanItem(question, "weak", detail, estimate_minutes(question, cfg)))
    return items


def _new_items(
    db: StoreLike,
    questions: Iterable[Question],
    cfg: PracticeConfig,
    day: date,
    first_run: bool,
    fields: Mapping[str, str],
) -> list[PlanItem]:
    seen = {r[0] for r in rows(db, "SELECT question_id FROM cards")}
    seen |= {r[0] for r in rows(db, "SELECT question_id FROM weak")}
    chosen = set(cfg.banks)
    # A nurse should not get system-design questions on day one: field banks come in only
    # for the user's own field, or when named in practice.banks.
    mine = {GENERAL, cfg.field} if cfg.field else {GENERAL}

    def wanted(q: Question) -> bool:
        if chosen:
            return q.bank in chosen or q.bank == DEBRIEF_BANK
        return fields.get(q.bank, GENERAL) in mine

    fresh = [q for q in questions if q.id not in seen and wanted(q)]
    ordered = spread(fresh, random.Random(f"mockint-{day.isoformat()}"), easy_first=first_run)
    return [
        PlanItem(q, "new", _new_detail(q, first_run), estimate_minutes(q, cfg)) for q in ordered
    ]


def _new_detail(question: Question, first_run: bool) -> str:
    if question.bank == DEBRIEF_BANK:
        return "from your debrief"
    if first_run and question.difficulty <= 1:
        return "warm-up"
    return "new"


def spread(
    questions: Sequence[Question], rng: random.Random, *, easy_first: bool
) -> list[Question]:
    """Interleave questions so neighbours differ: round-robin over banks, and within each
    bank over kinds, in an order shuffled by ``rng``. With ``easy_first`` each difficulty
    level is spread on its own, easiest level first."""
    if easy_first:
        levels = sorted({q.difficulty for q in questions})
        return [
            q
            for level in levels
            for q in spread([q for q in questions if q.difficulty == level], rng, easy_first=False)
        ]
    by_bank: dict[str, dict[str, list[Question]]] = {}
    for q in sorted(questions, key=lambda q: q.id):
        by_bank.setdefault(q.bank, {}).setdefault(str(q.kind), []).append(q)
    streams = []
    for bank in sorted(by_bank):
        kinds = [by_bank[bank][kind] for kind in sorted(by_bank[bank])]
        for group in kinds:
            rng.shuffle(group)
        rng.shuffle(kinds)
        streams.append(_round_robin(kinds))
    rng.shuffle(streams)
    return _round_robin(streams)


def _round_robin(groups: Sequence[Sequence[Question]]) -> list[Question]:
    result: list[Question] = []
    longest = max((len(g) for g in groups), default=0)
    for i in range(longest):
        result.extend(g[i] for g in groups if i < len(g))
    return result


# --- sizing -------------------------------------------------------------------------------


def _dedupe(items: Iterable[PlanItem], done: set[str]) -> list[PlanItem]:
    seen = set(done)
    unique = []
    for item in items:
        if item.question.id not in seen:
            seen.add(item.question.id)
            unique.append(item)
    return unique


def _fit(items: list[PlanItem], cfg: PracticeConfig, done: int, spent: float) -> list[PlanItem]:
    """Take items in order until the question or minute target is reached. The first item
    of a fresh day is always taken, so one long question never leaves the plan empty."""
    slots = max(0, cfg.daily_questions - done)
    budget = cfg.daily_minutes * MINUTES_SLACK - spent if cfg.daily_minutes > 0 else math.inf
    chosen: list[PlanItem] = []
    used = 0.0
    for item in items:
        if len(chosen) >= slots:
            break
        if used + item.minutes > budget and (chosen or done):
            break
        chosen.append(item)
        used += item.minutes
    return chosen


# --- history ------------------------------------------------------------------------------


def _answered_today(db: StoreLike, now: datetime, tz: tzinfo | None) -> set[str]:
    """Questions with a scored answer on the user's current day."""
    today = local_date(now, tz)
    # A day and a half back covers every time zone; the exact day is checked below.
    found = answers.scored_since(db, iso(now - timedelta(hours=36)))
    return {a.question_id for a in found if a.question_id and local_date(a.created, tz) == today}


def _no_reviews(db: StoreLike) -> bool:
    return not rows(db, "SELECT 1 FROM reviews LIMIT 1")
