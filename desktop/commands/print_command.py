"""`positions print`: the comparison sheet (or, with --issue given several times, a briefing book) as a PDF or as
a Word document (.docx), both from the same sheet blocks.

Runs headless: a QGuiApplication on the offscreen platform is created when there is no screen, so it works
in CI and over ssh. Fonts are checked before the file is written; a missing font is an error, not boxes.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path
from typing import Any

from db import statements
from db.atomic_output import OutputError
from desktop.buckets import GRANULARITIES
from desktop.commands.common import add_db_option, date_from, date_to, open_store


def register(sub: Any) -> None:
    p = sub.add_parser("print", help="write the comparison sheet for an issue (or a briefing book) as PDF or Word")
    add_db_option(p)
    p.add_argument("--issue", action="append", required=True, metavar="SLUG",
                   help="the issue; give it several times for a briefing book with contents")  # fmt: skip
    p.add_argument("--from", dest="date_from", type=date_from, metavar="DATE")
    p.add_argument("--to", dest="date_to", type=date_to, metavar="DATE")
    output = p.add_mutually_exclusive_group(required=True)
    output.add_argument("--pdf", type=Path, metavar="FILE", help="the PDF file to write")
    output.add_argument("--docx", type=Path, metavar="FILE", help="the Word document (.docx) to write")
    since = p.add_mutually_exclusive_group()
    since.add_argument("--changes-since", type=changes_moment, metavar="DATE",
                       help="add what changed since DATE (YYYY-MM-DD, local midnight)")  # fmt: skip
    since.add_argument("--since-last-review", action="store_true",
                       help="add what changed since the issue was last marked reviewed")  # fmt: skip
    p.add_argument("--side", action="append", dest="sides", metavar="SLUG", help="a side's column (default: all)")
    p.add_argument("--marking", default="", metavar="TEXT", help="printed on every page, e.g. RESTRICTED")
    p.add_argument("--paper", choices=("a4", "letter"), default="a4")
    p.add_argument("--landscape", action="store_true")
    p.add_argument("--granularity", choices=GRANULARITIES, default="month", help="rows by (default: month)")
    p.add_argument("--font-size", type=float, default=9.0, metavar="POINTS")
    p.add_argument("--no-annotations", action="store_true", help="leave the user's notes out")
    p.add_argument("--footnotes", action="store_true", help="annotations as footnotes, not under the statement")
    p.add_argument("--include-unreviewed", action="store_true", help="also print statements nobody reviewed yet")
    p.set_defaults(run=run_print)


def changes_moment(text: str) -> str:
    from desktop.moments import moment_from_text

    try:
        return moment_from_text(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY-MM-DD)") from None


def run_print(args: argparse.Namespace) -> int:
    from desktop.printing.fonts import FontCoverageError
    from desktop.printing.output import ensure_gui_application, write_pdf
    from desktop.printing.sheet_data import SheetOptions, build_book, statement_filter
    from desktop.printing.sheet_docx import write_docx

    if not 5.0 <= args.font_size <= 20.0:
        print("positions: error: --font-size must be between 5 and 20 points", file=sys.stderr)
        return 2
    options = SheetOptions(
        date_from=args.date_from,
        date_to=args.date_to,
        sides=tuple(args.sides) if args.sides else None,
        include_annotations=not args.no_annotations,
        footnotes=args.footnotes,
        include_unreviewed=args.include_unreviewed,
        granularity=args.granularity,
        paper=args.paper,
        landscape=args.landscape,
        font_size=args.font_size,
        marking=args.marking,
        changes_since=args.changes_since,
        since_last_review=args.since_last_review,
    )
    with open_store(args) as store:
        sheets = build_book(store, args.issue, options)
        unreviewed = (
            0
            if args.include_unreviewed
            else sum(
                statements.count(store, dataclasses.replace(statement_filter(slug, options), reviewed=False))
                for slug in dict.fromkeys(args.issue)
            )
        )
    count = sum(sheet.statement_count for sheet in sheets)
    what = "comparison sheet" if len(sheets) == 1 else f"briefing book of {len(sheets)} issues"
    try:
        if args.docx is not None:
            write_docx(sheets, args.docx)
            print(f"{args.docx}: {what}, {count} statement(s), as a Word document")
        else:
            ensure_gui_application()
            pages = write_pdf(sheets, args.pdf)
            print(f"{args.pdf}: {what}, {count} statement(s), {pages} page(s)")
    except FontCoverageError as exc:
        print(f"positions: error: {exc}", file=sys.stderr)
        return 1
    except OutputError as exc:  # names the file, and says the earlier file was kept
        print(f"positions: error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"positions: error: cannot write {args.docx or args.pdf}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    if unreviewed:
        print(f"  {unreviewed} unreviewed statement(s) left out (imports are unreviewed until you review them in "
              "the window); add --include-unreviewed to print them")  # fmt: skip
    return 0
