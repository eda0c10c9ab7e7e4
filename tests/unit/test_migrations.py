"""Schema steps: ordered, one transaction each, versioned with PRAGMA user_version."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from mockint.errors import MockintError
from mockint.store import migrations
from mockint.store.db import connect
from mockint.store.migrations import MIGRATIONS, migrate, schema_version

Step = Callable[[sqlite3.Connection], None]


def _raw(path: Path | str = ":memory:") -> sqlite3.Connection:
    return sqlite3.connect(str(path), isolation_level=None)


def _make_table(name: str) -> Step:
    def step(conn: sqlite3.Connection) -> None:
        conn.execute(f"CREATE TABLE {name} (x INTEGER)")

    return step


def _half_then_fail(conn: sqlite3.Connection) -> None:
    # The first statement succeeds: it must be rolled back with the rest of the step.
    conn.execute("CREATE TABLE half (x INTEGER)")
    conn.execute("INSERT INTO nowhere VALUES (1)")


def _tables(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {r[0] for r in rows} - {"sqlite_sequence"}


def test_memory_database_reaches_the_latest_version() -> None:
    conn = connect(":memory:")
    assert schema_version(conn) == len(MIGRATIONS)
    assert {"sessions", "attempts", "cards", "reviews", "weak", "debriefs"} <= _tables(conn)


def test_migrate_twice_changes_nothing() -> None:
    conn = _raw()
    assert migrate(conn) == len(MIGRATIONS)
    before = conn.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    assert migrate(conn) == len(MIGRATIONS)
    assert conn.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == before


@pytest.mark.parametrize(
    ("steps", "expected_version", "expected_tables"),
    [
        ([_half_then_fail], 0, set()),
        ([_make_table("a"), _half_then_fail], 1, {"a"}),
        ([_make_table("a"), _make_table("b"), _half_then_fail], 2, {"a", "b"}),
    ],
    ids=["first-step-fails", "second-step-fails", "third-step-fails"],
)
def test_a_failing_step_leaves_the_previous_version(
    steps: list[Step], expected_version: int, expected_tables: set[str], tmp_path: Path
) -> None:
    db = tmp_path / "m.db"
    conn = _raw(db)
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, steps)
    conn.close()
    conn = _raw(db)  # what a fresh process would see
    assert schema_version(conn) == expected_version
    assert _tables(conn) == expected_tables
    assert not conn.in_transaction


def test_a_database_from_the_oldest_schema_upgrades_and_keeps_its_rows(tmp_path: Path) -> None:
    db = tmp_path / "mockint.db"
    old = _raw(db)
    migrate(old, MIGRATIONS[:1])
    old.execute(
        "INSERT INTO attempts (question_id, question_text, status, created_at) "
        "VALUES ('q', 'Tell me', 'recorded', '2024-01-01T00:00:00+00:00')"
    )
    old.close()
    conn = connect(db)
    assert schema_version(conn) == len(MIGRATIONS)
    row = conn.execute("SELECT question_id, question_text, status FROM attempts").fetchone()
    assert tuple(row) == ("q", "Tell me", "recorded")
    indexes = {r[1] for r in conn.execute("PRAGMA index_list(attempts)")}
    assert "attempts_audio" in indexes  # step 2 ran on the old database


def test_a_newer_database_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    db = tmp_path / "mockint.db"
    conn = _raw(db)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    conn.close()
    with pytest.raises(MockintError, match="newer mockint"):
        connect(db)


# The version-1 schema as shipped. Users' databases ran exactly this: never edit step 1,
# append a new step instead (and leave this pin alone).
V1_SCHEMA = {
    ("table", "sessions"),
    ("table", "attempts"),
    ("table", "cards"),
    ("table", "reviews"),
    ("table", "weak"),
    ("table", "debriefs"),
    ("index", "attempts_created"),
    ("index", "attempts_question"),
    ("index", "attempts_status"),
    ("index", "attempts_session"),
    ("index", "cards_due"),
    ("index", "reviews_question"),
    ("index", "reviews_attempt"),
}
V1_ATTEMPT_COLUMNS = [
    "id",
    "session_id",
    "question_id",
    "question_text",
    "bank_id",
    "question_kind",
    "status",
    "audio_path",
    "duration_s",
    "transcript",
    "words_json",
    "report_json",
    "overall",
    "flags",
    "self_rating",
    "error",
    "created_at",
    "scored_at",
]


def test_step_one_is_pinned() -> None:
    conn = _raw()
    migrate(conn, MIGRATIONS[:1])
    objects = {
        (r[0], r[1])
        for r in conn.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
    }
    assert objects == V1_SCHEMA
    columns = [r[1] for r in conn.execute("PRAGMA table_info(attempts)")]
    assert columns == V1_ATTEMPT_COLUMNS


@pytest.mark.parametrize(
    ("sql", "params"),
    [
        (
            "INSERT INTO attempts (status, created_at) VALUES (?, ?)",
            ("bogus", "2024-01-01T00:00:00+00:00"),
        ),
        (
            "INSERT INTO attempts (status, self_rating, created_at) VALUES ('scored', ?, ?)",
            (5, "2024-01-01T00:00:00+00:00"),
        ),
        ("INSERT INTO sessions (kind, started_at) VALUES (?, ?)", ("party", "2024-01-01")),
        (
            "INSERT INTO reviews (question_id, rating, source, reviewed_at) VALUES (?, ?, ?, ?)",
            ("q", 2, "guess", "2024-01-01"),
        ),
        (
            "INSERT INTO weak (question_id, reason, source, since) VALUES (?, ?, ?, ?)",
            ("q", "r", "x", "d"),
        ),
    ],
    ids=["attempt-status", "self-rating", "session-kind", "review-source", "weak-source"],
)
def test_constraints_reject_bad_values(sql: str, params: tuple[object, ...]) -> None:
    conn = connect(":memory:")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(sql, params)


def test_foreign_keys_set_null_when_parents_go() -> None:
    conn = connect(":memory:")
    conn.execute("INSERT INTO sessions (id, kind, started_at) VALUES (1, 'daily', 'now')")
    conn.execute(
        "INSERT INTO attempts (id, session_id, status, created_at) VALUES (7, 1, 'scored', 'now')"
    )
    conn.execute(
        "INSERT INTO reviews (question_id, attempt_id, rating, source, reviewed_at) "
        "VALUES ('q', 7, 3, 'score', 'now')"
    )
    conn.execute("DELETE FROM sessions")
    assert conn.execute("SELECT session_id FROM attempts").fetchone()[0] is None
    conn.execute("DELETE FROM attempts")
    assert conn.execute("SELECT attempt_id FROM reviews").fetchone()[0] is None


def test_migrations_are_listed_in_order() -> None:
    assert [
        migrations._v1_initial,
        migrations._v2_audio_index,
        migrations._v3_jobs_profile,
        migrations._v4_forgotten,
        migrations._v5_counted_and_follow_ups,
        migrations._v6_interview_sessions,
    ] == migrations.MIGRATIONS


def test_the_orphan_query_uses_the_audio_index() -> None:
    conn = connect(":memory:")
    plan = " ".join(
        r[3]
        for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT audio_path FROM attempts WHERE audio_path IS NOT NULL"
        )
    )
    assert "COVERING INDEX attempts_audio" in plan


# One row in every table the first schema had, as a user's database of that time held them.
_V1_ROWS = [
    "INSERT INTO sessions (id, kind, started_at, ended_at) "
    "VALUES (1, 'practice', '2024-01-01T09:00:00+00:00', '2024-01-01T09:30:00+00:00')",
    "INSERT INTO attempts (id, session_id, question_id, question_text, status, overall, flags, "
    "transcript, created_at, scored_at) VALUES (1, 1, 'q', 'Tell me', 'scored', 70, "
    "'[\"hedging\"]', 'I think so', '2024-01-01T09:05:00+00:00', '2024-01-01T09:06:00+00:00')",
    "INSERT INTO cards (question_id, card_json, due, state, stability, difficulty, lapses, "
    "reps, last_review, updated_at) VALUES ('q', '{}', '2024-01-03T09:05:00+00:00', 2, 2.5, "
    "5.0, 0, 1, '2024-01-01T09:05:00+00:00', '2024-01-01T09:06:00+00:00')",
    "INSERT INTO reviews (question_id, attempt_id, rating, source, reviewed_at) "
    "VALUES ('q', 1, 3, 'score', '2024-01-01T09:06:00+00:00')",
    "INSERT INTO weak (question_id, reason, source, since) "
    "VALUES ('q', 'my own reason', 'manual', '2024-01-01T09:07:00+00:00')",
    "INSERT INTO debriefs (company, role, interview_date, feedback, questions_json, created_at) "
    "VALUES ('Acme', 'Analyst', '2024-01-02', 'went well', '[]', '2024-01-02T18:00:00+00:00')",
]


@pytest.mark.parametrize("steps", [1, len(MIGRATIONS)], ids=["oldest-schema", "current-schema"])
def test_a_users_database_keeps_every_row_through_the_store_and_practice(
    tmp_path: Path, steps: int
) -> None:
    from mockint.practice import scheduler, weak
    from mockint.practice.jobs import jobs
    from mockint.store import Store
    from mockint.store.db import rows

    db = tmp_path / "mockint.db"
    old = _raw(db)
    migrate(old, MIGRATIONS[:steps])
    for sql in _V1_ROWS:
        old.execute(sql)
    old.close()
    with Store.open(db, recover=False) as store:
        attempt = store.get(1)
        assert (attempt.question_id, attempt.overall, attempt.flags) == ("q", 70, ("hedging",))
        assert attempt.session_id == 1 and attempt.counted
        assert store.count_attempts() == 1 and store.pending() == []
        card = scheduler.get_card(store, "q")
        assert card is not None and (card.reps, card.lapses) == (1, 0)
        flag = weak.get_flag(store, "q")
        assert flag is not None and (flag.reason, flag.source) == ("my own reason", "manual")
        assert [tuple(r) for r in rows(store, "SELECT rating, source FROM reviews")] == [
            (3, "score")
        ]
        debrief = rows(store, "SELECT company, feedback FROM debriefs")
        assert [tuple(r) for r in debrief] == [("Acme", "went well")]
        assert jobs(store) == []  # a later step's table, there and empty
    assert schema_version(_raw(db)) == len(MIGRATIONS)
