"""Writing attempts through their states (``recording`` → ``recorded`` → ``scored`` or
``failed``), with their audio paths: never reused, in private folders."""

from __future__ import annotations

import itertools
import json
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from mockint import paths
from mockint.clock import now_iso
from mockint.errors import MockintError
from mockint.models import Question
from mockint.store import answers, recovery
from mockint.store.answers import require
from mockint.store.attempts import Attempt, Status, words_to_dict
from mockint.store.files import copy_private
from mockint.store.reads import StoreReads

if TYPE_CHECKING:
    from mockint.answer import ScoredAnswer


class AttemptWrites(StoreReads):
    """The Store's writes of ``attempts``: each moves an attempt to its next state."""

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


def _path_in_use(conn: sqlite3.Connection, relative: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM attempts WHERE audio_path = ? UNION SELECT 1 FROM forgotten "
        "WHERE audio_path = ?",
        (relative, relative),
    ).fetchone()
    return row is not None
