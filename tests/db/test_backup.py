import sqlite3
from pathlib import Path

import pytest

from db import sample
from db.backup import integrity_problems, write_backup
from db.errors import DatabaseError
from db.store import Store


def test_backup_is_a_verified_copy_including_uncheckpointed_writes(db_path: Path, tmp_path: Path) -> None:
    with Store.open(db_path) as store:  # kept open: recent writes are still in the WAL file, not the main file
        sample.fill(store)
        dest = tmp_path / "copy.sqlite"
        write_backup(db_path, dest)
    conn = sqlite3.connect(dest)
    assert conn.execute("SELECT count(*) FROM statements").fetchone()[0] >= 100
    assert integrity_problems(conn) == []
    conn.close()


def test_backup_never_overwrites_a_file(db_path: Path, tmp_path: Path) -> None:
    Store.open(db_path).close()
    dest = tmp_path / "precious.sqlite"
    dest.write_bytes(b"someone's other file")
    with pytest.raises(DatabaseError, match="already exists"):
        write_backup(db_path, dest)
    assert dest.read_bytes() == b"someone's other file"


def test_check_finds_a_search_index_out_of_step(db_path: Path) -> None:
    with Store.open(db_path) as store:
        sample.fill(store)
        store.conn.execute("DROP TRIGGER statements_au")
        store.conn.execute("UPDATE statements SET quote = 'changed behind the index' WHERE id = 1")
        assert any("full-text index" in p for p in integrity_problems(store.conn))
