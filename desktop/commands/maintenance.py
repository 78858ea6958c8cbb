"""Commands that fill or look after a database: `sample`, `annotate`, `check`, `backup`."""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path
from typing import Any

from db import annotations as annotation_store
from db import sample
from db.backup import write_backup
from db.integrity import CheckResult, check_file
from desktop.commands.common import add_db_option, database_path, open_store


def register(sub: Any) -> None:
    p = sub.add_parser("sample", help="fill a database with the bundled sample content")
    add_db_option(p)
    p.set_defaults(run=run_sample)

    p = sub.add_parser("annotate", help="add an annotation to a statement")
    add_db_option(p)
    p.add_argument("--author", default=None, help="default: your user name")
    p.add_argument("--kind", choices=annotation_store.KINDS, default="note")
    p.add_argument("--tag", action="append", default=[], dest="tags")
    p.add_argument("--link", metavar="UID", help="the statement a contradiction contradicts")
    p.add_argument("--due", metavar="DATE", help="due date of a follow-up (YYYY-MM-DD)")
    p.add_argument("uid", metavar="UID", help="the statement's id (see `positions statements`)")
    p.add_argument("text", metavar="TEXT")
    p.set_defaults(run=run_annotate)

    p = sub.add_parser("check", help="check the database's integrity")
    add_db_option(p)
    p.set_defaults(run=run_check)

    p = sub.add_parser("backup", help="write a consistent, verified copy of the database")
    add_db_option(p)
    p.add_argument("dest", type=Path, metavar="DEST")
    p.set_defaults(run=run_backup)


def default_author() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (some containers)
        return "unknown"


def run_sample(args: argparse.Namespace) -> int:
    with open_store(args, create=True) as store:
        added = sample.fill(store)
    where = database_path(args)
    print(f"{where}: added {added} sample statements" if added else f"{where}: the sample content is already there")
    return 0


def run_annotate(args: argparse.Namespace) -> int:
    with open_store(args, write=True) as store:
        note = annotation_store.add(
            store,
            args.uid,
            args.text,
            args.author or default_author(),
            kind=args.kind,
            tags=tuple(args.tags),
            linked_statement_uid=args.link,
            due_on=args.due,
        )
    print(f"annotation {note.uid} added to statement {args.uid}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    """Read-only: the database is opened with `mode=ro` and no byte of it changes."""
    path = database_path(args)
    result = check_file(path)
    if result.ok:
        print(f"{path}: ok")
        return 0
    for problem in result.problems:
        print(f"problem: {problem}")
    print(check_advice(result))
    return 1


def check_advice(result: CheckResult) -> str:
    if result.only_the_index:
        return ("The statements and annotations are sound; only the search index is out of step. Open the database "
                "in Positions and choose Help > Check database to rebuild it.")  # fmt: skip
    return ("The database is damaged. `positions backups` lists the automatic backups; `positions restore BACKUP` "
            "puts one back after checking it, and keeps this file aside.")  # fmt: skip


def run_backup(args: argparse.Namespace) -> int:
    write_backup(database_path(args), args.dest)
    print(f"{args.dest}: backup written and verified")
    return 0
