"""When a document was published: HTML meta tags, a dateline at the top or the bottom, or the file's name.

Pages copied as text keep their dateline in many shapes: a line of its own ("21 марта 2022, 15:21", "Friday, March
2, 2012 (PM)", "(令和4年2月24日(木曜日)19時42分 於:大臣接見室)"), the opening of a wire report ("TOKYO, March 31.
/TASS/. Japan ...", "МОСКВА, 27 янв - РИА Новости."), or a signature at the end ("時事通信 2024年11月6日 17時28分").
A date counts as a dateline only where nothing but a place, an outlet, a weekday or a time stands before it, so a
body sentence ("On March 18, Japan introduced ...") is never read as one. Wire datelines usually give no year; the
year then comes from a date in the file's name, which is also the last resort on its own: people save articles as
`2019-02-24 lavrov.txt` or `ru04_lavrov_2019-02-24.txt`. Nothing else is guessed: an undated document gets None.
"""

from __future__ import annotations

import re

from db.ingest.dates import DateMention, find_dates, parse_date
from db.ingest.languages import PACKS
from db.partial_date import PartialDate

HEAD_DATELINE_LINES = 8  # a dateline sits among the first lines ...
TAIL_DATELINE_LINES = 3  # ... or among the last ones
MAX_DATELINE_OFFSET = 60  # characters before the date in its line
MAX_SHORT_LINE = 120  # a line this short may hold the date anywhere after an allowed lead

PUBLISHED_WORD = re.compile(
    r"(?:published|posted|updated|date|опубликовано|дата публикации|дата|обновлено"
    r"|公開日?|掲載日?|更新日?|配信)\s*[:：]?",
    re.IGNORECASE,
)
DATE_META = ("article:published_time", "datepublished", "pubdate", "publish-date", "publication_date",
             "citation_publication_date", "dc.date.issued", "dc.date", "dcterms.date", "date", "parsely-pub-date",
             "sailthru.date", "time")  # fmt: skip
_YEARLESS_REFERENCE = PartialDate(2000, 6, 15)  # finds month-day dates; their year is then set aside

# What may stand before a dateline's date: times, weekdays, brackets, labels, a place or an outlet in capitals.
_TIME = re.compile(r"\d{1,2}\s*[:時]\s*\d{2}分?(?:\s*[ap]\.?m\.?)?", re.IGNORECASE)
_WEEKDAY = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b\.?"
    r"|(?<![а-яё])(?:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье)(?![а-яё])"
    r"|[（(]?[月火水木金土日]曜日?[)）]?",
    re.IGNORECASE,
)
_LETTERS = re.compile(r"[^\W\d_]+")
_KANA = re.compile(r"[\u3040-\u309f]")
# What may follow the date of a dateline that opens a body paragraph: ". /TASS/.", " - РИА Новости.", ") The",
# " 時事通信社】".
_DATELINE_END = re.compile(
    r"\s*(?:г\.)?\s*(?:[.)）】]\s*(?:/[^/\n]{1,40}/\.?)?|,\s*[A-ZА-ЯЁ]{2,}[\w-]*\s*[:.,]"
    r"|[-–—]\s*[A-ZА-ЯЁ][\w .-]{1,30}[.,]|\s[^\s】]{1,12}】)",
)
_ONLY_TIME_AFTER = re.compile(r"[\s,|]*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*$")
_FILE_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])(?:[-_.]?(0[1-9]|[12]\d|3[01]))?(?!\d)")


def find_published(
    head: list[str], tail: list[str], meta: dict[str, str], language: str, file_name: str = ""
) -> tuple[PartialDate | None, str]:
    """(publication date, where it came from, in words for the user) or (None, "")."""
    for key in DATE_META:
        value = meta.get(key)
        if value:
            try:
                return parse_date(value, language), f"HTML meta {key} '{value}'"
            except ValueError:
                continue
    yearless: tuple[DateMention, str] | None = None
    lines = [(line, "under the title" if i else "at the top") for i, line in enumerate(head[:HEAD_DATELINE_LINES])]
    lines += [(line, "at the end") for line in tail[-TAIL_DATELINE_LINES:] if line not in head]
    for line, where in lines:
        found = dateline(line, language)
        if found is None:
            continue
        mention, has_year = found
        if has_year:
            return mention.value, f"dateline '{_shown(line)}' {where}"
        yearless = yearless or (mention, f"dateline '{_shown(line)}' {where}")
    from_name = file_name_date(file_name)
    if yearless is not None and from_name is not None and from_name.month is not None:
        mention, why = yearless
        month, day = mention.value.month, mention.value.day
        if month is not None:
            year = from_name.year if month <= from_name.month else from_name.year - 1
            try:
                return PartialDate(year, month, day), f"{why}, the year from the file name"
            except ValueError:
                pass
    if from_name is not None:
        return from_name, f"the date in the file name '{file_name}'"
    return None, ""


def dateline(line: str, language: str) -> tuple[DateMention, bool] | None:
    """The date of a dateline line (and whether it has a year), or None when the line is not a dateline."""
    labelled = PUBLISHED_WORD.match(line.strip()) is not None
    languages = [language] + [other for other in PACKS if other != language]
    for code in languages:
        for mention in find_dates(line, code, _YEARLESS_REFERENCE):
            if mention.value.precision != "day" and not labelled:
                continue
            if mention.basis != "explicit":
                continue  # "yesterday", "24日": relative mentions are no dateline
            if not (labelled or _dateline_position(line, mention)):
                continue
            return mention, _has_year(line, mention, code)
    return None


def file_name_date(file_name: str) -> PartialDate | None:
    """A date written in a file's name (2019-02-24, 20190224, 2017-11), the last one when there are several."""
    matches = list(_FILE_DATE.finditer(file_name))
    for match in reversed(matches):
        try:
            return PartialDate(int(match[1]), int(match[2]), int(match[3]) if match[3] else None)
        except ValueError:
            continue
    return None


def _dateline_position(line: str, mention: DateMention) -> bool:
    if len(line) <= MAX_SHORT_LINE and _ONLY_TIME_AFTER.match(line, mention.end):
        return True  # "Title 06.03.2017 14:31": a dateline written after the title
    if mention.start > MAX_DATELINE_OFFSET or not _allowed_lead(line[: mention.start]):
        return False
    return len(line) <= MAX_SHORT_LINE or _DATELINE_END.match(line, mention.end) is not None


def _allowed_lead(lead: str) -> bool:
    """Only a place, an outlet, a weekday, a time, brackets or a label before the date: no sentence."""
    rest = _WEEKDAY.sub(" ", _TIME.sub(" ", PUBLISHED_WORD.sub(" ", lead)))
    if _KANA.search(rest):
        return False  # a Japanese sentence; outlets and places are written without hiragana
    for word in _LETTERS.findall(rest):
        if any(word.lower() in pack.function_words for pack in PACKS.values()):
            return False
        if word[0].islower() and not word.isupper():
            return False
    return True


def _has_year(line: str, mention: DateMention, language: str) -> bool:
    """Whether the dateline states its year: the same date found without a reference is a full date."""
    return any(m.start == mention.start and m.value.precision == "day" for m in find_dates(line, language))


def _shown(line: str) -> str:
    line = line.strip()
    return line if len(line) <= 80 else line[:77] + "..."
