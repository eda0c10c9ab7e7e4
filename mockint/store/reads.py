"""Reading attempts: one, a page of them, all of them, trends, what waits for a retry, and
audio files no attempt mentions."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from mockint.errors import MockintError
from mockint.store import recovery
from mockint.store.attempts import (
    FULL_COLUMNS,
    SUMMARY_COLUMNS,
    Attempt,
    Orphan,
    Status,
    Trend,
    attempt_from_row,
)
from mockint.store.base import StoreBase

# Attempts a retry can score: waiting, with audio to transcribe.
_PENDING = "status IN ('recorded', 'failed') AND audio_path IS NOT NULL"


class StoreReads(StoreBase):
    """The Store's reads of ``attempts`` (rows as :class:`Attempt`)."""

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
        for row in self.iter_rows(f"SELECT {columns} FROM attempts ORDER BY created_at, id"):
            yield attempt_from_row(row, self.root)

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
