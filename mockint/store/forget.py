"""Forgetting: deleting attempts with their audio, and leaving no transcript behind in the
database's free pages or its WAL (``mockint forget``).

Resumable: the transaction that deletes rows writes a tombstone (table ``forgotten``) for
each audio file; the files go next, then the tombstones. A process killed in between leaves
tombstones, and the next :meth:`Store.open` (or forget) deletes their files, so forgotten
audio never returns as an orphan to be adopted.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from mockint.errors import MockintError
from mockint.store import recovery
from mockint.store.answers import require
from mockint.store.attempts import Status
from mockint.store.db import MEMORY, database_error, write_transaction
from mockint.store.files import remove_recordings, unlink

log = logging.getLogger(__name__)

DEBRIEF_BANK = "debriefs.yaml"
"""The personal bank `mockint debrief` writes under ``banks/``: companies and feedback."""

# Everything the user gave, children first (foreign keys). sqlite_sequence stays: ids are
# never reused, so "attempt 12" in an old export never names a different answer.
# jobs and profile: the posting's role and company, the interview date, the user's field.
PERSONAL_TABLES = (
    "reviews", "weak", "cards", "debriefs", "jobs", "profile", "attempts", "sessions"
)  # fmt: skip


@dataclass(frozen=True)
class Forgotten:
    """What ``forget --all`` deleted (or would delete)."""

    attempts: int
    debriefs: int
    """Debriefs: company, role, feedback (the rows, and banks/debriefs.yaml)."""
    practice_rows: int
    """Sessions, review history, schedule cards and weak flags with their reasons."""
    files: int
    """Files under recordings/ (audio, partial recordings, interrupted copies)."""

    @property
    def anything(self) -> bool:
        return bool(self.attempts or self.debriefs or self.practice_rows or self.files)


def delete_attempt(
    conn: sqlite3.Connection, where: str, root: Path, recordings: Path, attempt_id: int
) -> None:
    """Delete the attempt's row and its audio file (not while it is being recorded)."""
    with write_transaction(conn, where):
        row = require(conn, attempt_id)
        if row["status"] == Status.RECORDING:
            _refuse_if_live(recordings, [attempt_id])
        conn.execute("DELETE FROM attempts WHERE id = ?", (attempt_id,))
        if row["audio_path"]:
            conn.execute("INSERT OR IGNORE INTO forgotten VALUES (?)", (row["audio_path"],))
    recovery.release_lock(recovery.lock_path(recordings, attempt_id))
    finish_pending(conn, root)
    # secure_delete zeroed the row in the new pages; older copies of them may still sit
    # in the WAL until a checkpoint: take them out now.
    checkpoint(conn, where)


def inventory(conn: sqlite3.Connection, recordings: Path, banks: Path) -> Forgotten:
    """What :func:`delete_all` would delete now."""

    def count(table: str) -> int:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    files = count("forgotten")
    if recordings.is_dir():
        files += len(recovery.audio_file_names(recordings))
    return Forgotten(
        attempts=count("attempts"),
        debriefs=count("debriefs") + int((banks / DEBRIEF_BANK).exists()),
        practice_rows=sum(
            count(t) for t in ("reviews", "weak", "cards", "sessions", "jobs", "profile")
        ),
        files=files,
    )


def delete_all(
    conn: sqlite3.Connection, where: str, root: Path, recordings: Path, banks: Path
) -> Forgotten:
    """Delete everything the user gave: attempts with their audio, sessions, reviews, the
    schedule, weak flags, debriefs (rows and banks/debriefs.yaml), the jobs prepared for and
    the chosen field; then compact the database
    so no transcript survives in free pages or the WAL."""
    try:
        before = inventory(conn, recordings, banks)
    except sqlite3.DatabaseError as exc:
        raise database_error(exc, where) from None
    with write_transaction(conn, where):
        recording = conn.execute("SELECT id FROM attempts WHERE status = 'recording'")
        _refuse_if_live(recordings, [r["id"] for r in recording])
        conn.execute(
            "INSERT OR IGNORE INTO forgotten "
            "SELECT audio_path FROM attempts WHERE audio_path IS NOT NULL"
        )
        for table in PERSONAL_TABLES:
            conn.execute(f"DELETE FROM {table}")
    recovery.release_all(recordings)
    finish_pending(conn, root)
    files = remove_recordings(recordings)
    unlink(banks / DEBRIEF_BANK)
    _compact(conn, where)
    return Forgotten(before.attempts, before.debriefs, before.practice_rows, files)


def finish_pending(conn: sqlite3.Connection, root: Path, *, strict: bool = True) -> None:
    """Delete the files of tombstones left by a forget, then the tombstones. ``strict``
    raises when a file cannot be deleted (its tombstone stays for the next try)."""
    for row in conn.execute("SELECT audio_path FROM forgotten").fetchall():
        audio = root / row[0]
        try:
            for path in (audio, *recovery.leftovers(audio)):
                unlink(path)
        except MockintError:
            if strict:
                raise
            log.warning("could not delete the forgotten %s yet", audio)
            continue
        conn.execute("DELETE FROM forgotten WHERE audio_path = ?", (row[0],))


def forgotten_paths(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT audio_path FROM forgotten")}


def _refuse_if_live(recordings: Path, attempt_ids: list[int]) -> None:
    """Refuse to delete what another process is recording now. This process's own
    recordings may go: it is the one cancelling them."""
    locks = [(i, recovery.lock_path(recordings, i)) for i in attempt_ids]
    live = [i for i, lock in locks if not recovery.held_here(lock) and recovery.is_live(lock)]
    if live:
        raise MockintError(
            f"attempt {live[0]} is being recorded right now: stop that recording "
            "(or close the app recording it), then try again"
        )


def _compact(conn: sqlite3.Connection, where: str) -> None:
    if where == MEMORY:
        return
    try:
        conn.execute("VACUUM")
    except sqlite3.DatabaseError as exc:
        raise database_error(exc, where) from None
    checkpoint(conn, where)


def checkpoint(conn: sqlite3.Connection, where: str) -> None:
    """Copy the WAL into the database and empty it. Best effort: while another process
    is reading, part of the WAL stays until that process's next checkpoint."""
    if where == MEMORY:
        return
    with contextlib.suppress(sqlite3.DatabaseError):
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
