"""Russian dates: month names in every case ("18 марта", "в марте"), "в прошлом году", "во вторник"."""

from __future__ import annotations

import re

from db.ingest.date_rules import (
    YEAR,
    DateRule,
    as_int,
    numeric_rules,
    relative_rule,
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

    relative = relative_rule(
        {
            "позавчера": ("day", -2),
            "вчера": ("day", -1),
            "сегодня": ("day", 0),
            "завтра": ("day", 1),
            "на прошлой неделе": ("week", -1),
            "на этой неделе": ("week", 0),
            "на следующей неделе": ("week", 1),
            "в прошлом месяце": ("month", -1),
            "в этом месяце": ("month", 0),
            "в текущем месяце": ("month", 0),
            "в следующем месяце": ("month", 1),
            "в прошлом году": ("year", -1),
            "прошлого года": ("year", -1),
            "в позапрошлом году": ("year", -2),
            "в этом году": ("year", 0),
            "в текущем году": ("year", 0),
            "в нынешнем году": ("year", 0),
            "этого года": ("year", 0),
            "текущего года": ("year", 0),
            "в следующем году": ("year", 1),
            "в будущем году": ("year", 1),
        },
        before=r"(?<![А-Яа-яЁё])",
        after=r"(?![А-Яа-яЁё])",
        flags=flags,
    )

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
