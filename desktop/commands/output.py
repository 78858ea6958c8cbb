"""Printing rows for people (aligned table, wide CJK characters counted twice) and for programs."""

from __future__ import annotations

import csv
import json
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any, TextIO


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    if display_width(text) <= width:
        return text
    out, used = "", 0
    for ch in text:
        w = display_width(ch)
        if used + w > width - 1:
            break
        out, used = out + ch, used + w
    return out + "…"


def print_table(headers: Sequence[str], rows: Iterable[Sequence[Any]], out: TextIO | None = None,
                max_width: int = 60) -> int:  # fmt: skip
    """Print an aligned table; returns the number of rows."""
    out = out or sys.stdout
    cells = [[clip("" if value is None else str(value), max_width) for value in row] for row in rows]
    widths = [display_width(h) for h in headers]
    for row in cells:
        widths = [max(w, display_width(c)) for w, c in zip(widths, row, strict=True)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (w - display_width(v)) for v, w in zip(values, widths, strict=True)).rstrip()

    print(line(headers), file=out)
    print("  ".join("-" * w for w in widths), file=out)
    for row in cells:
        print(line(row), file=out)
    return len(cells)


def print_jsonl(records: Iterable[dict[str, Any]], out: TextIO | None = None) -> int:
    """One JSON object per line; returns the number of records."""
    out = out or sys.stdout
    count = 0
    for record in records:
        print(json.dumps(record, ensure_ascii=False), file=out)
        count += 1
    return count


def print_csv(columns: Sequence[str], rows: Iterable[dict[str, Any]], out: TextIO | None = None) -> int:
    """CSV with a header row; returns the number of rows after the header."""
    writer = csv.DictWriter(out or sys.stdout, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count
