"""Is a database sound? Its pages, its references and its search index, checked without changing a byte.

Used by `positions check`, the window's Check database, and every backup before it is trusted. The search
index's own check (FTS5 'integrity-check') is issued as a write statement even though it changes nothing, so on a
read-only connection it runs on a temporary copy: a read-only database is never reported damaged because the
check could not write.
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from db import connection, search_index, snapshot
from db.store import Store

Report = Callable[[int, int, str], None]
STEPS = 100  # the progress scale: pages to 60, references to 70, the search index to 100
DAMAGE = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


@dataclass(frozen=True)
class CheckResult:
    pages: tuple[str, ...] = ()  # damaged pages or tables (PRAGMA integrity_check)
    references: tuple[str, ...] = ()  # rows pointing at rows that are not there
    search_index: tuple[str, ...] = ()  # the full-text index out of step with its tables

    @property
    def problems(self) -> list[str]:
        return [*self.pages, *self.references, *self.search_index]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def only_the_index(self) -> bool:
        """Damage that rebuilding the search index repairs, with the data itself sound."""
        return bool(self.search_index) and not self.pages and not self.references


def _quiet(done: int, total: int, message: str) -> None:
    pass


def check(conn: sqlite3.Connection, report: Report | None = None) -> CheckResult:
    """Check a database through `conn` (read-only or not); `report` may raise to cancel between and within steps."""
    report = report or _quiet
    report(0, STEPS, "Checking the pages of the database")
    with _reporting(conn, report, 0, "Checking the pages of the database"), _damage_as_problem() as pages:
        pages += [row[0] for row in conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
    report(60, STEPS, "Checking references between rows")
    with _reporting(conn, report, 60, "Checking references between rows"), _damage_as_problem() as references:
        references += [
            f"broken reference in {table} row {rowid} to {parent}"
            for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check")
        ]
    report(70, STEPS, "Checking the search index")
    with _damage_as_problem() as index:
        index += _index_problems(conn, report)
    report(STEPS, STEPS, "Checked")
    return CheckResult(tuple(pages), tuple(references), tuple(index))


@contextmanager
def _damage_as_problem() -> Iterator[list[str]]:
    """A step that cannot even read the database reports that as its problem (other errors go on up)."""
    found: list[str] = []
    try:
        yield found
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorcode", sqlite3.SQLITE_CORRUPT) & 0xFF not in DAMAGE:
            raise
        found.append(f"the database cannot be read here: {exc}")


def check_file(path: Path, report: Report | None = None) -> CheckResult:
    """Check the database at `path` through a read-only connection (any schema version)."""
    conn = connection.connect_read_only(Path(path), any_version=True)
    try:
        return check(conn, report)
    finally:
        conn.close()


def rebuild_search_index(store: Store) -> None:
    """Re-read every statement and annotation into the search index, in one transaction (data unchanged)."""
    with store.transaction():
        search_index.ensure(store.conn, rebuild=True)


def integrity_problems(conn: sqlite3.Connection) -> list[str]:
    """Everything wrong with a database, as sentences (empty when it is sound)."""
    return check(conn).problems


def _index_problems(conn: sqlite3.Connection, report: Report) -> list[str]:
    if not conn.execute("PRAGMA query_only").fetchone()[0]:
        try:
            with _reporting(conn, report, 70, "Checking the search index"):
                return search_index.check(conn)
        except sqlite3.OperationalError as exc:
            if getattr(exc, "sqlite_errorcode", 0) & 0xFF != sqlite3.SQLITE_READONLY:
                raise  # a `mode=ro` connection opened elsewhere: check on a copy, as below
    if not search_index.is_intact(conn):
        return search_index.check(conn)  # it only reads sqlite_master to say what is missing
    with tempfile.TemporaryDirectory(prefix="positions-check-") as folder:
        copy = sqlite3.connect(Path(folder) / "copy.sqlite", isolation_level=None)
        try:

            def copying(done: int, total: int, _message: str) -> None:
                report(70 + (done * 20 // total if total else 0), STEPS, "Copying the search index to check it")

            snapshot.copy_pages(conn, copy, copying)
            with _reporting(copy, report, 90, "Checking the search index"):
                return search_index.check(copy)
        finally:
            copy.close()


@contextmanager
def _reporting(conn: sqlite3.Connection, report: Report, done: int, message: str) -> Iterator[None]:
    """Call `report` about ten times a second while one long statement runs; an exception it raises interrupts
    the statement and is raised again here (so Cancel works inside PRAGMA integrity_check)."""
    raised: list[BaseException] = []
    last = [time.monotonic()]

    def handler() -> int:
        now = time.monotonic()
        if now - last[0] < 0.1:
            return 0
        last[0] = now
        try:
            report(done, STEPS, message)
        except BaseException as exc:  # Cancelled: stop SQLite, raise it after
            raised.append(exc)
            return 1
        return 0

    conn.set_progress_handler(handler, 20_000)
    try:
        yield
    except sqlite3.OperationalError:
        if raised:
            raise raised[0] from None
        raise
    finally:
        conn.set_progress_handler(None, 0)
