"""The Store: every attempt kept, from the first second of audio to its score.

Life of an attempt::

    begin_attempt ──► 'recording' ──finish_recording──► 'recorded' ──mark_scored──► 'scored'
    add_recorded_attempt (a file) ─────────────────────► 'recorded' ──mark_failed──► 'failed'
    add_typed_attempt (no audio) ──────────────────────► 'recorded' ──mark_scored──► 'scored'

A typed answer has no audio: its ``audio_path`` and ``duration_s`` stay NULL (its length is
the scorer's estimate, in the report), and :meth:`Store.pending` never offers it for a retry,
which could only transcribe audio.

The row exists before transcription starts, so a crash, a model error or a closed laptop
never loses an answer: ``recorded`` and ``failed`` attempts wait in :meth:`Store.pending` for
``mockint history --retry``, and a recording cut off by a killed process is repaired and
offered back the next time a Store opens (:meth:`Store.recovered`).

Threads: a Store (its SQLite connection) belongs to the thread that opened it (sqlite3's
``check_same_thread`` enforces it). Either give one Store to one dedicated thread (the app's
backend does), or open a Store per thread worker: opening costs under a millisecond (one
connection, a version check, one indexed query). Recording locks are per process, so a
recording begun through one Store may be finished through another.

Processes: any number may open the same database; WAL lets readers run during a write, and
writers wait up to 5 s for each other (then a MockintError says the database is locked).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from mockint import paths
from mockint.clock import now_iso
from mockint.errors import MockintError
from mockint.store import forget
from mockint.store.db import connect, database_error, is_read_only
from mockint.store.files import remove_stale_copies
from mockint.store.repair import recover_unfinished
from mockint.store.writes import AttemptWrites

SESSION_KINDS = ("practice", "daily", "drill", "interview")


class Store(AttemptWrites):
    """Attempts and sessions in SQLite, audio under ``recordings/``. See the module doc.

    Its parts, each a module: :mod:`~mockint.store.base` (connection, transactions),
    :mod:`~mockint.store.reads`, :mod:`~mockint.store.writes` (attempt states and audio
    paths); forgetting is :mod:`~mockint.store.forget`, recovery :mod:`~mockint.store.repair`.
    """

    @classmethod
    def open(
        cls, path: Path | str | None = None, *, recover: bool = True, check_same_thread: bool = True
    ) -> Store:
        """Open the database (default: the data root's ``mockint.db``; ``":memory:"`` works).

        With ``recover`` (the default), recordings cut off by a killed process are repaired
        and marked ``recorded``; :meth:`recovered` lists them.
        """
        where = str(path if path is not None else paths.db_path())
        store = cls(
            connect(where, check_same_thread=check_same_thread),
            root=paths.data_root(),
            recordings=paths.recordings_dir(),
            where=where,
            banks=paths.user_banks_dir(),
        )
        if recover and not is_read_only(store._conn):
            try:
                forget.finish_pending(store._conn, store.root, strict=False)
                remove_stale_copies(store.recordings)
                ids = recover_unfinished(store._conn, where, store.root, store.recordings)
                store._recovered = [store.get(i) for i in ids]
            except BaseException:
                store.close()
                raise
        return store

    # -- sessions -----------------------------------------------------------------------

    def start_session(self, kind: str) -> int:
        """A new session (``practice``, ``daily``, ``drill`` or ``interview``); returns its id."""
        if kind not in SESSION_KINDS:
            raise MockintError(f"unknown session kind {kind!r} (known: {', '.join(SESSION_KINDS)})")
        with self.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO sessions (kind, started_at) VALUES (?, ?)", (kind, now_iso())
            )
        return int(cur.lastrowid or 0)

    def end_session(self, session_id: int) -> None:
        with self.transaction() as conn:
            conn.execute(
                "UPDATE sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL",
                (now_iso(), session_id),
            )

    # -- deleting -----------------------------------------------------------------------

    def delete_attempt(self, attempt_id: int) -> None:
        """Delete the attempt's row and its audio file (not while it is being recorded)."""
        forget.delete_attempt(self._conn, self.where, self.root, self.recordings, attempt_id)

    def delete_all(self) -> forget.Forgotten:
        """Delete everything the user gave (see :func:`forget.delete_all`) and compact the
        database so no transcript survives in free pages or the WAL."""
        return forget.delete_all(self._conn, self.where, self.root, self.recordings, self.banks)

    def forget_inventory(self) -> forget.Forgotten:
        """What :meth:`delete_all` would delete now."""
        try:
            return forget.inventory(self._conn, self.recordings, self.banks)
        except sqlite3.DatabaseError as exc:
            raise database_error(exc, self.where) from None
