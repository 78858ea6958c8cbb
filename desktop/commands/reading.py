"""Read-only commands: `issues`, `statements` and `search`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from db import issues, records, search, statements
from db.atomic_output import atomic_output
from db.partial_date import PartialDate
from desktop.commands.common import add_db_option, at_least_one, date_from, date_to, open_store
from desktop.commands.output import print_csv, print_jsonl, print_table


def register(sub: Any) -> None:
    p = sub.add_parser("issues", help="issues with statement counts per side")
    add_db_option(p)
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(run=run_issues)

    p = sub.add_parser("statements", help="list or export statements")
    add_db_option(p)
    p.add_argument("--issue", metavar="SLUG")
    p.add_argument("--side", metavar="SLUG")
    p.add_argument("--from", dest="date_from", type=date_from, metavar="DATE")
    p.add_argument("--to", dest="date_to", type=date_to, metavar="DATE")
    p.add_argument("--undated", action="store_true", help="only the statements whose date is not known yet")
    p.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    p.add_argument("--output", "-o", type=Path, metavar="FILE",
                   help="write to FILE (whole or not at all) instead of the screen")  # fmt: skip
    p.set_defaults(run=run_statements)

    p = sub.add_parser("search", help="full-text search over statements and annotations")
    add_db_option(p)
    p.add_argument("--format", choices=("table", "jsonl"), default="table")
    p.add_argument(
        "--limit",
        type=at_least_one("a number of results"),
        default=100,
        metavar="N",
        help="at most N results (default 100)",
    )
    p.add_argument("query", metavar="QUERY")
    p.set_defaults(run=run_search)


def run_issues(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        side_slugs = [s.slug for s in issues.sides(store)]
        rows = issues.summaries(store)
        if args.format == "json":
            print(json.dumps(
                [{"slug": r.issue.slug, "title": r.issue.title, "counts": {s: r.counts.get(s, 0) for s in side_slugs},
                  "other": r.counts.get("", 0), "latest": r.latest} for r in rows],
                ensure_ascii=False, indent=2,
            ))  # fmt: skip
            return 0
        print_table(
            ["issue", "title", *side_slugs, "media/expert", "latest"],
            [[r.issue.slug, r.issue.title, *(r.counts.get(s, 0) for s in side_slugs), r.counts.get("", 0),
              r.latest or ""] for r in rows],
        )  # fmt: skip
    return 0


def run_statements(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        if args.issue:
            issues.issue(store, args.issue)  # a clear error for an unknown slug
        if args.side and args.side not in {s.slug for s in issues.sides(store)}:
            raise statements.ValidationError(f"no side {args.side!r}")
        if args.undated and (args.date_from or args.date_to):
            raise statements.ValidationError("--undated lists statements without a date: it takes no --from or --to")
        flt = statements.StatementFilter(
            issue=args.issue, side=args.side, date_from=args.date_from, date_to=args.date_to,
            undated=True if args.undated else None,
        )  # fmt: skip
        rows = statements.iterate(store, flt)
        with output_file(args.output) as out:
            if args.format == "jsonl":
                count = print_jsonl((records.statement_record(store, s) for s in rows), out)
            elif args.format == "csv":
                count = print_csv(records.CSV_COLUMNS,
                                  (records.csv_row(records.statement_record(store, s)) for s in rows), out)  # fmt: skip
            else:
                count = print_table(
                    ["date", "side", "issue", "speaker", "quote", "uid"],
                    [[date_text(s.said_on), s.side or "-", s.issue, s.speaker, s.quote, s.uid] for s in rows],
                    out,
                )
    if args.output:
        print(f"{args.output}: {count} statement(s) written")
    return 0


@contextmanager
def output_file(path: Path | None) -> Iterator[TextIO]:
    """The screen, or a file written whole or not at all (a failure leaves an earlier file as it was)."""
    if path is None:
        yield sys.stdout
        return
    with atomic_output(path, text=True, newline="") as out:
        yield out


def date_text(date: PartialDate | None) -> str:
    """A date column of a table: ISO at its precision, or the word "unknown"."""
    return date.iso() if date else "unknown"


def run_search(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        hits = search.search(store, args.query, limit=args.limit)
        if args.format == "jsonl":
            print_jsonl(
                {**records.statement_record(store, h.statement), "matched_in": h.matched_in,
                 "matched_text": h.text} for h in hits
            )  # fmt: skip
        else:
            print_table(
                ["date", "side", "speaker", "in", "text", "uid"],
                [[date_text(h.statement.said_on), h.statement.side or "-", h.statement.speaker, h.matched_in, h.text,
                  h.statement.uid] for h in hits],
            )  # fmt: skip
            print(f"{len(hits)} result(s)")
    return 0
