"""Verified backup copies, for `positions backup`, File > Back up database and the automatic backups.

A backup is read through a read-only SQLite connection (the database is never opened as a plain file), copied
with SQLite's backup API, and written atomically by db/snapshot.py: a temporary file in the destination's folder,
checked with `integrity_check`, the foreign keys and the search index, fsynced, then renamed. A backup that fails
its check is an error, so the user never trusts a bad backup, and a failed one leaves nothing behind.
"""

from __future__ import annotations

from pathlib import Path

from db import connection, integrity, snapshot
from db.integrity import Report, integrity_problems

__all__ = ["integrity_problems", "write_backup"]


def write_backup(source: Path, dest: Path, report: Report | None = None, *, replace: bool = False) -> None:
    """Write a consistent, verified copy of the database at `source` to `dest` (see the module docstring).

    `report(done, total, message)` hears about the copy and then the check; an exception it raises cancels both,
    and nothing is left behind.
    """
    conn = connection.connect_read_only(Path(source), any_version=True)
    try:
        snapshot.write_copy(
            conn, Path(dest), verify=lambda copy: integrity.check(copy, report).problems, report=report,
            replace=replace,
        )  # fmt: skip
    finally:
        conn.close()
