"""Opening the SQLite database: WAL, foreign keys, busy timeout, migrations.

Connections are in autocommit mode (``isolation_level=None``): writers open their own
``BEGIN IMMEDIATE`` transaction (see :func:`write_transaction`). Taking the write lock up front
matters with two processes (the app and the CLI): a deferred transaction that later tries to
write cannot wait for the lock in WAL mode and fails at once with "database is locked",
whereas ``BEGIN IMMEDIATE`` waits up to the busy timeout.

Problems the user can fix (a corrupt file, a database held locked by another program, a
folder that cannot be written) become :class:`~mockint.errors.MockintError` naming the file.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, Protocol

from mockint.errors import MockintError
from mockint.store.migrations import migrate

BUSY_TIMEOUT_MS = 5000
"""How long a writer waits for another process's write to finish before giving up."""

MEMORY = ":memory:"


def connect(path: Path | str, *, check_same_thread: bool = True) -> sqlite3.Connection:
    """Open (creating if needed) the database at ``path`` and bring its schema up to date.

    ``":memory:"`` gives a private in-memory database (tests). Rows come back as
    :class:`sqlite3.Row`. Raises :class:`MockintError` for a corrupt, locked or unwritable file.
    """
    where = str(path)
    is_new = False
    if where != MEMORY:
        file = Path(path)
        if file.is_file() and _read_only_place(file):
            return _connect_read_only(file, check_same_thread=check_same_thread)
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise MockintError(f"cannot create the folder for {file}: {exc.strerror}") from None
        is_new = not file.exists()
    try:
        conn = sqlite3.connect(
            where,
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
            check_same_thread=check_same_thread,
        )
    except sqlite3.Error as exc:
        raise database_error(exc, where) from None
    try:
        if is_new:
            # Transcripts are private: the database (and its -wal/-shm, which SQLite creates
            # with the same mode) is for the owner only.
            _make_private(Path(where))
        _configure(conn)
        migrate(conn, where=where)
    except sqlite3.Error as exc:
        conn.close()
        raise database_error(exc, where) from None
    except BaseException:
        conn.close()
        raise
    return conn


def _read_only_place(file: Path) -> bool:
    """Whether the database cannot be written where it is (a read-only disk or folder, a
    read-only file): then it is opened for reading, so history and export still work."""
    return not (os.access(file, os.W_OK) and os.access(file.parent, os.W_OK))


def _connect_read_only(file: Path, *, check_same_thread: bool) -> sqlite3.Connection:
    """A read-only connection (``PRAGMA query_only``, see :func:`is_read_only`). SQLite's
    ``mode=ro`` needs the WAL's shared-memory file; when it cannot be created (a read-only
    disk) ``immutable=1`` reads the database file alone, which is all there is, since
    nothing can write the WAL there either."""
    where = str(file)
    uri = file.resolve().as_uri()
    last: sqlite3.Error | None = None
    for mode in ("mode=ro", "immutable=1"):
        try:
            conn = sqlite3.connect(
                f"{uri}?{mode}",
                uri=True,
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
                check_same_thread=check_same_thread,
            )
        except sqlite3.Error as exc:
            last = exc
            continue
        try:
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
            conn.execute("PRAGMA query_only = ON")
            migrate(conn, where=where)  # checks the version; writes nothing if current
            return conn
        except sqlite3.Error as exc:
            conn.close()
            last = exc
        except BaseException:
            conn.close()
            raise
    assert last is not None
    raise database_error(last, where) from None


def is_read_only(conn: sqlite3.Connection) -> bool:
    """Whether ``conn`` was opened for reading only (the data root cannot be written)."""
    return bool(conn.execute("PRAGMA query_only").fetchone()[0])


def _make_private(file: Path) -> None:
    # sqlite3.connect creates the file lazily; touch it so the mode is set before any data.
    fd = os.open(file, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
    os.chmod(file, 0o600)


def _configure(conn: sqlite3.Connection) -> None:
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
    conn.execute("PRAGMA foreign_keys = ON")
    # Overwrite deleted content with zeros: `mockint forget` must not leave transcripts in
    # free pages.
    conn.execute("PRAGMA secure_delete = ON")
    # Reading the mode forces SQLite to read the header: a corrupt file fails here.
    conn.execute("PRAGMA journal_mode = WAL").fetchone()
    # NORMAL is durable across application crashes in WAL mode, and much faster than FULL.
    conn.execute("PRAGMA synchronous = NORMAL")


@contextmanager
def write_transaction(conn: sqlite3.Connection, where: str = "") -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT`` (``ROLLBACK`` on any error); SQLite errors that the
    user can act on become :class:`MockintError`. Inside a transaction already (a practice
    write within a store write), a savepoint nests in it: all or nothing either way. The one
    transaction helper of the store and practice alike."""
    if conn.in_transaction:
        with _savepoint(conn):
            yield conn
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise database_error(exc, where) from None
    try:
        yield conn
    except BaseException as exc:
        _rollback(conn)
        if isinstance(exc, sqlite3.DatabaseError) and _is_user_fixable(exc):
            raise database_error(exc, where) from None
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        _rollback(conn)
        raise database_error(exc, where) from None


@contextmanager
def _savepoint(conn: sqlite3.Connection) -> Iterator[None]:
    conn.execute("SAVEPOINT nested")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK TO nested")
        conn.execute("RELEASE nested")
        raise
    conn.execute("RELEASE nested")


def _rollback(conn: sqlite3.Connection) -> None:
    # SQLite rolls back by itself on some errors (disk full, I/O): don't fail a second time.
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def _is_user_fixable(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return any(
        key in text
        for key in ("locked", "busy", "not a database", "malformed", "readonly", "disk", "full")
    )


def database_error(exc: sqlite3.Error, where: str) -> MockintError:
    """A one-line, actionable message for a SQLite failure on the database at ``where``."""
    text = str(exc).lower()
    name = where or "the database"
    if "locked" in text or "busy" in text:
        return MockintError(
            f"{name} is locked by another program (waited {BUSY_TIMEOUT_MS // 1000} s): "
            "close other mockint windows or whatever holds it, then try again"
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return MockintError(
            f"{name} is damaged and cannot be read ({exc}): move it aside "
            f"(e.g. `mv {name} {name}.broken`) and mockint will start a new one; "
            "your recordings stay in the recordings folder"
        )
    if "readonly" in text or "unable to open" in text or "disk i/o" in text:
        return MockintError(
            f"cannot write {name} ({exc}): check that the folder exists and is writable "
            "(MOCKINT_HOME sets where mockint keeps its data)"
        )
    if "full" in text:
        return MockintError(f"the disk holding {name} is full: free some space and try again")
    return MockintError(f"{name}: database error: {exc}")


class Database(Protocol):
    """A ``Store`` as far as reading and writing go: what practice code and the attempt
    reads of :mod:`mockint.store.answers` take, instead of its connection."""

    def read(self, sql: str, params: tuple[object, ...] = ()) -> list[sqlite3.Row]: ...

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]: ...


StoreLike = Database | sqlite3.Connection
"""A Store, or, inside one of its write transactions, that transaction's connection."""


def rows(db: StoreLike, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
    """Rows of a query, through the Store (``Store.read``) or the open transaction."""
    if isinstance(db, sqlite3.Connection):
        cur = db.cursor()
        cur.row_factory = sqlite3.Row  # whatever the connection was configured with
        return list(cur.execute(sql, params))
    return db.read(sql, tuple(params))


def one(db: StoreLike, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None:
    found = rows(db, sql, params)
    return found[0] if found else None


def write(db: StoreLike) -> AbstractContextManager[sqlite3.Connection]:
    """``with write(store) as conn:`` — one write transaction (a savepoint when ``db`` is
    the connection of a transaction already open)."""
    if isinstance(db, sqlite3.Connection):
        return write_transaction(db)
    return db.transaction()
