import sqlite3
from pathlib import Path

import pytest

from db import migrations, search_index
from db.errors import DatabaseError
from db.store import Store


def test_new_file_gets_the_current_schema_and_reference_data(db_path: Path) -> None:
    with Store.open(db_path) as store:
        assert migrations.schema_version(store.conn) == migrations.SCHEMA_VERSION
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        sides = [row[0] for row in store.conn.execute("SELECT slug FROM sides ORDER BY position")]
        assert sides[:2] == ["russia", "japan"]
        assert store.conn.execute("SELECT count(*) FROM issues").fetchone()[0] == 12
        assert store.conn.execute("SELECT count(*) FROM actors WHERE side_id IS NOT NULL").fetchone()[0] >= 60
        assert search_index.is_intact(store.conn)


def test_reopening_keeps_data_and_user_edits(db_path: Path) -> None:
    with Store.open(db_path) as store, store.transaction():
        store.conn.execute("UPDATE issues SET title = 'Курилы / 北方領土' WHERE slug = 'territorial_dispute'")
    with Store.open(db_path) as store:
        title = store.conn.execute("SELECT title FROM issues WHERE slug = 'territorial_dispute'").fetchone()[0]
        assert title == "Курилы / 北方領土"
        assert migrations.schema_version(store.conn) == migrations.SCHEMA_VERSION


def test_database_from_a_newer_version_is_refused_untouched(db_path: Path) -> None:
    Store.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError, match="newer version"):
        Store.open(db_path)
    assert db_path.read_bytes() == before


def test_file_that_is_not_sqlite_is_refused_untouched(db_path: Path) -> None:
    db_path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    with pytest.raises(DatabaseError, match="not an SQLite database"):
        Store.open(db_path)
    assert db_path.read_bytes() == b"\x89PNG\r\n\x1a\n" + b"\x00" * 100


def test_other_applications_sqlite_file_is_refused(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.close()
    with pytest.raises(DatabaseError, match="not a Positions one"):
        Store.open(db_path)


def test_truncated_database_gives_a_clear_error(db_path: Path) -> None:
    Store.open(db_path).close()
    data = db_path.read_bytes()
    db_path.write_bytes(data[:150])
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    with pytest.raises(DatabaseError):
        Store.open(db_path)


def test_failed_migration_leaves_the_file_as_it_was(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_step(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (id INTEGER)")
        raise RuntimeError("disk full")

    monkeypatch.setitem(migrations.STEPS, 1, broken_step)
    with pytest.raises(RuntimeError):
        Store.open(db_path)
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    conn.close()


def test_upgrade_of_an_existing_database_makes_a_backup_first(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Store.open(db_path).close()
    current = migrations.SCHEMA_VERSION
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", current + 1)
    monkeypatch.setitem(
        migrations.STEPS, current + 1, lambda conn: conn.execute("ALTER TABLE sources ADD COLUMN note TEXT")
    )
    with Store.open(db_path) as store:
        assert migrations.schema_version(store.conn) == current + 1
    backup = db_path.with_name(f"{db_path.name}.v{current}.backup")
    conn = sqlite3.connect(backup)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == current
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_search_triggers_dropped_by_another_tool_are_restored_on_open(db_path: Path) -> None:
    Store.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("DROP TRIGGER statements_ai")
    conn.close()
    with Store.open(db_path) as store:
        assert search_index.is_intact(store.conn)
        assert search_index.check(store.conn) == []


def test_sqlite_utils_sees_the_same_database(db_path: Path) -> None:
    with Store.open(db_path) as store:
        assert store.db["issues"].count == 12
        assert store.db["statements"].detect_fts() == "statements_fts"
