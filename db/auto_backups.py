"""Automatic backups: taken on open (at most once a day) and after every import, kept N daily + M weekly.

They live in a folder beside the database, named after it (`positions.sqlite` -> `positions-backups/`), so they
go wherever the database goes: a database kept on an encrypted or removable drive never leaves a copy of itself
on another disk, and two databases never share backups. (They guard against damage and mistakes, not against
losing the disk: File > Back up database... writes a copy anywhere else.)

File names carry the time and the reason, `2026-11-23T14-03-01-open.sqlite`; rotation only ever removes files
with such names. The numbers to keep are the caller's (desktop/settings.py declares them).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from db.backup import write_backup
from db.integrity import Report

REASONS = ("open", "import", "manual")  # why an automatic backup was taken
ASIDE = "replaced"  # a database a restore put aside (never rotated away)
_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})(?:-(\d+))?-([a-z]+)\.sqlite$")


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: dt.datetime  # local time, to the second
    reason: str  # one of REASONS, or ASIDE
    size: int  # bytes
    sequence: int = 1  # the second and later backup of the same second are numbered 2, 3 ...

    @property
    def rotated(self) -> bool:
        """Automatic backups rotate; a database put aside by a restore stays until the user removes it."""
        return self.reason != ASIDE


def backup_folder(database: Path) -> Path:
    return Path(database).with_name(f"{Path(database).stem}-backups")


def list_backups(database: Path) -> list[BackupFile]:
    """The backups of `database`, newest first (other files in the folder are left out)."""
    folder = backup_folder(database)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match is None or not path.is_file():
            continue
        day, hours, minutes, seconds, number, reason = match.groups()
        try:
            taken = dt.datetime.fromisoformat(f"{day}T{hours}:{minutes}:{seconds}")
        except ValueError:
            continue
        found.append(BackupFile(path, taken, reason, path.stat().st_size, int(number or 1)))
    return sorted(found, key=newness, reverse=True)


def newness(backup: BackupFile) -> tuple[dt.datetime, int]:
    return backup.taken_at, backup.sequence


def is_due(database: Path, now: dt.datetime | None = None) -> bool:
    """True when no automatic backup was taken today (the backup on open is at most daily)."""
    today = (now or dt.datetime.now()).date()
    return not any(b.rotated and b.taken_at.date() == today for b in list_backups(database))


def new_backup_path(database: Path, reason: str, now: dt.datetime | None = None) -> Path:
    """A free name in the backup folder for a backup taken `now` (the folder is created); a second backup in
    the same second, whatever its reason, is numbered so that the order of the two stays known."""
    folder = backup_folder(database)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or dt.datetime.now()).strftime("%Y-%m-%dT%H-%M-%S")
    same_second = [b.sequence for b in list_backups(database) if b.path.name.startswith(stamp)]
    if not same_second:
        return folder / f"{stamp}-{reason}.sqlite"
    return folder / f"{stamp}-{max(same_second) + 1}-{reason}.sqlite"


def take_backup(
    database: Path,
    reason: str,
    *,
    keep_daily: int,
    keep_weekly: int,
    report: Report | None = None,
    now: dt.datetime | None = None,
) -> BackupFile:
    """Write a verified backup of `database` into its backup folder, then rotate the older ones away."""
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    now = now or dt.datetime.now()
    path = new_backup_path(database, reason, now)
    write_backup(database, path, report)
    prune(database, keep_daily=keep_daily, keep_weekly=keep_weekly)
    return next(b for b in list_backups(database) if b.path == path)


def to_keep(backups: Sequence[BackupFile], keep_daily: int, keep_weekly: int) -> list[BackupFile]:
    """Which automatic backups rotation keeps: the newest of each of the `keep_daily` latest days that have one,
    then the newest of each of the `keep_weekly` ISO weeks before those. The newest backup is always kept."""
    keep_daily = max(1, keep_daily)
    kept: list[BackupFile] = []
    days: set[dt.date] = set()
    weeks: set[tuple[int, int]] = set()
    daily_weeks: set[tuple[int, int]] = set()
    for backup in sorted((b for b in backups if b.rotated), key=newness, reverse=True):
        day = backup.taken_at.date()
        if day in days:
            continue
        week = day.isocalendar()[:2]
        if len(days) < keep_daily:
            days.add(day)
            daily_weeks.add(week)
            kept.append(backup)
            continue
        if week in daily_weeks or week in weeks or len(weeks) >= max(0, keep_weekly):
            continue
        weeks.add(week)
        kept.append(backup)
    return kept


def prune(database: Path, *, keep_daily: int, keep_weekly: int) -> list[Path]:
    """Remove the automatic backups rotation no longer keeps; returns what was removed."""
    backups = list_backups(database)
    kept = {b.path for b in to_keep(backups, keep_daily, keep_weekly)}
    removed = []
    for backup in backups:
        if backup.rotated and backup.path not in kept:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    return removed
