"""English dates: "March 18", "11-12 January 2017", "last week", "on Monday", "two days ago"."""

from __future__ import annotations

import re

from db.ingest.date_rules import (
    DASH,
    DAY,
    YEAR,
    DateRule,
    as_int,
    month_relative_to,
    numeric_rules,
    relative_rule,
    relative_to,
    rule,
    safe,
    weekday_near,
    with_year,
)
from db.partial_date import PartialDate

_EN_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip
_EN_MONTH = (
    "(?:"
    + "|".join(
        f"{name.capitalize()}|{name.upper()}" + (r"\.?" if len(name) <= 4 and name != "may" else "")
        for name in sorted(_EN_MONTHS, key=len, reverse=True)
    )
    + r")(?![A-Za-z])"
)
_EN_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_EN_WEEKDAY = "(?:" + "|".join(d.capitalize() for d in _EN_WEEKDAYS) + ")"


def _en_month(word: str) -> int:
    return _EN_MONTHS[word.rstrip(".").lower()]


def _english_rules() -> list[DateRule]:
    M = _EN_MONTH

    @rule(rf"\b{DAY}{DASH}{DAY}\s+(?:of\s+)?({M})(?:,?\s+{YEAR}\b)?")
    def day_range_month(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return safe(lambda: with_year(_en_month(m[3]), int(m[1]), as_int(m[4]), ref))

    @rule(rf"({M})\s+{DAY}{DASH}{DAY}\b(?:,?\s+{YEAR}\b)?")
    def month_day_range(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return safe(lambda: with_year(_en_month(m[1]), int(m[2]), as_int(m[4]), ref))

    @rule(rf"\b(?:the\s+)?{DAY}\s+(?:of\s+)?({M})(?:,?\s+{YEAR}\b)?")
    def day_month(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return safe(lambda: with_year(_en_month(m[2]), int(m[1]), as_int(m[3]), ref))

    @rule(rf"({M})\s+(?:the\s+)?{DAY}\b(?!\s*(?:-|–|\+|/|:)\s*\d)(?:,?\s+{YEAR}\b)?")
    def month_day(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return safe(lambda: with_year(_en_month(m[1]), int(m[2]), as_int(m[3]), ref))

    @rule(rf"({M}),?\s+(?:of\s+)?{YEAR}\b")
    def month_year(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return PartialDate(int(m[2]), _en_month(m[1]))

    @rule(rf"\b(last|this|next)\s+({M})", "relative")
    def month_last(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return month_relative_to(ref, _en_month(m[2]), m[1]) if ref else None

    @rule(rf"({M})\s+(?:of\s+)?(last|this|next|the\s+(?:following|next|previous|current))\s+year\b", "relative")
    def month_of_last_year(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        word = m[2].split()[-1]
        offset = {"last": -1, "previous": -1, "next": 1, "following": 1}.get(word, 0)
        return PartialDate(ref.year + offset, _en_month(m[1])) if ref else None

    @rule(
        r"\b(?i:in|since|by|until|till|from|during|of|before|after|through|throughout|at|to)\s+"
        rf"(?P<span>(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+|(?:early|late|mid-?)\s*)?({M}))"
        r"(?!\s*,?\s*\d)"
    )
    def bare_month(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return with_year(_en_month(m[2]), None, None, ref)

    @rule(rf"(?:\b(?:early|late|mid-?)\s*|(?<=\bmid-))(?P<span>({M}))(?!\s*,?\s*\d)")
    def qualified_month(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return with_year(_en_month(m[2]), None, None, ref)

    @rule(
        r"(?:\b(?i:in|since|by|until|till|from|during|of|for|before|after|around|early|late|mid|year)[\s-]+|\()"
        rf"(?P<span>{YEAR})\b(?!\s*(?:-|–)?\s*(?:\d|percent|%|[a-z]+s\b))"
    )
    def year_in_context(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return PartialDate(int(m[2]))

    @rule(rf"\b{YEAR}(?=\s+year\b)")
    def year_word(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return PartialDate(int(m[1]))

    relative = relative_rule(
        {
            "yesterday": ("day", -1), "today": ("day", 0), "tomorrow": ("day", 1),
            "last week": ("week", -1), "this week": ("week", 0), "next week": ("week", 1),
            "last month": ("month", -1), "this month": ("month", 0), "next month": ("month", 1),
            "last year": ("year", -1), "this year": ("year", 0), "next year": ("year", 1),
        },
        before=r"\b",
        after=r"\b",
        flags=re.IGNORECASE,
    )  # fmt: skip

    @rule(rf"\b(?:(last|next|this)\s+)?({_EN_WEEKDAY})\b", "relative")
    def weekday(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return weekday_near(ref, _EN_WEEKDAYS.index(m[2].lower()), m[1] or "") if ref else None

    numbers = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10}

    @rule(r"\b(\d{1,2}|a|an|one|two|three|four|five|six|ten)\s+(day|week|month|year)s?\s+ago\b", "relative", re.I)
    def ago(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        if ref is None:
            return None
        n = -(int(m[1]) if m[1].isdigit() else numbers[m[1].lower()])
        return relative_to(ref, m[2].lower(), n)

    return [day_range_month, month_day_range, day_month, month_day, month_year, month_last, month_of_last_year,
            bare_month, qualified_month, year_in_context, year_word, relative, weekday, ago]  # fmt: skip


DATE_RULES: list[DateRule] = numeric_rules() + _english_rules()
WEEKDAYS = _EN_WEEKDAYS
