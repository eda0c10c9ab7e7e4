"""Daily plans on empty and rich histories (real SQLite, frozen clock)."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import UTC, timedelta, timezone
from pathlib import Path

import pytest

from mockint.banks import load_catalog
from mockint.models import Kind
from mockint.practice import weak
from mockint.practice.config import PracticeConfig
from mockint.practice.plan import daily_plan
from mockint.store import Store
from tests.integration.test_practice_support import (
    START,
    FakeCatalog,
    answer,
    catalog,
    day,
    open_store,
    question,
)

KINDS = (Kind.BEHAVIORAL, Kind.PERSONAL, Kind.SITUATIONAL)
QUESTIONS = catalog(
    question(
        f"{bank}-{kind.value[:3]}-{n}",
        bank=bank,
        kind=kind,
        difficulty=1 + (n % 3),
        target=(60, 120) if kind is Kind.BEHAVIORAL else (30, 60),
    )
    for bank in ("alpha", "beta", "gamma")
    for kind in KINDS
    for n in range(4)
)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = open_store(tmp_path)
    yield s
    s.close()


def nothing(store: Store) -> None:
    del store


def rich(store: Store) -> None:
    """Two weeks of history: three questions due (two of them weak), one flagged by hand,
    two answered well and not due."""
    answer(store, "alpha-beh-0", 40, day(-14))  # Again: due the next day, long overdue, weak
    answer(store, "gamma-beh-1", 92, day(-14))
    answer(store, "gamma-beh-1", 45, day(-5))  # answered badly this time: weak, due
    answer(store, "alpha-per-1", 70, day(-3))  # Good: due about now
    answer(store, "beta-beh-2", 90, day(-1))  # Easy: not due for a week
    answer(store, "beta-sit-0", 95, day(-2))
    answer(store, "gamma-per-3", 95, day(-2))
    weak.mark_weak(store, "beta-sit-0", now=day(-1))  # flagged by hand, not due


Setup = Callable[[Store], None]

CASES = [
    # name, history, config, expected "why" of each item
    ("first run", nothing, PracticeConfig(), ["new"] * 5),
    ("first run, 3 a day", nothing, PracticeConfig(daily_questions=3), ["new"] * 3),
    ("first run, 5 minutes", nothing, PracticeConfig(daily_minutes=5), ["new"] * 2),
    ("rich history", rich, PracticeConfig(), ["due", "due", "due", "weak", "new"]),
    ("rich, 2 a day", rich, PracticeConfig(daily_questions=2), ["due", "due"]),
    (
        "rich, no time limit",
        rich,
        PracticeConfig(daily_questions=8, daily_minutes=0),
        ["due", "due", "due", "weak", "new", "new", "new", "new"],
    ),
]


@pytest.mark.parametrize(
    ("history", "config", "whys"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_plan_composition(
    store: Store, history: Setup, config: PracticeConfig, whys: list[str]
) -> None:
    history(store)
    plan = daily_plan(store, QUESTIONS, config, START)
    assert [i.why for i in plan.items] == whys
    assert len({i.question.id for i in plan.items}) == len(plan.items)
    if config.daily_minutes:
        assert plan.estimated_minutes <= config.daily_minutes * 1.1 + 1


def test_due_comes_most_overdue_first_then_weak_weakest_first(store: Store) -> None:
    rich(store)
    plan = daily_plan(store, QUESTIONS, PracticeConfig(daily_questions=10, daily_minutes=0), START)
    due = [i for i in plan.items if i.why == "due"]
    assert [i.question.id for i in due] == ["alpha-beh-0", "gamma-beh-1", "alpha-per-1"]
    assert [i.detail for i in due[:2]] == ["overdue by 13 days", "overdue by 4 days"]
    weak_items = [i for i in plan.items if i.why == "weak"]
    assert [i.question.id for i in weak_items] == ["beta-sit-0"]
    assert weak_items[0].detail == "marked weak by you"


def test_first_run_is_easy_spread_and_stable_for_the_day(store: Store) -> None:
    plan = daily_plan(store, QUESTIONS, PracticeConfig(daily_minutes=0, daily_questions=6), START)
    assert plan.first_run
    assert all(i.question.difficulty == 1 for i in plan.items)
    banks = [i.question.bank for i in plan.items]
    assert all(a != b for a, b in itertools.pairwise(banks)), banks
    assert len({i.question.kind for i in plan.items}) > 1
    later = daily_plan(
        store,
        QUESTIONS,
        PracticeConfig(daily_minutes=0, daily_questions=6),
        START + timedelta(hours=8),
    )
    assert later.questions == plan.questions, "same plan all day"
    days = {
        tuple(q.id for q in daily_plan(store, QUESTIONS, PracticeConfig(), day(n)).questions)
        for n in range(5)
    }
    assert len(days) > 1, "another day, another plan"


def test_chosen_banks_limit_new_questions(store: Store) -> None:
    config = PracticeConfig(banks=["beta"], daily_questions=12, daily_minutes=0)
    plan = daily_plan(store, QUESTIONS, config, START)
    assert {i.question.bank for i in plan.items} == {"beta"}
    assert len(plan.items) == 12


def test_debrief_questions_join_whatever_banks_are_chosen(store: Store) -> None:
    mine = question("debrief-why-acme", bank="debriefs", kind=Kind.PERSONAL, difficulty=1)
    source = FakeCatalog((*QUESTIONS.items, mine))
    plan = daily_plan(store, source, PracticeConfig(banks=["beta"], daily_questions=20), START)
    assert "debrief-why-acme" in [q.id for q in plan.questions]


def test_questions_answered_today_count_towards_the_target(store: Store) -> None:
    config = PracticeConfig()
    morning = daily_plan(store, QUESTIONS, config, START)
    for item in morning.items[:3]:
        answer(store, item.question.id, 80, START + timedelta(minutes=10))
    noon = daily_plan(store, QUESTIONS, config, START + timedelta(hours=3))
    assert noon.done_today == 3 and len(noon.items) == 2
    assert not {q.id for q in noon.questions} & {i.question.id for i in morning.items[:3]}
    for item in noon.items:
        answer(store, item.question.id, 80, START + timedelta(hours=4))
    evening = daily_plan(store, QUESTIONS, config, START + timedelta(hours=9))
    assert evening.complete and evening.items == ()
    assert evening.to_dict()["complete"] is True


def test_today_is_the_users_day(store: Store) -> None:
    # 23:30 UTC is already tomorrow in Tokyo: an answer then is not "today" there.
    answer(store, "alpha-beh-0", 80, START.replace(hour=23, minute=30) - timedelta(days=1))
    tokyo = timezone(timedelta(hours=9))
    in_utc = daily_plan(store, QUESTIONS, PracticeConfig(), START, tz=UTC)
    in_tokyo = daily_plan(store, QUESTIONS, PracticeConfig(), START, tz=tokyo)
    assert in_utc.done_today == 0
    assert in_tokyo.done_today == 1


def test_questions_whose_bank_is_gone_are_left_out(store: Store) -> None:
    answer(store, "retired", 30, day(-3))
    plan = daily_plan(store, QUESTIONS, PracticeConfig(), START)
    assert "retired" not in [q.id for q in plan.questions]


def test_first_run_with_the_bundled_banks(store: Store) -> None:
    bundled = load_catalog(include_user=False)
    plan = daily_plan(store, bundled, PracticeConfig(), START)
    assert len(plan.items) == 5 and plan.first_run
    assert 10 <= plan.estimated_minutes <= 17
    data = plan.to_dict()
    assert data["counts"] == {"job": 0, "due": 0, "weak": 0, "new": 5}
    assert {"question", "text", "bank", "kind", "why", "detail", "minutes"} <= set(data["items"][0])


def test_field_banks_come_with_the_users_field(store: Store) -> None:
    from mockint.practice.plan import bank_fields

    bundled = load_catalog(include_user=False)
    fields = bank_fields(bundled.banks)
    general = {b.id for b in bundled.banks if b.field == "general"}
    config = PracticeConfig(daily_questions=60, daily_minutes=0)
    plan = daily_plan(store, bundled, config, START, fields=fields)
    assert plan.items and {i.question.bank for i in plan.items} <= general
    nurse = PracticeConfig(field="healthcare", daily_questions=60, daily_minutes=0)
    plan = daily_plan(store, bundled, nurse, START, fields=fields)
    assert {i.question.bank for i in plan.items} == general | {"healthcare-nursing"}
    chosen = PracticeConfig(banks=["software-engineering"], daily_questions=5, daily_minutes=0)
    plan = daily_plan(store, bundled, chosen, START, fields=fields)
    assert {i.question.bank for i in plan.items} == {"software-engineering"}


@pytest.mark.parametrize(
    ("days_left", "job_items"), [(30, 2), (14, 3), (5, 4), (1, 5), (0, 5), (-1, 0)]
)
def test_a_job_takes_more_of_the_plan_as_its_interview_nears(
    store: Store, days_left: int, job_items: int
) -> None:
    from mockint.practice.jobs import Job

    ids = tuple(q.id for q in QUESTIONS.questions() if q.bank == "gamma")
    job = Job(
        "job-x", "Nurse", "", "general", ids, (START + timedelta(days=days_left)).date(), START
    )
    plan = daily_plan(store, QUESTIONS, PracticeConfig(), START, job=job)
    whys = [i.why for i in plan.items]
    assert whys.count("job") == job_items
    assert whys[:job_items] == ["job"] * job_items
    if job_items:
        when = {0: "today", 1: "tomorrow"}.get(days_left, f"in {days_left} days")
        assert plan.items[0].detail == f"for your Nurse interview {when}"
