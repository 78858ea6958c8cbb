"""Word lists and patterns for finding speakers in English, Russian and Japanese (data for `speakers.py`).

Kept apart from the matching logic so that a linguist can extend a language without reading the algorithm.
Every pattern here is general vocabulary (pronouns, roles, collectives, "the newspaper"), never a name: names
live in the gazetteer (`resources/actors.json`).
"""

from __future__ import annotations

import re

# Stems that say which side a word belongs to, checked on the folded word with startswith.
SIDE_WORDS = [
    ("russia", "russia"),
    ("soviet", "russia"),
    ("moscow", "russia"),
    ("kremlin", "russia"),
    ("росси", "russia"),
    ("рф", "russia"),
    ("москв", "russia"),
    ("кремл", "russia"),
    ("ロシア", "russia"),
    ("露", "russia"),
    ("japan", "japan"),
    ("tokyo", "japan"),
    ("япони", "japan"),
    ("японск", "japan"),
    ("токи", "japan"),
    ("日本", "japan"),
    ("日", "japan"),
]

# Titles and honorifics written straight after a Japanese name: 河野外相, 安倍首相, ラブロフ氏.
JA_TITLE_SUFFIXES = [
    "外務大臣",
    "総理大臣",
    "防衛大臣",
    "官房長官",
    "外務次官",
    "外務副大臣",
    "副大臣",
    "補佐官",
    "報道官",
    "外相",
    "首相",
    "総理",
    "大統領",
    "防衛相",
    "国防相",
    "長官",
    "次官",
    "大臣",
    "議員",
    "知事",
    "代表",
    "氏",
    "さん",
    "様",
]

_RU_ADJECTIVE_ENDINGS = ("ая", "яя", "ое", "ее", "ый", "ий", "ой", "ые", "ие", "ых", "их", "ую", "юю", "ей", "ом", "ем")


def russian_word_pattern(word: str) -> str:
    """A pattern for a Russian word in any case: strip the ending of the dictionary form, allow any short one."""
    if len(word) <= 3 or not re.fullmatch(r"[А-Яа-яЁё-]+", word):
        return re.escape(word)
    lower = word.lower()
    stem = word
    if lower.endswith(_RU_ADJECTIVE_ENDINGS) and len(word) > 5:
        stem = word[:-2]
    elif lower[-1] in "аяоеыийьу":
        stem = word[:-1]
    if len(stem) < 4:  # "Ивая" must not become "Ива..." and match "Иван": short names only as written
        return "(?i:" + re.escape(word) + ")"
    return "(?i:" + re.escape(stem) + ")[а-яё]{0,3}"


_SIDE_EN = r"(?P<side>Russian|Japanese|Russia's|Japan's|Soviet)"
_SIDE_EN_OF = r"(?P<side>Russia|Japan|the Russian Federation)"
_BOTH_EN = r"(?P<both>Russia and Japan|Japan and Russia)"
_SIDE_RU = r"(?P<side>(?i:росси|япони|российск|японск)[а-яё]*|РФ)"
_SIDE_JA = r"(?P<side>日本|ロシア|露|日)"

_FOREIGN = ("foreign", "minister")
_DEFENSE = ("defen", "minister")
_PM = ("prime", "minister")
_PRESIDENT = ("president",)
_AMBASSADOR_TO_JAPAN = ("ambassador", "japan")
_AMBASSADOR_TO_RUSSIA = ("ambassador", "russia")


def _en(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + pattern + r"(?![\w])")


# (pattern, words a role title must contain, name of the group holding the side or "")
ROLE_PATTERNS: dict[str, list[tuple[re.Pattern[str], tuple[str, ...], str]]] = {
    "en": [
        (_en(_SIDE_EN + r"\s+(?:Foreign Minister|Minister of Foreign Affairs|foreign minister)"), _FOREIGN, "side"),
        (
            _en(r"(?:Foreign Minister|Minister of Foreign Affairs|Minister for Foreign Affairs) of " + _SIDE_EN_OF),
            _FOREIGN,
            "side",
        ),
        (_en(r"(?:Foreign Ministers?|Ministers? of Foreign Affairs) of " + _BOTH_EN), _FOREIGN, ""),
        (_en(_SIDE_EN + r"\s+(?:Defen[cs]e Minister|Minister of Defen[cs]e|defen[cs]e minister)"), _DEFENSE, "side"),
        (_en(r"(?:Defen[cs]e Minister|Minister of Defen[cs]e) of " + _SIDE_EN_OF), _DEFENSE, "side"),
        (_en(r"(?:the )?head of the " + _SIDE_EN + r" Defen[cs]e Ministry"), _DEFENSE, "side"),
        (_en(_SIDE_EN + r"\s+(?:Prime Minister|prime minister|Premier|premier)"), _PM, "side"),
        (_en(r"Prime Minister of " + _SIDE_EN_OF), _PM, "side"),
        (_en(_SIDE_EN + r"\s+(?:President|president)"), _PRESIDENT, "side"),
        (_en(r"President of " + _SIDE_EN_OF), _PRESIDENT, "side"),
        (
            _en(r"(?:the )?(?:Japanese|Japan's) (?:[Aa]mbassador)(?: to Russia)?|Ambassador of Japan(?: to Russia)?"),
            _AMBASSADOR_TO_RUSSIA,
            "=japan",
        ),
        (
            _en(r"(?:the )?(?:Russian|Russia's) (?:[Aa]mbassador)(?: to Japan)?|Ambassador of Russia(?: to Japan)?"),
            _AMBASSADOR_TO_JAPAN,
            "=russia",
        ),
    ],
    "ru": [
        (
            re.compile(r"(?i:министр[а-я]{0,3} иностранных дел|глав[а-я]{0,2} МИД[а-я]{0,2}) " + _SIDE_RU),
            _FOREIGN,
            "side",
        ),
        (re.compile(r"(?i:министр[а-я]{0,3} обороны|глав[а-я]{0,2} Минобороны) " + _SIDE_RU), _DEFENSE, "side"),
        (re.compile(r"(?i:премьер-министр[а-я]{0,3}|премьер[а-я]{0,3}) " + _SIDE_RU), _PM, "side"),
        (re.compile(r"(?i:президент[а-я]{0,3}) " + _SIDE_RU), _PRESIDENT, "side"),
        (re.compile(_SIDE_RU + r" (?i:премьер-министр[а-я]{0,3}|президент[а-я]{0,3})"), _PM, "side"),
        # ambassadors: "посол России в Японии", "посла Японии", "японский посол"
        (
            re.compile(r"(?i:посол|посла|послу|послом|после) (?:России|РФ|Российской Федерации) в Японии"),
            _AMBASSADOR_TO_JAPAN,
            "=russia",
        ),
        (
            re.compile(r"(?i:посол|посла|послу|послом|после) Японии(?: в (?:России|РФ|Москве))?"),
            _AMBASSADOR_TO_RUSSIA,
            "=japan",
        ),
        (re.compile(r"(?<![\w-])(?i:японск[а-я]{1,3} посол[а-я]{0,2})(?![\w-])"), _AMBASSADOR_TO_RUSSIA, "=japan"),
        (re.compile(r"(?<![\w-])(?i:российск[а-я]{1,3} посол[а-я]{0,2})(?![\w-])"), _AMBASSADOR_TO_JAPAN, "=russia"),
    ],
    "ja": [
        (re.compile(r"駐日ロシア大使|駐日大使|ロシアの駐日大使"), _AMBASSADOR_TO_JAPAN, "=russia"),
        # in Japanese news a bare 首相 / 官房長官 is Japan's
        (re.compile(r"(?<![\u3040-\u30ff\u3400-\u9fff])(?:首相|総理)(?=は|も|が|、)"), _PM, "=japan"),
        (
            re.compile(r"(?<![\u3040-\u30ff\u3400-\u9fff])官房長官(?=は|も|が|、)"),
            ("chief", "cabinet", "secretary"),
            "=japan",
        ),
        (re.compile(r"駐ロシア日本大使|駐ロ大使|駐露大使|駐ロシア大使"), _AMBASSADOR_TO_RUSSIA, "=japan"),
        (re.compile(_SIDE_JA + r"の?(?:外相|外務大臣)"), _FOREIGN, "side"),
        (re.compile(_SIDE_JA + r"の?(?:防衛相|防衛大臣|国防相)"), _DEFENSE, "side"),
        (re.compile(_SIDE_JA + r"の?(?:首相|総理大臣|総理)"), _PM, "side"),
        (re.compile(_SIDE_JA + r"の?大統領"), _PRESIDENT, "side"),
    ],
}

_LEADERS = "president|prime+minister"
_FOREIGN_MINISTERS = "foreign+minister"

# (pattern, what each side contributes: "delegation", "state", or role words joined by "+", alternatives by "|")
COLLECTIVE_PATTERNS: dict[str, list[tuple[re.Pattern[str], str]]] = {
    "en": [
        (_en(r"(?i:(?:the|both|the two) (?:sides|parties|delegations))"), "delegation"),
        (_en(r"(?i:the (?:Russian and Japanese|Japanese and Russian) (?:sides|delegations))"), "delegation"),
        (
            _en(
                r"(?i:(?:the )?(?:negotiators|officials|representatives|diplomats|delegates|delegations) "
                r"(?:from|of) (?:both|the two) (?:countries|sides|governments|nations))"
            ),
            "delegation",
        ),
        (_en(r"(?i:(?:both|the two) governments|the governments of (?:both|the two) countries)"), "state"),
        (_en(r"(?i:the two (?:countries|nations|neighbou?rs)|both (?:countries|nations))"), "state"),
        (_en(r"(?i:the (?:two )?leaders(?: of (?:the two|our|both) countries)?|both leaders)"), _LEADERS),
        (_en(r"(?i:the (?:two )?(?:foreign )?ministers|both (?:foreign )?ministers)"), _FOREIGN_MINISTERS),
    ],
    "ru": [
        (
            re.compile(
                r"(?<![\w-])(?i:обе стороны|делегации|стороны(?=\s+(?:договорились|согласились|условились|"
                r"подтвердили|заявили|выразили|отметили|подчеркнули|решили)))"
            ),
            "delegation",
        ),
        (re.compile(r"(?<![\w-])(?i:(?:российская и японская|японская и российская) стороны)"), "delegation"),
        (re.compile(r"(?<![\w-])(?i:лидеры (?:двух |обеих |наших )?(?:стран|государств))"), _LEADERS),
        (
            # "главы МИД" is also the genitive of one minister ("по словам главы МИД России"): plural only bare
            re.compile(
                r"(?<![\w-])(?i:министры иностранных дел|главы МИД(?!\s+(?:[А-ЯЁ]|РФ))|министры|оба министра)(?![\w-])"
            ),
            _FOREIGN_MINISTERS,
        ),
    ],
    "ja": [
        (re.compile(r"双方|両者|両代表団"), "delegation"),
        (re.compile(r"日露両国政府|日ロ両国政府|日露両国|日ロ両国|両国政府|日露両政府|日ロ両政府|両政府"), "state"),
        (re.compile(r"両首脳|日露首脳|日ロ首脳"), _LEADERS),
        (re.compile(r"両外相"), _FOREIGN_MINISTERS),
    ],
}

_NOT_SERVICE = r"(?!\s+(?:service|secretary|conference|release|officer|office|briefing)s?\b)"
_EXPERT_EN = (
    r"(?:experts?|analysts?|political scientists?|observers|commentators|scholars|specialists|researchers|pundits)"
)
_MEDIA_EN = r"(?:media(?: reports)?|press|publications?|newspapers?|agency|agencies|daily|outlets?|news agency|weekly)"
_ADJ_EN = (
    r"(?:(?:Japanese|Russian|Western|American|Chinese|foreign|independent|local|leading|some|many|other|these|"
    r"those|the|this|that|very|same|business|economic|central|regional|largest|aforementioned|right-wing|liberal|"
    r"conservative|nationalist)\s+){0,4}"
)

GENERIC_MEDIA_PATTERNS: dict[str, list[tuple[re.Pattern[str], str]]] = {
    "en": [
        (_en(r"(?i:" + _ADJ_EN + _EXPERT_EN + r")"), "expert"),
        (_en(r"(?i:" + _ADJ_EN + _MEDIA_EN + r")" + _NOT_SERVICE), "media"),
    ],
    "ru": [
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
    ],
    "ja": [
        (re.compile(r"(?:日本の|ロシアの)?(?:専門家|識者|アナリスト|研究者|有識者|評論家|研究員)"), "expert"),
        (re.compile(r"(?:日本の|ロシアの)?(?:メディア|新聞|通信社|報道|紙)(?!官)"), "media"),
    ],
}

_RU_MINISTER_WORD = r"(?i:министр[а-я]{0,2}|глав[а-я]{1,2} МИД)(?! (?:[а-я]+ )?дел|обороны)"
# (pattern, what the reference needs: male, female, plural, thing, minister, person, media; "minister:japan" is a
# minister of that side, "pair" the last two people named)
PRONOUN_PATTERNS: dict[str, list[tuple[re.Pattern[str], str]]] = {
    "en": [
        (re.compile(r"\b(?:[Hh]e|[Hh]is|[Hh]im)\b"), "male"),
        (re.compile(r"\b(?:[Ss]he|[Hh]er)\b"), "female"),
        (re.compile(r"\b[Tt]hey\b"), "plural"),
        (
            re.compile(
                r"^It\b(?! (?:is|was|should|would|must|seems|seemed|will|can|could|may|might|has been|had been|"
                r"remains|appears)\b)|^It(?= (?:is|was) (?:also |still |now )?\w+ing\b)"
            ),
            "thing",
        ),
        (re.compile(r"\b[Tt]he [Mm]inister\b(?! of)"), "minister"),
        (re.compile(r"\b[Tt]he (?:[Mm]inistry|[Aa]gency|[Ee]mbassy)\b(?! of)"), "body"),
        (re.compile(r"\b[Tt]he government\b(?! of)"), "state"),
        (re.compile(r"\b[Tt]he (?:senator|lawmaker|diplomat|spokes(?:man|woman|person)|ambassador|envoy)\b"), "person"),
        (re.compile(r"\b[Tt]he Japanese (?:[Ff]oreign )?[Mm]inister\b(?! of)"), "minister:japan"),
        (re.compile(r"\b[Tt]he Russian (?:[Ff]oreign )?[Mm]inister\b(?! of)"), "minister:russia"),
        (re.compile(r"\b(?:[Tt]he two|[Bb]oth) (?:men|women|officials|politicians|diplomats)\b"), "pair"),
        (
            re.compile(r"\b(?:its|their) (?:officials|representatives|government|leadership|authorities|diplomats)\b"),
            "state",
        ),
    ],
    "ru": [
        (re.compile(r"(?<![\w-])(?i:он|его|ему|нему|него|ним|нем|нём)(?![\w-])"), "male"),
        (re.compile(r"(?<![\w-])(?i:она|ее|её|ей|нее|неё|ней)(?![\w-])"), "female"),
        (re.compile(r"(?<![\w-])(?i:они|их|им|ними)(?![\w-])"), "plural"),
        (re.compile(r"(?<![\w-])(?i:министр|глава МИД|глава ведомства)(?![\w-])"), "minister"),
        (
            re.compile(
                r"(?<![\w-])(?i:сенатор|депутат|дипломат|парламентари|пресс-секретар|спикер)[а-я]{0,3}(?![\w-])"
            ),
            "person",
        ),
        # "японский министр", "российского министра": the last minister of that side
        (re.compile(r"(?<![\w-])(?i:японск[а-я]{1,3}) " + _RU_MINISTER_WORD), "minister:japan"),
        (re.compile(r"(?<![\w-])(?i:российск[а-я]{1,3}) " + _RU_MINISTER_WORD), "minister:russia"),
    ],
    "ja": [
        (re.compile(r"同氏|彼(?!女)"), "male"),
        (re.compile(r"彼女"), "female"),
        (re.compile(r"同外相|同相|同大臣"), "minister"),
        (re.compile(r"両氏"), "pair"),
    ],
}

_TITLE_WORDS_EN = (
    r"(?:Deputy|Vice|First|Senior|Chief|Cabinet|Foreign|Defen[cs]e|Prime|Economy|Trade|Industry|Minister|"
    r"Ministry|Secretary|Spokes(?:man|woman|person)|spokes(?:man|woman|person)|Ambassador|ambassador|Governor|"
    r"Press|Director|General|Lieutenant|Colonel|Admiral|Official|official|Envoy|Presidential|presidential|Aide|"
    r"aide|Parliamentary|Vice-Minister|Director-General|Counsellor|Consul|diplomat|Diplomat|lawmaker|Senator|"
    r"Chairman|Speaker|of|for|Affairs|the|Foreign Ministry|MFA|MOFA|Kremlin|Defense Ministry)"
)
_NAME_EN = r"(?P<name>[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?(?:\s+[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?){1,2})"
_TITLE_WORDS_RU = (
    r"(?:заместител[а-я]*|замминистра|министр[а-я]*|глав[а-я]*|посол|посла|послом|официальн[а-я]+|представител[а-я]*|"
    r"пресс-секретар[а-я]*|директор[а-я]*|департамент[а-я]*|иностранных|дел|обороны|МИД|Минобороны|помощник[а-я]*|"
    r"президента|советник[а-я]*|губернатор[а-я]*|генерал[а-я]*|первый|первого|спикер[а-я]*|председател[а-я]*)"
)
_NAME_RU = r"(?P<name>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?)"

# A side-marked title followed by a name the gazetteer does not know ("Japanese Deputy Chief Cabinet Secretary
# Seiji Kihara"): an official of that side, named as written.
_EXPERT_TITLES_EN = (
    r"(?:analyst|expert|scholar|professor|researcher|fellow|political scientist|commentator|historian|specialist|"
    r"economist|Japanologist|Russia watcher|observer)"
)
_EXPERT_TITLES_RU = (
    r"(?:политолог|эксперт|востоковед|японовед|японист|аналитик|профессор|исследовател|историк|экономист|"
    r"научный сотрудник|специалист)[а-я]{0,3}"
)
# A named analyst the gazetteer does not know ("James Harlow, a Russia analyst", "политолог Олег Кузнецов"): an
# expert, never a side, and a person that "he" / "он" can refer to afterwards.
UNKNOWN_EXPERT_PATTERNS: dict[str, list[re.Pattern[str]]] = {
    "en": [
        re.compile(_NAME_EN + r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,6}?" + _EXPERT_TITLES_EN + r"\b"),
        re.compile(
            r"(?i:" + _EXPERT_TITLES_EN + r")\s+(?:at|of|from)\s+(?:[\w'’-]+\s+){1,5}?" + _NAME_EN + r"(?![\w])"
        ),
        re.compile(r"(?i:" + _EXPERT_TITLES_EN + r")\s+" + _NAME_EN + r"(?![\w])"),
    ],
    "ru": [
        re.compile(
            r"(?i:директор[а-я]{0,2}|руководител[а-я]{0,2}|сотрудни[а-я]{1,3}|заведующ[а-я]{1,3}|президент[а-я]{0,2})\s+"
            r"(?:[а-яё]+\s+){0,2}(?i:центр|институт|университет|фонд|клуб|совет[а-я]{0,2} по|школ|кафедр|отдел)"
            r"[а-я]{0,3}"
            r"\s+(?:(?:[а-яё-]+|[А-ЯЁ]{2,})\s+){0,4}?" + _NAME_RU + r"(?![\w-])"
        ),
        re.compile(r"(?i:" + _EXPERT_TITLES_RU + r")\s+(?:(?:[а-яё-]+|[А-ЯЁ]{2,})\s+){0,3}?" + _NAME_RU + r"(?![\w-])"),
        re.compile(_NAME_RU + r",\s+(?i:" + _EXPERT_TITLES_RU + r")"),
    ],
    "ja": [],
}

UNKNOWN_OFFICIAL_PATTERNS: dict[str, list[re.Pattern[str]]] = {
    "en": [
        re.compile(_SIDE_EN + r"\s+(?:" + _TITLE_WORDS_EN + r"\s+){1,6}" + _NAME_EN + r"(?![\w])"),
        re.compile(r"(?:" + _TITLE_WORDS_EN + r"\s+){1,6}(?:of\s+)?" + _SIDE_EN_OF + r",?\s+" + _NAME_EN + r"(?![\w])"),
    ],
    "ru": [
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
    ],
    "ja": [],
}
