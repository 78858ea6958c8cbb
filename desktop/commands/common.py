"""What every command shares: the --db option, opening the store, and date arguments."""

from __future__ import annotations

import argparse
import calendar
import sys
from collections.abc import Callable
from pathlib import Path

from db import auto_backups
from db.errors import DatabaseError
from db.partial_date import PartialDate
from db.store import Store
from desktop.paths import default_database


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", type=Path, default=argparse.SUPPRESS, metavar="PATH", help="database file (default: your own)"
    )


def database_path(args: argparse.Namespace) -> Path:
    return Path(getattr(args, "db", None) or default_database()).expanduser()


def open_store(args: argparse.Namespace, *, create: bool = False, write: bool = False) -> Store:
    """Open the chosen database. Commands that only read open it read-only (`mode=ro`): they change no byte and
    refuse a missing or empty file; `write` opens an existing database for writing, `create` may also make one."""
    if create or write:
        return Store.open(database_path(args), create=create)
    return Store.open(database_path(args), read_only=True)


def backup_after_import(args: argparse.Namespace) -> None:
    """The automatic backup after an import (kept as the window's settings say); a failure is a warning, since
    the import itself is saved."""
    from desktop import settings  # reads the user's settings file; no window

    daily, weekly = settings.Settings().backups_to_keep
    try:
        backup = auto_backups.take_backup(database_path(args), "import", keep_daily=daily, keep_weekly=weekly)
    except (DatabaseError, OSError) as exc:
        print(f"positions: warning: the automatic backup after this import failed: {exc}", file=sys.stderr)
        return
    print(f"backup written and verified: {backup.path}")


def at_least_one(what: str) -> Callable[[str], int]:
    """An argparse type for a whole number of 1 or more; `what` names it in the error ("a whole number of
    megabytes")."""

    def parse(text: str) -> int:
        value = int(text) if text.strip().lstrip("-").isdigit() else 0
        if value < 1:
            raise argparse.ArgumentTypeError(f"not {what}: {text!r} (1 or more)")
        return value

    return parse


def date_bound(text: str, *, end: bool) -> str:
    """`2017`, `2017-03` or `2017-03-06` as the first (or, with end, the last) ISO day of that period."""
    try:
        date = PartialDate.from_iso(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)") from None
    if not end:
        return date.start().isoformat()
    month = date.month or 12
    day = date.day or calendar.monthrange(date.year, month)[1]
    return f"{date.year:04d}-{month:02d}-{day:02d}"


def date_from(text: str) -> str:
    return date_bound(text, end=False)


def date_to(text: str) -> str:
    return date_bound(text, end=True)
