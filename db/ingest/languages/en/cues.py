"""English cues: reporting verbs ("said", "urged"), agreement, stance and intention verbs, "according to X"."""

from __future__ import annotations

import re

from db.ingest.cues import AGREEMENT, INTENTION, NOUN, SOURCE, SPEECH, STANCE, CueClass
from db.ingest.languages import lexicon

_LEXICON = "cues.json"
_IRREGULAR: dict[str, list[str]] = lexicon.table("en", _LEXICON, "irregular")
_BASE_FORM_CUES = frozenset(lexicon.words("en", _LEXICON, "base_form_is_a_cue"))


def verb_forms(phrase: str) -> list[str]:
    """The finite forms of a verb phrase's verb, the rest of the phrase kept: "call on" -> calls on, called on
    (and call on, when its base form is listed as a cue). Regular English endings, and the irregular forms of the
    lexicon (say -> said)."""
    verb, _, rest = phrase.partition(" ")
    forms = set(_IRREGULAR.get(verb, []))
    if phrase in _BASE_FORM_CUES:
        forms.add(verb)
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(verb + "es")
    elif verb.endswith("y") and verb[-2:-1] not in "aeiou":
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    else:
        forms.add(verb + "s")
    regular_past = verb not in _IRREGULAR or all(f.endswith("ed") or f.endswith("s") for f in _IRREGULAR[verb])
    if regular_past and (not verb.endswith("y") or verb[-2:-1] in "aeiou"):
        forms.add((verb[:-1] if verb.endswith("e") else verb) + "ed")
    return [f"{form} {rest}".strip() for form in sorted(forms, key=len, reverse=True)]


def participle(phrase: str) -> str:
    """ "add that" -> "adding that": the form of ", adding that ..." after a statement."""
    verb, _, rest = phrase.partition(" ")
    stem = verb[:-1] if verb.endswith("e") and not verb.endswith("ee") else verb
    return f"{stem}ing {rest}".strip()


def _alternatives(key: str) -> str:
    return "|".join(re.escape(form) for phrase in lexicon.words("en", _LEXICON, key) for form in verb_forms(phrase))


_EN_CONCERN = "(?:" + "|".join(lexicon.words("en", _LEXICON, "concern_nouns")) + ")"
_EN_SPEECH = (
    _alternatives("speech_verbs") + r"|repeatedly said|unambiguously stated|bluntly stated|"
    r"(?:expressed|expresses|expressing|voiced|raised) (?:\w+ ){0,2}" + _EN_CONCERN + r"|"
    r"(?:lodged|filed|made) (?:a |an )?(?:formal |strong |official )?protest|issued (?:a |an )?(?:\w+ )?statement|"
    r"made (?:it )?clear"
)
_PARTICIPLES = "|".join(re.escape(participle(p)) for p in lexicon.words("en", _LEXICON, "speech_verbs"))
_EN_AGREEMENT = (
    _alternatives("agreement_verbs") + r"|reached (?:an |a )?(?:agreement|consensus|understanding)|have confirmed"
)
_EN_STANCE = (
    _alternatives("stance_verbs") + r"|is convinced|are convinced|is confident|is concerned|are concerned|"
    r"(?:is|are) (?:extremely |very |also )?interested in|"
    r"(?:is|are) (?:also |still |now |currently )?(?:considering|exploring|studying|counting on|weighing)|"
    r"hopes? (?:to|that)"
)
_EN_INTENTION = (
    _alternatives("intention_verbs") + r"|is planning to|are planning to|is going to|are going to|"
    r"is ready to|are ready to|will try to|is trying to|are trying to|is determined to|"
    r"reiterated (?:his|her|its|their) intention"
)
_EN_NOUN = (
    r"(?:statement|statements|remark|remarks|comment|comments|assurance|assurances|proposal|words|assertion|"
    r"claim|thesis|position|view|warning|demand|call)(?: \w+){0,2} (?:that|to)"
)
_B = r"(?<![\w-])"
_E = r"(?![\w-])"

CUES: list[tuple[re.Pattern[str], CueClass]] = [
    (re.compile(_B + r"(?:" + _EN_SPEECH + r")" + _E), SPEECH),
    (re.compile(r"(?<=, )(?:" + _PARTICIPLES + r")" + _E), SPEECH),  # "…, adding that …", "…, urging Tokyo to …"
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
