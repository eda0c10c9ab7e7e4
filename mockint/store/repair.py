"""Recordings cut off by a killed process: repaired (or, when nothing reached the disk,
removed) the next time a Store opens. :meth:`Store.recovered` lists what came back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mockint.store.attempts import Attempt, Status
from mockint.store.files import unlink
from mockint.store.recovery import is_live, leftovers, lock_path, repair_audio

if TYPE_CHECKING:
    from mockint.store.store import Store


def recover_unfinished(store: Store) -> list[Attempt]:
    """Repair the recordings a killed process left 'recording' (see :meth:`Store.open`)."""
    rows = store.read("SELECT id FROM attempts WHERE status = 'recording'")
    dead = [r["id"] for r in rows if not is_live(lock_path(store.recordings, r["id"]))]
    recovered: list[Attempt] = []
    for attempt_id in dead:
        attempt = _recover_one(store, attempt_id)
        if attempt is not None:
            recovered.append(attempt)
    return recovered


def _recover_one(store: Store, attempt_id: int) -> Attempt | None:
    # One write transaction per recording: two processes starting together cannot both
    # repair the same file (the second finds the status already changed).
    with store.transaction() as conn:
        row = conn.execute(
            "SELECT status, audio_path FROM attempts WHERE id = ?", (attempt_id,)
        ).fetchone()
        if row is None or row["status"] != Status.RECORDING:
            return None
        if not row["audio_path"]:
            conn.execute("DELETE FROM attempts WHERE id = ?", (attempt_id,))
            return None
        audio = store.root / row["audio_path"]
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
            return None
    return store.get(attempt_id)
