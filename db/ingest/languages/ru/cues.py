"""Russian cues: reporting verbs in every form, found by their dictionary form (`morphology.py`), and the fixed
phrases that introduce a source ("по словам X", "как заявил X", "говорится в заявлении").

A verb of the lexicon (`resources/languages/ru/cues.json`) is a cue in any person, tense, aspect or gender, and as
a gerund ("добавив, что", "призвав стороны"): заявить covers заявил, заявила, заявили, заявляет, заявив. Phrases
whose meaning is not in a single verb ("выразил озабоченность", "выступил с заявлением", "обратил внимание")
are patterns.
"""

from __future__ import annotations

import re

from db.ingest.cues import AGREEMENT, INTENTION, NOUN, SOURCE, SPEECH, STANCE, Cue, CueClass
from db.ingest.languages import lexicon
from db.ingest.languages.ru.morphology import lemmas

_B = r"(?<![\w-])"
_E = r"(?![\w-])"
_VERB_FORMS = frozenset({"VERB", "GRND", "PRTS"})  # not the infinitive: "Токио должен признать"
_ADJECTIVES = frozenset({"ADJS", "ADJF", "PRTS"})
_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)?")

_LEXICON: list[tuple[frozenset[str], frozenset[str], CueClass]] = [
    (frozenset(lexicon.words("ru", "cues.json", "speech_verbs")), _VERB_FORMS, SPEECH),
    (frozenset(lexicon.words("ru", "cues.json", "agreement_verbs")), _VERB_FORMS, AGREEMENT),
    (frozenset(lexicon.words("ru", "cues.json", "stance_verbs")), _VERB_FORMS, STANCE),
    (frozenset(lexicon.words("ru", "cues.json", "stance_adjectives")), _ADJECTIVES, STANCE),
    (frozenset(lexicon.words("ru", "cues.json", "intention_words")), _VERB_FORMS | _ADJECTIVES, INTENTION),
]
_POSITION = (
    r"(?:озабоченность|обеспокоенность|надежду|уверенность|сожаление|несогласие|протест|поддержку|готовность|"
    r"заинтересованность|недовольство|признательность|позицию|мнение|намерение)"
)
_PHRASES: list[tuple[re.Pattern[str], CueClass]] = [
    (re.compile(_B + r"(?i:выразил[аи]?|высказал[аи]?|заявил[аи]?)\s+(?:[а-яё]+\s+){0,2}" + _POSITION + _E), SPEECH),
    (
        re.compile(
            _B + r"(?i:выступил[аи]?\s+с\s+(?:заявлением|предложением|инициативой)|обратил[аи]?\s+внимание)" + _E
        ),
        SPEECH,
    ),  # fmt: skip
    (re.compile(_B + r"(?i:с (?:таким|этим|подобным) заявлением выступил[аи]?)" + _E), SPEECH),
    (re.compile(_B + r"(?i:достигл[аи]?\s+(?:договоренност|договорённост|соглашени|согласи)[а-я]*)"), AGREEMENT),
    (re.compile(_B + r"(?i:выступа(?:ет|ют)\s+за|исход(?:ит|ят)\s+из)" + _E), STANCE),
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


def find_cues(text: str, start: int, end: int) -> list[Cue]:
    """Cues in text[start:end] (one sentence), as (start, end, class)."""
    found: list[Cue] = []
    for pattern, cue_class in _PHRASES:
        for match in pattern.finditer(text, start, end):
            found.append((match.start(), match.end(), cue_class))
    for word in _WORD.finditer(text, start, end):
        verb_class = _verb_class(word.group(0))
        if verb_class is not None:
            found.append((word.start(), word.end(), verb_class))
    return found


def _verb_class(word: str) -> CueClass | None:
    for words, forms, cue_class in _LEXICON:
        if lemmas(word, forms) & words:
            return cue_class
    return None
