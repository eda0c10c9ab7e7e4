"""Forgetting: deleting attempts with their audio, and leaving no transcript behind in the
database's free pages or its WAL (``mockint forget``)."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from mockint.errors import MockintError
from mockint.store import recovery
from mockint.store.answers import require
from mockint.store.attempts import Status
from mockint.store.db import MEMORY, database_error, write_transaction
from mockint.store.files import remove_recordings, unlink


def delete_attempt(
    conn: sqlite3.Connection, where: str, root: Path, recordings: Path, attempt_id: int
) -> None:
    """Delete the attempt's row and its audio file (not while it is being recorded)."""
    with write_transaction(conn, where):
        row = require(conn, attempt_id)
        if row["status"] == Status.RECORDING:
            _refuse_if_live(recordings, [attempt_id])
        conn.execute("DELETE FROM attempts WHERE id = ?", (attempt_id,))
        # Inside the transaction: if the file cannot be removed, the row stays too.
        if row["audio_path"]:
            audio = root / row["audio_path"]
            for path in (audio, *recovery.leftovers(audio)):
                unlink(path)
    recovery.release_lock(recovery.lock_path(recordings, attempt_id))
    # secure_delete zeroed the row in the new pages; older copies of them may still sit
    # in the WAL until a checkpoint: take them out now.
    checkpoint(conn, where)


def delete_all(conn: sqlite3.Connection, where: str, recordings: Path) -> int:
    """Delete every attempt and session, every recording, and compact the database so no
    transcript survives in free pages or the WAL. Returns the number of attempts."""
    with write_transaction(conn, where):
        recording = conn.execute("SELECT id FROM attempts WHERE status = 'recording'")
        _refuse_if_live(recordings, [r["id"] for r in recording])
        count = int(conn.execute("SELECT count(*) FROM attempts").fetchone()[0])
        conn.execute("DELETE FROM attempts")
        conn.execute("DELETE FROM sessions")
    recovery.release_all(recordings)
    remove_recordings(recordings)
    _compact(conn, where)
    return count


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
