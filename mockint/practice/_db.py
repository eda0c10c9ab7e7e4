"""Database access shared by the practice modules.

Practice code takes either a ``Store`` (anything with a ``.conn``) or a bare
``sqlite3.Connection``, and reads rows through cursors of its own with ``sqlite3.Row`` so it
does not depend on how the connection was configured.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
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


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """All-or-nothing writes, whether or not the caller already opened a transaction (a
    savepoint nests inside theirs) and whatever the connection's isolation level."""
    if conn.in_transaction:
        conn.execute("SAVEPOINT practice")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK TO practice")
            conn.execute("RELEASE practice")
            raise
        conn.execute("RELEASE practice")
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise _user_error(exc) from None
    try:
        yield conn
    except sqlite3.OperationalError as exc:
        conn.rollback()
        raise _user_error(exc) from None
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


def _user_error(exc: sqlite3.OperationalError) -> Exception:
    """A locked or full database is the user's to fix (close the other window, free space):
    say so in one line, as the store does; anything else stays a bug with a traceback."""
    text = str(exc).lower()
    if any(key in text for key in ("locked", "busy", "full", "readonly", "disk i/o")):
        from mockint.store.db import database_error

        return database_error(exc, "")
    return exc


def load_flags(text: str | None) -> list[str]:
    """The ``flags`` column (a JSON list) as a list; anything unreadable as no flags."""
    if not text:
        return []
    try:
        value = json.loads(text)
    except ValueError:
        return []
    return [str(f) for f in value] if isinstance(value, list) else []
