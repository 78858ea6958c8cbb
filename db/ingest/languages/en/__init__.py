"""English: wires, ministry transcripts and analysis in English (including translations from Russian and Japanese).

Statements are introduced by reporting verbs before or after the speaker ("Lavrov said", "..., said Lavrov"),
by "according to X", and by labelled turns in transcripts. Cues are a lexicon of patterns (`cues.py`).
"""

from __future__ import annotations

import re

from db.ingest.cues import regex_cues
from db.ingest.languages import lexicon
from db.ingest.languages.en import cues, dates, speakers
from db.ingest.languages.pack import LanguagePack

_CONTINUATION = re.compile(  # "…," he said, adding that …: a second statement of the same speaker
    r"(?:adding|noting|stressing|emphasi[sz]ing|underlining|pointing out|calling|urging|warning)\b"
)

PACK = LanguagePack(
    code="en",
    name="English",
    script=re.compile(r"[A-Za-z]"),
    find_cues=regex_cues(cues.CUES),
    author_frame=re.compile(
        r"^(?:It (?:should|must|is worth|can) (?:be )?not(?:ed|ing)|It is (?:known|believed|obvious|clear|"
        r"curious|noteworthy)|As you know|Obviously|In a word|We |I )"
    ),
    schedule_after_intention=re.compile(
        r"^\s*(?:to )?(?:attend|visit|travel|hold talks|meet|go to|arrive|participate in|take part in|"
        r"hold a meeting)",
        re.IGNORECASE,
    ),
    declined_comment=re.compile(
        r"\s*(?:to\s+)?comment|\s+(?:a|the|\w+'s)?\s*questions?\b(?![^.]*(?:\bthat\b|:))", re.IGNORECASE
    ),
    adjective_before=re.compile(r"\b(?:the|this|that|a|an)\s+$", re.IGNORECASE),  # "the said meeting"
    relayed_by=re.compile(r"(?:quoted|cited) by\b"),  # "was quoted by RIA as saying": RIA only carries the words
    speaker_inside_cue=re.compile(r"(?i:in |quoted|cited)"),  # "in his opinion", "quoted Lavrov as saying"
    relative_clause=re.compile(r",\s*where\b[^,]*$", re.IGNORECASE),
    clause_break=re.compile(r"\b(?:that|whether|because|although|while|but|however)\b|[;:]", re.IGNORECASE),
    object_before=re.compile(
        r"(?:\b(?:to|with|of|about|against|on|for|from|between|by|in|at|over|towards?|than|into|among|"
        r"under|during|after|before|whom|whose|partner|counterpart|urged|asked|told|called on)\s+(?:the\s+)?)$",
        re.IGNORECASE,
    ),
    phrase_preposition=re.compile(
        r"^\s*(?:in|at|with|during|after|before|for|from|to|on|about|under|between|by)\b", re.IGNORECASE
    ),
    spokesman_of=re.compile(
        r"\b(?:representatives?|spokes(?:man|woman|person)|officials?|head|chief|sources? in|members?|press service|"
        r"press secretary|delegation|ambassador) (?:of|from|in) (?:the )?$",
        re.IGNORECASE,
    ),
    partner_after=re.compile(r"^\s+with\s+(?:the\s+|his\s+|her\s+|its\s+)?(?:\w+\s+){0,2}$"),
    coordination=re.compile(  # "Kono and his Russian counterpart Lavrov"
        r"^\s*,?\s*and(?:\s+(?:his|her|their|its|the)\s+(?:[A-Za-z-]+\s+){0,2}(?:counterpart|colleague|"
        r"partner|opposite number))?\s*$"
    ),
    by_agent=re.compile(r"^\s+by\s+$"),
    complementizer=re.compile(r"\bthat\b", re.IGNORECASE),
    passive_before=re.compile(r"\b(?:was|were|is|are|been|be|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE),
    impersonal_passive=re.compile(r"\bit\s+(?:was|has been|had been)\s+$", re.IGNORECASE),  # "it was decided"
    unrecognised_subject=re.compile(
        r",\s+(?:the|an?|one|some|several|other|two|three)\s+(?:[a-z-]+\s+){0,2}?"
        r"(?:official|officials|source|sources|diplomat|diplomats|spokesman|spokeswoman|spokesperson|aide|"
        r"participant|participants|observer|report|statement)\s+$"
    ),
    possessive_pronouns=re.compile(r"^(?:his|her|its|their|him|them)$", re.IGNORECASE),
    possessive_after=re.compile(r"\s*['’]s?\b"),  # "Japan's missile defense"
    own_voice=re.compile(r"\b(?:I|we|We|our|Our|us|my|My|me)\b"),
    continuation_cue=lambda cue: _CONTINUATION.match(cue) is not None,
    back_reference=re.compile(
        r"(?:This|That|These|It) (?:was|were|is|has been) (?:\w+ )?(?:stated|said|announced|reported|noted|"
        r"stressed|emphasi[sz]ed)|(?:He|She|They) (?:said|stated|announced) (?:this|that|so)\b"
    ),
    coordinators=re.compile(r",?\s+(?:as well as|and also)\s+(?=to\s|on\s|about\s)"),
    answer_label=re.compile(r"A|Answer|ANSWER"),
    label_honorifics=re.compile(r"^(?:(?:[^\W\d]|Mr|Mrs|Ms|Dr)\.\s*)+"),
    turn_announcement=re.compile(
        r"(?i)\b(?:said|stated|the following|as follows|full text|excerpts?)\b[^.]{0,40}:\s*$"
    ),
    schedule=re.compile(
        r"(?i)\b(?:arrangements? (?:are|is) (?:underway|being made)|(?:is|are) (?:scheduled|expected|set|due) to "
        r"(?:visit|attend|meet|hold|travel)|will (?:visit|attend|travel to)|will (?:be held|take place))\b"
    ),
    no_comment=re.compile(
        r"(?i)\b(?:declined? to comment|no comment|would not comment|refused to comment|refrained from comment\w*|"
        r"did not (?:comment|elaborate)|not in a position to comment)"
    ),
    document_report=re.compile(
        r"^(?:In |According to )?(?:the|their|our|this) (?:joint )?(?:statement|declaration|communiqu[ée])\b", re.I
    ),
    procedural=re.compile(
        r"(?i)\b(?:opening remarks|that is all|that's all|thank you|next question|I have (?:a|one|another) question|"
        r"distributed to you|good (?:morning|afternoon|evening))\b"
    ),
    side_words=(
        ("russia", "russia"),
        ("soviet", "russia"),
        ("moscow", "russia"),
        ("kremlin", "russia"),
        ("japan", "japan"),
        ("tokyo", "japan"),
    ),  # fmt: skip
    anonymous_official=re.compile(r"\s+(?:officials?|sources?)\b"),
    role_patterns=speakers.ROLE_PATTERNS,
    collective_patterns=speakers.COLLECTIVE_PATTERNS,
    generic_patterns=speakers.GENERIC_PATTERNS,
    pronoun_patterns=speakers.PRONOUN_PATTERNS,
    unknown_official_patterns=speakers.UNKNOWN_OFFICIAL_PATTERNS,
    unknown_expert_patterns=speakers.UNKNOWN_EXPERT_PATTERNS,
    links=re.compile(
        r"\b(?:step towards?|towards|pave the way|key to|a way to|condition for|conditions for|linked? to|"
        r"in order to|with a view to|prelude to)\b"
        r"|,\s+(?:as|while|although|though|whereas)\s"  # "…, as the two sides remained at odds over …": background
    ),
    attributive_before=re.compile(  # "the Joint Declaration of 1956": a document's date
        r"(?i:declaration|treaty|agreement|statement|communiqu[ée]|convention|accord|resolution)s? of\s+$"
    ),
    anaphors=re.compile(r"\b(?:this|these|such|it|its|they|their)\b"),
    date_rules=dates.DATE_RULES,
    event_words=re.compile(
        r"talks|meeting|negotiations|summit|visit|consultations|dialogue|conference|session|forum|interview|"
        r"2 ?\+ ?2|round|press conference|briefing|rendezvous|commission",
        re.IGNORECASE,
    ),
    event_classes=(
        ("summit", re.compile(r"summit|visit|rendezvous", re.IGNORECASE)),
        ("conference", re.compile(r"conference|briefing", re.IGNORECASE)),
        ("forum", re.compile(r"forum", re.IGNORECASE)),
        ("commission", re.compile(r"commission|session", re.IGNORECASE)),
        ("interview", re.compile(r"interview", re.IGNORECASE)),
    ),
    distinctive_events=re.compile(
        r"2 ?\+ ?2|summit|forum|commission|conference|interview|strategic dialogue|session", re.IGNORECASE
    ),
    anchored_days=re.compile(r"\b(?i:(the )?(?:next|following) day|a day later|(?:on )?the same day|the day before)\b"),
    anchor_shifts=(("next", 1), ("following", 1), ("later", 1), ("before", -1)),
    present_cue=re.compile(r"^(?:says|say|insists|insist|argues|argue|maintains|maintain)$"),
    future=re.compile(
        r"\b(?:will|scheduled|planned|upcoming|next|to be held|to hold|to meet|is expected|are expected|forthcoming|"
        r"preparations? for|ahead of|before the|the proposed|intends?|intend to)\b",
        re.IGNORECASE,
    ),
    deadline_before=re.compile(
        r"\b(?:by|until|till|before|since|after|from|through|prior to|within)\s+(?:the\s+)?(?:\w+\s+)?$", re.IGNORECASE
    ),
    infinitive_after=re.compile(
        r"\s+(?:\w+\s+){0,2}?to\s+(?!the\b|a\b|an\b|his\b|her\b|its\b|their\b|this\b|that\b|our\b)[a-z]+\b"
    ),
    occasion_after=re.compile(
        r"(?:\s+\w+){0,1}?\s+(?:at|during|on the sidelines of|after)\s+(?:the|a|an|this|that)?\s*(?:[\w-]+\s+){0,3}?"
        r"(?:talks|meeting|negotiations|summit|visit|consultations|conference|session|forum|briefing)",
        re.IGNORECASE,
    ),
    publication_words=re.compile(r"\b(?:published|article|issue of|wrote|edition)\b", re.IGNORECASE),
    abbreviations=frozenset(lexicon.words("en", "sentences.json", "abbreviations")),
    function_words=frozenset(
        "on in since by as the a an until from at of to for after before during this that".split()  # noqa: SIM905
    ),
)
