"""Attribution cues in English, Russian and Japanese: reporting verbs, stance verbs and quoting constructions.

Data for `attribution.py`. Each cue has a class that decides how sure we are and what kind of statement it
makes: `speech` (said, заявил, と述べた), `agreement` (agreed, договорились, で合意した: one line per side),
`stance` (believes, считает, と考えている), `intention` (intends to, намерен, 方針), `noun` (Lavrov's statement
that ...), and `source` cues whose speaker follows them (according to X, по словам X, Xによると).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class CueClass:
    name: str
    strength: float  # base confidence that the cue introduces a statement
    speaker_after: bool = False  # the speaker follows the cue ("according to X") rather than precedes it


SPEECH = CueClass("speech", 0.85)
AGREEMENT = CueClass("agreement", 0.8)
STANCE = CueClass("stance", 0.6)
INTENTION = CueClass("intention", 0.55)
NOUN = CueClass("noun", 0.7)
SOURCE = CueClass("source", 0.75, speaker_after=True)
TURN = CueClass("turn", 0.85)  # a speaker-labelled paragraph of a transcript ("Mr. Lavrov: ...")

_EN_CONCERN = (
    r"(?:concern|concerns|hope|hopes|confidence|dissatisfaction|regret|support|readiness|interest|opposition|"
    r"displeasure|gratitude|satisfaction|intention|desire|willingness|doubts?|protest|objections?|"
    r"disappointment|alarm|indignation|bewilderment|solidarity|condolences|appreciation)"
)
_EN_SPEECH = (
    r"said|says|say|stated|states|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|noted|announced|announces|"
    r"declared|declares|told|tells|added|adds|explained|explains|insisted|insists|urged|urges|"
    r"called (?:on|upon|for)|calls (?:on|upon|for)|suggested|suggests|proposed|proposes|offered|protested|"
    r"protests|thanked|thanks|confirmed|confirms|reaffirmed|reaffirms|reiterated|reiterates|warned|warns|"
    r"argued|argue|argues|asserted|asserts|pointed out|points out|underlined|underscored|remarked|replied|claimed|"
    r"refused to|declined to|withdrew from|objected to|emphasi[sz]e|indicate|indicates|admits|repeats|"
    r"concludes|notes|highlights|reports|writes|recalls|reminds|"
    r"responded|answered|criticized|criticised|condemned|denied|denies|rejected|rejects|demanded|demands|"
    r"welcomed|welcomes|promised|promises|pledged|vowed|assured|assures|acknowledged|admitted|summed up|"
    r"announced|voiced|informed|repeatedly said|unambiguously stated|bluntly stated|stated|clarified|"
    r"(?:expressed|expresses|voiced|raised) (?:\w+ ){0,2}" + _EN_CONCERN + r"|"
    r"(?:lodged|filed|made) (?:a |an )?(?:formal |strong |official )?protest|issued (?:a |an )?(?:\w+ )?statement|"
    r"made (?:it )?clear|accused|slammed|denounced|dismissed|stated in|announced in"
)
_EN_AGREEMENT = (
    r"agreed|agree|have agreed|has agreed|had agreed|reached (?:an |a )?(?:agreement|consensus|understanding)|"
    r"concurred|decided|have confirmed"
)
_EN_STANCE = (
    r"believes?|considers?|sees|views|regards|thinks|fears|is convinced|are convinced|is confident|"
    r"is concerned|are concerned|opposes|oppose|supports|stands for|stand for|proceeds from|proceed from|"
    r"is (?:extremely |very |also )?interested in|are (?:extremely |very |also )?interested in|"
    r"(?:is|are) (?:also |still |now |currently )?(?:considering|exploring|studying|counting on|weighing)|"
    r"hopes to|hope to|hopes that|expects|expect|see(?= (?:little|no|a|an|some|growing|room|it|this|that)\b)|"
    r"believe|consider"
)
_EN_INTENTION = (
    r"intends? to|plans to|is planning to|are planning to|is going to|are going to|seeks to|seek to|"
    r"wants to|want to|is ready to|are ready to|will try to|is trying to|are trying to|aims to|aim to|"
    r"is determined to|reiterated (?:his|her|its|their) intention"
)
_EN_NOUN = (
    r"(?:statement|statements|remark|remarks|comment|comments|assurance|assurances|proposal|words|assertion|"
    r"claim|thesis|position|view|warning|demand|call)(?: \w+){0,2} (?:that|to)"
)
_B = r"(?<![\w-])"
_E = r"(?![\w-])"

EN_CUES: list[tuple[re.Pattern[str], CueClass]] = [
    (re.compile(_B + r"(?:" + _EN_SPEECH + r")" + _E), SPEECH),
    (re.compile(_B + r"(?:" + _EN_AGREEMENT + r")" + _E), AGREEMENT),
    (re.compile(_B + r"(?:" + _EN_STANCE + r")" + _E), STANCE),
    (re.compile(_B + r"(?:" + _EN_INTENTION + r")" + _E), INTENTION),
    (re.compile(r"(?:'s|’s|s'|s’) " + _EN_NOUN + _E), NOUN),
    (re.compile(_B + r"(?:the )?(?:statement|remarks?|words|assurance|proposal) (?:by|of)" + _E), SOURCE),
    (
        re.compile(_B + r"(?i:according to|in the (?:mutual )?(?:opinion|view|words) of|as quoted by|citing)" + _E),
        SOURCE,
    ),
    (re.compile(_B + r"(?i:in (?:his|her|their|its) (?:opinion|view|words))" + _E), SPEECH),
    (re.compile(_B + r"(?:quoted|cited) .{1,60}? as saying" + _E), SPEECH),
    (re.compile(_B + r"(?:was|were|is|are|has been) (?:quoted|cited) as saying" + _E), SPEECH),
]

_RU_V = r"(?:а|и|о)?"  # past-tense gender and number endings: заявил, заявила, заявили
_RU_PAST_SPEECH = (
    r"заявил|подчеркнул|отметил|сказал|сообщил|указал|добавил|пояснил|признал|напомнил|призвал|предложил|подтвердил|"
    r"пообещал|настаивал|высказал|заверил|уточнил|констатировал|ответил|возразил|опроверг|"
    r"раскритиковал|осудил|потребовал|протестовал|заявлял|подчеркивал|подчёркивал|отмечал|говорил|"
    r"выразил|высказал|отказал|отверг|приветствовал|предупредил|объявил|назвал|охарактеризовал|выступил с заявлением|"
    r"обратил внимание|обратила внимание|обратили внимание|"
    r"выступила с заявлением|выступили с заявлением"
)
_RU_SPEECH = (
    r"(?:" + _RU_PAST_SPEECH + r")" + _RU_V + r"(?: (?:[а-яё]+ ){0,2}(?:озабоченность|обеспокоенность|надежду|"
    r"уверенность|сожаление|несогласие|протест|поддержку|готовность|заинтересованность|недовольство|"
    r"признательность))?|"
    r"заявляет|заявляют|подчеркивает|подчёркивает|отмечает|отмечают|указывает|настаивает|призывает|предлагает|"
    r"пишет|пишут|сообщает|сообщают|передает|передаёт"
)
_RU_AGREEMENT = r"договорил(?:ся|ась|ись)|согласил(?:ся|ась|ись)|условил(?:ся|ась|ись)|решили|подтвердили"
_RU_STANCE = (
    r"считает|считают|полагает|полагают|уверен[аы]?|убежден[аы]?|убеждён[аы]?|видит|видят|рассматривает|"
    r"выступает за|выступают за|исходит из|исходят из|надеется|надеются|опасается|опасаются|"
    r"рассчитывает|рассчитывают|заинтересован[аы]?"
)
_RU_INTENTION = r"намерен[аы]?|планирует|планируют|собирается|собираются|готов[аы]? |стремится|стремятся"

RU_CUES: list[tuple[re.Pattern[str], CueClass]] = [
    (re.compile(_B + r"(?i:" + _RU_SPEECH + r")" + _E), SPEECH),
    (re.compile(_B + r"(?i:" + _RU_AGREEMENT + r")" + _E), AGREEMENT),
    (re.compile(_B + r"(?i:" + _RU_STANCE + r")" + _E), STANCE),
    (re.compile(_B + r"(?i:" + _RU_INTENTION + r")"), INTENTION),
    (
        re.compile(
            _B
            + r"(?i:по (?:(?:его|ее|её|их) )?(?:словам|мнению|данным|информации|сведениям|оценке|убеждению)|согласно|"
            + r"говорится в (?:заявлении|сообщении|комментарии|документе)|"
            + r"как (?:(?:заявил|отметил|подчеркнул|сообщил|сказал|указал|пояснил|написал)[аио]?|сообщает|сообщают|"
            + r"пишет|пишут|передает|передаёт|отмечает|заявляет|указывает))"
            + _E
        ),
        SOURCE,
    ),
    (re.compile(_B + r"(?i:заявлени[еяю]|слова|высказывани[ея]) [А-ЯЁ]"), NOUN),
]

_JA_SPEECH = (
    r"と(?:述べ|強調し|語っ|指摘し|表明し|明らかにし|話し|説明し|主張し|訴え|批判し|発表し|伝え|応じ|答え|"
    r"言明し|明言し|反論し|抗議し|要求し|要請し|求め|呼びかけ|提案し|確認し|説明|発言し|記者団に語っ|"
    r"述べ|回答し|警告し|懸念を示し|懸念を表明し|期待を示し|期待感を示し|考えを示し|認識を示し|見方を示し|"
    r"意向を示し|立場を示し|立場を強調し|非難し|反発し|訴え|報告し)(?:た|ている|ていた|ました|ています)|"
    r"と(?:語り|言い|話し|述べ|訴え|強調し|指摘し)ました|"
    r"(?:懸念|遺憾|抗議|期待|意欲|考え|認識|見解|方針|意向|立場|姿勢|方向性|反対|支持|不満|関心)を"
    r"(?:改めて|あらためて|重ねて)?(?:表明|示|伝え|強調)(?:した|している|しました)|"
    r"[をも](?:求め|要求し|要請し|批判し|歓迎し|否定し|拒否し|非難し|提案し|確認し|強調し|表明し|主張し|評価し)"
    r"(?:た|ている|ていた|ました|ています)|"
    r"と(?:述べる|語る|強調する|指摘する|訴える)|"
    r"と(?:述べ|強調し|指摘し|語り|説明し|主張し)(?=、)|"
    r"(?:に|へ)(?:抗議|反発|反論)(?:した|しました|している)|"
    r"(?:声明|談話|見解|コメント)を(?:発表|出|公表)(?:した|しました|し)"
)
_JA_AGREEMENT = (
    r"(?:で|と|ことで|ことに)(?:合意|一致|妥結)(?:した|しました|している|しています)|合意した|一致した|合意しました"
)
_JA_STANCE = r"と(?:考えて|見て|みて|認識して|して)(?:いる|います)|との立場(?:だ|である|です)"
_JA_INTENTION = r"(?:方針|意向|考え|予定)(?:だ|である|です|を固めた)"

JA_CUES: list[tuple[re.Pattern[str], CueClass]] = [
    (re.compile(_JA_SPEECH), SPEECH),
    (re.compile(_JA_AGREEMENT), AGREEMENT),
    (re.compile(_JA_STANCE), STANCE),
    (re.compile(_JA_INTENTION), INTENTION),
    (re.compile(r"(?:によると|によれば|によりますと|の話では|の見解では)"), SOURCE),
]

CUES: dict[str, list[tuple[re.Pattern[str], CueClass]]] = {"en": EN_CUES, "ru": RU_CUES, "ja": JA_CUES}

# Sentences that are the author's own framing, whatever verb they contain.
AUTHOR_FRAMES: dict[str, re.Pattern[str]] = {
    "en": re.compile(
        r"^(?:It (?:should|must|is worth|can) (?:be )?not(?:ed|ing)|It is (?:known|believed|obvious|clear|"
        r"curious|noteworthy)|As you know|Obviously|In a word|We |I )"
    ),
    "ru": re.compile(r"^(?:Следует отметить|Стоит отметить|Известно|Как известно|Очевидно|Мы |Я )"),
    "ja": re.compile(r"^(?:周知のとおり|明らかに|私は|我々は)"),
}

# Words before a name that make it an object, not the speaker: "to Kono", "with Lavrov", "by Russia".
OBJECT_PREPOSITIONS: dict[str, re.Pattern[str]] = {
    "en": re.compile(
        r"(?:\b(?:to|with|of|about|against|on|for|from|between|by|in|at|over|towards?|than|into|among|"
        r"under|during|after|before|whom|whose|partner|counterpart|urged|asked|told|called on)\s+(?:the\s+)?)$",
        re.IGNORECASE,
    ),
    "ru": re.compile(
        r"(?:\b(?:с|со|к|ко|о|об|от|для|по|при|у|в|во|на|между|против|за)\s+|"
        r"(?:интервью|беседе|статье|эфире|колонке)\s+(?:[а-яё]+\s+)?«?)$",
        re.IGNORECASE,
    ),
    "ja": re.compile(r"$^"),
}

# Japanese: 「訪問する予定だ」, 「出席する方針」: a schedule, not a position.
SCHEDULE_BEFORE_INTENTION_JA = re.compile(r"(?:訪問|出席|参加|会談|訪れ|訪日|訪露|来日)(?:する|した)?(?:の)?$")

# Intention cues whose content is only a schedule ("plans to attend the forum"): not a statement.
SCHEDULE_AFTER_INTENTION = re.compile(
    r"^\s*(?:to )?(?:attend|visit|travel|hold talks|meet|go to|arrive|participate in|take part in|hold a meeting|"
    r"посетить|провести переговоры|встретиться|принять участие)",
    re.IGNORECASE,
)
