"""The schema ladder: `PRAGMA user_version` says which step a file is on; each step runs forward.

All pending steps run in one transaction after a backup copy of the file, so a failed upgrade leaves the
user's database exactly as it was. A file from a newer Positions is refused untouched. Foreign keys are off
while the steps run (a step may rebuild a table that others refer to, which SQLite allows only so) and are
checked before COMMIT: a step that breaks a reference fails, and the file stays as it was.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from db import reference_data, search_index, snapshot
from db.errors import DatabaseError

SCHEMA_VERSION = 4


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_openable(conn: sqlite3.Connection, path: Path) -> int:
    """Return the file's schema version, or raise if this code must not touch it."""
    version = schema_version(conn)
    if version > SCHEMA_VERSION:
        raise DatabaseError(
            f"{path}: made by a newer version of Positions (schema {version}; this one knows up to "
            f"{SCHEMA_VERSION}). Update Positions to open it; the file was not changed."
        )
    if version == 0:
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchone()[0]
        if tables:
            raise DatabaseError(f"{path}: an SQLite database, but not a Positions one; the file was not changed")
    return version


def upgrade(conn: sqlite3.Connection, path: Path) -> None:
    """Bring the schema to SCHEMA_VERSION; verify the search triggers on every open."""
    version = check_openable(conn, path)
    if version < SCHEMA_VERSION:
        if version > 0:
            backup_before_upgrade(conn, path, version)
        foreign_keys = conn.execute("PRAGMA foreign_keys").fetchone()[0]
        conn.execute("PRAGMA foreign_keys = OFF")  # a no-op inside a transaction: set before BEGIN
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                for step in range(version + 1, SCHEMA_VERSION + 1):
                    STEPS[step](conn)
                    search_index.ensure(conn)
                    conn.execute(f"PRAGMA user_version = {step}")
                _check_references(conn)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        finally:
            conn.execute(f"PRAGMA foreign_keys = {int(foreign_keys)}")
    elif not search_index.is_intact(conn):
        # Another tool (or sqlite-utils transform) dropped the triggers: rebuild so search stays true.
        conn.execute("BEGIN IMMEDIATE")
        try:
            search_index.ensure(conn, rebuild=True)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    if version == SCHEMA_VERSION:
        reference_data.refresh(conn)  # a newer bundle of names and keywords: merged once, in its own transaction


def _check_references(conn: sqlite3.Connection) -> None:
    broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        table, rowid, parent, _ = broken[0]
        raise DatabaseError(
            f"the schema upgrade would break {len(broken)} reference(s), e.g. {table} row {rowid} to {parent};"
            " the file was not changed"
        )


def backup_before_upgrade(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """Copy the database next to it, named after the version it had: SQLite's backup API, written to a temporary
    file, checked, fsynced and renamed (db/snapshot.py), so a failed copy leaves nothing and stops the upgrade."""
    target = path.with_name(f"{path.name}.v{version}.backup")
    snapshot.write_copy(conn, target, verify=_page_problems, replace=True)
    return target


def _page_problems(conn: sqlite3.Connection) -> list[str]:
    return [row[0] for row in conn.execute("PRAGMA integrity_check") if row[0] != "ok"]


def execute_script(conn: sqlite3.Connection, script: str) -> None:
    """Run each statement of `script` inside the current transaction.

    `sqlite3.executescript` would COMMIT first and break the one-transaction guarantee.
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip() and not statement.strip().startswith("--"):
        raise DatabaseError(f"incomplete SQL statement in migration: {statement[:80]!r}")


def _upgrade_to_1(conn: sqlite3.Connection) -> None:
    execute_script(conn, resources.files("db").joinpath("schema_v1.sql").read_text(encoding="utf-8"))
    reference_data.load_all(conn)


def _upgrade_to_2(conn: sqlite3.Connection) -> None:
    """Statements may have an unknown date (said_on NULL, precision 'unknown'): see upgrade_to_2.sql."""
    execute_script(conn, resources.files("db").joinpath("upgrade_to_2.sql").read_text(encoding="utf-8"))


def _upgrade_to_3(conn: sqlite3.Connection) -> None:
    """Position summaries, done follow-ups and issue reviews (the brief): see upgrade_to_3_summaries.sql."""
    execute_script(conn, resources.files("db").joinpath("upgrade_to_3_summaries.sql").read_text(encoding="utf-8"))


def _upgrade_to_4(conn: sqlite3.Connection) -> None:
    """Curation: statements with several sources, retired issues, the bundle remembered for later merges."""
    execute_script(conn, resources.files("db").joinpath("schema_curation.sql").read_text(encoding="utf-8"))
    reference_data.merge_bundle(conn, None)  # a database from before: only what the bundle added since
    reference_data.remember_baseline(conn)


STEPS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _upgrade_to_1,
    2: _upgrade_to_2,
    3: _upgrade_to_3,
    4: _upgrade_to_4,
}
