"""`positions annotations export|import`: share annotations with colleagues through an exchange file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from db import annotation_exchange
from db.annotations import AnnotationFilter
from db.connection import is_database_file
from db.errors import DatabaseError
from db.exchange_conflicts import NewSidesError
from desktop.commands.common import add_db_option, backup_after_import, database_path, date_from, date_to, open_store
from desktop.commands.maintenance import default_author


def register(sub: Any) -> None:
    p = sub.add_parser("annotations", help="export or import annotations (exchange with colleagues)")
    actions = p.add_subparsers(dest="annotations_action", metavar="ACTION", required=True)

    e = actions.add_parser(
        "export",
        help="write annotations (with their statements and every earlier version) to an exchange file",
        description="Write annotations to an exchange file. --from/--to select by the day an annotation was "
        "last changed; annotations in the bin travel too, so colleagues see what was withdrawn.",
    )
    add_db_option(e)
    e.add_argument("--issue", metavar="SLUG", help="only annotations on statements of this issue")
    e.add_argument("--from", dest="date_from", type=date_from, metavar="DATE", help="changed on or after DATE")
    e.add_argument("--to", dest="date_to", type=date_to, metavar="DATE", help="changed on or before DATE")
    e.add_argument("file", type=Path, metavar="FILE")
    e.set_defaults(run=run_export)

    i = actions.add_parser(
        "import",
        help="merge an exchange file: by stable id, keeping every version; importing twice changes nothing",
    )
    add_db_option(i)
    i.add_argument("--allow-new-sides", action="store_true",
                   help="add the sides the file has and this database lacks (refused otherwise)")  # fmt: skip
    i.add_argument("file", type=Path, metavar="FILE")
    i.set_defaults(run=run_import)


def run_export(args: argparse.Namespace) -> int:
    flt = AnnotationFilter(issue=args.issue, date_from=args.date_from, date_to=args.date_to, include_deleted=True)
    with open_store(args) as store:
        summary = annotation_exchange.export_to_file(store, args.file, flt, exported_by=default_author())
    print(f"{summary.path}: {summary.annotations} annotation(s) on {summary.statements} statement(s) exported")
    return 0


def run_import(args: argparse.Namespace) -> int:
    if is_database_file(args.file, database_path(args)):
        raise DatabaseError(f"{args.file}: this is the database itself, not an exchange file")
    with open_store(args, create=True) as store:
        try:
            report = annotation_exchange.import_file(store, args.file, allow_new_sides=args.allow_new_sides)
        except NewSidesError as exc:
            print(f"positions: error: {args.file}: {exc}.", file=sys.stderr)
            print("positions: to add them, import again with --allow-new-sides", file=sys.stderr)
            return 1
    print(f"{args.file}: imported")
    for line in report.lines():
        print(f"  {line}")
    backup_after_import(args)
    return 0
