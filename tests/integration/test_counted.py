"""What counts as practice: silent takes, takes left mid-way and follow-up answers are kept
but never count (averages, trends, streaks, FSRS, weak flags); a discarded take leaves
nothing behind. Real SQLite, the real practice engine."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from mockint import practice
from mockint.coach import Coach
from mockint.config import Config
from mockint.errors import MockintError
from mockint.practice import scheduler
from mockint.store import Store
from mockint.store.migrations import MIGRATIONS, migrate
from tests.integration.test_practice_support import START, day, question
from tests.unit.test_store import scored

Q = question("beh-conflict")


@pytest.fixture
def coach(tmp_path: Path) -> Iterator[Coach]:
    store = Store.open(tmp_path / "mockint.db", recover=False)
    with Coach(store, None, Config()) as c:
        yield c


def recorded(coach: Coach, *, follows: int | None = None) -> int:
    attempt = coach.begin_answer(Q, follows=follows)
    assert attempt.audio_path is not None
    attempt.audio_path.write_bytes(b"RIFF fake")
    return attempt.id


def save(coach: Coach, attempt_id: int, overall: int, flags: tuple[str, ...] = ()) -> None:
    coach.store.finish_recording(attempt_id, 60.0)
    practice.save_scored(coach.store, attempt_id, scored(overall=overall, flags=flags), now=START)


def test_a_silent_take_is_kept_but_never_counts(coach: Coach) -> None:
    good = recorded(coach)
    save(coach, good, 80)
    silent = recorded(coach)
    save(coach, silent, 0, ("no_speech",))
    assert coach.attempt(silent).counted is False
    assert coach.attempt(good).counted is True
    assert coach.question_trend(Q.id).scores == [80]
    assert [a.id for a in coach.scored_attempts()] == [good]
    card = scheduler.get_card(coach.store, Q.id)
    assert card is not None and card.reps == 1
    assert not coach.is_weak(Q.id)  # a 0 would have flagged it


def test_a_session_of_silence_has_no_average(coach: Coach) -> None:
    session = coach.start_session("practice")
    attempt = coach.begin_answer(Q, session)
    coach.store.finish_recording(attempt.id, 30.0)
    practice.save_scored(coach.store, attempt.id, scored(overall=0, flags=("no_speech",)))
    summary = coach.session_summary(session, START)
    assert summary.items == () and summary.average is None
    assert coach.streak(START).current == 0


def test_a_take_left_mid_way_never_counts_even_once_scored(coach: Coach) -> None:
    attempt_id = recorded(coach)
    coach.abandon_answer(attempt_id, 12.0)
    assert [a.id for a in coach.pending()] == [attempt_id]  # the audio stays, to retry
    practice.save_scored(coach.store, attempt_id, scored(overall=60), now=START)
    assert coach.attempt(attempt_id).counted is False
    assert scheduler.get_card(coach.store, Q.id) is None
    assert coach.question_trend(Q.id).scores == []


def test_a_follow_up_answer_is_linked_and_does_not_schedule(coach: Coach) -> None:
    first = recorded(coach)
    save(coach, first, 70)
    before = scheduler.get_card(coach.store, Q.id)
    follow = recorded(coach, follows=first)
    save(coach, follow, 30)
    attempt = coach.attempt(follow)
    assert attempt.follows_id == first and attempt.counted is False
    assert scheduler.get_card(coach.store, Q.id) == before
    assert coach.question_trend(Q.id).scores == [70]
    with pytest.raises(MockintError, match="does not count"):
        coach.rate(follow, "good")


def test_a_typed_follow_up_is_linked_too(coach: Coach) -> None:
    first = coach.score_typed(Q, "I fixed it and we shipped a week early.", now=START)
    assert first.attempt_id is not None
    follow = coach.score_typed(Q, "We cut bugs by 30 percent.", follows=first.attempt_id)
    assert follow.attempt_id is not None
    assert coach.attempt(follow.attempt_id).follows_id == first.attempt_id
    assert coach.question_trend(Q.id).scores == [first.scored.report.overall]


def test_a_discarded_take_leaves_nothing_behind(coach: Coach) -> None:
    first = recorded(coach)
    save(coach, first, 85)
    alone = scheduler.get_card(coach.store, Q.id)
    second = recorded(coach)
    audio = coach.attempt(second).audio_path
    coach.store.finish_recording(second, 60.0)
    practice.save_scored(coach.store, second, scored(overall=20), now=day(1))
    assert coach.is_weak(Q.id)
    coach.discard(second, now=day(1))
    assert coach.store.find(second) is None
    assert audio is not None and not audio.exists()
    assert scheduler.get_card(coach.store, Q.id) == alone
    assert not coach.is_weak(Q.id)
    assert coach.question_trend(Q.id).scores == [85]


def test_discarding_the_only_take_removes_its_card(coach: Coach) -> None:
    only = recorded(coach)
    save(coach, only, 40)
    coach.discard(only)
    assert scheduler.get_card(coach.store, Q.id) is None
    assert not coach.is_weak(Q.id)


def test_the_migration_stops_old_silent_takes_counting(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    migrate(conn, MIGRATIONS[:2])
    for flags in ('["no_speech"]', '["too_short"]'):
        conn.execute(
            "INSERT INTO attempts (question_id, status, overall, flags, created_at) "
            "VALUES ('q', 'scored', 0, ?, '2025-03-03T09:00:00+00:00')",
            (flags,),
        )
    migrate(conn)
    counted = [r[0] for r in conn.execute("SELECT counted FROM attempts ORDER BY id")]
    assert counted == [0, 1]
