"""Putting a backup back: the backup verified first, the database it replaces kept aside, written through SQLite.

Copying a backup file over a database by hand is how restores go wrong: a `-wal` left beside the database by a
window that was killed belongs to the old file, and SQLite replays it over the copy (old content comes back and
`check` says ok); a window still open keeps writing to the file it had. Here the backup's pages are copied *into*
the database through SQLite's backup API instead, so SQLite deals with the `-wal` and with every other open
connection. Only a database SQLite cannot read at all is moved aside by renaming (its `-wal` and `-shm` with it)
and the backup written in its place; that case needs Positions closed on that file.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from db import auto_backups, connection, integrity, snapshot
from db.errors import DatabaseError
from db.integrity import Report


@dataclass(frozen=True)
class RestoreResult:
    aside: Path | None  # where the replaced database was kept (None when there was none)
    moved: bool  # True when the replaced database could not be read and was moved aside as files


def restore(
    database: Path, backup: Path, report: Report | None = None, now: dt.datetime | None = None
) -> RestoreResult:
    """Verify `backup`, keep `database` aside in its backup folder, then put the backup's content in its place."""
    database, backup = Path(database), Path(backup)
    if not backup.is_file():
        raise DatabaseError(f"{backup}: no such backup file")
    if database.is_dir():
        raise DatabaseError(f"{database}: is a folder, not a database file")
    if database.exists() and os.path.samefile(database, backup):
        raise DatabaseError(f"{backup}: this is the database itself, not a backup of it")
    try:
        found = integrity.check_file(backup, report)
    except DatabaseError as exc:
        raise DatabaseError(f"{exc}; it was not restored, and the database was not changed") from exc
    if not found.ok:
        raise DatabaseError(
            f"{backup}: this backup is damaged and was not restored ({'; '.join(found.problems[:3])}); "
            "the database was not changed"
        )
    source = connection.open_read_only(backup)
    try:
        if not database.exists():
            database.parent.mkdir(parents=True, exist_ok=True)
            snapshot.write_copy(source, database, verify=integrity.integrity_problems, report=report)
            return RestoreResult(None, False)
        aside = auto_backups.new_backup_path(database, auto_backups.ASIDE, now)
        live = _open_live(database)
        if live is None:
            _move_aside(database, aside)
            snapshot.write_copy(source, database, verify=integrity.integrity_problems, report=report)
            return RestoreResult(aside, True)
        try:
            snapshot.write_copy(live, aside, report=report)  # not verified: it may be the damaged one
            snapshot.copy_pages(source, live, report)
            after = integrity.check(live)
        finally:
            live.close()
    finally:
        source.close()
    if not after.ok:
        raise DatabaseError(f"{database}: the restored database failed its check: {'; '.join(after.problems[:3])}; "
                            f"the database it replaced is kept in {aside}")  # fmt: skip
    return RestoreResult(aside, False)


def newest_good_backup(database: Path, report: Report | None = None) -> auto_backups.BackupFile | None:
    """The newest automatic backup of `database` that passes the check (older ones are tried in turn)."""
    for backup in auto_backups.list_backups(database):
        if not backup.rotated:
            continue  # a database a restore put aside is likely the damaged one
        try:
            if integrity.check_file(backup.path, report).ok:
                return backup
        except DatabaseError:
            continue
    return None


def _open_live(database: Path) -> sqlite3.Connection | None:
    """A plain writing connection to the database being replaced, or None when SQLite cannot read it.

    Readability is asked read-only first: a writing connection to a file that is not a database deletes the
    `-wal` beside it, which the user may want to keep with the rest.
    """
    try:
        connection.inspect(database)
    except DatabaseError:
        return None
    try:
        conn = sqlite3.connect(database, isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {connection.BUSY_TIMEOUT_MS}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        raise DatabaseError(f"{database}: cannot open the database to restore into it: {exc}") from exc
    return conn


def _move_aside(database: Path, aside: Path) -> None:
    """Rename an unreadable database, and its -wal and -shm, into the backup folder (renaming opens no file)."""
    for suffix in ("-wal", "-shm", ""):
        part = Path(f"{database}{suffix}")
        if part.exists():
            os.replace(part, Path(f"{aside}{suffix}"))
