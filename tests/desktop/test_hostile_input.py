"""Issue 12, items 2 and 5 on the command line: devices, pipes, huge and deeply nested files fail fast, alone,
with a clear message, and the database is byte-for-byte what it was (compared by full dump)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from db.store import Store
from desktop.cli import main
from desktop.settings import IMPORT_MAX_MB, Settings
from tests.conftest import database_dump
from tests.desktop.test_printing_sheet_data import PROJECT_ROOT_HINT

RU_TEXT = (
    "Лавров: переговоры продолжатся\n\n"
    "Министр иностранных дел России Сергей Лавров заявил в понедельник, что Москва готова продолжить "
    "переговоры с Токио о мирном договоре.\n"
)
TABLE_ROW = {"speaker": "Taro Kono", "side": "japan", "issue": "peace_treaty", "date": "2018-01-15",
             "quote": "We will continue the negotiations on a peace treaty."}  # fmt: skip


@pytest.fixture
def db(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert main(["sample", "--db", str(db_path)]) == 0
    capsys.readouterr()
    return db_path


def positions(*argv: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """A separate process, as the user runs it (stdin closed, stderr not a terminal)."""
    env = {**os.environ, "PYTHONPATH": PROJECT_ROOT_HINT}
    return subprocess.run([sys.executable, "-m", "desktop", *argv], capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL, env=env)  # fmt: skip


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_import_dev_zero_fails_fast(db: Path) -> None:
    before = database_dump(db)
    done = positions("import", "--db", str(db), "/dev/zero", timeout=30)
    assert done.returncode == 1
    assert "cannot import zero: is a device, not a file" in done.stderr
    assert database_dump(db) == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")
def test_import_a_fifo_fails_fast_and_the_other_files_still_import(db: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "news.txt"
    os.mkfifo(fifo)
    good = tmp_path / "lavrov.txt"
    good.write_text(RU_TEXT, encoding="utf-8")
    done = positions("import", "--db", str(db), "--published", "2018-11-14", str(fifo), str(good), timeout=60)
    assert done.returncode == 1
    assert "cannot import news.txt: is a pipe (FIFO), not a file" in done.stderr
    assert "1 failed: news.txt" in done.stdout and "lavrov.txt" in done.stdout
    assert f"positions: reading 1 of 2: {fifo}\npositions: reading 2 of 2: {good}\n" in done.stderr


def test_a_file_above_the_limit_is_refused_and_the_message_says_how_to_raise_it(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "long.txt"
    big.write_text(RU_TEXT * (3 * 1024 * 1024 // len(RU_TEXT.encode()) + 1), encoding="utf-8")
    before = database_dump(db)
    assert main(["import", "--db", str(db), "--published", "2018", "--max-size", "2", str(big)]) == 1
    err = capsys.readouterr().err
    assert "cannot import long.txt: the file is 3.0 MB, larger than the limit of 2 MB for one import" in err
    assert "the import limit is 2 MB: give --max-size MB, or set max_file_mb under [import] in" in err
    assert database_dump(db) == before


def test_the_limit_is_a_setting(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "long.txt"
    big.write_text(RU_TEXT * (1024 * 1024 // len(RU_TEXT.encode()) + 1), encoding="utf-8")
    config = Settings()
    config.set(IMPORT_MAX_MB, 1)
    config.sync()
    assert main(["import", "--db", str(db), "--published", "2018", "--quiet", str(big)]) == 1
    err = capsys.readouterr().err
    assert "larger than the limit of 1 MB" in err and config.where() in err
    assert main(["import", "--db", str(db), "--published", "2018", "--quiet", "--max-size", "3", str(big)]) == 0


@pytest.mark.parametrize("size", ["0", "-1", "lots"])
def test_a_bad_max_size_is_refused(db: Path, tmp_path: Path, size: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "--db", str(db), "--max-size", size, str(tmp_path / "x.txt")]) == 2
    assert "not a size" in capsys.readouterr().err


def test_deep_json_table_fails_alone_in_a_batch(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    deep_txt = tmp_path / "deep-as-text.txt"
    deep_txt.write_text("[" * 100_000 + "]" * 100_000)
    good = tmp_path / "table.json"
    good.write_text(json.dumps([TABLE_ROW]), encoding="utf-8")
    before = database_dump(db)
    assert main(["import", "--db", str(db), str(deep), str(deep_txt), str(good)]) == 1
    out, err = capsys.readouterr()
    assert "cannot import deep.json: the JSON is nested more than 100 levels deep" in err
    assert "cannot import deep-as-text.txt: the JSON is nested more than 100 levels deep" in err
    assert "Traceback" not in err and "1 statements added from 1 of 3 files" in out
    assert database_dump(db) != before
    with Store.open(db, create=False) as store:
        assert store.conn.execute("SELECT count(*) FROM statements WHERE quote = ?",
                                  (TABLE_ROW["quote"],)).fetchone()[0] == 1  # fmt: skip


def test_deep_json_exchange_file_is_refused(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    deep = tmp_path / "from-anna.json"
    deep.write_text('{"format": "positions-annotations", "version": 1, "statements": '
                    + "[" * 100_000 + "]" * 100_000 + ', "annotations": []}')  # fmt: skip
    before = database_dump(db)
    assert main(["annotations", "import", "--db", str(db), str(deep)]) == 1
    err = capsys.readouterr().err
    assert "the JSON is nested more than 100 levels deep; nothing was imported" in err
    assert database_dump(db) == before


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_exchange_import_from_a_device_is_refused(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = database_dump(db)
    assert main(["annotations", "import", "--db", str(db), "/dev/zero"]) == 1
    assert "/dev/zero: is a device, not a file" in capsys.readouterr().err
    assert database_dump(db) == before
