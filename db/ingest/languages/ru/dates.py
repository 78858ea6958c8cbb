"""Russian dates: month names in every case ("18 марта", "в марте"), "в прошлом году", "во вторник"."""

from __future__ import annotations

import re
from collections.abc import Callable

from db.ingest.date_rules import (
    YEAR,
    DateRule,
    as_int,
    numeric_rules,
    relative_day,
    relative_month,
    relative_week,
    relative_year,
    rule,
    safe,
    weekday_near,
    with_year,
)
from db.partial_date import PartialDate

_RU_MONTH = (
    r"(?<![А-Яа-яЁё])(?:(?:[Яя]нвар|[Фф]еврал|[Аа]прел|[Ии]юн|[Ии]юл|[Сс]ентябр|[Оо]ктябр|[Нн]оябр|[Дд]екабр)"
    r"(?:ь|я|е|ю|ём|ем)|(?:[Мм]арт|[Аа]вгуст)(?:а|е|у|ом)?|[Мм]а(?:й|я|е|ю|ем)"
    r"|(?:[Яя]нв|[Фф]евр?|[Аа]пр|[Аа]вг|[Сс]ент?|[Оо]кт|[Нн]оя|[Дд]ек)\.?)(?![А-Яа-яЁё])"
)
_RU_WEEKDAYS = ["понедельник", "вторник", "сред", "четверг", "пятниц", "суббот", "воскресень"]
_RU_YEAR_WORD = r"(?:\s*(?:г\.|гг\.|года|году|год)(?![А-Яа-яЁё]))?"


_RU_PREFIXES = [("янв", 1), ("фев", 2), ("мар", 3), ("апр", 4), ("июн", 6), ("июл", 7), ("авг", 8), ("сен", 9),
                ("окт", 10), ("ноя", 11), ("дек", 12), ("ма", 5)]  # fmt: skip


def _ru_month(word: str) -> int:
    lowered = word.lower()
    return next(number for prefix, number in _RU_PREFIXES if lowered.startswith(prefix))


def _russian_rules() -> list[DateRule]:
    M = _RU_MONTH
    flags = re.IGNORECASE

    @rule(rf"(?<!\d)(\d{{1,2}})\s*(?:-|–|—)\s*(\d{{1,2}})\s+({M})(?:\s+{YEAR}{_RU_YEAR_WORD})?")
    def day_range(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return safe(lambda: with_year(_ru_month(m[3]), int(m[1]), as_int(m[4]), ref))

    @rule(rf"(?<![\d.])(\d{{1,2}})\s+({M})(?:,?\s+{YEAR}{_RU_YEAR_WORD})?")
    def day_month(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return safe(lambda: with_year(_ru_month(m[2]), int(m[1]), as_int(m[3]), ref))

    @rule(rf"({M})\s+{YEAR}{_RU_YEAR_WORD}")
    def month_year(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return PartialDate(int(m[2]), _ru_month(m[1]))

    @rule(rf"({M})\s+(прошлого|этого|текущего|нынешнего|следующего|будущего)\s+года", "relative", flags)
    def month_of_last_year(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        offset = {"прошлого": -1, "следующего": 1, "будущего": 1}.get(m[2].lower(), 0)
        return PartialDate(ref.year + offset, _ru_month(m[1])) if ref else None

    @rule(
        r"(?<![А-Яа-яЁё])(?:в|во|с|со|до|к|по|от|на|конце|начале|середине|конца|начала|середины|прошлом|прошлого)\s+"
        rf"(?P<span>({M}))(?!\s*\d)",
        flags=flags,
    )
    def bare_month(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return with_year(_ru_month(m[2]), None, None, ref)

    @rule(rf"(?<![\d.])(?P<span>{YEAR}\s*(?:г\.|гг\.|года|году|год)(?![А-Яа-яЁё]))")
    def year_word(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return PartialDate(int(m[2]))

    @rule(rf"(?<![А-Яа-яЁё])(?:в|с|до|к|по|от|за|после|около|начиная с)\s+(?P<span>{YEAR})(?![\d\s]*%)\b")
    def year_in_context(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return PartialDate(int(m[2]))

    relatives: dict[str, Callable[[PartialDate], PartialDate]] = {
        "позавчера": lambda r: relative_day(r, -2),
        "вчера": lambda r: relative_day(r, -1),
        "сегодня": lambda r: relative_day(r, 0),
        "завтра": lambda r: relative_day(r, 1),
        "на прошлой неделе": lambda r: relative_week(r, -1),
        "на этой неделе": lambda r: relative_week(r, 0),
        "на следующей неделе": lambda r: relative_week(r, 1),
        "в прошлом месяце": lambda r: relative_month(r, -1),
        "в этом месяце": lambda r: relative_month(r, 0),
        "в текущем месяце": lambda r: relative_month(r, 0),
        "в следующем месяце": lambda r: relative_month(r, 1),
        "в прошлом году": lambda r: relative_year(r, -1),
        "прошлого года": lambda r: relative_year(r, -1),
        "в позапрошлом году": lambda r: relative_year(r, -2),
        "в этом году": lambda r: relative_year(r, 0),
        "в текущем году": lambda r: relative_year(r, 0),
        "в нынешнем году": lambda r: relative_year(r, 0),
        "этого года": lambda r: relative_year(r, 0),
        "текущего года": lambda r: relative_year(r, 0),
        "в следующем году": lambda r: relative_year(r, 1),
        "в будущем году": lambda r: relative_year(r, 1),
    }
    words = "|".join(sorted(relatives, key=len, reverse=True)).replace(" ", r"\s+")

    @rule(rf"(?<![А-Яа-яЁё])(?:{words})(?![А-Яа-яЁё])", "relative", flags)
    def relative(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        return relatives[" ".join(m[0].lower().split())](ref) if ref else None

    weekdays = "|".join(_RU_WEEKDAYS)

    @rule(rf"(?<![А-Яа-яЁё])(?:в|во)\s+(?:(прошл|следующ|эт)\w*\s+)?(?P<span>({weekdays})[а-яё]*)", "relative", flags)
    def weekday(m: re.Match[str], ref: PartialDate | None) -> PartialDate | None:
        if ref is None:
            return None
        index = next(i for i, stem in enumerate(_RU_WEEKDAYS) if m[3].lower().startswith(stem))
        direction = {"прошл": "last", "следующ": "next"}.get((m[1] or "").lower(), "")
        return weekday_near(ref, index, direction)

    return [day_range, day_month, month_year, month_of_last_year, bare_month, year_word, year_in_context, relative,
            weekday]  # fmt: skip


DATE_RULES: list[DateRule] = numeric_rules() + _russian_rules()
