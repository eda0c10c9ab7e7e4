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

import contextlib
import itertools
import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from mockint import paths
from mockint.clock import now_iso
from mockint.errors import MockintError
from mockint.models import Question
from mockint.store import answers, forget, recovery
from mockint.store.answers import require
from mockint.store.attempts import (
    FULL_COLUMNS,
    SUMMARY_COLUMNS,
    Attempt,
    Orphan,
    Status,
    Trend,
    attempt_from_row,
    words_to_dict,
)
from mockint.store.db import connect, database_error, is_read_only, write_transaction
from mockint.store.files import copy_private, remove_stale_copies
from mockint.store.repair import recover_unfinished

if TYPE_CHECKING:
    from mockint.answer import ScoredAnswer

SESSION_KINDS = ("practice", "daily", "drill", "interview")

# Attempts a retry can score: waiting, with audio to transcribe.
_PENDING = "status IN ('recorded', 'failed') AND audio_path IS NOT NULL"


class Store:
    """Attempts and sessions in SQLite, audio under ``recordings/``. See the module doc."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        *,
        root: Path,
        recordings: Path,
        where: str,
        banks: Path | None = None,
    ):
        self._conn = conn
        self.root = root
        """The data root; stored audio paths are relative to it."""
        self.recordings = recordings
        self.banks = banks if banks is not None else root / "banks"
        """The user's banks (``forget --all`` deletes the debrief bank there)."""
        self.where = where
        """The database file (for messages)."""
        self._recovered: list[Attempt] = []

    # -- opening and closing ------------------------------------------------------------

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

    @property
    def conn(self) -> sqlite3.Connection:
        """The connection, for the practice engine's own queries (autocommit mode: wrap
        writes in :meth:`transaction`)."""
        return self._conn

    def transaction(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        """``with store.transaction() as conn:`` — one ``BEGIN IMMEDIATE`` write transaction."""
        return write_transaction(self._conn, self.where)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

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

    # -- writing attempts ---------------------------------------------------------------

    def begin_attempt(
        self,
        question: Question | None,
        session_id: int | None = None,
        *,
        suffix: str = ".flac",
        follows: int | None = None,
    ) -> Attempt:
        """A new attempt in status ``recording``; the recorder writes ``attempt.audio_path``.
        ``follows``: the attempt this one answers a follow-up question of (it never counts).

        Until :meth:`finish_recording` (or :meth:`mark_failed`, :meth:`delete_attempt`) this
        process holds the recording's lock, so no other process mistakes it for cut off.
        """
        created = now_iso()
        with self.transaction() as conn:
            attempt_id = self._insert(
                conn, question, Status.RECORDING, created, session_id, follows
            )
            relative = self._audio_relpath(conn, created, attempt_id, suffix)
            conn.execute(
                "UPDATE attempts SET audio_path = ? WHERE id = ?", (str(relative), attempt_id)
            )
            recovery.hold_lock(recovery.lock_path(self.recordings, attempt_id))
        return self.get(attempt_id)

    def finish_recording(
        self, attempt_id: int, duration_s: float | None, *, counted: bool = True
    ) -> Attempt:
        """The recorder closed the file: ``recording`` → ``recorded`` (ready to transcribe).
        ``counted=False``: a take stopped without an answer (the user left mid-take); its
        audio stays, but scoring it later never counts it as practice."""
        with self.transaction() as conn:
            require(conn, attempt_id)
            conn.execute(
                "UPDATE attempts SET status = 'recorded', duration_s = ?, "
                "counted = counted AND ? WHERE id = ? AND status = 'recording'",
                (duration_s, int(counted), attempt_id),
            )
        recovery.release_lock(recovery.lock_path(self.recordings, attempt_id))
        return self.get(attempt_id)

    def add_recorded_attempt(
        self, question: Question | None, audio_src: Path, *, session_id: int | None = None
    ) -> Attempt:
        """Keep a finished recording: COPY ``audio_src`` to ``recordings/<date>/<id>.<ext>``
        (folder 0700, file 0600) and add the attempt as ``recorded``, before any
        transcription, so that a failure later loses nothing."""
        src = Path(audio_src)
        if not src.is_file():
            raise MockintError(f"audio file not found: {src}")
        duration = recovery.audio_duration(src)
        created = now_iso()
        suffix = recovery.stored_suffix(src)
        with self.transaction() as conn:
            attempt_id = self._insert(conn, question, Status.RECORDED, created, session_id)
            relative = self._audio_relpath(conn, created, attempt_id, suffix)
            conn.execute(
                "UPDATE attempts SET audio_path = ?, duration_s = ? WHERE id = ?",
                (str(relative), duration, attempt_id),
            )
            # Copied inside the transaction: if the copy fails, no row points at nothing.
            copy_private(src, self.root / relative)
        return self.get(attempt_id)

    def add_typed_attempt(
        self,
        question: Question | None,
        *,
        session_id: int | None = None,
        follows: int | None = None,
    ) -> Attempt:
        """A typed answer (no microphone): a ``recorded`` attempt with no audio at all, ready
        for :meth:`mark_scored`. ``audio_path`` and ``duration_s`` stay None."""
        with self.transaction() as conn:
            attempt_id = self._insert(
                conn, question, Status.RECORDED, now_iso(), session_id, follows
            )
        return self.get(attempt_id)

    def mark_scored(self, attempt_id: int, scored: ScoredAnswer) -> Attempt:
        """Store the transcript, timed words and score report: status ``scored``. A take
        with no speech in it (``no_speech``: silence, noise) is kept but stops counting.

        ``duration_s`` becomes the transcript's length, except for an attempt without audio
        (typed): its synthetic timings measure nothing, so it stays None."""
        report = scored.report.to_dict()
        words = [words_to_dict(w) for w in scored.transcript.words]
        with self.transaction() as conn:
            require(conn, attempt_id)
            conn.execute(
                """UPDATE attempts SET status = 'scored', transcript = ?, words_json = ?,
                       report_json = ?, overall = ?, flags = ?, error = NULL, scored_at = ?,
                       duration_s = CASE WHEN audio_path IS NULL THEN NULL ELSE ? END,
                       counted = counted AND ?
                   WHERE id = ?""",
                (
                    scored.transcript.text,
                    json.dumps(words, ensure_ascii=False),
                    json.dumps(report, ensure_ascii=False),
                    int(scored.report.overall),
                    json.dumps(list(scored.report.flags)),
                    now_iso(),
                    round(scored.duration_s, 3),
                    int("no_speech" not in scored.report.flags),
                    attempt_id,
                ),
            )
        recovery.release_lock(recovery.lock_path(self.recordings, attempt_id))
        return self.get(attempt_id)

    def mark_failed(self, attempt_id: int, error: str) -> Attempt:
        """Transcription or scoring failed: status ``failed`` with ``error``; the audio stays
        and :meth:`pending` offers it for a retry."""
        with self.transaction() as conn:
            require(conn, attempt_id)
            conn.execute(
                "UPDATE attempts SET status = 'failed', error = ? WHERE id = ?",
                (error, attempt_id),
            )
        recovery.release_lock(recovery.lock_path(self.recordings, attempt_id))
        return self.get(attempt_id)

    def set_self_rating(self, attempt_id: int, rating: int | None) -> None:
        """The user's own rating, 1 (again) to 4 (easy); None clears it."""
        with self.transaction() as conn:
            require(conn, attempt_id)
            answers.set_self_rating(conn, attempt_id, rating)

    def adopt_orphan(self, audio: Path) -> Attempt:
        """Give an orphan audio file (see :meth:`orphans`) a ``recorded`` attempt, in place."""
        audio = Path(audio).resolve()
        if not audio.is_relative_to(self.root.resolve()):
            raise MockintError(f"{audio} is not under the data root {self.root}")
        relative = audio.relative_to(self.root.resolve())
        created = now_iso()
        with self.transaction() as conn:
            attempt_id = self._insert(conn, None, Status.RECORDED, created, None)
            conn.execute(
                "UPDATE attempts SET audio_path = ?, duration_s = ? WHERE id = ?",
                (str(relative), recovery.audio_duration(audio), attempt_id),
            )
        return self.get(attempt_id)

    # -- reading ------------------------------------------------------------------------

    def find(self, attempt_id: int) -> Attempt | None:
        row = self.read(f"SELECT {FULL_COLUMNS} FROM attempts WHERE id = ?", (attempt_id,))
        return attempt_from_row(row[0], self.root) if row else None

    def get(self, attempt_id: int) -> Attempt:
        """One attempt with everything (words, report); MockintError if there is none."""
        attempt = self.find(attempt_id)
        if attempt is None:
            raise MockintError(f"no attempt {attempt_id}: see `mockint history` for the ids")
        return attempt

    def list_attempts(
        self,
        question_id: str | None = None,
        limit: int | None = None,
        *,
        offset: int = 0,
        statuses: tuple[Status, ...] | None = None,
        full: bool = False,
    ) -> list[Attempt]:
        """Attempts newest first; summaries (no words, no report) unless ``full``."""
        where, params = _filters(question_id, statuses)
        sql = (
            f"SELECT {FULL_COLUMNS if full else SUMMARY_COLUMNS} FROM attempts{where} "
            "ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?"
        )
        rows = self.read(sql, (*params, -1 if limit is None else limit, offset))
        return [attempt_from_row(r, self.root) for r in rows]

    def iter_attempts(self, *, full: bool = True, words: bool = True) -> Iterator[Attempt]:
        """Every attempt, oldest first, one at a time (exports of any size). ``full`` adds
        the report, and the timed words unless ``words=False`` (the costly part to read)."""
        columns = SUMMARY_COLUMNS
        if full:
            columns += ", report_json" + (", words_json" if words else "")
        try:
            cursor = self._conn.execute(f"SELECT {columns} FROM attempts ORDER BY created_at, id")
            for row in cursor:
                yield attempt_from_row(row, self.root)
        except sqlite3.DatabaseError as exc:
            raise database_error(exc, self.where) from None

    def count_attempts(self, question_id: str | None = None) -> int:
        where, params = _filters(question_id, None)
        return int(self.read(f"SELECT count(*) FROM attempts{where}", params)[0][0])

    def question_trend(self, question_id: str) -> Trend:
        """Scores of one question over time, with best and average."""
        rows = self.read(
            "SELECT created_at, overall FROM attempts WHERE question_id = ? "
            "AND status = 'scored' AND counted = 1 AND overall IS NOT NULL "
            "ORDER BY created_at, id",
            (question_id,),
        )
        return Trend(
            question_id=question_id,
            points=tuple((r["created_at"], int(r["overall"])) for r in rows),
            attempts=self.count_attempts(question_id),
        )

    def count_pending(self) -> int:
        """How many attempts :meth:`pending` would return (an index count, cheap)."""
        return int(self.read(f"SELECT count(*) FROM attempts WHERE {_PENDING}")[0][0])

    def pending(self) -> list[Attempt]:
        """``recorded`` and ``failed`` attempts with audio, oldest first: what a retry would
        score. A typed attempt (no audio) is never pending: there is nothing to transcribe."""
        rows = self.read(
            f"SELECT {SUMMARY_COLUMNS} FROM attempts WHERE {_PENDING} ORDER BY created_at, id"
        )
        return [attempt_from_row(r, self.root) for r in rows]

    def recovered(self) -> list[Attempt]:
        """Recordings cut off by a killed process, repaired when this Store opened."""
        return list(self._recovered)

    def orphans(self) -> list[Orphan]:
        """Audio files under ``recordings/`` that no attempt mentions (a directory listing:
        call it when offering recovery, not on every screen)."""
        files = recovery.audio_file_names(self.recordings)
        if not files:
            return []
        # Compared as the stored relative strings: no Path per file or row of a long history.
        known = {
            r[0]
            for r in self.read(
                "SELECT audio_path FROM attempts WHERE audio_path IS NOT NULL "
                "UNION SELECT audio_path FROM forgotten"
            )
        }
        skip = len(os.path.join(str(self.root), ""))
        found = sorted(Path(f) for f in files if f[skip:] not in known)
        return [Orphan(path=p, size=p.stat().st_size) for p in found]

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

    # -- internals ----------------------------------------------------------------------

    def _insert(
        self,
        conn: sqlite3.Connection,
        question: Question | None,
        status: Status,
        created: str,
        session_id: int | None,
        follows: int | None = None,
    ) -> int:
        # A follow-up question is practice beside its question, never a review of it.
        cur = conn.execute(
            """INSERT INTO attempts (session_id, question_id, question_text, bank_id,
                   question_kind, status, created_at, follows_id, counted)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                session_id,
                question.id if question else None,
                question.text if question else None,
                question.bank if question else None,
                str(question.kind) if question else None,
                str(status),
                created,
                follows,
                int(follows is None),
            ),
        )
        return int(cur.lastrowid or 0)

    def _audio_relpath(
        self, conn: sqlite3.Connection, created: str, attempt_id: int, suffix: str
    ) -> Path:
        """A path for a new recording that no file, row or tombstone uses: ids restart at 1
        in a new database (an old one moved aside) while its recordings stay on disk, and
        those must never be overwritten, deleted or scored as someone else's."""
        day = created[:10]  # yyyy-mm-dd of the UTC timestamp
        folder = self.recordings.relative_to(self.root) / day
        self._private_dir(self.root / folder)
        for n in itertools.count(1):
            relative = folder / (f"{attempt_id}{suffix}" if n == 1 else f"{attempt_id}-{n}{suffix}")
            path = self.root / relative
            taken = os.path.lexists(path) or recovery.leftovers(path)
            if not taken and not _path_in_use(conn, str(relative)):
                return relative
        raise AssertionError("unreachable")

    def _private_dir(self, folder: Path) -> Path:
        """Create ``folder`` under ``recordings/``, with ``recordings/`` itself, owner-only."""
        try:
            paths.ensure_private_dir(self.recordings)
            return paths.ensure_private_dir(folder)
        except OSError as exc:
            raise MockintError(
                f"cannot create {folder}: {exc.strerror or exc} (check the data root's "
                "permissions; MOCKINT_HOME sets where it is)"
            ) from None

    def read(self, sql: str, params: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        """Rows of a query (a damaged or locked database as a MockintError)."""
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise database_error(exc, self.where) from None


def _path_in_use(conn: sqlite3.Connection, relative: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM attempts WHERE audio_path = ? UNION SELECT 1 FROM forgotten "
        "WHERE audio_path = ?",
        (relative, relative),
    ).fetchone()
    return row is not None


def _filters(
    question_id: str | None, statuses: tuple[Status, ...] | None
) -> tuple[str, tuple[object, ...]]:
    clauses: list[str] = []
    params: list[object] = []
    if question_id is not None:
        clauses.append("question_id = ?")
        params.append(question_id)
    if statuses:
        clauses.append(f"status IN ({', '.join('?' for _ in statuses)})")
        params.extend(str(s) for s in statuses)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), tuple(params)
