"""Backups, checks and restores of a large database: what the automatic backup costs, in time and disk.

POSITIONS_BENCH_SIZE=1000000 python3 -m pytest tests/bench/bench_backup.py -s
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from db import integrity
from db.backup import write_backup
from db.restore import restore
from tests.bench.synthetic import bench_size, synthetic_database


def seconds(action: object) -> float:
    start = time.perf_counter()
    action()  # type: ignore[operator]
    return time.perf_counter() - start


def test_backup_check_and_restore_of_a_large_database(tmp_path: Path) -> None:
    size = bench_size()
    source = synthetic_database(size)
    database = tmp_path / "positions.sqlite"
    shutil.copyfile(source, database)  # the cached database is never the one written to; no connection is open
    megabytes = database.stat().st_size / 1_048_576
    print(f"\n{size:,} statements, database {megabytes:.1f} MB")
    backup = tmp_path / "backup.sqlite"
    took = seconds(lambda: write_backup(database, backup))
    print(f"{'verified backup (copy + full check)':<40} {took:9.2f} s   {backup.stat().st_size / 1_048_576:.1f} MB")
    took = seconds(lambda: integrity.check_file(database))
    print(f"{'check, read-only (index on a copy)':<40} {took:9.2f} s")
    took = seconds(lambda: restore(database, backup))
    print(f"{'restore (verify, keep aside, copy in)':<40} {took:9.2f} s")
    assert integrity.check_file(database).ok
