"""English cues: reporting verbs ("said", "urged"), agreement, stance and intention verbs, "according to X"."""

from __future__ import annotations

import re

from db.ingest.cues import AGREEMENT, INTENTION, NOUN, SOURCE, SPEECH, STANCE, CueClass

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

CUES: list[tuple[re.Pattern[str], CueClass]] = [
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
