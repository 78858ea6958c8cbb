"""The `positions` command line (contract in ARCHITECTURE.md): no subcommand opens the window."""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Sequence

from db.atomic_output import OutputError
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
        code = int(args.run(args))
        sys.stdout.flush()  # now, so that a failed write is reported and the exit status says so
        return code
    except BrokenPipeError:  # `positions statements | head`: the reader has all it wanted; no message
        discard_broken_stdout()
        return 1
    except USER_ERRORS as exc:
        discard_broken_stdout()
        print(f"positions: error: {user_message(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("positions: interrupted", file=sys.stderr)
        return 130


def discard_broken_stdout() -> None:
    """After a failed write to standard output, drop what is left so that Python's flush at exit stays quiet."""
    try:
        sys.stdout.flush()
    except OSError:
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 -- lives until the process ends


def user_message(exc: BaseException) -> str:
    if isinstance(exc, OutputError):
        return str(exc)
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror or exc}"
    if isinstance(exc, OSError) and exc.strerror:  # no file named: printing to standard output failed
        return f"cannot write the output: {exc.strerror}; it is incomplete"
    if isinstance(exc, sqlite3.Error):
        return f"database error: {exc}"
    return str(exc)
