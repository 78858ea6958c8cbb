"""Dates in imported text: every date mention in a document, and single date fields (CSV cells, metadata, input).

The rules of each language live in its pack (`languages/<code>/dates.py`, written with `date_rules`). Why our own
parser and not dateutil alone (see ARCHITECTURE "Pitfalls"): dateutil reads `06.03.2017` as 3 June,
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

from dateutil import parser as dateutil_parser

from db.ingest.date_rules import Basis, with_year
from db.ingest.languages import pack_for
from db.ingest.languages.en.dates import WEEKDAYS
from db.partial_date import PartialDate


@dataclass(frozen=True)
class DateMention:
    """A date found in a text: `text == document[start:end]`; `basis` says whether it needed the reference."""

    start: int
    end: int
    value: PartialDate
    basis: Basis
    text: str


def find_dates(text: str, language: str, reference: PartialDate | None = None) -> list[DateMention]:
    """Every date mention in `text`, in order, without overlaps (the longest mention wins).

    Yearless and relative mentions need `reference` (the publication date) and are left out without it.
    Unknown languages get the English and numeric rules.
    """
    rules = pack_for(language).date_rules
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


def dayfirst_for(language: str) -> bool:
    """The document-level day-first decision: Russian documents write 06.03.2017 for 6 March."""
    return pack_for(language).dayfirst


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
    rest = re.sub(rf"\b(?:{'|'.join(WEEKDAYS)}|{'|'.join(d[:3] for d in WEEKDAYS)})\b\.?", " ", rest)
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
        return _checked(original, lambda: with_year(a.month, a.day if has_day else None, None, reference))  # type: ignore[return-value,arg-type]
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
