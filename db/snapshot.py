"""Consistent copies of a database, written so that a failure leaves nothing behind.

A live database in WAL mode is never copied as a file (the newest commits may still be in the `-wal`, and
reading it with Python would drop the process's SQLite locks). SQLite's backup API copies it page by page from
one read snapshot. The copy goes to a temporary file in the destination's folder, is made one self-contained
file (rollback journal, no `-wal`), verified, flushed to disk (fsync), and only then renamed into place: a full
disk or a failed check removes the temporary file, so a retry is never blocked by a half-written one.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import uuid
from collections.abc import Callable
from pathlib import Path

from db.errors import DatabaseError

Report = Callable[[int, int, str], None]
Verify = Callable[[sqlite3.Connection], list[str]]
PAGES_PER_STEP = 1024  # 4 MB at the default page size: progress and Cancel between steps


def copy_pages(source: sqlite3.Connection, target: sqlite3.Connection, report: Report | None = None) -> None:
    """Copy every page of `source` into `target` from one read snapshot (writers elsewhere go on meanwhile).

    `report(done, total, message)` is called between steps; an exception it raises (Cancel) stops the copy.
    """
    own_snapshot = not source.in_transaction
    if own_snapshot:
        source.execute("BEGIN")
        source.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the read snapshot starts here
    try:

        def progress(_status: int, remaining: int, total: int) -> None:
            if report is not None:
                report(total - remaining, total, "Copying the database")

        source.backup(target, pages=PAGES_PER_STEP, progress=progress)
    finally:
        if own_snapshot:
            source.execute("COMMIT")


def write_copy(
    source: sqlite3.Connection,
    dest: Path,
    *,
    verify: Verify | None = None,
    report: Report | None = None,
    replace: bool = False,
) -> None:
    """Write a verified copy of `source` to `dest` atomically (see the module docstring).

    `verify(connection)` returns the problems of the copy; any problem is an error. An existing `dest` is an
    error unless `replace`.
    """
    dest = Path(dest)
    if not replace and dest.exists():
        raise DatabaseError(f"{dest}: already exists; choose a new file name")
    temp = dest.with_name(f".{dest.name}.{uuid.uuid4().hex[:12]}.partial")
    try:
        target = sqlite3.connect(temp, isolation_level=None)
        try:
            copy_pages(source, target, report)
            target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            problems = verify(target) if verify is not None else []
        finally:
            target.close()
        if problems:
            raise DatabaseError(f"{dest}: the copy failed its check: {'; '.join(problems)}")
        sync_file(temp)
        if not replace and dest.exists():
            raise DatabaseError(f"{dest}: already exists; choose a new file name")
        os.replace(temp, dest)
        sync_folder(dest.parent)
    except sqlite3.Error as exc:
        remove_partial(temp)
        raise DatabaseError(f"{dest}: the copy could not be written ({exc}); nothing was left behind") from exc
    except BaseException:
        remove_partial(temp)
        raise


def remove_partial(temp: Path) -> None:
    """Remove a temporary copy and whatever journal SQLite made beside it."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{temp}{suffix}").unlink(missing_ok=True)


def sync_file(path: Path) -> None:
    """Flush a finished copy to disk. Only for files no SQLite connection of this process has open."""
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; Windows has no folder handles to flush)."""
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
