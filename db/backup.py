"""Integrity checks and verified backup copies, for `positions check` / `positions backup` and File > Backup."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from db import search_index
from db.errors import DatabaseError
from db.store import Store


def integrity_problems(conn: sqlite3.Connection) -> list[str]:
    """Everything wrong with a database: damaged pages, broken references, a search index out of step."""
    problems = [row[0] for row in conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
    for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
        problems.append(f"broken reference in {table} row {rowid} to {parent}")
    return problems + search_index.check(conn)


def write_backup(source: Path, dest: Path) -> None:
    """A consistent copy through SQLite's backup API (never a file copy of a live WAL database), then opened
    and checked; a copy that fails its check is an error, so the user never trusts a bad backup."""
    if dest.exists():
        raise DatabaseError(f"{dest}: already exists; choose a new file name")
    with Store.open(source, create=False) as store:
        target = sqlite3.connect(dest)
        try:
            store.conn.backup(target)
            problems = integrity_problems(target)
        finally:
            target.close()
    if problems:
        raise DatabaseError(f"{dest}: the copy failed its check: {'; '.join(problems)}")
