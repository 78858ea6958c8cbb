"""Opening a database file safely: checks, pragmas, and the schema brought up to date.

Durability matters more than write speed here (annotations are hours of a diplomat's work), so the
journal is WAL with `synchronous=FULL`, and foreign keys are always on.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from pathlib import Path

from db import migrations
from db.errors import DatabaseError

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def connect(path: Path, *, create: bool = True) -> sqlite3.Connection:
    """Open `path`, refuse anything that is not a usable Positions database, and migrate it forward.

    `create=False` is for commands that only read: a missing file is an error rather than a new empty database.
    """
    path = Path(path)
    if path.exists():
        _check_header(path)
    elif not create:
        raise DatabaseError(f"{path}: no such database file")
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise DatabaseError(f"{path}: cannot open the database: {exc}") from exc
    try:
        migrations.check_openable(conn, path)  # before any pragma writes to the file
        _configure(conn)
        migrations.upgrade(conn, path)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise DatabaseError(f"{path}: the database is damaged or not a Positions database ({exc})") from exc
    except BaseException:
        conn.close()
        raise
    return conn


def _check_header(path: Path) -> None:
    """Refuse a non-SQLite file before SQLite touches it (it would otherwise try to journal into it)."""
    if path.is_dir():
        raise DatabaseError(f"{path}: is a folder, not a database file")
    try:
        with path.open("rb") as f:
            head = f.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise DatabaseError(f"{path}: cannot read the database: {exc.strerror}") from exc
    if head and head != SQLITE_MAGIC:
        raise DatabaseError(f"{path}: not an SQLite database (the file may be damaged or of another kind)")


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
