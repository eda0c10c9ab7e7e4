"""Database access shared by the practice modules.

Practice code takes either a ``Store`` (anything with a ``.conn``) or a bare
``sqlite3.Connection``, and reads its own tables (cards, reviews, weak, debriefs) through
cursors of its own with ``sqlite3.Row``, so it does not depend on how the connection was
configured. Attempts it reads and writes only through :mod:`mockint.store.answers`, inside
the store's one transaction helper, :func:`mockint.store.db.write_transaction`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any, Protocol


class HasConn(Protocol):
    """A ``mockint.store.Store`` as far as practice code needs it."""

    @property
    def conn(self) -> sqlite3.Connection: ...


StoreLike = HasConn | sqlite3.Connection


def connection(store: StoreLike) -> sqlite3.Connection:
    if isinstance(store, sqlite3.Connection):
        return store
    return store.conn


def rows(conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
    cur = conn.cursor()
    cur.row_factory = sqlite3.Row
    return list(cur.execute(sql, params))


def one(conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None:
    found = rows(conn, sql, params)
    return found[0] if found else None
