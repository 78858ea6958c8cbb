"""Automatic backups: where they go, at most one on open per day, rotation N daily + M weekly, all verified."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from db import auto_backups, sample
from db.auto_backups import BackupFile, backup_folder, is_due, list_backups, take_backup, to_keep
from db.integrity import integrity_problems
from db.store import Store


@pytest.fixture
def filled(db_path: Path) -> Path:
    with Store.open(db_path) as store:
        sample.fill(store)
    return db_path


def fake(day: str, time: str = "12-00-00", reason: str = "open") -> BackupFile:
    taken = dt.datetime.fromisoformat(f"{day}T{time.replace('-', ':')}")
    return BackupFile(Path(f"{day}T{time}-{reason}.sqlite"), taken, reason, 1)


def test_backups_live_in_a_folder_beside_the_database_named_after_it(filled: Path) -> None:
    assert backup_folder(filled) == filled.parent / "positions-backups"
    with Store.open(filled) as store:  # the window has it open
        backup = take_backup(filled, "open", keep_daily=7, keep_weekly=4)
        assert backup.path.parent == backup_folder(filled) and backup.reason == "open"
        assert backup.size == backup.path.stat().st_size > 0
        conn = sqlite3.connect(backup.path)
        assert integrity_problems(conn) == []
        count = "SELECT count(*) FROM statements"
        assert conn.execute(count).fetchone()[0] == store.conn.execute(count).fetchone()[0]
        conn.close()
    assert [b.path for b in list_backups(filled)] == [backup.path]


def test_the_backup_on_open_is_at_most_daily(filled: Path) -> None:
    morning = dt.datetime(2026, 11, 23, 9, 0, 0)
    assert is_due(filled, morning)
    take_backup(filled, "open", keep_daily=7, keep_weekly=4, now=morning)
    assert not is_due(filled, morning.replace(hour=18))
    assert is_due(filled, morning + dt.timedelta(days=1))


def test_backups_in_the_same_second_get_their_own_names_and_the_newest_is_kept(filled: Path) -> None:
    now = dt.datetime(2026, 11, 23, 9, 0, 0)
    first = take_backup(filled, "open", keep_daily=1, keep_weekly=0, now=now)
    second = take_backup(filled, "import", keep_daily=1, keep_weekly=0, now=now)
    assert second.path != first.path and second.sequence == 2
    assert [b.path for b in list_backups(filled)] == [second.path]


def test_rotation_keeps_the_newest_of_n_days_then_of_m_weeks_before_them() -> None:
    backups = [
        fake("2026-11-23", "18-00-00", "import"),
        fake("2026-11-23", "09-00-00"),  # an older one of a kept day: goes
        fake("2026-11-22"),
        fake("2026-11-20"),
        fake("2026-11-19"),  # beyond the 3 days; same ISO week as the 20th: its week is the daily ones'
        fake("2026-11-13"),  # week 46: kept as a weekly one
        fake("2026-11-10"),  # week 46 too, older: goes
        fake("2026-11-04"),  # week 45: kept
        fake("2026-10-28"),  # week 44: beyond the 2 weeks, goes
    ]
    kept = [b.path.name[:10] + " " + b.reason for b in to_keep(backups, keep_daily=3, keep_weekly=2)]
    assert kept == ["2026-11-23 import", "2026-11-22 open", "2026-11-20 open", "2026-11-13 open", "2026-11-04 open"]


def test_rotation_removes_only_automatic_backups(filled: Path) -> None:
    folder = backup_folder(filled)
    folder.mkdir()
    (folder / "my notes.txt").write_text("mine", encoding="utf-8")
    aside = folder / "2026-01-01T00-00-00-replaced.sqlite"
    aside.write_bytes(b"the database a restore replaced")
    days = [dt.datetime(2026, 11, 23, 9) - dt.timedelta(days=n) for n in range(5)]
    for day in reversed(days):
        take_backup(filled, "open", keep_daily=2, keep_weekly=0, now=day)
    names = sorted(p.name for p in folder.iterdir())
    assert names == [aside.name, "2026-11-22T09-00-00-open.sqlite", "2026-11-23T09-00-00-open.sqlite", "my notes.txt"]
    assert [b.reason for b in list_backups(filled)] == ["open", "open", auto_backups.ASIDE]


def test_a_backup_that_fails_is_not_listed_and_nothing_is_rotated_away(
    filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from db import integrity

    yesterday = dt.datetime(2026, 11, 22, 9)
    kept = take_backup(filled, "open", keep_daily=1, keep_weekly=0, now=yesterday)
    monkeypatch.setattr(integrity, "check", lambda conn, report=None: integrity.CheckResult(pages=("damaged",)))
    with pytest.raises(Exception, match="failed its check"):
        take_backup(filled, "import", keep_daily=1, keep_weekly=0, now=yesterday + dt.timedelta(days=1))
    assert [b.path for b in list_backups(filled)] == [kept.path]
    assert sorted(p.name for p in backup_folder(filled).iterdir()) == [kept.path.name]
