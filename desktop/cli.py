"""The `positions` command line (contract in ARCHITECTURE.md): no subcommand opens the window."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Sequence

from db.errors import DatabaseError, NotFoundError, ValidationError
from desktop.commands import COMMAND_MODULES
from desktop.commands.common import add_db_option, database_path

USER_ERRORS: tuple[type[BaseException], ...] = (
    DatabaseError,
    NotFoundError,
    ValidationError,
    OSError,
    sqlite3.Error,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="positions", description="Compare what two governments say on each issue, side by side."
    )
    add_db_option(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed the usage and the problem
        return int(exc.code or 0)
    try:
        if args.command is None:
            from desktop.app import run_app

            return run_app(database_path(args))
        return int(args.run(args))
    except USER_ERRORS as exc:
        print(f"positions: error: {user_message(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("positions: interrupted", file=sys.stderr)
        return 130


def user_message(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror or exc}"
    if isinstance(exc, sqlite3.Error):
        return f"database error: {exc}"
    return str(exc)
