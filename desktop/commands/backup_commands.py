"""`positions backups` and `positions restore`: the automatic backups of a database, and putting one back.

Automatic backups are taken by the window (on open, at most daily) and after every import (window and command
line); where they live and how long they are kept is in db/auto_backups.py and the README.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from db import auto_backups, restore
from desktop.commands.common import add_db_option, database_path

REASONS = {
    "open": "on open",
    "import": "after an import",
    "manual": "by hand",
    auto_backups.ASIDE: "put aside by a restore",
}


def register(sub: Any) -> None:
    p = sub.add_parser("backups", help="list the automatic backups of the database")
    add_db_option(p)
    p.set_defaults(run=run_backups)

    p = sub.add_parser(
        "restore",
        help="verify a backup and put it in place of the database, keeping the replaced one aside",
        description="Verify BACKUP, keep the current database aside in its backup folder, then copy the backup "
        "into the database through SQLite (never copy a database by hand while Positions may have it open).",
    )
    add_db_option(p)
    p.add_argument("backup", type=Path, metavar="BACKUP")
    p.set_defaults(run=run_restore)


def run_backups(args: argparse.Namespace) -> int:
    database = database_path(args)
    backups = auto_backups.list_backups(database)
    folder = auto_backups.backup_folder(database)
    if not backups:
        print(f"{database}: no backups yet (they are written to {folder})")
        return 0
    for backup in backups:
        taken = backup.taken_at.strftime("%Y-%m-%d %H:%M:%S")
        print(f"{taken}  {human_size(backup.size):>9}  {REASONS.get(backup.reason, backup.reason):<24}  {backup.path}")
    print(f"{len(backups)} backup(s) in {folder}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    database = database_path(args)
    report = _progress()
    result = restore.restore(database, args.backup, report)
    if report is not None:
        print(file=sys.stderr)
    print(f"{database}: restored from {args.backup} (verified)")
    if result.aside is not None:
        print(f"the database it replaced is kept in {result.aside}")
    return 0


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


def _progress() -> Any:
    if not sys.stderr.isatty():
        return None

    def report(done: int, total: int, message: str) -> None:
        percent = done * 100 // total if total else 0
        print(f"\r{percent:3d}% {message[:60]:<60}", end="", file=sys.stderr, flush=True)

    return report
