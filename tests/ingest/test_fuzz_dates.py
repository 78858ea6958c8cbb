"""The date parser, fed anything (hypothesis): a PartialDate or a ValueError with a message, never another
exception; and every date written in a form we support comes back as the same date at the same precision."""

from __future__ import annotations

import contextlib
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from db.ingest.dates import find_dates, parse_date, parse_datetime
from db.partial_date import PartialDate

EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]  # fmt: skip
RU_MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
             "ноября", "декабря"]  # fmt: skip
PIECES = ["2017", "17", "03", "3", "18", "31", "0", "00", "-", ".", "/", " ", ",", ":", "年", "月", "日", "г.", "令和",
          "平成", "昭和", "元年", "марта", "March", "Mar", "UTC+3", "T", "Z", "+03:00", "−", "18:24", "last week",
          "昨年", "в прошлом году", "99999", "１２", "２０１７"]  # fmt: skip
languages = st.sampled_from(["en", "ru", "ja"])
hints = st.sampled_from([None, True, False])
references = st.one_of(st.none(), st.dates(dt.date(1950, 1, 1), dt.date(2090, 12, 31)).map(
    lambda d: PartialDate(d.year, d.month, d.day)))  # fmt: skip
date_like = st.one_of(st.text(max_size=40), st.lists(st.sampled_from(PIECES), max_size=8).map("".join))


@given(date_like, languages, hints, references)
def test_any_text_is_a_date_or_a_value_error(text: str, language: str, hint: bool | None,
                                             reference: PartialDate | None) -> None:  # fmt: skip
    try:
        value = parse_date(text, language, hint, reference)
    except ValueError as exc:
        assert str(exc)
        return
    assert isinstance(value, PartialDate)


@given(date_like, languages, references)
def test_finding_dates_in_any_text_never_fails(text: str, language: str, reference: PartialDate | None) -> None:
    for mention in find_dates(text, language, reference):
        assert text[mention.start : mention.end] == mention.text


@given(date_like, languages, hints)
def test_datelines_are_a_datetime_none_or_a_value_error(text: str, language: str, hint: bool | None) -> None:
    with contextlib.suppress(ValueError):
        value = parse_datetime(text, language, hint)
        assert value is None or isinstance(value, dt.datetime)


@given(st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)), st.sampled_from(["day", "month", "year"]))
def test_supported_forms_round_trip(day: dt.date, precision: str) -> None:
    y, m, d = day.year, day.month, day.day
    if precision == "year":
        forms = [(f"{y}", "en"), (f"{y}年", "ja"), (f"{y} г.", "ru")]
        expected = PartialDate(y)
    elif precision == "month":
        forms = [(f"{y}-{m:02d}", "en"), (f"{EN_MONTHS[m - 1]} {y}", "en"), (f"{y}年{m}月", "ja")]
        expected = PartialDate(y, m)
    else:
        forms = [(day.isoformat(), "en"), (f"{d:02d}.{m:02d}.{y}", "ru"), (f"{EN_MONTHS[m - 1]} {d}, {y}", "en"),
                 (f"{d} {EN_MONTHS[m - 1]} {y}", "en"), (f"{d} {RU_MONTHS[m - 1]} {y} г.", "ru"),
                 (f"{y}年{m}月{d}日", "ja"), (f"{y}/{m:02d}/{d:02d}", "ja")]  # fmt: skip
        expected = PartialDate(y, m, d)
    for text, language in forms:
        assert parse_date(text, language) == expected, text


@given(st.dates(dt.date(2019, 5, 1), dt.date(2099, 12, 31)))
def test_reiwa_era_dates(day: dt.date) -> None:
    year = day.year - 2018
    era_year = "元" if year == 1 else str(year)
    assert parse_date(f"令和{era_year}年{day.month}月{day.day}日", "ja") == PartialDate(day.year, day.month, day.day)
