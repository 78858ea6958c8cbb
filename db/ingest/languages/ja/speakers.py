"""Japanese speaker vocabulary: titles after names (河野外相), roles (駐日ロシア大使), collectives (両首脳), unnamed
media and experts (専門家), back-references (同氏, 両氏)."""

from __future__ import annotations

import re

from db.ingest.languages.roles import (
    AMBASSADOR_TO_JAPAN,
    AMBASSADOR_TO_RUSSIA,
    DEFENSE,
    FAR_EAST,
    FOREIGN,
    FOREIGN_MINISTERS,
    KREMLIN_PRESS_SECRETARY,
    LEADERS,
    MFA_SPOKESPERSON,
    PM,
    PRESIDENT,
)

_SIDE_JA = r"(?P<side>日本|ロシア|露|日)"

ROLE_PATTERNS: list[tuple[re.Pattern[str], tuple[str, ...], str]] = [
    (re.compile(r"駐日ロシア大使|駐日大使|ロシアの駐日大使"), AMBASSADOR_TO_JAPAN, "=russia"),
    # in Japanese news a bare 首相 / 官房長官 is Japan's
    (re.compile(r"(?<![\u3040-\u30ff\u3400-\u9fff])(?:首相|総理)(?=は|も|が|、)"), PM, "=japan"),
    (
        re.compile(r"(?<![\u3040-\u30ff\u3400-\u9fff])官房長官(?=は|も|が|、)"),
        ("chief", "cabinet", "secretary"),
        "=japan",
    ),
    (re.compile(r"駐ロシア日本大使|駐ロ大使|駐露大使|駐ロシア大使"), AMBASSADOR_TO_RUSSIA, "=japan"),
    (re.compile(_SIDE_JA + r"の?(?:外相|外務大臣)"), FOREIGN, "side"),
    (re.compile(_SIDE_JA + r"の?(?:防衛相|防衛大臣|国防相)"), DEFENSE, "side"),
    (re.compile(_SIDE_JA + r"の?(?:首相|総理大臣|総理)"), PM, "side"),
    (re.compile(_SIDE_JA + r"の?大統領"), PRESIDENT, "side"),
    (re.compile(r"(?:ロシアの|露)?極東(?:発展|開発)相"), FAR_EAST, "=russia"),
    (re.compile(r"(?:ロシアの|露)?大統領報道官"), KREMLIN_PRESS_SECRETARY, "=russia"),
    (re.compile(r"(?:ロシア|露)(?:外務省)?報道官"), MFA_SPOKESPERSON, "=russia"),
]

COLLECTIVE_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"双方|両者|両代表団"), "delegation"),
    (re.compile(r"日露両国政府|日ロ両国政府|日露両国|日ロ両国|両国政府|日露両政府|日ロ両政府|両政府"), "state"),
    (re.compile(r"両首脳|両国首脳|両国の首脳|日露首脳|日ロ首脳"), LEADERS),
    (re.compile(r"両外相"), FOREIGN_MINISTERS),
]

GENERIC_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?:日本の|ロシアの)?(?:専門家|識者|アナリスト|研究者|有識者|評論家|研究員)"), "expert"),
    (re.compile(r"(?:日本の|ロシアの)?(?:メディア|新聞|通信社|報道|紙)(?!官)"), "media"),
]

PRONOUN_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"同氏|彼(?!女)"), "male"),
    (re.compile(r"彼女"), "female"),
    (re.compile(r"同外相|同相|同大臣"), "minister"),
    (re.compile(r"同大使"), "ambassador"),
    (re.compile(r"両氏"), "pair"),
]


# A name in kanji before a title of a ministry the gazetteer may not list (森健良外務事務次官, 船越健裕欧州局長): an
# official of Japan, by the script of the name.
UNKNOWN_OFFICIAL_PATTERNS: list[re.Pattern[str]] = [
    re.compile(
        r"(?<![\u4e00-\u9fff])(?P<name>[\u4e00-\u9fff]{3,5}?)"
        r"(?:外務事務次官|事務次官|外務審議官|外務副大臣|外務大臣政務官|欧州局長|官房副長官|総領事|外務報道官)"
    ),
]
