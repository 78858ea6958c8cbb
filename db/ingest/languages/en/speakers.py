"""English speaker vocabulary: roles ("Japanese Foreign Minister"), collectives ("both sides"), unnamed media and
experts, pronouns and back-references ("the minister"), officials and analysts the gazetteer does not know."""

from __future__ import annotations

import re

from db.ingest.languages.roles import (
    AMBASSADOR_TO_JAPAN,
    AMBASSADOR_TO_RUSSIA,
    CHIEF_CABINET_SECRETARY,
    DEFENSE,
    FOREIGN,
    FOREIGN_MINISTERS,
    KREMLIN_PRESS_SECRETARY,
    LEADERS,
    PM,
    PRESIDENT,
)

_SIDE_EN = r"(?P<side>Russian|Japanese|Russia's|Japan's|Soviet)"
_SIDE_EN_OF = r"(?P<side>Russia|Japan|the Russian Federation)"
_BOTH_EN = r"(?P<both>Russia and Japan|Japan and Russia)"


def _en(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + pattern + r"(?![\w])")


# (pattern, words a role title must contain, name of the group holding the side or "")
ROLE_PATTERNS: list[tuple[re.Pattern[str], tuple[str, ...], str]] = [
    (  # "the Japanese chief cabinet secretary", "Japan's top government spokesman"
        _en(
            r"(?:the )?(?:Japanese |Japan's )?"
            r"(?:[Cc]hief [Cc]abinet [Ss]ecretary|top government spokes(?:man|woman|person))"
        ),
        CHIEF_CABINET_SECRETARY,
        "=japan",
    ),
    (
        _en(
            r"(?:the )?(?:Kremlin(?:'s)? (?:spokes(?:man|person|woman)|press secretary)"
            r"|Russian presidential spokes(?:man|person))"
        ),
        KREMLIN_PRESS_SECRETARY,
        "=russia",
    ),
    (
        _en(_SIDE_EN + r"\s+(?:Foreign Minister|Minister of Foreign Affairs|foreign minister|top diplomat)"),
        FOREIGN,
        "side",
    ),
    (
        _en(r"(?:Foreign Minister|Minister of Foreign Affairs|Minister for Foreign Affairs) of " + _SIDE_EN_OF),
        FOREIGN,
        "side",
    ),
    (_en(r"(?:Foreign Ministers?|Ministers? of Foreign Affairs) of " + _BOTH_EN), FOREIGN, ""),
    (_en(_SIDE_EN + r"\s+(?:Defen[cs]e Minister|Minister of Defen[cs]e|defen[cs]e minister)"), DEFENSE, "side"),
    (_en(r"(?:Defen[cs]e Minister|Minister of Defen[cs]e) of " + _SIDE_EN_OF), DEFENSE, "side"),
    (_en(r"(?:the )?head of the " + _SIDE_EN + r" Defen[cs]e Ministry"), DEFENSE, "side"),
    (_en(_SIDE_EN + r"\s+(?:Prime Minister|prime minister|Premier|premier)"), PM, "side"),
    (_en(r"Prime Minister of " + _SIDE_EN_OF), PM, "side"),
    (_en(_SIDE_EN + r"\s+(?:President|president)"), PRESIDENT, "side"),
    (_en(r"President of " + _SIDE_EN_OF), PRESIDENT, "side"),
    (
        _en(r"(?:the )?(?:Japanese|Japan's) (?:[Aa]mbassador)(?: to Russia)?|Ambassador of Japan(?: to Russia)?"),
        AMBASSADOR_TO_RUSSIA,
        "=japan",
    ),
    (
        _en(r"(?:the )?(?:Russian|Russia's) (?:[Aa]mbassador)(?: to Japan)?|Ambassador of Russia(?: to Japan)?"),
        AMBASSADOR_TO_JAPAN,
        "=russia",
    ),
]

COLLECTIVE_PATTERNS: list[tuple[re.Pattern[str], str]] = [
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
    (_en(r"(?i:the (?:two )?leaders(?: of (?:the two|our|both) countries)?|both leaders)"), LEADERS),
    (_en(r"(?i:the (?:two )?(?:foreign )?ministers|both (?:foreign )?ministers)"), FOREIGN_MINISTERS),
]

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

GENERIC_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (_en(r"(?i:" + _ADJ_EN + _EXPERT_EN + r")"), "expert"),
    (_en(r"(?i:" + _ADJ_EN + _MEDIA_EN + r")" + _NOT_SERVICE), "media"),
]

PRONOUN_PATTERNS: list[tuple[re.Pattern[str], str]] = [
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
    (re.compile(r"\b[Tt]he (?:[Pp]rime [Mm]inister|[Pp]remier)\b(?! of)"), "prime_minister"),
    (re.compile(r"\b[Tt]he [Pp]resident\b(?! of)"), "president"),
    (re.compile(r"\b[Tt]he (?:[Mm]inistry|[Aa]gency|[Ee]mbassy)\b(?! of)"), "body"),
    (re.compile(r"\b[Tt]he government\b(?! of)"), "state"),
    (
        re.compile(r"\b[Tt]he (?:senator|lawmaker|politician|diplomat|spokes(?:man|woman|person)|envoy)\b"),
        "person",
    ),
    (re.compile(r"\b[Tt]he (?:Russian|Japanese) (?:envoy|ambassador)\b"), "ambassador"),
    (re.compile(r"\b[Tt]he ambassador\b"), "ambassador"),
    (re.compile(r"\b[Tt]he Japanese (?:[Ff]oreign )?[Mm]inister\b(?! of)"), "minister:japan"),
    (re.compile(r"\b[Tt]he Russian (?:[Ff]oreign )?[Mm]inister\b(?! of)"), "minister:russia"),
    (re.compile(r"\b(?:[Tt]he two|[Bb]oth) (?:men|women|officials|politicians|diplomats)\b"), "pair"),
    (
        re.compile(r"\b(?:its|their) (?:officials|representatives|government|leadership|authorities|diplomats)\b"),
        "state",
    ),
]

_TITLE_WORDS_EN = (
    r"(?:Deputy|Vice|First|Senior|Chief|Cabinet|Foreign|Defen[cs]e|Prime|Economy|Trade|Industry|Minister|"
    r"Ministry|Secretary|Spokes(?:man|woman|person)|spokes(?:man|woman|person)|Ambassador|ambassador|Governor|"
    r"Press|Director|General|Lieutenant|Colonel|Admiral|Official|official|Envoy|Presidential|presidential|Aide|"
    r"aide|Parliamentary|Vice-Minister|Director-General|Counsellor|Consul|diplomat|Diplomat|lawmaker|Senator|"
    r"Chairman|Speaker|of|for|Affairs|the|Foreign Ministry|MFA|MOFA|Kremlin|Defense Ministry)"
)
_NAME_EN = r"(?P<name>[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?(?:\s+[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?){1,2})"
# A side-marked title followed by a name the gazetteer does not know ("Japanese Deputy Chief Cabinet Secretary
# Seiji Kihara"): an official of that side, named as written.
_EXPERT_TITLES_EN = (
    r"(?:analyst|expert|scholar|professor|researcher|fellow|political scientist|commentator|historian|specialist|"
    r"economist|Japanologist|Russia watcher|observer)"
)
UNKNOWN_EXPERT_PATTERNS: list[re.Pattern[str]] = [
    re.compile(_NAME_EN + r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,6}?" + _EXPERT_TITLES_EN + r"\b"),
    re.compile(r"(?i:" + _EXPERT_TITLES_EN + r")\s+(?:at|of|from)\s+(?:[\w'’-]+\s+){1,5}?" + _NAME_EN + r"(?![\w])"),
    re.compile(r"(?i:" + _EXPERT_TITLES_EN + r")\s+" + _NAME_EN + r"(?![\w])"),
]

UNKNOWN_OFFICIAL_PATTERNS: list[re.Pattern[str]] = [
    re.compile(_SIDE_EN + r"\s+(?:" + _TITLE_WORDS_EN + r"\s+){1,6}" + _NAME_EN + r"(?![\w])"),
    re.compile(r"(?:" + _TITLE_WORDS_EN + r"\s+){1,6}(?:of\s+)?" + _SIDE_EN_OF + r",?\s+" + _NAME_EN + r"(?![\w])"),
]
