"""Debriefs: a valid personal bank, links to bundled questions, weak flags, scheduling."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from mockint import paths
from mockint.banks import load_bank_file, load_catalog
from mockint.errors import MockintError
from mockint.models import Kind
from mockint.practice import scheduler, weak
from mockint.practice.config import PracticeConfig
from mockint.practice.debrief import save_debrief
from mockint.practice.plan import daily_plan
from mockint.store import Store
from mockint.store.db import one
from tests.integration.test_practice_support import START, answer, day, open_store

ASKED = [
    # a paraphrase of the bundled beh-conflict-coworker
    "Tell me about a time when you had a disagreement with a co-worker and how you handled it",
    "Why do you want to work at Acme?",
    "Describe a time you had to clean up messy data under a tight deadline",
]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = open_store(tmp_path)
    yield s
    s.close()


def debrief(store: Store, questions: list[str] = ASKED, **kw: object):  # type: ignore[no-untyped-def]
    options: dict[str, object] = {
        "company": "Acme",
        "role": "Data analyst",
        "struggled": [1, 3],
        "feedback": "Wanted more concrete results",
        "interview_date": "2025-03-01",
        "now": START,
    }
    options.update(kw)
    return save_debrief(store, load_catalog(), questions=questions, **options)  # type: ignore[arg-type]


def test_debrief_writes_a_valid_bank_links_and_flags(store: Store) -> None:
    result = debrief(store)
    linked, added_why, added_data = result.items

    assert linked.linked and linked.question_id == "beh-conflict-coworker"
    assert linked.similarity is not None and linked.similarity >= 85
    assert not added_why.linked and added_why.question_id.startswith("debrief-")
    assert added_data.kind is Kind.BEHAVIORAL and added_why.kind is Kind.PERSONAL

    bank_file = paths.user_banks_dir() / "debriefs.yaml"
    assert result.bank_path == bank_file
    bank = load_bank_file(bank_file, user=True)
    assert bank.id == "debriefs"
    assert [q.id for q in bank.questions] == [added_why.question_id, added_data.question_id]
    data_q = bank.questions[1]
    assert data_q.key_points, "behavioral questions get STAR key points"
    assert data_q.tips == (
        "Asked at Acme for Data analyst on 2025-03-01; you struggled with it.",
        "Feedback you got: Wanted more concrete results",
    )
    assert oct(bank_file.stat().st_mode & 0o777) == "0o600"

    assert result.struggled_ids == ("beh-conflict-coworker", added_data.question_id)
    for qid in result.struggled_ids:
        flag = weak.get_flag(store, qid)
        assert flag is not None and flag.source == "debrief"
        assert "Acme" in flag.reason
        card = scheduler.get_card(store, qid)
        assert card is not None and card.due <= START
    assert weak.get_flag(store, added_why.question_id) is None

    row = one(store, "SELECT * FROM debriefs")
    assert (row["company"], row["role"], row["interview_date"]) == (
        "Acme",
        "Data analyst",
        "2025-03-01",
    )
    assert len(json.loads(row["questions_json"])) == 3
    assert result.interview_date == date(2025, 3, 1)


def test_follow_up_note_thanks_asks_and_keeps_the_door_open(store: Store) -> None:
    note = debrief(store).follow_up
    assert "Acme" in note and "Data analyst" in note
    lowered = note.lower()
    assert "thank you" in lowered and "feedback" in lowered and "stay in touch" in lowered


def test_struggled_questions_come_first_in_the_plan(store: Store) -> None:
    result = debrief(store)
    plan = daily_plan(store, load_catalog(), PracticeConfig(), START + timedelta(hours=1))
    assert [i.question.id for i in plan.items[:2]] == list(result.struggled_ids)
    assert [i.why for i in plan.items[:2]] == ["due", "due"]
    assert plan.items[0].detail == "you struggled with it in a real interview (Acme, 2025-03-01)"
    # The unstruggled debrief question is new practice, whatever banks are chosen.
    chosen = PracticeConfig(banks=["closing"], daily_questions=20, daily_minutes=0)
    later = daily_plan(store, load_catalog(), chosen, START + timedelta(hours=1))
    assert result.items[1].question_id in [q.id for q in later.questions]


def test_two_good_answers_clear_a_debrief_flag(store: Store) -> None:
    qid = debrief(store).struggled_ids[0]
    answer(store, qid, 85, day(1))
    assert weak.get_flag(store, qid) is not None
    answer(store, qid, 88, day(3))
    assert weak.get_flag(store, qid) is None


def test_a_second_debrief_links_to_the_first_and_keeps_ids_unique(store: Store) -> None:
    first = debrief(store)
    second = debrief(
        store,
        [ASKED[2], "Describe a time you had to clean up messy data for a report", ASKED[1]],
        struggled=[],
        company="Globex",
    )
    assert second.items[0].linked and second.items[0].question_id == first.items[2].question_id
    assert second.items[2].linked and second.items[2].question_id == first.items[1].question_id
    bank = load_bank_file(paths.user_banks_dir() / "debriefs.yaml", user=True)
    ids = [q.id for q in bank.questions]
    assert len(ids) == len(set(ids))
    assert store.read("SELECT COUNT(*) FROM debriefs")[0][0] == 2


def test_the_same_question_twice_in_one_debrief_is_added_once(store: Store) -> None:
    result = debrief(store, ["Why Acme?", "why acme"], struggled=[2])
    assert result.items[0].question_id == result.items[1].question_id
    assert len(load_bank_file(result.bank_path, user=True).questions) == 1


def test_all_linked_writes_no_bank(store: Store) -> None:
    result = debrief(store, ["Tell me about yourself"], struggled=[1])
    assert result.bank_path is None
    assert result.items[0].question_id.startswith("you-")
    assert not (paths.user_banks_dir() / "debriefs.yaml").exists()


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"struggled": [4]}, "from 1 to 3"),
        ({"struggled": ["not asked"]}, "not one of the questions"),
        ({"interview_date": "last tuesday"}, "YYYY-MM-DD"),
    ],
)
def test_bad_input_saves_nothing(store: Store, kw: dict[str, object], message: str) -> None:
    with pytest.raises(MockintError, match=message):
        debrief(store, **kw)
    assert not (paths.user_banks_dir() / "debriefs.yaml").exists()
    assert store.read("SELECT COUNT(*) FROM debriefs")[0][0] == 0


def test_no_questions_is_a_user_error(store: Store) -> None:
    with pytest.raises(MockintError, match="questions"):
        debrief(store, ["  ", ""])


def test_a_broken_debrief_bank_is_left_alone(store: Store) -> None:
    bank_file = paths.user_banks_dir() / "debriefs.yaml"
    bank_file.parent.mkdir(parents=True)
    bank_file.write_text("bank: debriefs\nquestions: [oops\n", encoding="utf-8")
    with pytest.raises(MockintError, match="move it aside"):
        debrief(store)
    assert bank_file.read_text(encoding="utf-8") == "bank: debriefs\nquestions: [oops\n"
    assert store.read("SELECT COUNT(*) FROM debriefs")[0][0] == 0


def test_a_transcript_answer_is_a_scored_attempt_and_struggled_stays_due() -> None:
    """Through the Coach, on the data root's real database: the answer is scored as typed
    text with the question's kind (STAR for a story), and scoring it (an FSRS review) does
    not push a struggled question out of today."""
    from mockint.coach import Coach
    from mockint.config import load_config

    now = START
    asked = ["Tell me about a project that failed and what you learned.", "Why Acme?"]
    said = [
        "At my last job our booking launch failed. I was the analyst. I ran five customer "
        "calls and moved the button. As a result bookings tripled in a month.",
        "",
    ]
    with Coach.open(load_config, catalog=load_catalog(), recover=False) as coach:
        result = coach.save_debrief(questions=asked, answers=said, struggled=[1], now=now)
        failed, why = result.items
        assert failed.kind is Kind.BEHAVIORAL and failed.answer_score is not None
        assert why.answer_score is None and why.attempt_id is None
        attempt = coach.attempt(failed.attempt_id or 0)
        assert attempt.question_id == failed.question_id
        assert attempt.report["metrics"]["star"]["result"] is True
        plan = coach.plan_today(now=now + timedelta(minutes=5))
    assert failed.question_id in [item.question.id for item in plan.items]
