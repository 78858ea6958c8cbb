"""The one door to a Positions database: an open connection and explicit transactions.

Queries live in modules by subject (db/statements.py, db/issues.py, db/search.py, db/annotations.py ...);
each takes a Store. Every write runs inside `with store.transaction():`, so an error leaves nothing behind.

An SQLite connection is never shared between threads. A thread that works for the owner of a Store (a worker of
the window) asks `store.for_thread()` for its own: one long-lived connection per thread, opened on first use and
closed with the owner, rather than a connection opened and closed for every task.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from db import connection
from db.errors import DatabaseError, NotFoundError

if TYPE_CHECKING:
    import sqlite_utils

T = TypeVar("T")


class Store:
    def __init__(self, conn: sqlite3.Connection, path: Path, *, read_only: bool = False) -> None:
        self.conn = conn
        self.path = path
        self.read_only = read_only
        self._depth = 0
        self._ids: dict[tuple[str, str], int] = {}
        self._owner = threading.get_ident()
        self._thread_stores: dict[int, Store] = {}
        self._thread_lock = threading.Lock()
        self._closed = False
        connection.note_open(path, +1)
        self._memo: dict[str, Any] = {}

    @cached_property
    def db(self) -> sqlite_utils.Database:
        """The same connection through sqlite-utils, for table-level tools; imported on first use because
        sqlite-utils pulls in numpy, which would add to every start-up."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    @classmethod
    def open(cls, path: Path | str, *, create: bool = True, read_only: bool = False) -> Store:
        """A writing Store (schema brought up to date), or with `read_only` one that changes no byte of the file."""
        path = Path(path)
        if read_only:
            return cls(connection.connect_read_only(path), path, read_only=True)
        return cls(connection.connect(path, create=create), path)

    def for_thread(self) -> Store:
        """The calling thread's own Store on the same file (this one on the thread that opened it)."""
        ident = threading.get_ident()
        if ident == self._owner:
            return self
        with self._thread_lock:
            if self._closed:
                raise DatabaseError(f"{self.path}: the database was closed")
            store = self._thread_stores.get(ident)
            if store is None:
                store = Store.open(self.path, create=False, read_only=self.read_only)
                self._thread_stores[ident] = store
            return store

    def close(self) -> None:
        """Close this connection and every thread's own (call it when no worker uses them any more)."""
        with self._thread_lock:
            if self._closed:
                return
            others, self._thread_stores = list(self._thread_stores.values()), {}
            self._closed = True
        for store in others:
            store.close()
        self.conn.close()
        connection.note_open(self.path, -1)

    def checkpoint(self, *, truncate: bool = False) -> tuple[int, int, int]:
        """Copy what the WAL holds into the database file (TRUNCATE also empties the WAL, when no one reads).

        Returns SQLite's answer: (1 if it could not finish, frames in the WAL, frames copied into the file).
        """
        if self.read_only:
            return (0, 0, 0)
        mode = "TRUNCATE" if truncate else "PASSIVE"
        busy, frames, copied = self.conn.execute(f"PRAGMA wal_checkpoint({mode})").fetchone()
        return int(busy), int(frames), int(copied)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing. Nested use joins the outer transaction through a savepoint."""
        if self._depth:
            name = f"sp{self._depth}"
            self.conn.execute(f"SAVEPOINT {name}")
            self._depth += 1
            try:
                yield self.conn
            except BaseException:
                self.conn.execute(f"ROLLBACK TO {name}")
                self.conn.execute(f"RELEASE {name}")
                raise
            else:
                self.conn.execute(f"RELEASE {name}")
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")
        finally:
            self._depth = 0

    def id_of(self, table: str, slug: str) -> int:
        """The row id of a side or issue slug (cached: both are small and rarely change)."""
        key = (table, slug)
        if key not in self._ids:
            row = self.conn.execute(f"SELECT id FROM {table} WHERE slug = ?", (slug,)).fetchone()
            if row is None:
                raise NotFoundError(f"no {table[:-1]} {slug!r}")
            self._ids[key] = row[0]
        return self._ids[key]

    def memo(self, name: str, load: Callable[[], T]) -> T:
        """A small derived table kept with the connection (the folded actor names), until forget_cached_ids."""
        if name not in self._memo:
            self._memo[name] = load()
        return self._memo[name]  # type: ignore[no-any-return]

    def forget_cached_ids(self) -> None:
        """Call after sides, issues or actors are added, renamed or removed."""
        self._ids.clear()
        self._memo.clear()
