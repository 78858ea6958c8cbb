"""The one door to a Positions database: an open connection and explicit transactions.

Queries live in modules by subject (db/statements.py, db/issues.py, db/search.py, db/annotations.py ...);
each takes a Store. Every write runs inside `with store.transaction():`, so an error leaves nothing behind.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from db import connection
from db.errors import NotFoundError

if TYPE_CHECKING:
    import sqlite_utils

T = TypeVar("T")


class Store:
    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self._depth = 0
        self._ids: dict[tuple[str, str], int] = {}
        self._memo: dict[str, Any] = {}

    @cached_property
    def db(self) -> sqlite_utils.Database:
        """The same connection through sqlite-utils, for table-level tools; imported on first use because
        sqlite-utils pulls in numpy, which would add to every start-up."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    @classmethod
    def open(cls, path: Path | str, *, create: bool = True) -> Store:
        path = Path(path)
        return cls(connection.connect(path, create=create), path)

    def close(self) -> None:
        self.conn.close()

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
