"""Opening a database file safely: only SQLite ever touches it, reading never writes, writing is durable.

The file is never opened by Python itself. On Linux and macOS closing *any* descriptor of a file drops every POSIX
lock the process holds on it (SQLite's "How To Corrupt An SQLite Database File", 2.2): one `open()` of the database
while a connection is open lets another process checkpoint and delete the WAL that connection still writes to.
So the file is first looked at through SQLite itself, read-only (`inspect`), and refused before anything is
written when it is empty, not SQLite, another application's database, or from a newer Positions.

Writing connections use WAL with `synchronous=FULL` (annotations are hours of a diplomat's work) and bring the
schema up to date. Reading connections open with a `mode=ro` URI: they change no byte of the file, switch
nothing to WAL and migrate nothing.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from db import migrations
from db.errors import DatabaseError

BUSY_TIMEOUT_MS = 5000
# What every Positions schema has had since step 1: a file without them is someone else's database.
POSITIONS_TABLES = frozenset({"sides", "actors", "issues", "sources", "statements", "annotations"})


@dataclass(frozen=True)
class FileInfo:
    """What SQLite says about an existing file, read without changing it."""

    version: int  # PRAGMA user_version: the Positions schema step
    pages: int  # 0 for an empty file
    tables: frozenset[str]

    @property
    def is_blank(self) -> bool:
        """An empty file, or an SQLite file with nothing in it yet: a new database may be made in it."""
        return self.version == 0 and not self.tables


def read_only_uri(path: Path) -> str:
    """A `file:` URI that opens `path` read-only (characters such as ? and # in a name are quoted)."""
    return Path(path).absolute().as_uri() + "?mode=ro"


def open_read_only(path: Path) -> sqlite3.Connection:
    """A read-only SQLite connection to any existing SQLite file, with no checks: for inspection and copies."""
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise DatabaseError(f"{path}: cannot open the database: {exc}") from exc
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def inspect(path: Path) -> FileInfo:
    """Read the schema step, size and table names through SQLite, read-only; refuse what is not SQLite."""
    if path.is_dir():
        raise DatabaseError(f"{path}: is a folder, not a database file")
    conn = open_read_only(path)
    try:
        return _info(conn)
    except sqlite3.DatabaseError as exc:
        raise _unreadable(path, exc) from exc
    finally:
        conn.close()


def _info(conn: sqlite3.Connection) -> FileInfo:
    pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    tables = frozenset(row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))
    return FileInfo(version, pages, tables)


def _unreadable(path: Path, exc: sqlite3.Error) -> DatabaseError:
    if "not a database" in str(exc):
        return DatabaseError(f"{path}: not an SQLite database (the file may be damaged or of another kind)")
    return DatabaseError(f"{path}: the database is damaged or cannot be read ({exc})")


def refuse_unusable(path: Path, info: FileInfo, *, blank_ok: bool) -> None:
    """Raise when this code must not use the file; `blank_ok` lets a command that creates use an empty file."""
    if info.version > migrations.SCHEMA_VERSION:
        raise DatabaseError(
            f"{path}: made by a newer version of Positions (schema {info.version}; this one knows up to "
            f"{migrations.SCHEMA_VERSION}). Update Positions to open it; the file was not changed."
        )
    if info.is_blank:
        if not blank_ok:
            what = "an empty file" if info.pages == 0 else "an empty SQLite database"
            raise DatabaseError(f"{path}: {what}, not a Positions database; the file was not changed")
        return
    if not info.tables >= POSITIONS_TABLES:
        raise DatabaseError(f"{path}: an SQLite database, but not a Positions one; the file was not changed")


_OPEN_DATABASES: dict[Path, int] = {}  # the databases this process has Stores open on, and how many
_OPEN_LOCK = threading.Lock()


def note_open(database: Path, change: int) -> None:
    """Count a Store opened (+1) or closed (-1) on `database` (Store does this)."""
    key = Path(os.path.abspath(database))
    with _OPEN_LOCK:
        count = _OPEN_DATABASES.get(key, 0) + change
        if count > 0:
            _OPEN_DATABASES[key] = count
        else:
            _OPEN_DATABASES.pop(key, None)


def is_open_database_file(path: Path | str) -> bool:
    """True when `path` is a database this process has open, or one of its -wal, -shm, -journal: a file to
    write an output to must never be one of these (renaming over it would replace the user's database)."""
    with _OPEN_LOCK:
        databases = list(_OPEN_DATABASES)
    return any(is_database_file(path, database) for database in databases)


def is_database_file(path: Path | str, database: Path | str) -> bool:
    """True when `path` is `database` itself or one of SQLite's files beside it (-wal, -shm, -journal), by any
    name. For the places a user picks a file to read: reading one of these with Python while a connection is
    open would drop the process's locks on the database. Compares by `stat`, which opens nothing."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        companion = Path(f"{database}{suffix}")
        try:
            if os.path.samefile(path, companion):
                return True
        except OSError:  # one of the two does not exist
            continue
    return False


def connect(path: Path, *, create: bool = True) -> sqlite3.Connection:
    """A writing connection to `path`, brought up to the current schema (after a backup copy when it was older).

    `create=False` refuses a missing or empty file instead of making a new database in it.
    """
    path = Path(path)
    if path.exists():
        refuse_unusable(path, inspect(path), blank_ok=create)
    elif not create:
        raise DatabaseError(f"{path}: no such database file")
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise DatabaseError(f"{path}: cannot open the database: {exc}") from exc
    try:
        migrations.check_openable(conn, path)  # again on this connection: the file may have changed meanwhile
        _configure(conn)
        migrations.upgrade(conn, path)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise DatabaseError(f"{path}: the database is damaged or not a Positions database ({exc})") from exc
    except BaseException:
        conn.close()
        raise
    return conn


def connect_read_only(path: Path, *, any_version: bool = False) -> sqlite3.Connection:
    """A reading connection (`mode=ro`): changes no byte, switches nothing to WAL, migrates nothing.

    A database of an older schema needs the upgrade only a writing connection makes, so it is refused unless
    `any_version` (for checks and copies, which read any version).
    """
    path = Path(path)
    if not path.exists():
        raise DatabaseError(f"{path}: no such database file")
    if path.is_dir():
        raise DatabaseError(f"{path}: is a folder, not a database file")
    conn = open_read_only(path)
    try:
        try:
            info = _info(conn)
        except sqlite3.DatabaseError as exc:
            raise _unreadable(path, exc) from exc
        refuse_unusable(path, info, blank_ok=False)
        if info.version < migrations.SCHEMA_VERSION and not any_version:
            raise DatabaseError(
                f"{path}: made by an earlier version of Positions (schema {info.version}; this one uses "
                f"{migrations.SCHEMA_VERSION}). It is upgraded, after a backup copy, the first time it is opened "
                "in the window or by a command that writes (import, annotate); reading commands leave it as it is."
            )
        conn.create_function("positions_fold", 1, fold, deterministic=True)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA query_only = ON")
    except BaseException:
        conn.close()
        raise
    return conn


def fold(text: str | None) -> str:
    """A name with case, width and ё set aside: SQLite's own lower() and LIKE fold only ASCII letters."""
    return unicodedata.normalize("NFKC", text or "").casefold().replace("ё", "е")


def _configure(conn: sqlite3.Connection) -> None:
    conn.create_function("positions_fold", 1, fold, deterministic=True)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode.lower() != "wal":
        raise DatabaseError(f"cannot switch the database to WAL journaling (got {mode})")
    conn.execute("PRAGMA synchronous = FULL")
