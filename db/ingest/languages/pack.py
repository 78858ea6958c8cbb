"""What the import pipeline needs to know about one language: the contract every language pack fills in.

The core stages (sentences, speakers, attribution, classification, dates) are written once; everything that
differs between English, Russian and Japanese is a field here: how statements are introduced (the cue finder, which
may use a morphological analyser), what separates clauses and joins speakers, how roles, pronouns and collectives
are written, which words date an event, how a transcript labels its speakers. A field a language has no use for
keeps its default (a pattern that never matches, an empty list), so adding a language means filling in a pack, its
word lists under `resources/languages/<code>/` and its tests, and registering it in `languages/__init__.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from db.ingest.cues import CueClass
from db.ingest.date_rules import DateRule

NEVER = re.compile(r"(?!)")

# (start, end, class) of each cue in text[start:end] of one sentence
CueFinder = Callable[[str, int, int], list[tuple[int, int, CueClass]]]
# (pattern, words a role title must contain, the group naming the side, or "=side" when the pattern fixes it)
RolePattern = tuple[re.Pattern[str], tuple[str, ...], str]


@dataclass(frozen=True)
class LanguagePack:
    """One language. Patterns are compiled once, at import; word lists come from resources/languages/<code>/."""

    code: str
    name: str
    script: re.Pattern[str]  # letters of the language's own script, for detecting it
    # --- cues: how a statement is introduced ---
    find_cues: CueFinder
    script_weight: int = 1  # how many Latin letters one of them is worth when detecting the language
    words_spaced: bool = True  # words are separated by spaces (not in Japanese)
    dayfirst: bool = False  # 06.03.2017 is 6 March (Russian), not 3 June
    author_frame: re.Pattern[str] = NEVER  # "It should be noted", "Известно": the author's framing
    schedule_after_intention: re.Pattern[str] = NEVER  # "plans to visit": a schedule, not a position
    schedule_before_intention: re.Pattern[str] = NEVER  # 「訪問する予定だ」
    # after a cue, what leaves it without content: "declined to comment", "answered a question about X."
    declined_comment: re.Pattern[str] = NEVER
    adjective_before: re.Pattern[str] = NEVER  # "the said meeting": a participle, not a cue
    relayed_by: re.Pattern[str] = NEVER  # "quoted by RIA as saying": the outlet only carries the words
    speaker_inside_cue: re.Pattern[str] = NEVER  # "in his opinion", "по его словам": the speaker is in the cue
    # --- grammar: clauses, subjects, coordination ---
    subject_by_topic: bool = False  # Japanese: the speaker is the topic (は) of the sentence
    unnamed_source: re.Pattern[str] = NEVER  # 「関係者の1人は」: an unnamed speaker, not the one named before
    zero_subject: bool = False  # a subject already named is left out: a cue without one is the last speaker's
    verb_final: bool = False  # the cue closes its statement: each statement is the clause ending with its cue
    topic_marker: re.Pattern[str] = NEVER  # right after a name: it is the topic (は, も, としては)
    subject_marker: re.Pattern[str] = NEVER  # right after a name: it is the subject (が)
    source_speaker_before: bool = False  # Japanese: 「Xによると」 names the source before the cue
    clause_break: re.Pattern[str] = NEVER  # between a subject and its verb: another clause
    # the end of a gap: the verb is in a clause of place (", где ему был заявлен протест"), whose subject is its own
    # ("…, which writes" is not one: "which" is the name before it)
    relative_clause: re.Pattern[str] = NEVER
    object_before: re.Pattern[str] = NEVER  # a preposition right before a name: an object, not the speaker
    object_particle_after: re.Pattern[str] = NEVER  # Japanese: ロシアの, 日本に: a name that is not the subject
    phrase_preposition: re.Pattern[str] = NEVER  # a comma-delimited phrase opened by a preposition holds no subject
    spokesman_of: re.Pattern[str] = NEVER  # "a representative of the ministry said": the body speaks
    partner_before: re.Pattern[str] = NEVER  # after a name: the other party of an agreement (ラブロフ外相と会談し)
    partner_after: re.Pattern[str] = NEVER  # between an agreement and a name: "agreed with", "договорился с"
    coordination: re.Pattern[str] = NEVER  # what joins two speakers: "and", "и", "と"
    by_agent: re.Pattern[str] = NEVER  # " by " before the agent of a passive cue
    complementizer: re.Pattern[str] = NEVER  # "that", "что": what was said follows
    passive_before: re.Pattern[str] = NEVER  # "was said": a passive cue has no speaker before it
    impersonal_passive: re.Pattern[str] = NEVER  # "it was decided": an agreement of the subject before it
    unrecognised_subject: re.Pattern[str] = NEVER  # ", the official said": a subject that is no known actor
    can_be_subject: Callable[[str, str], bool] = lambda word, verb: True  # Russian: a nominative that agrees
    knows_word: Callable[[str], bool] = lambda word: True  # the analyser's dictionary has it (not a guess)
    takes_noun_subject: Callable[[str], bool] = lambda verb: True  # not a verb in the first or second person
    inverted_subject_far: bool = False  # "— заявил в беседе с журналистами посол X": the subject may stand apart
    possessive_pronouns: re.Pattern[str] = NEVER  # "his", "его": never the speaker
    possessive_after: re.Pattern[str] = NEVER  # "Japan's": a possessive is not the subject
    oblique_object: Callable[[str], bool] = lambda lead_and_name: False  # "принял посла Японии Кодзуки"
    impersonal_plural: re.Pattern[str] = NEVER  # "заявили в Кремле": the verb's ending ...
    institution_before: re.Pattern[str] = NEVER  # ... and the preposition before the institution
    own_voice: re.Pattern[str] = NEVER  # the speaker's own voice (first person, polite forms): an answer goes on
    continuation_cue: Callable[[str], bool] = lambda cue: False  # "adding", "добавив": a second statement follows
    back_reference: re.Pattern[str] = NEVER  # "Об этом заявил", "This was stated by": what was said is before
    coordinators: re.Pattern[str] = NEVER  # "..., as well as to ...": two positions in one sentence
    clause_end: re.Pattern[str] = NEVER  # Japanese: 「…たが、」 ends the clause of a topic
    clause_closed: Callable[[str, int, int], bool] = lambda text, start, end: False  # a clause ends in text[start:end]
    # --- transcripts ---
    label_honorifics: re.Pattern[str] = NEVER  # "Mr.", "С.В." before the name in a speaker label
    answer_label: re.Pattern[str] = NEVER  # "Ответ:", "A:": the answer of the official the title names
    turn_announcement: re.Pattern[str] = NEVER  # "…の発言要旨は次の通り", "said the following:": a turn follows
    schedule: re.Pattern[str] = NEVER  # "is scheduled to visit", 「出席する予定」: a plan of travel, not a position
    no_comment: re.Pattern[str] = NEVER  # "declined to comment", 「申し上げる状況にない」: nothing stated
    fragment: Callable[[str, int, int], bool] = lambda text, start, end: False  # a sentence without a predicate
    procedural: re.Pattern[str] = NEVER  # "That is all from me", "以上です": a turn's sentence that holds nothing
    # A turn's sentence that gives a document's words (声明においては…, "The joint statement says"): its issuer, the
    # spokesman's state, speaks; and a sentence that goes on reporting the same document (…非難するとしています).
    document_report: re.Pattern[str] = NEVER
    document_goes_on: re.Pattern[str] = NEVER
    # --- speakers ---
    side_words: Sequence[tuple[str, str]] = ()  # (folded stem, side slug): "росси" -> russia
    alias_pattern: Callable[[str], str] | None = None  # how an alias in this script is matched (inflection)
    title_suffixes: Sequence[str] = ()  # Japanese titles written after a name: 外相, 首相, 氏
    role_patterns: Sequence[RolePattern] = ()
    collective_patterns: Sequence[tuple[re.Pattern[str], str]] = ()
    generic_patterns: Sequence[tuple[re.Pattern[str], str]] = ()  # unnamed media and experts
    pronoun_patterns: Sequence[tuple[re.Pattern[str], str]] = ()
    unknown_official_patterns: Sequence[re.Pattern[str]] = ()
    unknown_official_side: str | None = None  # the side of one whose pattern names none (a name in kanji: Japan)
    unknown_expert_patterns: Sequence[re.Pattern[str]] = ()
    anonymous_official: re.Pattern[str] = NEVER  # after a state or body: "幹部", " official": the state speaks
    compound_continues: re.Pattern[str] = NEVER  # after a country's name: part of a compound (日本時間)
    genitive: re.Pattern[str] = NEVER  # 「ロシアの外務省」: a name, this particle and a name may be one compound name
    fuzzy_names: bool = True  # garbled transliterations of names ("Tarot Kono") are worth a fuzzy match
    # --- issues ---
    links: re.Pattern[str] = NEVER  # "a step towards": what comes after is the goal, not the topic
    goal_before_link: bool = False  # Japanese: 「平和条約締結に向け、協議を…」: the goal comes before the link
    word_count: Callable[[str], int] = lambda text: len(text.split())  # words of a keyword, for its weight
    anaphors: re.Pattern[str] = NEVER  # "this", "это", "この": the topic is in the context
    # --- dates ---
    date_rules: Sequence[DateRule] = ()
    event_words: re.Pattern[str] = NEVER  # talks, переговоры, 会談: the events statements are made at
    event_classes: Sequence[tuple[str, re.Pattern[str]]] = ()  # kinds of event; anything else is "talks"
    distinctive_events: re.Pattern[str] = NEVER  # a "2 + 2" is not the "strategic dialogue"
    attributive_after: re.Pattern[str] = NEVER  # after a date: it qualifies the noun that follows (「1986年の協定」)
    attributive_before: re.Pattern[str] = NEVER  # before a date: it qualifies the noun before ("Declaration of 1956")
    anchored_days: re.Pattern[str] = NEVER  # "the next day", 翌日: counted from the last date mentioned
    anchor_shifts: Sequence[tuple[str, int]] = ()  # word of an anchored day -> days from the anchor
    present_cue: re.Pattern[str] = NEVER  # "says", 「…と話しています」: a stance at publication
    future: re.Pattern[str] = NEVER  # "will", "будет", 予定: the date is a plan, not when it was said
    deadline_before: re.Pattern[str] = NEVER  # "by", "until", "до": a deadline, not when it was said
    infinitive_after: re.Pattern[str] = NEVER  # "agreed to hold talks in December": the plan's date
    occasion_after: re.Pattern[str] = NEVER  # "said at a briefing": the occasion right after the verb
    publication_words: re.Pattern[str] = NEVER  # "published", "статья": a date of publication, not an event
    # --- sentences and metadata ---
    abbreviations: frozenset[str] = field(default_factory=frozenset)  # a full stop after these ends no sentence
    function_words: frozenset[str] = field(default_factory=frozenset)  # "on", "в": no dateline starts with them
