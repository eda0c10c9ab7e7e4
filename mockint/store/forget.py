"""Forgetting: deleting attempts with their audio, and leaving no transcript behind in the
database's free pages or its WAL (``mockint forget``)."""

from __future__ import annotations

import contextlib
import sqlite3
from typing import TYPE_CHECKING

from mockint.errors import MockintError
from mockint.store import recovery
from mockint.store.attempts import Status
from mockint.store.db import MEMORY, database_error
from mockint.store.files import remove_recordings, unlink

if TYPE_CHECKING:
    from mockint.store.store import Store


def delete_attempt(store: Store, attempt_id: int) -> None:
    """Delete the attempt's row and its audio file (not while it is being recorded)."""
    with store.transaction() as conn:
        row = store.require(conn, attempt_id)
        if row["status"] == Status.RECORDING:
            _refuse_if_live(store, [attempt_id])
        conn.execute("DELETE FROM attempts WHERE id = ?", (attempt_id,))
        # Inside the transaction: if the file cannot be removed, the row stays too.
        if row["audio_path"]:
            audio = store.root / row["audio_path"]
            for path in (audio, *recovery.leftovers(audio)):
                unlink(path)
    recovery.release_lock(recovery.lock_path(store.recordings, attempt_id))
    # secure_delete zeroed the row in the new pages; older copies of them may still sit
    # in the WAL until a checkpoint: take them out now.
    checkpoint(store)


def delete_all(store: Store) -> int:
    """Delete every attempt and session, every recording, and compact the database so no
    transcript survives in free pages or the WAL. Returns the number of attempts."""
    with store.transaction() as conn:
        recording = conn.execute("SELECT id FROM attempts WHERE status = 'recording'")
        _refuse_if_live(store, [r["id"] for r in recording])
        count = int(conn.execute("SELECT count(*) FROM attempts").fetchone()[0])
        conn.execute("DELETE FROM attempts")
        conn.execute("DELETE FROM sessions")
    recovery.release_all(store.recordings)
    remove_recordings(store.recordings)
    _compact(store)
    return count


def _refuse_if_live(store: Store, attempt_ids: list[int]) -> None:
    """Refuse to delete what another process is recording now. This process's own
    recordings may go: it is the one cancelling them."""
    locks = [(i, recovery.lock_path(store.recordings, i)) for i in attempt_ids]
    live = [i for i, lock in locks if not recovery.held_here(lock) and recovery.is_live(lock)]
    if live:
        raise MockintError(
            f"attempt {live[0]} is being recorded right now: stop that recording "
            "(or close the app recording it), then try again"
        )


def _compact(store: Store) -> None:
    if store.where == MEMORY:
        return
    try:
        store.conn.execute("VACUUM")
    except sqlite3.DatabaseError as exc:
        raise database_error(exc, store.where) from None
    checkpoint(store)


def checkpoint(store: Store) -> None:
    """Copy the WAL into the database and empty it. Best effort: while another process
    is reading, part of the WAL stays until that process's next checkpoint."""
    if store.where == MEMORY:
        return
    with contextlib.suppress(sqlite3.DatabaseError):
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
