"""What every command shares: the --db option, opening the store, and date arguments."""

from __future__ import annotations

import argparse
import calendar
from pathlib import Path

from db.partial_date import PartialDate
from db.store import Store
from desktop.paths import default_database


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", type=Path, default=argparse.SUPPRESS, metavar="PATH", help="database file (default: your own)"
    )


def database_path(args: argparse.Namespace) -> Path:
    return Path(getattr(args, "db", None) or default_database()).expanduser()


def open_store(args: argparse.Namespace, *, create: bool = False) -> Store:
    """Open the chosen database; commands that only read refuse a missing file instead of creating one."""
    return Store.open(database_path(args), create=create)


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
