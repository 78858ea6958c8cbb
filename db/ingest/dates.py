"""Dates in imported text: every date mention in a document, and single date fields (CSV cells, metadata, input).

Why our own parser and not dateutil alone (see ARCHITECTURE "Pitfalls"): dateutil reads `06.03.2017` as 3 June,
`dayfirst=True` turns ISO `2017-06-03` into 6 March, "March 18" silently takes the current year, `11-12 January 2017`
becomes 2011-01-12 20:17, `UTC+3` comes out as `-03:00`, and Russian and Japanese dates raise. So every form here is
a rule with a known precision (day, month, year); dates without a year take the year of the reference (the
publication date) and move back a year when they would fall more than ~2 months after it ("December" in an April
2017 article is December 2016); relative dates ("last week", 昨年, в прошлом году) resolve against the reference.
dateutil is used only as the last resort of `parse_date`, with `default=` always given and day-first decided per
document, never globally.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from dateutil import parser as dateutil_parser

from db.partial_date import PartialDate

Basis = Literal["explicit", "relative"]


@dataclass(frozen=True)
class DateMention:
    """A date found in a text: `text == document[start:end]`; `basis` says whether it needed the reference."""

    start: int
    end: int
    value: PartialDate
    basis: Basis
    text: str


# --- vocabulary -------------------------------------------------------------------------------------------------

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

_RU_MONTH = (
    r"(?<![А-Яа-яЁё])(?:(?:[Яя]нвар|[Фф]еврал|[Аа]прел|[Ии]юн|[Ии]юл|[Сс]ентябр|[Оо]ктябр|[Нн]оябр|[Дд]екабр)"
    r"(?:ь|я|е|ю|ём|ем)|(?:[Мм]арт|[Аа]вгуст)(?:а|е|у|ом)?|[Мм]а(?:й|я|е|ю|ем)"
    r"|(?:[Яя]нв|[Фф]евр?|[Аа]пр|[Аа]вг|[Сс]ент?|[Оо]кт|[Нн]оя|[Дд]ек)\.)(?![А-Яа-яЁё])"
)
_RU_WEEKDAYS = ["понедельник", "вторник", "сред", "четверг", "пятниц", "суббот", "воскресень"]
_RU_YEAR_WORD = r"(?:\s*(?:г\.|гг\.|года|году|год)(?![А-Яа-яЁё]))?"

_JA_ERAS = {"令和": 2019, "平成": 1989, "昭和": 1926, "大正": 1912}
_JA_WEEKDAYS = "月火水木金土日"

_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_DASH = r"\s*(?:-|–|—|to|and)\s*"
_YEAR = r"((?:1[89]|20)\d{2})"


def _en_month(word: str) -> int:
    return _EN_MONTHS[word.rstrip(".").lower()]


_RU_PREFIXES = [("янв", 1), ("фев", 2), ("мар", 3), ("апр", 4), ("июн", 6), ("июл", 7), ("авг", 8), ("сен", 9),
                ("окт", 10), ("ноя", 11), ("дек", 12), ("ма", 5)]  # fmt: skip


def _ru_month(word: str) -> int:
    lowered = word.lower()
    return next(number for prefix, number in _RU_PREFIXES if lowered.startswith(prefix))


# --- year inference and relative arithmetic ---------------------------------------------------------------------


def _reference_end(reference: PartialDate) -> dt.date:
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
    if (candidate - _reference_end(reference)).days > 62:
        year -= 1
    return year


def _with_year(month: int, day: int | None, year: int | None, reference: PartialDate | None) -> PartialDate | None:
    if year is None:
        if reference is None:
            return None
        year = infer_year(month, day, reference)
    return PartialDate(year, month, day)


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _relative_day(reference: PartialDate, days: int) -> PartialDate:
    """A day relative to the reference; with a month- or year-precision reference only that precision is known."""
    if reference.day is None:
        return reference
    day = reference.start() + dt.timedelta(days=days)
    return PartialDate(day.year, day.month, day.day)


def _relative_week(reference: PartialDate, weeks: int) -> PartialDate:
    """A week is not a day: the month of the week (the reference month when the reference has no day)."""
    if reference.day is None:
        return reference
    day = reference.start() + dt.timedelta(weeks=weeks)
    return PartialDate(day.year, day.month)


def _relative_month(reference: PartialDate, months: int) -> PartialDate:
    if reference.month is None:
        return PartialDate(reference.year)
    year, month = _shift_month(reference.year, reference.month, months)
    return PartialDate(year, month)


def _relative_year(reference: PartialDate, years: int) -> PartialDate:
    return PartialDate(reference.year + years)


def _weekday(reference: PartialDate, weekday: int, direction: str = "") -> PartialDate:
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


def _month_relative_to(reference: PartialDate, month: int, word: str) -> PartialDate:
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
class _Rule:
    pattern: re.Pattern[str]
    handler: Handler
    basis: Basis


def _rule(pattern: str, basis: Basis = "explicit", flags: int = 0) -> Callable[[Handler], _Rule]:
    def wrap(handler: Handler) -> _Rule:
        return _Rule(re.compile(pattern, flags), handler, basis)

    return wrap


def _int(text: str | None) -> int | None:
    return int(text) if text else None


def _safe(make: Callable[[], PartialDate | None]) -> PartialDate | None:
    try:
        return make()
    except ValueError:
        return None  # 31 February and friends are not dates


def _numeric_rules() -> list[_Rule]:
    @_rule(r"(?<![\d.])(\d{4})-(\d{2})-(\d{2})(?![\d])")
    def iso(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return _safe(lambda: PartialDate(int(m[1]), int(m[2]), int(m[3])))

    @_rule(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?![\d])")
    def dotted(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return _safe(lambda: PartialDate(int(m[3]), int(m[2]), int(m[1])))  # day-first everywhere dots are used

    return [iso, dotted]


def _english_rules() -> list[_Rule]:
    M = _EN_MONTH

    @_rule(rf"\b{_DAY}{_DASH}{_DAY}\s+(?:of\s+)?({M})(?:,?\s+{_YEAR}\b)?")
    def day_range_month(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return _safe(lambda: _with_year(_en_month(m[3]), int(m[1]), _int(m[4]), ref))

    @_rule(rf"({M})\s+{_DAY}{_DASH}{_DAY}\b(?:,?\s+{_YEAR}\b)?")
    def month_day_range(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return _safe(lambda: _with_year(_en_month(m[1]), int(m[2]), _int(m[4]), ref))

    @_rule(rf"\b(?:the\s+)?{_DAY}\s+(?:of\s+)?({M})(?:,?\s+{_YEAR}\b)?")
    def day_month(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return _safe(lambda: _with_year(_en_month(m[2]), int(m[1]), _int(m[3]), ref))

    @_rule(rf"({M})\s+(?:the\s+)?{_DAY}\b(?!\s*(?:-|–|\+|/|:)\s*\d)(?:,?\s+{_YEAR}\b)?")
    def month_day(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return _safe(lambda: _with_year(_en_month(m[1]), int(m[2]), _int(m[3]), ref))

    @_rule(rf"({M}),?\s+(?:of\s+)?{_YEAR}\b")
    def month_year(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return PartialDate(int(m[2]), _en_month(m[1]))

    @_rule(rf"\b(last|this|next)\s+({M})", "relative")
    def month_last(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return _month_relative_to(ref, _en_month(m[2]), m[1]) if ref else None

    @_rule(rf"({M})\s+(?:of\s+)?(last|this|next|the\s+(?:following|next|previous|current))\s+year\b", "relative")
    def month_of_last_year(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        word = m[2].split()[-1]
        offset = {"last": -1, "previous": -1, "next": 1, "following": 1}.get(word, 0)
        return PartialDate(ref.year + offset, _en_month(m[1])) if ref else None

    @_rule(
        r"\b(?i:in|since|by|until|till|from|during|of|before|after|through|throughout|at|to)\s+"
        rf"(?P<span>(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+|(?:early|late|mid-?)\s*)?({M}))"
        r"(?!\s*,?\s*\d)"
    )
    def bare_month(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return _with_year(_en_month(m[2]), None, None, ref)

    @_rule(rf"(?:\b(?:early|late|mid-?)\s*|(?<=\bmid-))(?P<span>({M}))(?!\s*,?\s*\d)")
    def qualified_month(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return _with_year(_en_month(m[2]), None, None, ref)

    @_rule(
        r"(?:\b(?:in|since|by|until|till|from|during|of|for|before|after|around|early|late|mid|year)[\s-]+|\()"
        rf"(?P<span>{_YEAR})\b(?!\s*(?:-|–)?\s*(?:\d|percent|%|[a-z]+s\b))"
    )
    def year_in_context(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return PartialDate(int(m[2]))

    @_rule(rf"\b{_YEAR}(?=\s+year\b)")
    def year_word(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return PartialDate(int(m[1]))

    relatives: dict[str, Callable[[PartialDate], PartialDate]] = {
        "yesterday": lambda r: _relative_day(r, -1),
        "today": lambda r: _relative_day(r, 0),
        "tomorrow": lambda r: _relative_day(r, 1),
        "last week": lambda r: _relative_week(r, -1),
        "this week": lambda r: _relative_week(r, 0),
        "next week": lambda r: _relative_week(r, 1),
        "last month": lambda r: _relative_month(r, -1),
        "this month": lambda r: _relative_month(r, 0),
        "next month": lambda r: _relative_month(r, 1),
        "last year": lambda r: _relative_year(r, -1),
        "this year": lambda r: _relative_year(r, 0),
        "next year": lambda r: _relative_year(r, 1),
    }
    words = "|".join(sorted(relatives, key=len, reverse=True)).replace(" ", r"\s+")

    @_rule(rf"\b(?i:{words})\b", "relative")
    def relative(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return relatives[" ".join(m[0].lower().split())](ref) if ref else None

    @_rule(rf"\b(?:(last|next|this)\s+)?({_EN_WEEKDAY})\b", "relative")
    def weekday(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return _weekday(ref, _EN_WEEKDAYS.index(m[2].lower()), m[1] or "") if ref else None

    numbers = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10}

    @_rule(r"\b(\d{1,2}|a|an|one|two|three|four|five|six|ten)\s+(day|week|month|year)s?\s+ago\b", "relative", re.I)
    def ago(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        if ref is None:
            return None
        n = -(int(m[1]) if m[1].isdigit() else numbers[m[1].lower()])
        unit = m[2].lower()
        if unit == "day":
            return _relative_day(ref, n)
        if unit == "week":
            return _relative_week(ref, n)
        return _relative_month(ref, n) if unit == "month" else _relative_year(ref, n)

    return [day_range_month, month_day_range, day_month, month_day, month_year, month_last, month_of_last_year,
            bare_month, qualified_month, year_in_context, year_word, relative, weekday, ago]  # fmt: skip


def _russian_rules() -> list[_Rule]:
    M = _RU_MONTH
    flags = re.IGNORECASE

    @_rule(rf"(?<!\d)(\d{{1,2}})\s*(?:-|–|—)\s*(\d{{1,2}})\s+({M})(?:\s+{_YEAR}{_RU_YEAR_WORD})?")
    def day_range(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return _safe(lambda: _with_year(_ru_month(m[3]), int(m[1]), _int(m[4]), ref))

    @_rule(rf"(?<![\d.])(\d{{1,2}})\s+({M})(?:\s+{_YEAR}{_RU_YEAR_WORD})?")
    def day_month(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return _safe(lambda: _with_year(_ru_month(m[2]), int(m[1]), _int(m[3]), ref))

    @_rule(rf"({M})\s+{_YEAR}{_RU_YEAR_WORD}")
    def month_year(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return PartialDate(int(m[2]), _ru_month(m[1]))

    @_rule(rf"({M})\s+(прошлого|этого|текущего|нынешнего|следующего|будущего)\s+года", "relative", flags)
    def month_of_last_year(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        offset = {"прошлого": -1, "следующего": 1, "будущего": 1}.get(m[2].lower(), 0)
        return PartialDate(ref.year + offset, _ru_month(m[1])) if ref else None

    @_rule(
        r"(?<![А-Яа-яЁё])(?:в|во|с|со|до|к|по|от|на|конце|начале|середине|конца|начала|середины|прошлом|прошлого)\s+"
        rf"(?P<span>({M}))(?!\s*\d)",
        flags=flags,
    )
    def bare_month(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return _with_year(_ru_month(m[2]), None, None, ref)

    @_rule(rf"(?<![\d.])(?P<span>{_YEAR}\s*(?:г\.|гг\.|года|году|год)(?![А-Яа-яЁё]))")
    def year_word(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return PartialDate(int(m[2]))

    @_rule(rf"(?<![А-Яа-яЁё])(?:в|с|до|к|по|от|за|после|около|начиная с)\s+(?P<span>{_YEAR})(?![\d\s]*%)\b")
    def year_in_context(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return PartialDate(int(m[2]))

    relatives: dict[str, Callable[[PartialDate], PartialDate]] = {
        "позавчера": lambda r: _relative_day(r, -2),
        "вчера": lambda r: _relative_day(r, -1),
        "сегодня": lambda r: _relative_day(r, 0),
        "завтра": lambda r: _relative_day(r, 1),
        "на прошлой неделе": lambda r: _relative_week(r, -1),
        "на этой неделе": lambda r: _relative_week(r, 0),
        "на следующей неделе": lambda r: _relative_week(r, 1),
        "в прошлом месяце": lambda r: _relative_month(r, -1),
        "в этом месяце": lambda r: _relative_month(r, 0),
        "в текущем месяце": lambda r: _relative_month(r, 0),
        "в следующем месяце": lambda r: _relative_month(r, 1),
        "в прошлом году": lambda r: _relative_year(r, -1),
        "прошлого года": lambda r: _relative_year(r, -1),
        "в позапрошлом году": lambda r: _relative_year(r, -2),
        "в этом году": lambda r: _relative_year(r, 0),
        "в текущем году": lambda r: _relative_year(r, 0),
        "в нынешнем году": lambda r: _relative_year(r, 0),
        "этого года": lambda r: _relative_year(r, 0),
        "текущего года": lambda r: _relative_year(r, 0),
        "в следующем году": lambda r: _relative_year(r, 1),
        "в будущем году": lambda r: _relative_year(r, 1),
    }
    words = "|".join(sorted(relatives, key=len, reverse=True)).replace(" ", r"\s+")

    @_rule(rf"(?<![А-Яа-яЁё])(?:{words})(?![А-Яа-яЁё])", "relative", flags)
    def relative(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return relatives[" ".join(m[0].lower().split())](ref) if ref else None

    weekdays = "|".join(_RU_WEEKDAYS)

    @_rule(rf"(?<![А-Яа-яЁё])(?:в|во)\s+(?:(прошл|следующ|эт)\w*\s+)?(?P<span>({weekdays})[а-яё]*)", "relative", flags)
    def weekday(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        if ref is None:
            return None
        index = next(i for i, stem in enumerate(_RU_WEEKDAYS) if m[3].lower().startswith(stem))
        direction = {"прошл": "last", "следующ": "next"}.get((m[1] or "").lower(), "")
        return _weekday(ref, index, direction)

    return [day_range, day_month, month_year, month_of_last_year, bare_month, year_word, year_in_context, relative,
            weekday]  # fmt: skip


def _japanese_rules() -> list[_Rule]:
    eras = "|".join(_JA_ERAS)
    tilde = r"\s*(?:[-~〜～–－]|から)\s*"

    def era_year(era: str, number: str) -> int:
        return _JA_ERAS[era] + (1 if number == "元" else int(number)) - 1

    @_rule(rf"({eras})(元|\d{{1,2}})年(?:(\d{{1,2}})月(?:(\d{{1,2}})日)?)?")
    def era(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return _safe(lambda: PartialDate(era_year(m[1], m[2]), _int(m[3]), _int(m[4])))

    @_rule(rf"(?<!\d)(\d{{4}})年(?:(\d{{1,2}})月(?:(\d{{1,2}})日?{tilde}\d{{1,2}}日|(\d{{1,2}})日)?)?")
    def western(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return _safe(lambda: PartialDate(int(m[1]), _int(m[2]), _int(m[3] or m[4])))

    @_rule(rf"(?<![\d年])(\d{{1,2}})月(\d{{1,2}})日?{tilde}(?:\d{{1,2}}月)?\d{{1,2}}日")
    def day_range(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return _safe(lambda: _with_year(int(m[1]), int(m[2]), None, ref))

    @_rule(r"(?<![\d年])(\d{1,2})月(?:(\d{1,2})日)?")
    def month_day(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return _safe(lambda: _with_year(int(m[1]), _int(m[2]), None, ref))

    year_words = {"一昨年": -2, "昨年": -1, "去年": -1, "前年": -1, "今年": 0, "本年": 0, "来年": 1, "翌年": 1}

    @_rule(r"(一昨年|昨年|去年|今年|本年|来年)(\d{1,2})月(?:(\d{1,2})日)?", "relative")
    def relative_year_month(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return _safe(lambda: PartialDate(ref.year + year_words[m[1]], int(m[2]), _int(m[3]))) if ref else None

    relatives: dict[str, Callable[[PartialDate], PartialDate]] = {
        "一昨日": lambda r: _relative_day(r, -2),
        "昨日": lambda r: _relative_day(r, -1),
        "本日": lambda r: _relative_day(r, 0),
        "今日": lambda r: _relative_day(r, 0),
        "明日": lambda r: _relative_day(r, 1),
        "先週": lambda r: _relative_week(r, -1),
        "今週": lambda r: _relative_week(r, 0),
        "来週": lambda r: _relative_week(r, 1),
        "先月": lambda r: _relative_month(r, -1),
        "今月": lambda r: _relative_month(r, 0),
        "来月": lambda r: _relative_month(r, 1),
        "一昨年": lambda r: _relative_year(r, -2),
        "昨年": lambda r: _relative_year(r, -1),
        "去年": lambda r: _relative_year(r, -1),
        "今年": lambda r: _relative_year(r, 0),
        "本年": lambda r: _relative_year(r, 0),
        "来年": lambda r: _relative_year(r, 1),
    }

    @_rule("|".join(sorted(relatives, key=len, reverse=True)), "relative")
    def relative(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return relatives[m[0]](ref) if ref else None

    months = {"先月": -1, "今月": 0, "来月": 1, "前月": -1}

    @_rule(r"(先月|今月|来月|前月)(?:の)?(\d{1,2})日", "relative")
    def relative_month_day(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        if ref is None or ref.month is None:
            return None
        month = _relative_month(ref, months[m[1]])
        return _safe(lambda: PartialDate(month.year, month.month, int(m[2])))

    @_rule(r"(?<![\d月年/.\-])([1-9]|[12]\d|3[01])日(?![間目本]|ぶり|以内|後|前|付)", "relative")
    def day_only(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        """「河野外相は24日、…」: news give the day alone for this month's events; a day after the reference day
        is last month's."""
        if ref is None or ref.month is None:
            return None
        year, month = ref.year, ref.month
        if ref.day is not None and int(m[1]) > ref.day:
            year, month = _shift_month(year, month, -1)
        return _safe(lambda: PartialDate(year, month, int(m[1])))

    @_rule(rf"(先週|来週|今週)?の?([{_JA_WEEKDAYS}])曜日?", "relative")
    def weekday(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        if ref is None:
            return None
        index = _JA_WEEKDAYS.index(m[2])
        if m[1] == "先週" and ref.day is not None:
            return _weekday(PartialDate(*_monday_of(ref)), index, "last")
        return _weekday(ref, index, {"来週": "next"}.get(m[1] or "", ""))

    return [era, western, day_range, month_day, relative_year_month, relative_month_day, relative, day_only, weekday]


def _monday_of(reference: PartialDate) -> tuple[int, int, int]:
    day = reference.start()
    monday = day - dt.timedelta(days=day.weekday())
    return monday.year, monday.month, monday.day


_RULES: dict[str, list[_Rule]] = {
    "en": _numeric_rules() + _english_rules(),
    "ru": _numeric_rules() + _russian_rules(),
    "ja": _numeric_rules() + _japanese_rules(),
}


def find_dates(text: str, language: str, reference: PartialDate | None = None) -> list[DateMention]:
    """Every date mention in `text`, in order, without overlaps (the longest mention wins).

    Yearless and relative mentions need `reference` (the publication date) and are left out without it.
    Unknown languages get the English and numeric rules.
    """
    rules = _RULES.get(language, _RULES["en"])
    found: list[tuple[int, int, PartialDate, Basis]] = []
    for rule in rules:
        for match in rule.pattern.finditer(text):
            value = rule.handler(match, reference)
            if value is None:
                continue
            start, end = match.span("span") if "span" in rule.pattern.groupindex else match.span()
            found.append((start, end, value, rule.basis))
    found.sort(key=lambda item: (item[0], -(item[1] - item[0])))
    mentions: list[DateMention] = []
    last_end = -1
    for start, end, value, basis in found:
        if start < last_end:
            continue
        end = _trim(text, start, end)
        mentions.append(DateMention(start, end, value, basis, text[start:end]))
        last_end = end
    return mentions


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " ,\t\n":
        end -= 1
    return end


# --- single fields ----------------------------------------------------------------------------------------------

_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_ISO_DATETIME = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$"
)
_SLASH_YMD = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
_NUMERIC_DMY = re.compile(r"^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})$")
_TIME = re.compile(
    r"[,\s]*(?:\bв\s+|\bat\s+|T)?\b\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?"
    r"(?:\s*\(?(?:(?:UTC|GMT)\s*(?:[+−-]\s*\d{1,2}(?::?\d{2})?)?|Z\b|[+−-]\d{2}:?\d{2}|[A-Z]{2,5}\b|МСК|мск)\)?)?",
    re.IGNORECASE,
)
_UTC_OFFSET = re.compile(
    r"(?:UTC|GMT)\s*([+−-])\s*(\d{1,2})(?::?(\d{2}))?|(?:(?<=\d)|^)\s*([+-])(\d{2}):?(\d{2})\b|^(Z)\b"
)
_DAYFIRST_LANGUAGES = frozenset({"ru", "de", "fr", "it", "es", "uk", "pl", "nl", "pt", "cs"})


def dayfirst_for(language: str) -> bool:
    """The document-level day-first decision: Russian/European documents write 06.03.2017 for 6 March."""
    return language in _DAYFIRST_LANGUAGES


def parse_date(
    text: str,
    language: str = "en",
    dayfirst_hint: bool | None = None,
    reference: PartialDate | None = None,
) -> PartialDate:
    """One date field -> PartialDate at the precision written; raises ValueError with a message for the user.

    Order: ISO (`2017`, `2017-03`, `2017-03-06`, with or without a time), `2017/03/06`, numeric day-month-year
    (dots are day-first everywhere; slashes and dashes follow `dayfirst_hint`, else the document language), then
    the language's own date rules (Russian month names, 年月日 and eras), then dateutil for the English forms
    ("Mon, 06 Mar 2017 14:31:00 +0300") with `default=` given. A time and its zone ("18:24 UTC+3") are dropped:
    the date is the one written, not converted to UTC. A date without a year needs `reference`.
    """
    original = text
    text = " ".join(text.replace("\u2212", "-").split())
    if not text:
        raise ValueError("empty date")
    iso = _ISO_DATETIME.match(text)
    if iso:
        return _checked(original, lambda: PartialDate(int(iso[1]), int(iso[2]), int(iso[3])))
    text = _TIME.sub("", text).strip(" ,;")
    if not text:
        raise ValueError(f"no date in '{original}', only a time")
    if _ISO_DATE.match(text):
        return _checked(original, lambda: PartialDate.from_iso(text))
    ymd = _SLASH_YMD.match(text)
    if ymd:
        return _checked(original, lambda: PartialDate(int(ymd[1]), int(ymd[2]), int(ymd[3])))
    numeric = _NUMERIC_DMY.match(text)
    if numeric:
        return _numeric_date(original, numeric, language, dayfirst_hint)
    mentions = find_dates(text, language, reference)
    if language != "en":
        mentions = mentions or find_dates(text, "en", reference)
    covering = [m for m in mentions if _covers(text, m)]
    if covering:
        return covering[0].value
    if _ONLY_NUMBERS_AND_LATIN.match(text):
        return _dateutil_date(original, text, language, dayfirst_hint, reference)
    if any(_yearless_date(text, language)):
        raise ValueError(f"no year in '{original}'; give the publication date")
    raise ValueError(f"not a date: '{original}'")


_ONLY_NUMBERS_AND_LATIN = re.compile(r"^[\w\s,./-]+$", re.ASCII)


def _yearless_date(text: str, language: str) -> list[DateMention]:
    return find_dates(text, language, PartialDate(2000, 6, 15))


_FIELD_WORDS = re.compile(
    r"(?:опубликовано|published|posted|updated|дата|date|公開|掲載|更新)[:：]?|[（(][月火水木金土日][)）]"
)


def _covers(text: str, mention: DateMention) -> bool:
    """The mention is the whole field, apart from weekday names, punctuation and words such as 'published'."""
    rest = (text[: mention.start] + " " + text[mention.end :]).lower()
    rest = re.sub(rf"\b(?:{'|'.join(_EN_WEEKDAYS)}|{'|'.join(d[:3] for d in _EN_WEEKDAYS)})\b\.?", " ", rest)
    rest = re.sub(
        r"(?:опубликовано|published|posted|updated|дата|date|公開|掲載|更新)[:：]?|[（(][月火水木金土日][)）]",
        " ",
        rest,
    )
    return not re.sub(r"[\s,.:;()|/\-–—年月日г]+", "", rest)


def _numeric_date(original: str, match: re.Match[str], language: str, dayfirst_hint: bool | None) -> PartialDate:
    first, separator, second, year_text = int(match[1]), match[2], int(match[3]), match[4]
    year = int(year_text) if len(year_text) == 4 else 2000 + int(year_text)
    if separator == ".":
        dayfirst = dayfirst_hint is not False
    else:
        dayfirst = dayfirst_for(language) if dayfirst_hint is None else dayfirst_hint
    if first > 12 >= second:
        dayfirst = True
    elif second > 12 >= first:
        dayfirst = False
    day, month = (first, second) if dayfirst else (second, first)
    return _checked(original, lambda: PartialDate(year, month, day))


def _checked(original: str, make: Callable[[], PartialDate]) -> PartialDate:
    try:
        return make()
    except ValueError as exc:
        raise ValueError(f"bad date '{original.strip()}': {exc}") from None


def _dateutil_date(
    original: str, text: str, language: str, dayfirst_hint: bool | None, reference: PartialDate | None
) -> PartialDate:
    """English free forms via dateutil, parsed with two different defaults to learn which fields were written."""
    dayfirst = dayfirst_for(language) if dayfirst_hint is None else dayfirst_hint
    results = []
    for default in (dt.datetime(1904, 1, 1), dt.datetime(1908, 2, 2)):
        try:
            results.append(dateutil_parser.parse(text, default=default, dayfirst=dayfirst, fuzzy=False))
        except (ValueError, OverflowError) as exc:
            raise ValueError(f"not a date: '{original}'") from exc
    a, b = results
    has_year, has_month, has_day = a.year == b.year, a.month == b.month, a.day == b.day
    if not has_month and has_day:
        raise ValueError(f"not a date: '{original}'")
    if not has_year:
        if reference is None or not has_month:
            raise ValueError(f"no year in '{original}'; give the publication date")
        return _checked(original, lambda: _with_year(a.month, a.day if has_day else None, None, reference))  # type: ignore[return-value,arg-type]
    return _checked(original, lambda: PartialDate(a.year, a.month if has_month else None, a.day if has_day else None))


def parse_utc_offset(text: str) -> dt.timezone | None:
    """The zone of a dateline: "UTC+3" is three hours AHEAD of UTC (+03:00), never dateutil's POSIX -03:00."""
    match = _UTC_OFFSET.search(text.replace("\u2212", "-"))
    if not match:
        return None
    if match[7]:
        return dt.UTC
    sign, hours, minutes = (match[1], match[2], match[3]) if match[1] else (match[4], match[5], match[6])
    delta = dt.timedelta(hours=int(hours), minutes=int(minutes or 0))
    return dt.timezone(-delta if sign in "-−" else delta)


def parse_datetime(text: str, language: str = "en", dayfirst_hint: bool | None = None) -> dt.datetime | None:
    """A dateline with a time ("06.03.2017 14:31", "2019-01-22T10:00:00+03:00", "18:24 UTC+3" after a date) as an
    aware or naive datetime; None when there is no time. For display and ordering; dates use `parse_date`."""
    time = re.search(r"(?<!\d)(\d{1,2}):(\d{2})(?::(\d{2}))?", text)
    if not time:
        return None
    day = parse_date(text, language, dayfirst_hint)
    if day.day is None or day.month is None:
        return None
    zone = parse_utc_offset(text[time.end() :])
    return dt.datetime(day.year, day.month, day.day, int(time[1]), int(time[2]), int(time[3] or 0), tzinfo=zone)
