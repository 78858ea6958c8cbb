"""`positions print`: the comparison sheet (or, with --issue given several times, a briefing book) as a PDF.

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
from desktop.buckets import GRANULARITIES
from desktop.commands.common import add_db_option, date_from, date_to, open_store


def register(sub: Any) -> None:
    p = sub.add_parser("print", help="write the comparison sheet for an issue (or a briefing book) as PDF")
    add_db_option(p)
    p.add_argument("--issue", action="append", required=True, metavar="SLUG",
                   help="the issue; give it several times for a briefing book with contents")  # fmt: skip
    p.add_argument("--from", dest="date_from", type=date_from, metavar="DATE")
    p.add_argument("--to", dest="date_to", type=date_to, metavar="DATE")
    p.add_argument("--pdf", type=Path, required=True, metavar="FILE", help="the PDF file to write")
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


def run_print(args: argparse.Namespace) -> int:
    from desktop.printing.fonts import FontCoverageError
    from desktop.printing.output import ensure_gui_application, write_pdf
    from desktop.printing.sheet_data import SheetOptions, build_book, statement_filter

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
    )
    with open_store(args) as store:
        sheets = build_book(store, args.issue, options)
        unreviewed = 0 if args.include_unreviewed else sum(
            statements.count(store, dataclasses.replace(statement_filter(slug, options), reviewed=False))
            for slug in dict.fromkeys(args.issue)
        )
    ensure_gui_application()
    try:
        pages = write_pdf(sheets, args.pdf)
    except FontCoverageError as exc:
        print(f"positions: error: {exc}", file=sys.stderr)
        return 1
    count = sum(sheet.statement_count for sheet in sheets)
    what = "comparison sheet" if len(sheets) == 1 else f"briefing book of {len(sheets)} issues"
    print(f"{args.pdf}: {what}, {count} statement(s), {pages} page(s)")
    if unreviewed:
        print(f"  {unreviewed} unreviewed statement(s) left out (imports are unreviewed until you review them in "
              "the window); add --include-unreviewed to print them")  # fmt: skip
    return 0
