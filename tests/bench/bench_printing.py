"""Seconds to PDF and to Word (.docx) for a long comparison sheet and a briefing book, and how many pages they make.

POSITIONS_BENCH_SIZE=1000 python3 -m pytest tests/bench/bench_printing.py -s   (full: a 1,000-statement
sheet and a 10-issue book); without it a small size runs in CI.
"""

from __future__ import annotations

import os
import random
import subprocess
from pathlib import Path

from db import annotations, issues, statements, summaries
from db.partial_date import PartialDate
from db.statements import NewStatement
from db.store import Store
from desktop.printing.output import ensure_gui_application, write_pdf
from desktop.printing.sheet_data import SheetOptions, build_book
from desktop.printing.sheet_docx import write_docx
from tests.bench.synthetic import EN, JA, RU
from tests.bench.timing import median_seconds

SPEAKERS = {"russia": ["Sergey Lavrov", "Maria Zakharova", "Vladimir Putin"],
            "japan": ["Taro Kono", "Fumio Kishida", "Shinzo Abe"]}  # fmt: skip


def sizes() -> tuple[int, int, int]:
    """(statements on the one-issue sheet, issues in the book, statements per book issue)."""
    if os.environ.get("POSITIONS_BENCH_SIZE"):
        return min(int(os.environ["POSITIONS_BENCH_SIZE"]), 1000), 10, 100
    return 60, 3, 15


def fill(store: Store, issue: str, count: int, rng: random.Random) -> None:
    """Statements in three languages over three years, 1 to 4 sentences long; one in ten annotated."""
    with store.transaction():
        for n in range(count):
            language, texts = rng.choice((("en", EN), ("en", EN), ("ru", RU), ("ja", JA)))
            side = rng.choice(("russia", "japan"))
            joiner = "" if language == "ja" else ". "
            quote = joiner.join(rng.choice(texts) for _ in range(rng.randint(1, 4))) + f" ({n})"
            uid = statements.add(store, NewStatement(
                speaker=rng.choice(SPEAKERS[side]), side=side, issue=issue, language=language, reviewed=True,
                said_on=PartialDate(rng.randint(2016, 2018), rng.randint(1, 12), rng.randint(1, 28)),
                quote=quote, kind=rng.choice(("direct_quote", "reported"))))  # fmt: skip
            if n % 10 == 0:
                kind = "shift" if n % 50 == 0 else "follow_up" if n % 30 == 0 else "note"
                annotations.add(store, uid, f"Note {n}: compare with the position a month earlier.", "bench",
                                kind=kind, due_on="2020-01-01" if kind == "follow_up" else None)  # fmt: skip
            if n == count - 1:
                for side in ("russia", "japan"):
                    summaries.write(store, issue, side, f"{side}: the position in a few lines.", "bench", [uid])


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def test_printing_speed(tmp_path: Path) -> None:
    ensure_gui_application()
    sheet_size, book_issues, per_issue = sizes()
    rng = random.Random(11)
    with Store.open(tmp_path / "bench.sqlite") as store:
        slugs = [i.slug for i in issues.all_issues(store)]
        fill(store, slugs[0], sheet_size, rng)
        for slug in slugs[1:book_issues]:
            fill(store, slug, per_issue, rng)
        options = SheetOptions(marking="RESTRICTED", changes_since="2000-01-01T00:00:00.000000Z")
        runs = {
            f"sheet, {sheet_size} statements": [slugs[0]],
            f"book, {book_issues} issues": slugs[:book_issues],
        }
        print()
        for name, chosen in runs.items():
            out = tmp_path / "bench.pdf"
            pages = write_pdf(build_book(store, chosen, options), out)
            assert pages == pdf_pages(out)
            data = median_seconds(lambda c=chosen: build_book(store, c, options), repeat=3)
            total = median_seconds(lambda c=chosen, o=out: write_pdf(build_book(store, c, options), o), repeat=3)
            kb = out.stat().st_size / 1024
            print(f"{name:<28} {total:7.2f} s to PDF (data {data:5.2f} s)  {pages:4d} pages  {kb:8.0f} KB")
            assert pages >= 1
            word = tmp_path / "bench.docx"
            to_word = median_seconds(lambda c=chosen, w=word: write_docx(build_book(store, c, options), w), repeat=3)
            print(f"{name:<28} {to_word:7.2f} s to Word (data {data:5.2f} s)  {word.stat().st_size / 1024:8.0f} KB")
