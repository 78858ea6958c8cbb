"""Opening a database: only SQLite touches the file, reading never writes, and what is not ours is refused untouched."""

from __future__ import annotations

import builtins
import hashlib
import io
import os
import signal
import sqlite3
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from db import annotations, auto_backups, integrity, migrations, sample, statements
from db.backup import write_backup
from db.errors import DatabaseError
from db.restore import restore
from db.statements import StatementFilter
from db.store import Store
from desktop.cli import main as cli
from tests.db.test_annotation_durability import run_python

SIDECARS = ("", "-wal", "-shm", "-journal")


def file_bytes(db_path: Path) -> dict[str, str]:
    """The database file and its -wal, byte for byte. The -shm is SQLite's scratch index, rebuilt at will; an
    empty -wal is what SQLite itself creates when it opens a WAL database read-only, and holds nothing."""
    found = {}
    for suffix in ("", "-wal"):
        path = Path(f"{db_path}{suffix}")
        if path.exists() and path.stat().st_size:
            found[suffix] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


@pytest.fixture
def filled(db_path: Path) -> Path:
    with Store.open(db_path) as store:
        sample.fill(store)
    return db_path


LEFT_IN_THE_WAL = """
    import os, signal, sys
    from db import annotations
    from db.store import Store
    store = Store.open(sys.argv[1])
    annotations.add(store, sys.argv[2], "saved just before the window was killed", "anna")
    os.kill(os.getpid(), signal.SIGKILL)
"""


def killed_with_data_in_the_wal(db_path: Path) -> str:
    with Store.open(db_path) as store:
        uid = statements.page(store, StatementFilter(), limit=1)[0].uid
    child = run_python(LEFT_IN_THE_WAL, str(db_path), uid)
    _, err = child.communicate(timeout=60)
    assert child.returncode == -signal.SIGKILL, err
    assert Path(f"{db_path}-wal").stat().st_size > 0, "the last commit waits in the -wal, as after a killed window"
    return uid


# -- no file handle on a database but SQLite's ---------------------------------------------------------------------


@pytest.fixture
def python_opens(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every path Python's own open() / os.open() is given during the test (patched for this test only)."""
    seen: list[str] = []
    real_open, real_io_open, real_os_open = builtins.open, io.open, os.open

    def record(file: Any) -> None:
        if isinstance(file, (str, bytes, os.PathLike)):
            seen.append(os.path.abspath(os.fsdecode(file)))

    def fake_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        record(file)
        return real_open(file, *args, **kwargs)

    def fake_io_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        record(file)
        return real_io_open(file, *args, **kwargs)

    def fake_os_open(path: Any, *args: Any, **kwargs: Any) -> Any:
        record(path)
        return real_os_open(path, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(io, "open", fake_io_open)
    monkeypatch.setattr(os, "open", fake_os_open)
    yield seen


def test_no_python_open_of_the_database_while_a_connection_is_open(
    filled: Path, tmp_path: Path, python_opens: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    forbidden = {os.path.abspath(f"{filled}{suffix}") for suffix in SIDECARS}
    window = Store.open(filled)  # the window's connection stays open through everything below
    try:
        uid = statements.page(window, StatementFilter(), limit=1)[0].uid
        annotations.add(window, uid, "Заметка / メモ", "anna")
        with Store.open(filled, create=False) as worker:  # what every worker task used to do
            statements.count(worker, StatementFilter())
        with Store.open(filled, read_only=True) as reader:  # a reading command
            statements.count(reader, StatementFilter())
        thread_store: list[Store] = []
        thread = threading.Thread(target=lambda: thread_store.append(window.for_thread()))
        thread.start()
        thread.join()
        assert thread_store[0] is not window
        assert integrity.check_file(filled).ok
        write_backup(filled, tmp_path / "copy.sqlite")
        auto_backups.take_backup(filled, "open", keep_daily=2, keep_weekly=1)
        assert cli(["check", "--db", str(filled)]) == 0
        assert cli(["issues", "--db", str(filled)]) == 0
        assert cli(["backups", "--db", str(filled)]) == 0
        restore(filled, tmp_path / "copy.sqlite")
        # and an upgrade, whose backup copy is written while the upgrading connection is open
        monkeypatch.setattr(migrations, "SCHEMA_VERSION", migrations.SCHEMA_VERSION + 1)
        monkeypatch.setitem(migrations.STEPS, migrations.SCHEMA_VERSION, lambda conn: None)
        Store.open(filled).close()
    finally:
        window.close()
    assert [path for path in python_opens if path in forbidden] == []
    assert python_opens, "the patch saw the files Python did open (backups being flushed to disk)"


# -- reading commands change no byte -------------------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
@pytest.mark.parametrize(
    "command",
    [
        ["issues"],
        ["statements", "--format", "jsonl"],
        ["search", "Kuril"],
        ["check"],
        ["backups"],
        ["annotations", "export", "{tmp}/notes.json"],
    ],
)
def test_reading_commands_change_no_byte_even_after_an_unclean_exit(
    filled: Path, tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    killed_with_data_in_the_wal(filled)
    before = file_bytes(filled)
    argv = [part.replace("{tmp}", str(tmp_path)) for part in command]
    assert cli([argv[0], *argv[1:2], "--db", str(filled), *argv[2:]] if argv[0] == "annotations" else
               [argv[0], "--db", str(filled), *argv[1:]]) == 0, capsys.readouterr().err  # fmt: skip
    assert file_bytes(filled) == before
    with Store.open(filled) as store:  # and what waited in the -wal is all there when the window opens it again
        assert annotations.find(store, annotations.AnnotationFilter(author="anna"))


def test_an_empty_file_given_to_a_reading_command_is_refused_not_made_a_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    for command in (["issues"], ["statements"], ["search", "x"], ["check"], ["backup", str(tmp_path / "b.sqlite")]):
        assert cli([command[0], "--db", str(empty), *command[1:]]) == 1
        assert "empty file" in capsys.readouterr().err
    assert empty.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.sqlite"]
    with Store.open(empty, create=True) as store:  # a command that creates may use it, and says so by creating
        assert migrations.schema_version(store.conn) == migrations.SCHEMA_VERSION


def test_another_applications_file_with_a_version_number_is_refused_before_anything_is_switched_to_wal(
    db_path: Path,
) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.execute("INSERT INTO invoices (total) VALUES (12.5)")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    for read_only in (False, True):
        with pytest.raises(DatabaseError, match="not a Positions one"):
            Store.open(db_path, read_only=read_only)
    assert db_path.read_bytes() == before  # header byte 18 = 1: still a rollback-journal file, not WAL
    assert before[18] == 1 and not Path(f"{db_path}-wal").exists()


def test_check_on_a_read_only_database_checks_the_index_without_writing(filled: Path) -> None:
    before = file_bytes(filled)
    conn = sqlite3.connect(filled.absolute().as_uri() + "?mode=ro", uri=True)  # as another tool would open it
    try:
        assert integrity.check(conn).ok
    finally:
        conn.close()
    assert integrity.check_file(filled).ok
    assert file_bytes(filled) == before


def test_check_on_a_read_only_database_still_finds_a_damaged_index(filled: Path) -> None:
    conn = sqlite3.connect(filled)
    conn.execute("DROP TRIGGER statements_au")
    conn.execute("UPDATE statements SET quote = 'changed behind the index' WHERE id = 1")
    conn.execute("CREATE TRIGGER statements_au AFTER UPDATE ON statements BEGIN SELECT 1; END")
    conn.commit()
    conn.close()
    before = file_bytes(filled)
    found = integrity.check_file(filled)
    assert found.only_the_index and "does not match its rows" in found.search_index[0]
    assert file_bytes(filled) == before


def test_an_older_database_is_read_by_checks_but_reading_commands_say_it_needs_opening(
    filled: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", migrations.SCHEMA_VERSION + 1)
    before = file_bytes(filled)
    assert cli(["issues", "--db", str(filled)]) == 1
    assert "earlier version of Positions" in capsys.readouterr().err
    assert integrity.check_file(filled).ok
    assert file_bytes(filled) == before


def test_no_output_is_ever_written_over_the_open_database(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An export or a sheet saved under the database's name would be renamed over it: refused, nothing changed."""
    from db.atomic_output import OutputError, write_atomically

    before = file_bytes(filled)
    for target in (filled, Path(f"{filled}-wal")):
        target.touch(exist_ok=True)
        assert cli(["annotations", "export", "--db", str(filled), str(target)]) == 1
        assert "the database Positions has open" in capsys.readouterr().err
    with Store.open(filled), pytest.raises(OutputError, match="the database Positions has open"):  # window open
        write_atomically(filled, b"%PDF-1.7 a sheet")
    assert file_bytes(filled) == before
    write_atomically(filled, b"closed: the user may overwrite a file nobody has open")
    assert filled.read_bytes().startswith(b"closed")
