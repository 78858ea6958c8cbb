"""Japanese dates: 年月日, era years (令和4年), day-only news dates (24日), 昨年, 先週の火曜日."""

from __future__ import annotations

import re

from db.ingest.date_rules import (
    DateRule,
    as_int,
    monday_of,
    numeric_rules,
    relative_month,
    relative_rule,
    rule,
    safe,
    shift_month,
    weekday_near,
    with_year,
)
from db.partial_date import PartialDate

_JA_ERAS = {"令和": 2019, "平成": 1989, "昭和": 1926, "大正": 1912}
_JA_WEEKDAYS = "月火水木金土日"


def _japanese_rules() -> list[DateRule]:
    eras = "|".join(_JA_ERAS)
    tilde = r"\s*(?:[-~〜～–－]|から)\s*"

    def era_year(era: str, number: str) -> int:
        return _JA_ERAS[era] + (1 if number == "元" else int(number)) - 1

    @rule(rf"({eras})(元|\d{{1,2}})年(?:(\d{{1,2}})月(?:(\d{{1,2}})日)?)?")
    def era(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return safe(lambda: PartialDate(era_year(m[1], m[2]), as_int(m[3]), as_int(m[4])))

    @rule(rf"(?<!\d)(\d{{4}})年(?:(\d{{1,2}})月(?:(\d{{1,2}})日?{tilde}\d{{1,2}}日|(\d{{1,2}})日)?)?")
    def western(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return safe(lambda: PartialDate(int(m[1]), as_int(m[2]), as_int(m[3] or m[4])))

    @rule(rf"(?<![\d年])(\d{{1,2}})月(\d{{1,2}})日?{tilde}(?:\d{{1,2}}月)?\d{{1,2}}日")
    def day_range(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return safe(lambda: with_year(int(m[1]), int(m[2]), None, ref))

    @rule(r"(?<![\d年])(\d{1,2})月(?:(\d{1,2})日)?")
    def month_day(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return safe(lambda: with_year(int(m[1]), as_int(m[2]), None, ref))

    year_words = {"一昨年": -2, "昨年": -1, "去年": -1, "前年": -1, "今年": 0, "本年": 0, "来年": 1, "翌年": 1}

    @rule(r"(一昨年|昨年|去年|今年|本年|来年)(\d{1,2})月(?:(\d{1,2})日)?", "relative")
    def relative_year_month(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return safe(lambda: PartialDate(ref.year + year_words[m[1]], int(m[2]), as_int(m[3]))) if ref else None

    relative = relative_rule(
        {
            "一昨日": ("day", -2),
            "昨日": ("day", -1),
            "昨夜": ("day", -1),
            "昨晩": ("day", -1),
            "本日": ("day", 0),
            "今朝": ("day", 0),
            "今日": ("day", 0),
            "明日": ("day", 1),
            "先週": ("week", -1),
            "今週": ("week", 0),
            "来週": ("week", 1),
            "先月": ("month", -1),
            "今月": ("month", 0),
            "来月": ("month", 1),
            "一昨年": ("year", -2),
            "昨年": ("year", -1),
            "去年": ("year", -1),
            "今年": ("year", 0),
            "本年": ("year", 0),
            "来年": ("year", 1),
        }
    )

    months = {"先月": -1, "今月": 0, "来月": 1, "前月": -1}

    @rule(r"(先月|今月|来月|前月)(?:の)?(\d{1,2})日", "relative")
    def relative_month_day(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        if ref is None or ref.month is None:
            return None
        month = relative_month(ref, months[m[1]])
        return safe(lambda: PartialDate(month.year, month.month, int(m[2])))

    @rule(r"(?<![\d月年/.\-])([1-9]|[12]\d|3[01])日(?![間目本]|ぶり|以内|後|前|付)", "relative")
    def day_only(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        """「河野外相は24日、…」: news give the day alone for this month's events; a day after the reference day
        is last month's."""
        if ref is None or ref.month is None:
            return None
        year, month = ref.year, ref.month
        if ref.day is not None and int(m[1]) > ref.day:
            year, month = shift_month(year, month, -1)
        return safe(lambda: PartialDate(year, month, int(m[1])))

    @rule(rf"(先週|来週|今週)?の?([{_JA_WEEKDAYS}])曜日?", "relative")
    def weekday(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        if ref is None:
            return None
        index = _JA_WEEKDAYS.index(m[2])
        if m[1] == "先週" and ref.day is not None:
            return weekday_near(PartialDate(*monday_of(ref)), index, "last")
        return weekday_near(ref, index, {"来週": "next"}.get(m[1] or "", ""))

    return [era, western, day_range, month_day, relative_year_month, relative_month_day, relative, day_only, weekday]


DATE_RULES: list[DateRule] = numeric_rules() + _japanese_rules()
