"""`positions import FILE...`: the import pipeline without the window.

Every readable file is analysed, summarised and committed (statements marked unreviewed) in one transaction; a
file that cannot be read is named with the reason, changes nothing, and makes the exit status non-zero, while the
good files still commit. A statement whose date cannot be found is committed with its date unknown, never left
out: the summary says how many there are and how to date them.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path
from typing import Any

from db.ingest.gazetteer import Gazetteer
from db.ingest.languages import LANGUAGES
from db.ingest.pipeline import Analysis, Failure, Overrides, analyse_files, commit, count_undated, tally
from db.ingest.reader import LIMIT_HINT
from db.near_duplicates import detect
from db.partial_date import PartialDate
from db.sources import CommitResult, find_by_sha256
from db.store import Store
from db.untrusted_input import megabytes as megabytes_text
from db.user_gazetteer import load_gazetteer
from desktop.commands.common import add_db_option, at_least_one, backup_after_import, database_path, open_store
from desktop.settings import IMPORT_MAX_MB, Settings


def register(sub: Any) -> None:
    p = sub.add_parser("import", help="import documents headless and commit what is found (unreviewed)")
    add_db_option(p)
    p.add_argument("--published", type=published_date, metavar="DATE", help="publication date: YYYY[-MM[-DD]]")
    p.add_argument("--outlet", metavar="NAME", help="the outlet that published the documents")
    p.add_argument("--language", choices=LANGUAGES, help="the documents' language (default: detected)")
    p.add_argument("--encoding", metavar="ENC", help="the files' encoding (default: detected)")
    p.add_argument(
        "--max-size",
        type=at_least_one("a size in whole megabytes"),
        metavar="MB",
        help="refuse files larger than MB megabytes (default: the import/max_file_mb setting, 64)",
    )
    p.add_argument("--quiet", action="store_true", help="print only problems and the final line")
    p.add_argument("--no-backup", action="store_true",
                   help="no automatic backup after this import (a script importing files one by one on a large "
                        "database: run `positions backup` at the end)")  # fmt: skip
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.set_defaults(run=run_import)


def published_date(text: str) -> PartialDate:
    try:
        return PartialDate.from_iso(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)") from None


def run_import(args: argparse.Namespace) -> int:
    config = Settings()
    limit = args.max_size * 1024 * 1024 if args.max_size else config.import_max_bytes
    overrides = Overrides(encoding=args.encoding, language=args.language, published=args.published,
                          outlet=args.outlet, max_bytes=limit)  # fmt: skip
    report = _progress(args.files, quiet=args.quiet)
    results = analyse_files(args.files, gazetteer=user_gazetteer(args), overrides=overrides, report=report)
    analyses = [r for r in results if isinstance(r, Analysis)]
    failures = [r for r in results if isinstance(r, Failure)]
    committed: list[CommitResult] = []
    repeats = 0
    if analyses:
        with open_store(args, create=True) as store:
            repeats = count_repeats(store, analyses)  # before the commit: afterwards each would find itself
            committed = commit(store, analyses)
    for analysis, result in zip(analyses, committed, strict=True):
        if not args.quiet:
            print_analysis(analysis, result)
    for failure in failures:
        print(f"positions: cannot import {failure.message}", file=sys.stderr)
    if any(LIMIT_HINT in f.message for f in failures):
        print(f"positions: the import limit is {megabytes_text(limit)}: give --max-size MB, or set "
              f"{IMPORT_MAX_MB.key.split('/')[1]} under [import] in {config.where()}", file=sys.stderr)  # fmt: skip
    added = sum(r.added for r in committed)
    new_files = sum(not r.duplicate for r in committed)
    line = f"{database_path(args)}: {added} statements added from {new_files} of {len(results)} files (unreviewed)"
    if failures:
        line += f"; {len(failures)} failed: {', '.join(f.path.name for f in failures)}"
    if repeats:  # before the summary, which stays the last line
        print(f"note: {repeats} of the statements look like another outlet's report of a statement already "
              "there; merge them in the window (Ctrl+click the cards, Edit > Merge)")  # fmt: skip
    if new_files and not args.no_backup:
        backup_after_import(args)
    print(line)
    undated = sum(count_undated(a) for a, r in zip(analyses, committed, strict=True) if not r.duplicate)
    if undated:
        print(UNDATED_HINT.format(n=undated, db=_db_option(args)))
    return 1 if failures else 0


def count_repeats(store: Store, analyses: list[Analysis]) -> int:
    """Accepted statements that repeat a stored one or one of an earlier file: the command line cannot ask, so it
    commits them as they are and says so."""
    new = [a for a in analyses if find_by_sha256(store, a.document.sha256) is None]
    found = detect(store, [a.candidates for a in new], [a.document.outlet for a in new])
    return sum(new[doc].candidates[row].accepted for doc, row in found)


def user_gazetteer(args: argparse.Namespace) -> Gazetteer:
    """The actors and issues of the user's database, as edited in the window; a database not created yet would
    hold exactly the bundled ones (it is created only when there is something to commit)."""
    if not database_path(args).exists():
        return Gazetteer.load()
    with open_store(args, write=True) as store:  # a command that writes: an older schema is upgraded here
        return load_gazetteer(store)


UNDATED_HINT = (
    "{n} of them have no date (none in the text, no publication date found): they are listed by"
    " `positions statements{db} --undated`.\n"
    'To date them, open the database in Positions and select one of them: its details offer to "Set the date of'
    ' all of them" (the undated statements of its source). For a new file, give --published DATE when importing.'
)


def _db_option(args: argparse.Namespace) -> str:
    given = getattr(args, "db", None)
    return f" --db {shlex.quote(str(given))}" if given else ""


def print_analysis(analysis: Analysis, result: CommitResult) -> None:
    document = analysis.document
    published = document.published.iso() if document.published else "unknown"
    print(f"{analysis.path}")
    print(f"  format {document.format}, encoding {document.encoding}, language {document.language}")
    print(f"  title: {document.title or '-'}")
    print(f"  outlet: {document.outlet or '-'}; published: {published}"
          + (f" ({document.published_basis})" if document.published_basis else ""))  # fmt: skip
    if result.duplicate:
        print(f"  already imported (source #{result.source_id}): nothing added")
    else:
        accepted = analysis.accepted()
        print(f"  {len(accepted)} statements added of {len(analysis.candidates)} found")
        for (side, issue), count in sorted(tally(accepted).items()):
            print(f"    {count:4d}  {side:<8} {issue}")
        undated = count_undated(analysis)
        if undated:
            print(f"  {undated} of them with the date unknown")
    for problem in analysis.problems:
        print(f"  note: {problem}" + (" (--published DATE)" if "no publication date found" in problem else ""))


def _progress(files: list[Path], *, quiet: bool) -> Any:
    """Progress on stderr: a moving percentage on a terminal, else one line per file (logs, CI, a pipe)."""
    if not sys.stderr.isatty():
        return None if quiet else _file_lines(files)
    last = [-1]

    def report(done: int, total: int, message: str) -> None:
        percent = done * 100 // total if total else 0
        if percent != last[0]:
            last[0] = percent
            print(f"\r{percent:3d}% {message[:60]:<60}", end="", file=sys.stderr, flush=True)
            if done >= total:
                print(file=sys.stderr)

    return report


def _file_lines(files: list[Path]) -> Any:
    """One line as each file starts: analyse_files spreads the progress evenly over the files."""
    shown = [-1]

    def report(done: int, total: int, message: str) -> None:
        number = min(done * len(files) // total, len(files) - 1) if total else 0
        if done < total and number != shown[0]:
            shown[0] = number
            print(f"positions: reading {number + 1} of {len(files)}: {files[number]}", file=sys.stderr, flush=True)

    return report
