import sqlite3
import sys
from pathlib import Path

import pytest

from db import sample
from db.backup import integrity_problems, write_backup
from db.errors import DatabaseError
from db.store import Store
from tests.db.test_annotation_durability import run_python


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


FULL_DISK = """
    import resource, signal, sys
    from db.backup import write_backup
    from db.errors import DatabaseError
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit then fails as on a full disk
    resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[3]), int(sys.argv[3])))
    try:
        write_backup(sys.argv[1], sys.argv[2])
    except DatabaseError as exc:
        print(exc)
        sys.exit(1)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE")
def test_a_backup_that_fails_on_a_full_disk_leaves_nothing_and_the_retry_works(db_path: Path, tmp_path: Path) -> None:
    with Store.open(db_path) as store:
        sample.fill(store)
    folder = tmp_path / "usb"
    folder.mkdir()
    dest = folder / "backup.sqlite"
    child = run_python(FULL_DISK, str(db_path), str(dest), str(64 * 1024))
    out, err = child.communicate(timeout=60)
    assert child.returncode == 1, err
    assert str(dest) in out and "nothing was left behind" in out
    assert list(folder.iterdir()) == []
    write_backup(db_path, dest)  # the retry is not blocked by a half-written file
    assert integrity_problems(sqlite3.connect(dest)) == []


def test_a_backup_is_one_self_contained_file(db_path: Path, tmp_path: Path) -> None:
    with Store.open(db_path) as store:
        sample.fill(store)
        dest = tmp_path / "copy.sqlite"
        write_backup(db_path, dest)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("copy")) == ["copy.sqlite"]
    assert dest.read_bytes()[18] == 1, "rollback journal: the copy needs no -wal to be read"


def test_a_copy_that_fails_its_check_is_removed(db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from db import integrity

    Store.open(db_path).close()
    monkeypatch.setattr(integrity, "check", lambda conn, report=None: integrity.CheckResult(pages=("page 3: bad",)))
    dest = tmp_path / "copy.sqlite"
    with pytest.raises(DatabaseError, match="failed its check: page 3: bad"):
        write_backup(db_path, dest)
    assert not any(p.name.startswith((".copy", "copy")) for p in tmp_path.iterdir())


def test_cancel_during_a_backup_leaves_nothing(db_path: Path, tmp_path: Path) -> None:
    with Store.open(db_path) as store:
        sample.fill(store)

    class Cancelled(Exception):
        pass

    def cancel(done: int, total: int, message: str) -> None:
        raise Cancelled()

    with pytest.raises(Cancelled):
        write_backup(db_path, tmp_path / "copy.sqlite", cancel)
    assert not any(p.name.startswith((".copy", "copy")) for p in tmp_path.iterdir())
