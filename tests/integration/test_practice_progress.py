"""Streaks and end-of-session summaries on a real SQLite file, frozen clock."""

from __future__ import annotations

from datetime import UTC, timedelta, timezone
from pathlib import Path

import pytest

from mockint.practice.streaks import streak
from mockint.practice.summary import session_summary
from mockint.store import Store
from tests.integration.test_practice_support import START, add_attempt, answer, day, open_store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = open_store(tmp_path)
    yield s
    s.close()


def test_streak_on_an_empty_history(store: Store) -> None:
    s = streak(store, START, tz=UTC)
    assert (s.current, s.best, s.practiced_today, s.last_day) == (0, 0, False, None)


def test_streak_counts_days_in_a_row(store: Store) -> None:
    for n in (-9, -8, -5, -4, -3, -2, -1):
        answer(store, "q", 80, day(n))
    before = streak(store, START, tz=UTC)
    assert (before.current, before.best, before.practiced_today) == (5, 5, False)
    answer(store, "q", 80, START + timedelta(hours=1))
    after = streak(store, START + timedelta(hours=2), tz=UTC)
    assert (after.current, after.best, after.practiced_today) == (6, 6, True)
    broken = streak(store, day(2), tz=UTC)
    assert (broken.current, broken.best) == (0, 6)


def test_streak_days_are_the_users_days(store: Store) -> None:
    # 22:30 and 01:30 UTC the next night: two days in UTC, one evening in New York.
    answer(store, "q", 80, START.replace(hour=22, minute=30))
    answer(store, "q", 80, START.replace(hour=1, minute=30) + timedelta(days=1))
    later = START.replace(hour=2) + timedelta(days=1)  # 21:00 in New York
    new_york = timezone(timedelta(hours=-5))
    assert streak(store, later, tz=UTC).current == 2
    in_ny = streak(store, later, tz=new_york)
    assert (in_ny.current, in_ny.practiced_today) == (1, True)


def test_only_scored_answers_count_for_streaks(store: Store) -> None:
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO attempts (question_id, status, created_at) VALUES ('q', 'failed', ?)",
            (START.isoformat(timespec="seconds"),),
        )
    assert streak(store, START, tz=UTC).current == 0


def test_session_summary_shows_change_weakness_and_return(store: Store) -> None:
    answer(store, "a", 50, day(-7))
    answer(store, "b", 90, day(-7))
    session = store.start_session("daily")
    at = START + timedelta(minutes=5)
    answer(store, "a", 72, at, session_id=session)
    answer(store, "b", 40, at + timedelta(minutes=3), ["missing_result"], session_id=session)
    answer(store, "c", 55, at + timedelta(minutes=6), session_id=session)
    answer(store, "c", 66, at + timedelta(minutes=9), session_id=session)
    summary = session_summary(store, session, at + timedelta(minutes=10), tz=UTC)

    by_id = {i.question_id: i for i in summary.items}
    assert list(by_id) == ["a", "b", "c"]
    assert (by_id["a"].previous, by_id["a"].score, by_id["a"].change) == (50, 72, 22)
    assert (by_id["b"].previous, by_id["b"].score, by_id["b"].change) == (90, 40, -50)
    assert (by_id["c"].previous, by_id["c"].score) == (55, 66), "first try in this session"
    assert [i.question_id for i in summary.improved] == ["a", "c"]
    assert [i.question_id for i in summary.still_weak] == ["a", "b", "c"]
    assert by_id["b"].weak_reasons == ("scored 40 last time (below 60)",)
    assert by_id["b"].comes_back == "tomorrow"
    assert by_id["a"].flags == () and by_id["b"].flags == ("missing_result",)
    assert summary.average == pytest.approx((72 + 40 + 66) / 3)
    notes = "\n".join(summary.notes)
    assert "3 answered" in notes and "Still weak" in notes and "Comes back" in notes
    assert summary.to_dict()["items"][0]["change"] == 22


def test_an_empty_session_summary(store: Store) -> None:
    session = store.start_session("practice")
    add_attempt(store, "q", 70, START)  # another session's answer
    summary = session_summary(store, session, START)
    assert summary.items == () and summary.average is None
    assert summary.notes == ("Nothing was scored in this session.",)
