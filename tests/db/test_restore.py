"""Restore: the backup verified first, the replaced database kept aside, a stale -wal never brings old content back."""

from __future__ import annotations

import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from db import annotations, auto_backups, integrity, sample, statements
from db.backup import write_backup
from db.errors import DatabaseError
from db.restore import restore
from db.statements import StatementFilter
from db.store import Store
from desktop.cli import main as cli
from tests.db.test_connection import file_bytes, killed_with_data_in_the_wal

NOTE = "saved just before the window was killed"


@pytest.fixture
def filled(db_path: Path) -> Path:
    with Store.open(db_path) as store:
        sample.fill(store)
    return db_path


def notes(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("SELECT body FROM annotations ORDER BY id")]
    finally:
        conn.close()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_restore_after_an_unclean_exit_puts_the_backup_back_and_keeps_the_replaced_one_aside(
    filled: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "before.sqlite"
    write_backup(filled, backup)
    killed_with_data_in_the_wal(filled)  # the killed window's last note waits in the -wal
    result = restore(filled, backup)
    assert notes(filled) == [], "the backup's content, not what the old -wal held"
    assert integrity.check_file(filled).ok
    assert result.aside is not None and result.aside.parent == auto_backups.backup_folder(filled)
    assert notes(result.aside) == [NOTE], "the replaced database, with its last commit, is kept aside"
    assert [b.reason for b in auto_backups.list_backups(filled)] == [auto_backups.ASIDE]
    with Store.open(filled) as store:  # and it opens and takes new work as usual
        uid = statements.page(store, StatementFilter(), limit=1)[0].uid
        annotations.add(store, uid, "after the restore", "anna")
    assert notes(filled) == ["after the restore"]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_copying_a_backup_by_hand_beside_a_stale_wal_brings_old_content_back(filled: Path, tmp_path: Path) -> None:
    """Why the README says never to copy a database by hand: this is what `positions restore` avoids."""
    backup = tmp_path / "before.sqlite"
    write_backup(filled, backup)
    killed_with_data_in_the_wal(filled)
    shutil.copyfile(backup, filled)  # no connection of this process is open: the hand copy of a careless user
    assert notes(filled) == [NOTE], "the old -wal was replayed over the copied backup"


def test_a_damaged_backup_is_refused_and_the_database_not_touched(filled: Path, tmp_path: Path) -> None:
    backup = tmp_path / "damaged.sqlite"
    write_backup(filled, backup)
    data = bytearray(backup.read_bytes())
    page = 4096
    for n in range(5, len(data) // page, 3):  # scribble over every third page past the schema
        data[n * page + 100 : n * page + 400] = b"\xff" * 300
    backup.write_bytes(bytes(data))
    before = file_bytes(filled)
    with pytest.raises(DatabaseError, match="(?s)damaged.*not restored.*database was not changed"):
        restore(filled, backup)
    assert file_bytes(filled) == before
    assert auto_backups.list_backups(filled) == []


@pytest.mark.parametrize("content", [b"", b"not a database at all", b"SQLite format 3\x00" + b"\x00" * 84])
def test_what_is_not_a_backup_is_refused(filled: Path, tmp_path: Path, content: bytes) -> None:
    backup = tmp_path / "backup.sqlite"
    backup.write_bytes(content)
    before = file_bytes(filled)
    with pytest.raises(DatabaseError):
        restore(filled, backup)
    assert file_bytes(filled) == before


def test_restore_while_the_window_has_the_database_open(filled: Path, tmp_path: Path) -> None:
    backup = tmp_path / "before.sqlite"
    with Store.open(filled) as window:
        uid = statements.page(window, StatementFilter(), limit=1)[0].uid
        annotations.add(window, uid, "in the backup", "anna")
        write_backup(filled, backup)
        annotations.add(window, uid, "written after the backup", "anna")
        restore(filled, backup)
        # the window's own connection sees the restored content and goes on writing safely
        assert [n.body for n in annotations.for_statement_uid(window, uid)] == ["in the backup"]
        annotations.add(window, uid, "after the restore", "anna")
    assert notes(filled) == ["in the backup", "after the restore"]
    assert integrity.check_file(filled).ok


def test_a_database_sqlite_cannot_read_is_moved_aside_with_its_companions(filled: Path, tmp_path: Path) -> None:
    backup = tmp_path / "before.sqlite"
    write_backup(filled, backup)
    filled.write_bytes(b"garbage where the database was")
    Path(f"{filled}-wal").write_bytes(b"a stale wal")
    result = restore(filled, backup)
    assert result.moved and result.aside is not None
    assert result.aside.read_bytes() == b"garbage where the database was"
    assert Path(f"{result.aside}-wal").read_bytes() == b"a stale wal"
    assert not Path(f"{filled}-wal").exists() or Path(f"{filled}-wal").stat().st_size == 0
    assert integrity.check_file(filled).ok


def test_restore_and_backups_on_the_command_line(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(["backups", "--db", str(filled)]) == 0
    assert "no backups yet" in capsys.readouterr().out
    backup = auto_backups.take_backup(filled, "open", keep_daily=3, keep_weekly=1)
    assert cli(["restore", "--db", str(filled), str(backup.path)]) == 0
    out = capsys.readouterr().out
    assert "restored from" in out and "kept in" in out
    assert cli(["backups", "--db", str(filled)]) == 0
    listing = capsys.readouterr().out
    assert "on open" in listing and "put aside by a restore" in listing and "2 backup(s)" in listing
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x07" * 5000)
    assert cli(["restore", "--db", str(filled), str(damaged)]) == 1
    assert "not restored" in capsys.readouterr().err
