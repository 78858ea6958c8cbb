"""Dates as precise as the sources make them: a day, a month, a year, or not known at all.

A known date is a `PartialDate` ("in December 2016" is a month, not 1 December). A date that is not known is
`None`: everything that holds a statement's date is typed `PartialDate | None`, so mypy makes every use decide
what an unknown date means there. A stand-in value would not: the import once stored "1970" for "no date", and
the placeholder landed in the database as a fact. In the database the pair is `said_on` (the first day of the
period, NULL when unknown) and `date_precision` (`day`, `month`, `year` or `unknown`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final, Literal

Precision = Literal["day", "month", "year"]
StoredPrecision = Literal["day", "month", "year", "unknown"]
UNKNOWN: Final = "unknown"  # the stored precision of a date that is not known (said_on NULL)


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to a day, a month or only a year."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        dt.date(self.year, self.month or 1, self.day or 1)  # raises ValueError on 2017-02-30

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def iso(self) -> str:
        """ISO 8601 at this precision: `2017`, `2017-03` or `2017-03-06`."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def start(self) -> dt.date:
        """The first day of the period, the value stored in `statements.said_on`."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @classmethod
    def from_iso(cls, text: str) -> PartialDate:
        """Read `2017`, `2017-03` or `2017-03-06`; raises ValueError on anything else."""
        parts = text.strip().split("-")
        if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
            raise ValueError(f"not an ISO date: {text!r}")
        numbers = [int(p) for p in parts] + [None, None]
        return cls(numbers[0], numbers[1], numbers[2])  # type: ignore[arg-type]


def precision_of(date: PartialDate | None) -> StoredPrecision:
    """`day`, `month`, `year`, or `unknown` for no date."""
    return UNKNOWN if date is None else date.precision


def iso_or_none(date: PartialDate | None) -> str | None:
    """The ISO text at the date's precision, None when the date is not known (JSON null)."""
    return None if date is None else date.iso()


def stored(date: PartialDate | None) -> tuple[str | None, StoredPrecision]:
    """The database pair (`said_on`, `date_precision`) for a date, `(None, 'unknown')` when not known."""
    return (None, UNKNOWN) if date is None else (date.start().isoformat(), date.precision)


def from_stored(said_on: str | None, precision: str) -> PartialDate | None:
    """The date a database pair holds (`said_on` as a full day, `date_precision`): None when the precision says
    `unknown` (or no day is stored)."""
    if precision == UNKNOWN or said_on is None:
        return None
    day = dt.date.fromisoformat(said_on)
    if precision == "day":
        return PartialDate(day.year, day.month, day.day)
    if precision == "month":
        return PartialDate(day.year, day.month)
    return PartialDate(day.year)


def parse_optional(text: str) -> PartialDate | None:
    """An ISO date as a user types it; empty text means "not known". Raises ValueError on anything else."""
    return PartialDate.from_iso(text) if text.strip() else None
