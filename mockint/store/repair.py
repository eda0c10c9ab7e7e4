"""Recordings cut off by a killed process: repaired (or, when nothing reached the disk,
removed) the next time a Store opens. :meth:`Store.recovered` lists what came back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from mockint.store.attempts import Status
from mockint.store.db import write_transaction
from mockint.store.files import unlink
from mockint.store.recovery import is_live, leftovers, lock_path, repair_audio


def recover_unfinished(
    conn: sqlite3.Connection, where: str, root: Path, recordings: Path
) -> list[int]:
    """Repair the recordings a killed process left 'recording' (see :meth:`Store.open`);
    the ids of those kept ('recorded', or 'failed' with their bytes)."""
    rows = conn.execute("SELECT id FROM attempts WHERE status = 'recording'").fetchall()
    dead = [r["id"] for r in rows if not is_live(lock_path(recordings, r["id"]))]
    return [i for i in dead if _recover_one(conn, where, root, i)]


def _recover_one(conn: sqlite3.Connection, where: str, root: Path, attempt_id: int) -> bool:
    # One write transaction per recording: two processes starting together cannot both
    # repair the same file (the second finds the status already changed).
    with write_transaction(conn, where):
        row = conn.execute(
            "SELECT status, audio_path FROM attempts WHERE id = ?", (attempt_id,)
        ).fetchone()
        if row is None or row["status"] != Status.RECORDING:
            return False
        if not row["audio_path"]:
            conn.execute("DELETE FROM attempts WHERE id = ?", (attempt_id,))
            return False
        audio = root / row["audio_path"]
        duration = repair_audio(audio)
        kept = [p for p in (audio, *leftovers(audio)) if p.is_file()]
        if duration:
            conn.execute(
                "UPDATE attempts SET status = 'recorded', duration_s = ? WHERE id = ?",
                (duration, attempt_id),
            )
        elif duration is None and kept:
            # Unreadable, yet something was written: keep every byte and say where.
            conn.execute(
                "UPDATE attempts SET status = 'failed', error = ? WHERE id = ?",
                (
                    "the recording was cut off and could not be repaired; its audio is "
                    f"kept in {', '.join(str(p) for p in kept)}",
                    attempt_id,
                ),
            )
        else:
            # Killed before any audio reached the disk: nothing was recorded to keep.
            conn.execute("DELETE FROM attempts WHERE id = ?", (attempt_id,))
            for path in kept:
                unlink(path)
            return False
    return True
