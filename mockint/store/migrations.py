"""The database schema as ordered steps, versioned with ``PRAGMA user_version``.

Step *n* (1-based) of :data:`MIGRATIONS` takes a database at version *n - 1* to version *n*.
Each step runs in one ``BEGIN IMMEDIATE`` transaction together with the version bump, so a
step that fails leaves the database exactly at the previous version.

Rules: never edit a step that has shipped (users' databases already ran it; a test pins the
version-1 schema); change the schema only by APPENDING a new step. Steps use
``conn.execute`` per statement, never ``executescript``, which would commit midway.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from mockint.errors import MockintError

Migration = Callable[[sqlite3.Connection], None]


def _run_all(conn: sqlite3.Connection, statements: Sequence[str]) -> None:
    for sql in statements:
        conn.execute(sql)


def _v1_initial(conn: sqlite3.Connection) -> None:
    """Sessions, attempts, and the practice engine's tables (shared schema decisions)."""
    _run_all(
        conn,
        [
            """CREATE TABLE sessions (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL CHECK (kind IN ('practice', 'daily', 'drill')),
                started_at TEXT NOT NULL,
                ended_at TEXT
            )""",
            # AUTOINCREMENT: an id is never reused after `mockint forget`, so "attempt 12"
            # always names the same answer (in exports, reviews, the user's notes).
            """CREATE TABLE attempts (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
                question_id TEXT,
                question_text TEXT,
                bank_id TEXT,
                question_kind TEXT,
                status TEXT NOT NULL
                    CHECK (status IN ('recording', 'recorded', 'scored', 'failed')),
                audio_path TEXT,
                duration_s REAL,
                transcript TEXT,
                words_json TEXT,
                report_json TEXT,
                overall INTEGER,
                flags TEXT NOT NULL DEFAULT '[]',
                self_rating INTEGER CHECK (self_rating BETWEEN 1 AND 4),
                error TEXT,
                created_at TEXT NOT NULL,
                scored_at TEXT
            )""",
            "CREATE INDEX attempts_created ON attempts (created_at)",
            "CREATE INDEX attempts_question ON attempts (question_id, created_at)",
            "CREATE INDEX attempts_status ON attempts (status)",
            "CREATE INDEX attempts_session ON attempts (session_id)",
            """CREATE TABLE cards (
                question_id TEXT PRIMARY KEY,
                card_json TEXT NOT NULL,
                due TEXT NOT NULL,
                state INTEGER NOT NULL,
                stability REAL,
                difficulty REAL,
                lapses INTEGER NOT NULL DEFAULT 0,
                reps INTEGER NOT NULL DEFAULT 0,
                last_review TEXT,
                updated_at TEXT NOT NULL
            )""",
            "CREATE INDEX cards_due ON cards (due)",
            """CREATE TABLE reviews (
                id INTEGER PRIMARY KEY,
                question_id TEXT NOT NULL,
                attempt_id INTEGER REFERENCES attempts(id) ON DELETE SET NULL,
                rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
                source TEXT NOT NULL CHECK (source IN ('score', 'self')),
                reviewed_at TEXT NOT NULL
            )""",
            "CREATE INDEX reviews_question ON reviews (question_id, reviewed_at)",
            # ON DELETE SET NULL scans reviews for the deleted attempt: index it.
            "CREATE INDEX reviews_attempt ON reviews (attempt_id)",
            """CREATE TABLE weak (
                question_id TEXT PRIMARY KEY,
                reason TEXT NOT NULL,
                source TEXT NOT NULL CHECK (source IN ('auto', 'manual', 'debrief')),
                since TEXT NOT NULL
            )""",
            """CREATE TABLE debriefs (
                id INTEGER PRIMARY KEY,
                company TEXT,
                role TEXT,
                interview_date TEXT,
                feedback TEXT,
                questions_json TEXT NOT NULL,
                created_at TEXT NOT NULL
            )""",
        ],
    )


def _v2_audio_index(conn: sqlite3.Connection) -> None:
    """Finding audio files without an attempt (crash recovery) compares every stored audio
    path: a covering index reads a few pages instead of every (large) attempt row."""
    conn.execute("CREATE INDEX attempts_audio ON attempts (audio_path)")


def _v3_jobs_profile(conn: sqlite3.Connection) -> None:
    """The jobs a user prepares for (``mockint job``) and their profile (their field)."""
    _run_all(
        conn,
        [
            """CREATE TABLE jobs (
                name TEXT PRIMARY KEY,
                role TEXT,
                company TEXT,
                field TEXT NOT NULL,
                question_ids TEXT NOT NULL,
                interview_date TEXT,
                created_at TEXT NOT NULL
            )""",
            "CREATE TABLE profile (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        ],
    )


def _v6_interview_sessions(conn: sqlite3.Connection) -> None:
    """Sessions of kind ``interview`` (a mock interview). SQLite cannot alter a CHECK, so the
    table is rebuilt; dropping it would null every attempt's ``session_id`` (ON DELETE SET
    NULL), so those links are kept aside and put back."""
    _run_all(
        conn,
        [
            "CREATE TEMP TABLE session_links AS "
            "SELECT id, session_id FROM attempts WHERE session_id IS NOT NULL",
            """CREATE TABLE sessions_v6 (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL
                    CHECK (kind IN ('practice', 'daily', 'drill', 'interview')),
                started_at TEXT NOT NULL,
                ended_at TEXT
            )""",
            "INSERT INTO sessions_v6 (id, kind, started_at, ended_at) "
            "SELECT id, kind, started_at, ended_at FROM sessions",
            "DROP TABLE sessions",
            "ALTER TABLE sessions_v6 RENAME TO sessions",
            "UPDATE attempts SET session_id = "
            "(SELECT l.session_id FROM session_links l WHERE l.id = attempts.id) "
            "WHERE id IN (SELECT id FROM session_links)",
            "DROP TABLE session_links",
        ],
    )


def _v5_counted_and_follow_ups(conn: sqlite3.Connection) -> None:
    """``counted``: whether an answer counts as practice (averages, streaks, FSRS, weak
    flags). A take with no speech in it (silence, noise), a take the user stopped by leaving
    and a follow-up question do not: each used to be stored as a real score (a silent take
    as 0). ``follows_id``: the attempt a follow-up question was asked after."""
    _run_all(
        conn,
        [
            "ALTER TABLE attempts ADD COLUMN counted INTEGER NOT NULL DEFAULT 1",
            "ALTER TABLE attempts ADD COLUMN follows_id INTEGER "
            "REFERENCES attempts(id) ON DELETE SET NULL",
            # Silent takes already stored stop counting (their flags say so).
            "UPDATE attempts SET counted = 0 WHERE flags LIKE '%\"no_speech\"%'",
            "CREATE INDEX attempts_follows ON attempts (follows_id)",
        ],
    )


def _v4_forgotten(conn: sqlite3.Connection) -> None:
    """Tombstones of forgotten audio: a row goes in the same transaction that deletes the
    attempt, and leaves once the file is deleted, so a forget killed in between is finished
    by the next open instead of leaving audio that later comes back as an orphan."""
    conn.execute("CREATE TABLE forgotten (audio_path TEXT PRIMARY KEY)")


MIGRATIONS: list[Migration] = [
    _v1_initial,
    _v2_audio_index,
    _v3_jobs_profile,
    _v4_forgotten,
    _v5_counted_and_follow_ups,
    _v6_interview_sessions,
]
"""Every schema step, oldest first. Append only."""


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(
    conn: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS, *, where: str = ""
) -> int:
    """Bring ``conn`` up to ``len(migrations)``; returns the version reached.

    ``conn`` must be in autocommit mode (``isolation_level=None``) so that the transactions
    here are the only ones. Two processes opening a new database at once are safe: the
    version is read again inside each step's write lock, so a step never runs twice.
    """
    target = len(migrations)
    current = schema_version(conn)
    if current > target:
        raise MockintError(
            f"{where or 'the database'} was written by a newer mockint (schema version "
            f"{current}, this one knows {target}): upgrade mockint to use it"
        )
    while current < target:
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = schema_version(conn)
            if current < target:
                migrations[current](conn)
                current += 1
                # PRAGMA takes no parameters; current is an int we computed.
                conn.execute(f"PRAGMA user_version = {current:d}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return current
