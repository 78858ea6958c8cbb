"""The toolkit for date rules: a rule is a pattern and a handler that turns a match into a PartialDate.

Each language pack writes its rules with these (month names, relative words, eras); `dates.find_dates` runs the
rules of a document's language. Yearless dates take the year of the reference (the publication date) and move back
a year when they would fall more than ~2 months after it ("December" in an April 2017 article is December 2016);
relative dates ("last week", 昨年, в прошлом году) resolve against the reference.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from db.partial_date import PartialDate

Basis = Literal["explicit", "relative"]

DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
DASH = r"\s*(?:-|–|—|to|and)\s*"
YEAR = r"((?:1[89]|20)\d{2})"


# --- year inference and relative arithmetic ---------------------------------------------------------------------


def reference_end(reference: PartialDate) -> dt.date:
    """The last day of the reference period: a month-precision publication date may be late in its month."""
    if reference.day is not None:
        return reference.start()
    if reference.month is not None:
        first_of_next = dt.date(reference.year + reference.month // 12, reference.month % 12 + 1, 1)
        return first_of_next - dt.timedelta(days=1)
    return dt.date(reference.year, 12, 31)


def infer_year(month: int, day: int | None, reference: PartialDate) -> int:
    """The year of a yearless date: the reference year, or the one before if that is > ~2 months after it."""
    year = reference.year
    try:
        candidate = dt.date(year, month, day or 1)
    except ValueError:  # 29 February
        candidate = dt.date(year, month, 28)
    if (candidate - reference_end(reference)).days > 62:
        year -= 1
    return year


def with_year(month: int, day: int | None, year: int | None, reference: PartialDate | None) -> PartialDate | None:
    if year is None:
        if reference is None:
            return None
        year = infer_year(month, day, reference)
    return PartialDate(year, month, day)


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def relative_day(reference: PartialDate, days: int) -> PartialDate:
    """A day relative to the reference; with a month- or year-precision reference only that precision is known."""
    if reference.day is None:
        return reference
    day = reference.start() + dt.timedelta(days=days)
    return PartialDate(day.year, day.month, day.day)


def relative_week(reference: PartialDate, weeks: int) -> PartialDate:
    """A week is not a day: the month of the week (the reference month when the reference has no day)."""
    if reference.day is None:
        return reference
    day = reference.start() + dt.timedelta(weeks=weeks)
    return PartialDate(day.year, day.month)


def relative_month(reference: PartialDate, months: int) -> PartialDate:
    if reference.month is None:
        return PartialDate(reference.year)
    year, month = shift_month(reference.year, reference.month, months)
    return PartialDate(year, month)


def relative_year(reference: PartialDate, years: int) -> PartialDate:
    return PartialDate(reference.year + years)


_SHIFTS: dict[str, Callable[[PartialDate, int], PartialDate]] = {
    "day": relative_day,
    "week": relative_week,
    "month": relative_month,
    "year": relative_year,
}


def relative_to(reference: PartialDate, unit: str, amount: int) -> PartialDate:
    """The reference shifted by `amount` days, weeks, months or years (`unit`)."""
    return _SHIFTS[unit](reference, amount)


def weekday_near(reference: PartialDate, weekday: int, direction: str = "") -> PartialDate:
    """The named weekday nearest before (or, with "next", after) the reference day."""
    if reference.day is None:
        return reference
    ref = reference.start()
    if direction == "next":
        delta = (weekday - ref.weekday()) % 7 or 7
    else:
        delta = -((ref.weekday() - weekday) % 7)
        if direction == "last" and delta == 0:
            delta = -7
    day = ref + dt.timedelta(days=delta)
    return PartialDate(day.year, day.month, day.day)


def month_relative_to(reference: PartialDate, month: int, word: str) -> PartialDate:
    """ "last December", "this March", "next April" against the reference month."""
    ref_month = reference.month or 12
    if word == "last":
        return PartialDate(reference.year if month < ref_month else reference.year - 1, month)
    if word == "next":
        return PartialDate(reference.year if month > ref_month else reference.year + 1, month)
    return PartialDate(reference.year, month)


# --- rules ------------------------------------------------------------------------------------------------------

Handler = Callable[[re.Match[str], PartialDate | None], PartialDate | None]


@dataclass(frozen=True)
class DateRule:
    pattern: re.Pattern[str]
    handler: Handler
    basis: Basis


def rule(pattern: str, basis: Basis = "explicit", flags: int = 0) -> Callable[[Handler], DateRule]:
    def wrap(handler: Handler) -> DateRule:
        return DateRule(re.compile(pattern, flags), handler, basis)

    return wrap


def relative_rule(words: Mapping[str, tuple[str, int]], before: str = "", after: str = "", flags: int = 0) -> DateRule:
    """Words that count from the reference date ("yesterday", "в прошлом году", 昨年), each with its unit and
    shift, as one rule; `before` and `after` bound them as the language's words are bounded."""
    alternatives = "|".join(re.escape(w).replace(r"\ ", " ").replace(" ", r"\s+")
                            for w in sorted(words, key=len, reverse=True))  # fmt: skip

    @rule(rf"{before}(?:{alternatives}){after}", "relative", flags)
    def relative(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        unit, amount = words[" ".join(m[0].lower().split())]
        return relative_to(ref, unit, amount) if ref else None

    return relative


def as_int(text: str | None) -> int | None:
    return int(text) if text else None


def safe(make: Callable[[], PartialDate | None]) -> PartialDate | None:
    try:
        return make()
    except ValueError:
        return None  # 31 February and friends are not dates


def numeric_rules() -> list[DateRule]:
    @rule(r"(?<![\d.])(\d{4})-(\d{2})-(\d{2})(?![\d])")
    def iso(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return safe(lambda: PartialDate(int(m[1]), int(m[2]), int(m[3])))

    @rule(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?![\d])")
    def dotted(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return safe(lambda: PartialDate(int(m[3]), int(m[2]), int(m[1])))  # day-first everywhere dots are used

    return [iso, dotted]


def monday_of(reference: PartialDate) -> tuple[int, int, int]:
    day = reference.start()
    monday = day - dt.timedelta(days=day.weekday())
    return monday.year, monday.month, monday.day
