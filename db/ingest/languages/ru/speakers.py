"""Russian speaker vocabulary: roles ("министр иностранных дел России", "посол Японии"), collectives ("обе
стороны"), unnamed media and experts, pronouns ("он", "японский министр"), unknown officials and analysts."""

from __future__ import annotations

import re

from db.ingest.languages.roles import (
    AMBASSADOR_TO_JAPAN,
    AMBASSADOR_TO_RUSSIA,
    DEFENSE,
    FOREIGN,
    FOREIGN_MINISTERS,
    KREMLIN_PRESS_SECRETARY,
    LEADERS,
    MFA_SPOKESPERSON,
    PM,
    PRESIDENT,
)

_SIDE_RU = r"(?P<side>(?i:росси|япони|российск|японск)[а-яё]*|РФ)"

ROLE_PATTERNS: list[tuple[re.Pattern[str], tuple[str, ...], str]] = [
    (  # "официальный представитель МИД РФ", "официального представителя российского МИД": the spokesperson
        re.compile(
            r"(?<![\w-])(?i:официальн[а-я]+ представител[а-я]{0,2}) (?:МИД (?:России|РФ)|(?i:российского МИД(?:а)?))"
        ),
        MFA_SPOKESPERSON,
        "=russia",
    ),
    (  # "представитель Кремля", "пресс-секретарь российского лидера": the Kremlin's press secretary
        re.compile(
            r"(?<![\w-])(?i:(?:официальн[а-я]+ )?представител[а-я]{0,2}|пресс-секретар[а-я]{0,2}) "
            r"(?:Кремля|(?i:президента России|президента РФ|российского (?:президента|лидера)))"
        ),
        KREMLIN_PRESS_SECRETARY,
        "=russia",
    ),
    (
        re.compile(r"(?i:министр[а-я]{0,3} иностранных дел|глав[а-я]{0,2} МИД[а-я]{0,2}) " + _SIDE_RU),
        FOREIGN,
        "side",
    ),
    (  # "глава российского МИД", "российский министр иностранных дел": the side before the ministry
        re.compile(r"(?i:глав[а-я]{0,2}) " + _SIDE_RU + r" (?:МИД[а-я]{0,2}|(?i:внешнеполитического ведомства))"),
        FOREIGN,
        "side",
    ),
    (re.compile(_SIDE_RU + r" (?i:министр[а-я]{0,3} иностранных дел)"), FOREIGN, "side"),
    (re.compile(r"(?i:министр[а-я]{0,3} обороны|глав[а-я]{0,2} Минобороны) " + _SIDE_RU), DEFENSE, "side"),
    (re.compile(r"(?i:премьер-министр[а-я]{0,3}|премьер[а-я]{0,3}) " + _SIDE_RU), PM, "side"),
    (re.compile(r"(?i:президент[а-я]{0,3}) " + _SIDE_RU), PRESIDENT, "side"),
    (re.compile(_SIDE_RU + r" (?i:премьер-министр[а-я]{0,3}|премьер[а-я]{0,3})"), PM, "side"),
    (re.compile(_SIDE_RU + r" (?i:президент[а-я]{0,3})"), PRESIDENT, "side"),
    # "глава японского правительства", "главы правительства Японии": the prime minister
    (re.compile(r"(?i:глав[а-я]{0,2}) " + _SIDE_RU + r" (?i:правительств[а-я]{0,2})"), PM, "side"),
    (re.compile(r"(?i:глав[а-я]{0,2} правительств[а-я]{0,2}) " + _SIDE_RU), PM, "side"),
    # ambassadors: "посол России в Японии", "посла Японии", "японский посол"
    (
        re.compile(r"(?i:посол|посла|послу|послом|после) (?:России|РФ|Российской Федерации) в Японии"),
        AMBASSADOR_TO_JAPAN,
        "=russia",
    ),
    (
        re.compile(r"(?i:посол|посла|послу|послом|после) Японии(?: в (?:России|РФ|Москве))?"),
        AMBASSADOR_TO_RUSSIA,
        "=japan",
    ),
    (re.compile(r"(?<![\w-])(?i:японск[а-я]{1,3} посол[а-я]{0,2})(?![\w-])"), AMBASSADOR_TO_RUSSIA, "=japan"),
    (re.compile(r"(?<![\w-])(?i:российск[а-я]{1,3} посол[а-я]{0,2})(?![\w-])"), AMBASSADOR_TO_JAPAN, "=russia"),
]

COLLECTIVE_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            r"(?<![\w-])(?i:обе стороны|делегации|стороны(?=\s+(?:договорились|согласились|условились|"
            r"подтвердили|заявили|выразили|отметили|подчеркнули|решили)))"
        ),
        "delegation",
    ),
    (re.compile(r"(?<![\w-])(?i:(?:российская и японская|японская и российская) стороны)"), "delegation"),
    (  # "Представители РФ и Японии провели переговоры": both delegations
        re.compile(
            r"(?<![\w-])(?i:представители (?:(?:РФ|России) и Японии|Японии и (?:РФ|России)|двух стран))(?![\w-])"
        ),
        "delegation",
    ),
    (re.compile(r"(?<![\w-])(?i:лидеры (?:двух |обеих |наших )?(?:стран|государств))"), LEADERS),
    (
        # "главы МИД" is also the genitive of one minister ("по словам главы МИД России"): plural only bare
        re.compile(
            r"(?<![\w-])(?i:министры иностранных дел|главы МИД(?!\s+(?:[А-ЯЁ]|РФ))|министры|оба министра)(?![\w-])"
        ),
        FOREIGN_MINISTERS,
    ),
]

GENERIC_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            r"(?<![\w-])(?i:(?:японские |российские |западные |независимые |некоторые )?"
            r"(?:эксперт|аналитик|политолог|наблюдател|востоковед|японовед|японист|русист|исследовател|"
            r"специалист[а-я]{0,3} по [а-яё]+)[а-я]{0,3})"
        ),
        "expert",
    ),
    (
        re.compile(
            r"(?<![\w-])(?i:(?:японские |российские |западные |местные )?"
            r"(?:СМИ|газет[а-я]{0,2}|издани[а-я]{1,2}|агентств[а-я]{0,2}|пресс[аеыу](?![\w-])))"
        ),
        "media",
    ),
]

_RU_MINISTER_WORD = r"(?i:министр[а-я]{0,2}|глав[а-я]{1,2} МИД)(?! (?:[а-я]+ )?дел|обороны)"
# (pattern, what the reference needs: male, female, plural, thing, minister, person, media; "minister:japan" is a
PRONOUN_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?<![\w-])(?i:он|его|ему|нему|него|ним|нем|нём)(?![\w-])"), "male"),
    (re.compile(r"(?<![\w-])(?i:она|ее|её|ей|нее|неё|ней)(?![\w-])"), "female"),
    (re.compile(r"(?<![\w-])(?i:они|их|им|ними)(?![\w-])"), "plural"),
    (re.compile(r"(?<![\w-])(?i:министр|глава МИД|глава ведомства)(?![\w-])"), "minister"),
    (  # "отметили в ведомстве", "в министерстве подчеркнули": a ministry named before (not "министерство обороны")
        re.compile(
            r"(?<![\w-])(?i:ведомств[аеуо]|ведомством|министерств[аеуо]?|министерством)(?![\w-])"
            r"(?!\s+(?:иностранных|обороны|по\s|[А-ЯЁ]))"
        ),
        "body",
    ),
    (re.compile(r"(?<![\w-])(?i:посол|посла|послу|послом)(?![\w-])"), "ambassador"),  # "Посол отметил"
    (re.compile(r"(?<![\w-])(?i:премьер(?:-министр)?)(?![\w-])(?!\s+(?:[А-ЯЁ]|министр))"), "prime_minister"),
    (re.compile(r"(?<![\w-])(?i:президент)(?![\w-])(?!\s+[А-ЯЁ])"), "president"),
    (
        re.compile(
            r"(?<![\w-])(?i:сенатор|депутат|дипломат|политик|парламентари|пресс-секретар|спикер)[а-я]{0,3}(?![\w-])"
        ),
        "person",
    ),
    # "японский министр", "российского министра": the last minister of that side
    (re.compile(r"(?<![\w-])(?i:японск[а-я]{1,3}) " + _RU_MINISTER_WORD), "minister:japan"),
    (re.compile(r"(?<![\w-])(?i:российск[а-я]{1,3}) " + _RU_MINISTER_WORD), "minister:russia"),
]

_TITLE_WORDS_RU = (
    r"(?:заместител[а-я]*|замминистра|министр[а-я]*|глав[а-я]*|посол|посла|послом|официальн[а-я]+|представител[а-я]*|"
    r"пресс-секретар[а-я]*|директор[а-я]*|департамент[а-я]*|иностранных|дел|обороны|МИД|Минобороны|помощник[а-я]*|"
    r"президента|советник[а-я]*|губернатор[а-я]*|генерал[а-я]*|первый|первого|спикер[а-я]*|председател[а-я]*)"
)
_NAME_RU = r"(?P<name>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?)"

_EXPERT_TITLES_RU = (
    r"(?:политолог|эксперт|востоковед|японовед|японист|аналитик|профессор|исследовател|историк|экономист|"
    r"научный сотрудник|специалист)[а-я]{0,3}"
)
# A named analyst the gazetteer does not know ("James Harlow, a Russia analyst", "политолог Олег Кузнецов"): an
# expert, never a side, and a person that "he" / "он" can refer to afterwards.
UNKNOWN_EXPERT_PATTERNS: list[re.Pattern[str]] = [
    re.compile(
        r"(?i:директор[а-я]{0,2}|руководител[а-я]{0,2}|сотрудни[а-я]{1,3}|заведующ[а-я]{1,3}|президент[а-я]{0,2})\s+"
        r"(?:[а-яё]+\s+){0,2}(?i:центр|институт|университет|фонд|клуб|совет[а-я]{0,2} по|школ|кафедр|отдел)"
        r"[а-я]{0,3}"
        r"\s+(?:(?:[а-яё-]+|[А-ЯЁ]{2,})\s+){0,4}?" + _NAME_RU + r"(?![\w-])"
    ),
    re.compile(r"(?i:" + _EXPERT_TITLES_RU + r")\s+(?:(?:[а-яё-]+|[А-ЯЁ]{2,})\s+){0,3}?" + _NAME_RU + r"(?![\w-])"),
    re.compile(_NAME_RU + r",\s+(?i:" + _EXPERT_TITLES_RU + r")"),
]

UNKNOWN_OFFICIAL_PATTERNS: list[re.Pattern[str]] = [
    re.compile(
        r"(?i:"
        + _TITLE_WORDS_RU
        + r"\s+){1,6}"
        + _SIDE_RU
        + r"(?:\s+(?:в|во)\s+[А-ЯЁ][а-яё]+)?\s+"
        + _NAME_RU
        + r"(?![\w-])"
    ),
    re.compile(_SIDE_RU + r"\s+(?i:" + _TITLE_WORDS_RU + r"\s+){1,6}" + _NAME_RU + r"(?![\w-])"),
]
