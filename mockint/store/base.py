"""The Store's frame: its connection, transactions and plain reads (:mod:`mockint.store.store`
puts the parts together; see its module doc for the life of an attempt)."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Self

from mockint.store.attempts import Attempt
from mockint.store.db import database_error, write_transaction


class StoreBase:
    """The connection and where things are; the parts of the Store build on it."""

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

    def transaction(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        """``with store.transaction() as conn:`` — one ``BEGIN IMMEDIATE`` write transaction."""
        return write_transaction(self._conn, self.where)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def read(self, sql: str, params: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        """Rows of a query (a damaged or locked database as a MockintError)."""
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise database_error(exc, self.where) from None

    def iter_rows(self, sql: str, params: tuple[object, ...] = ()) -> Iterator[sqlite3.Row]:
        """Rows of a query one at a time (exports of any size), errors as in :meth:`read`."""
        try:
            yield from self._conn.execute(sql, params)
        except sqlite3.DatabaseError as exc:
            raise database_error(exc, self.where) from None

    def recovered(self) -> list[Attempt]:
        """Recordings cut off by a killed process, repaired when this Store opened."""
        return list(self._recovered)
