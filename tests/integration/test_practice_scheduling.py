"""Spaced repetition and weak flags over simulated weeks, on a real SQLite file, frozen clock."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from fsrs import Card

from mockint.errors import MockintError
from mockint.practice import scheduler, weak
from mockint.practice.config import PracticeConfig
from mockint.store import Store
from tests.integration.test_practice_support import (
    CONFIG,
    START,
    add_attempt,
    answer,
    catalog,
    day,
    open_store,
    question,
)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = open_store(tmp_path)
    yield s
    s.close()


def simulate(store: Store, scores: dict[str, int], days: int) -> dict[str, list[int]]:
    """Answer every due question each morning for ``days`` days, each always with the same
    score; returns the days each question was answered on."""
    answered: dict[str, list[int]] = {qid: [] for qid in scores}
    for n in range(days):
        now = day(n)
        due = {c.question_id for c in scheduler.due_cards(store, now + timedelta(hours=12))}
        for qid, score in scores.items():
            if n == 0 or qid in due:
                answer(store, qid, score, now)
                answered[qid].append(n)
    return answered


def test_a_badly_answered_question_comes_back_sooner_and_more_often(store: Store) -> None:
    bad = answer(store, "bad", 40, START)
    good = answer(store, "good", 90, START)
    assert bad.rating_name == "Again" and good.rating_name == "Easy"
    assert bad.card.due < good.card.due
    assert bad.card.due - START == timedelta(days=1)

    # Eight weeks of answering whatever is due, each question always as well as before.
    answered = simulate(store, {"bad2": 45, "hard": 65, "good": 80}, days=56)
    counts = [len(answered[q]) for q in ("bad2", "hard", "good")]
    assert counts[0] > counts[1] > counts[2]
    gaps = [b - a for a, b in zip(answered["hard"], answered["hard"][1:], strict=False)]
    assert gaps == sorted(set(gaps)), "steady answers space out, day after day"


def test_rating_bands_order_the_first_interval(store: Store) -> None:
    dues = [answer(store, f"q{s}", s, START).card.due for s in (30, 60, 80, 95)]
    assert dues == sorted(dues)
    assert dues[0] - START == timedelta(days=1) and dues[-1] - START > timedelta(days=5)


def test_a_leech_is_flagged_after_repeated_lapses(store: Store) -> None:
    # Scores stay good so only the lapses (your own "Again" ratings) can flag it.
    answer(store, "q", 80, day(0))
    outcomes = [answer(store, "q", 80, day(n), self_rating=1) for n in (3, 5, 7)]
    assert [o.card.lapses for o in outcomes] == [1, 2, 3]
    assert [o.weak.change for o in outcomes] == ["unchanged", "unchanged", "flagged"]
    flag = weak.get_flag(store, "q")
    assert flag is not None and flag.source == "auto"
    assert flag.reasons == ("forgotten 3 times (leech)",)


def test_a_low_score_flags_and_two_good_answers_clear_it(store: Store) -> None:
    first = answer(store, "q", 42, day(0))
    assert first.weak.change == "flagged"
    assert first.weak.flag is not None
    assert first.weak.flag.reasons == ("scored 42 last time (below 60)",)
    assert answer(store, "q", 80, day(1)).weak.change == "unchanged"
    assert weak.get_flag(store, "q") is not None, "one good answer is not enough"
    assert answer(store, "q", 81, day(4)).weak.change == "unflagged"
    assert weak.get_flag(store, "q") is None
    assert answer(store, "q", 76, day(9)).weak.change == "unchanged", "old answers stay quiet"


def test_a_recurring_problem_flags_with_its_count(store: Store) -> None:
    for n, flags in enumerate([["missing_result"], [], ["missing_result"]]):
        answer(store, "q", 70, day(n), flags)
    assert weak.get_flag(store, "q") is None
    last = answer(store, "q", 70, day(3), ["missing_result", "hedging"])
    assert last.weak.change == "flagged"
    assert weak.get_flag(store, "q").reasons == ("missing_result in 3 of the last 4 answers",)


def test_reasons_of_an_auto_flag_follow_the_latest_answer(store: Store) -> None:
    answer(store, "q", 40, day(0))
    updated = answer(store, "q", 50, day(1))
    assert updated.weak.change == "updated"
    assert weak.get_flag(store, "q").reasons == ("scored 50 last time (below 60)",)
    assert weak.get_flag(store, "q").since == day(0), "the flag keeps its start"


def test_self_rating_wins_over_the_score(store: Store) -> None:
    rated = answer(store, "rated", 95, START, self_rating=1)
    scored = answer(store, "scored", 95, START)
    assert (rated.rating, rated.source) == (1, "self")
    assert (scored.rating, scored.source) == (4, "score")
    assert rated.card.due < scored.card.due
    row = store.read("SELECT self_rating FROM attempts WHERE question_id = 'rated'")
    assert row[0][0] == 1


def test_rating_an_attempt_later_reschedules_as_if_rated_then(store: Store) -> None:
    # Two histories: one rated "again" at the time, one rated afterwards. Same card.
    for qid in ("then", "later"):
        answer(store, qid, 90, day(0))
    answer(store, "then", 90, day(8), self_rating=1)
    later_id = add_attempt(store, "later", 90, day(8))
    scheduler.record_review(store, "later", later_id, 90, [], now=day(8), config=CONFIG)
    outcome = scheduler.rate_attempt(store, later_id, "again", now=day(9), config=CONFIG)
    assert (outcome.rating, outcome.source) == (1, "self")
    then, later = scheduler.get_card(store, "then"), scheduler.get_card(store, "later")
    assert then is not None and later is not None
    assert (later.due, later.stability, later.lapses) == (then.due, then.stability, then.lapses)
    sources = store.read("SELECT source, rating FROM reviews WHERE attempt_id = ?", (later_id,))
    assert [tuple(r) for r in sources] == [("self", 1)]


def test_a_rescore_replaces_the_review_and_keeps_a_self_rating(store: Store) -> None:
    attempt_id = add_attempt(store, "q", 50, START)
    scheduler.record_review(store, "q", attempt_id, 50, [], 4, now=START, config=CONFIG)
    again = scheduler.record_review(store, "q", attempt_id, 55, [], now=START, config=CONFIG)
    assert (again.rating, again.source) == (4, "self")
    assert again.card.reps == 1
    count = store.read("SELECT COUNT(*) FROM reviews")[0][0]
    assert count == 1


def test_the_stored_card_is_a_real_fsrs_card(store: Store) -> None:
    answer(store, "q", 75, START)
    text = store.read("SELECT card_json FROM cards WHERE question_id = 'q'")[0][0]
    card = Card.from_json(text)
    assert card.last_review == START
    assert card.due == scheduler.get_card(store, "q").due


def test_desired_retention_changes_the_interval(store: Store) -> None:
    strict = PracticeConfig(desired_retention=0.97)
    loose = PracticeConfig(desired_retention=0.8)
    a = answer(store, "strict", 80, START, config=strict)
    b = answer(store, "loose", 80, START, config=loose)
    assert a.card.due < b.card.due


def test_a_manual_flag_stays_until_unmarked(store: Store) -> None:
    weak.mark_weak(store, "q", now=START)
    for n in range(3):
        assert answer(store, "q", 95, day(n)).weak.change == "unchanged"
    assert weak.get_flag(store, "q").source == "manual"
    assert weak.unmark_weak(store, "q") is True
    assert weak.unmark_weak(store, "q") is False


def test_a_debrief_flag_does_not_replace_a_manual_one(store: Store) -> None:
    weak.mark_weak(store, "q", "my own reason", now=START)
    kept = weak.mark_weak(store, "q", "from a debrief", source="debrief", now=day(1))
    assert (kept.source, kept.reason) == ("manual", "my own reason")


@pytest.mark.parametrize("bad", [0, 5, "meh", True])
def test_bad_self_ratings_are_user_errors(store: Store, bad: object) -> None:
    attempt_id = add_attempt(store, "q", 70, START)
    with pytest.raises(MockintError, match="1-4"):
        scheduler.rate_attempt(store, attempt_id, bad, now=START, config=CONFIG)  # type: ignore[arg-type]


def test_rating_an_unknown_attempt_names_the_fix(store: Store) -> None:
    with pytest.raises(MockintError, match="mockint history"):
        scheduler.rate_attempt(store, 999, 3, now=START, config=CONFIG)


def test_weak_list_is_weakest_first_with_reasons_and_scores(store: Store) -> None:
    qs = [question(q) for q in ("a", "b", "c", "gone")]
    answer(store, "a", 55, day(0))
    answer(store, "b", 30, day(0))
    answer(store, "gone", 20, day(0))
    weak.mark_weak(store, "c", now=day(0))  # flagged, never answered: first
    found = weak.weak_questions(store, catalog(qs[:3]), day(1))
    assert [w.question_id for w in found] == ["c", "gone", "b", "a"]
    assert found[2].last_scores == (30,) and found[2].reasons[0].startswith("scored 30")
    assert found[1].question is None and found[1].text == "Question gone?"
    assert found[0].to_dict()["source"] == "manual"


def test_drill_by_weakness_or_by_problem(store: Store) -> None:
    qs = catalog(question(q) for q in ("a", "b", "c"))
    answer(store, "a", 50, day(0), ["missing_result"])
    answer(store, "b", 80, day(0), ["missing_result", "hedging"])
    answer(store, "c", 90, day(0), ["hedging"])
    answer(store, "c", 90, day(1), [])
    assert [q.id for q in weak.drill_questions(store, qs, now=day(2))] == ["a"]
    drill = weak.drill_questions(store, qs, flag="missing_result", now=day(2))
    assert [q.id for q in drill] == ["a", "b"]
    assert [q.id for q in weak.drill_questions(store, qs, flag="hedging", now=day(2))] == ["b"]
    with pytest.raises(MockintError, match="missing_result"):
        weak.drill_questions(store, qs, flag="no_such_problem", now=day(2))


def test_a_locked_database_is_a_one_line_user_error(tmp_path: Path, store: Store) -> None:
    other = open_store(tmp_path)
    other.read("PRAGMA busy_timeout = 50")  # do not wait the usual 5 s here
    attempt_id = add_attempt(store, "q", 70, START)
    try:
        with store.transaction(), pytest.raises(MockintError, match="locked"):
            scheduler.record_review(other, "q", attempt_id, 70, [], now=START, config=CONFIG)
    finally:
        other.close()
    assert scheduler.get_card(store, "q") is None
