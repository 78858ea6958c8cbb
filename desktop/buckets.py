"""Time buckets for the comparison rows: day, month, quarter, year keys and their labels (plain Python).

A statement goes into the bucket of its `said_on` at the chosen granularity, but never finer than its own
precision: under monthly rows a statement dated only "2017" sits in the bucket "2017" (sorted before
"2017-01"), not in January, because the user does not know it was said in January. Keys sort as strings
in time order, so rows can be ordered without parsing them again. Statements whose date is not known at all
share one row of their own, UNDATED, which sorts after every date.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable

from db.partial_date import UNKNOWN, PartialDate

GRANULARITIES = ("day", "month", "quarter", "year")
UNDATED = "undated"  # the row of statements whose date is not known: letters sort after every date key
UNDATED_LABEL = "Date unknown"
_LEVEL = {"day": 0, "month": 1, "quarter": 2, "year": 3}
_PRECISION_LEVEL = {"day": 0, "month": 1, "year": 3}


def level_of_key(key: str) -> int:
    """How coarse a key is: 0 day (2017-03-06), 1 month (2017-03), 2 quarter (2017-Q1), 3 year (2017)."""
    if len(key) == 4:
        return 3
    if "Q" in key:
        return 2
    return 1 if len(key) == 7 else 0


def bucket_key(said_on: dt.date | str | None, precision: str, granularity: str) -> str:
    """The row a statement belongs to (see the module docstring for imprecise and unknown dates).

    `said_on` is a date or an ISO day or month string (month counts serve every granularity but day), None
    when the date is not known.
    """
    if said_on is None or precision == UNKNOWN:
        return UNDATED
    text = said_on if isinstance(said_on, str) else said_on.isoformat()
    level = max(_LEVEL[granularity], _PRECISION_LEVEL.get(precision, 0))
    if level == 3:
        return text[:4]
    if level == 2:
        return f"{text[:4]}-Q{(int(text[5:7]) - 1) // 3 + 1}"
    return text[:7] if level == 1 else text[:10]


def statement_key(date: PartialDate | None, granularity: str) -> str:
    """The row of a statement dated `date` (None: not known)."""
    return UNDATED if date is None else bucket_key(date.start(), date.precision, granularity)


def key_range(key: str) -> tuple[dt.date, dt.date]:
    """The first and last day a key covers (not for UNDATED, which covers no day)."""
    year = int(key[:4])
    level = level_of_key(key)
    if level == 3:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if level == 2:
        quarter = int(key[-1])
        first_month, last_month = 3 * quarter - 2, 3 * quarter
        return dt.date(year, first_month, 1), dt.date(year, last_month, calendar.monthrange(year, last_month)[1])
    if level == 1:
        month = int(key[5:7])
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    day = dt.date.fromisoformat(key)
    return day, day


def fetch_range(key: str, granularity: str) -> tuple[dt.date, dt.date]:
    """The `said_on` range to read for one row's statements.

    A key coarser than the granularity holds only imprecise statements, all stored at the period's first
    day; reading that one day instead of the whole period keeps a cell's query small.
    """
    first, last = key_range(key)
    if level_of_key(key) > _LEVEL[granularity]:
        return first, first
    return first, last


def bucket_label(key: str, granularity: str, *, short: bool = False) -> str:
    """A row label: `6 Mar 2017`, `March 2017`, `Q1 2017`, `2017`; imprecise rows say so.

    `short` is for the narrow row header of the window: `Mar 2017`, and the note on its own line.
    """
    if key == UNDATED:
        return UNDATED_LABEL
    first, _ = key_range(key)
    level = level_of_key(key)
    if level == 0:
        text = f"{first.day} {calendar.month_abbr[first.month]} {first.year}"
    elif level == 1:
        names = calendar.month_abbr if short else calendar.month_name
        text = f"{names[first.month]} {first.year}"
    elif level == 2:
        text = f"Q{key[-1]} {first.year}"
    else:
        text = str(first.year)
    if level > _LEVEL[granularity]:
        text += "\n(no finer date)" if short else " (no finer date)"
    return text


def group_counts(day_counts: Iterable[tuple[str, str | None, str, int]], granularity: str) -> dict[str, dict[str, int]]:
    """(side, said_on, precision, n) rows -> {bucket key: {side: n}}: the comparison's rows from one grouped query."""
    buckets: dict[str, dict[str, int]] = {}
    for side, said_on, precision, n in day_counts:
        key = bucket_key(said_on, precision, granularity)
        cell = buckets.setdefault(key, {})
        cell[side] = cell.get(side, 0) + n
    return buckets


def date_label(date: PartialDate | None, *, short: bool = False, unknown: str = "date unknown") -> str:
    """A statement's date at its own precision: `6 March 2017`, `March 2017` or `2017` (short: `6 Mar 2017`);
    `unknown` (the caller's translation of "date unknown") when it is not known."""
    if date is None:
        return unknown
    names = calendar.month_abbr if short else calendar.month_name
    if date.month is None:
        return str(date.year)
    if date.day is None:
        return f"{names[date.month]} {date.year}"
    return f"{date.day} {names[date.month]} {date.year}"


def resolution_for(granularity: str) -> str:
    """How fine the counts behind rows of this granularity must be: per day for daily rows, else per month."""
    return "day" if granularity == "day" else "month"


def aligned(date_from: str | None, date_to: str | None, resolution: str) -> bool:
    """Whether a date range covers whole periods of the resolution (whole months for monthly counts)."""
    if resolution == "day":
        return True
    starts = date_from is None or date_from.endswith("-01")
    ends = date_to is None or key_range(date_to[:7])[1].isoformat() == date_to
    return starts and ends
