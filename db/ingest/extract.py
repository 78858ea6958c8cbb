"""The extraction stage: a normalised document in, candidate statements (with confidence and a reason) out.

sentences -> mentions (gazetteer names, roles, collectives; pronouns resolved against the discourse so far) ->
attributions (cue + speaker) -> one candidate per speaking actor, with an issue (keywords of the sentence and its
paragraph) and a date (sentence, event, paragraph or publication). The side always follows the speaker: a
newspaper or an expert gets no side even when what they say is about one; an official relayed by a newspaper
keeps their side.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass

from db.ingest.attribution import Attribution, find_attributions, transcript_turn, turn_label
from db.ingest.classify import FALLBACK_ISSUE, IssueClassifier, IssueScore
from db.ingest.cues import AGREEMENT, NOUN, SOURCE, SPEECH, TURN, CueClass
from db.ingest.document import Candidate, Document
from db.ingest.gazetteer import Actor, Gazetteer
from db.ingest.sentences import Sentence, split_sentences
from db.ingest.speakers import Mention, MentionFinder, SpeakerContext
from db.ingest.statement_dates import DateResolver, StatementDate
from db.partial_date import PartialDate

_HOW_FACTOR = {
    "alias": 1.0,
    "role": 0.9,
    "collective": 0.85,
    "fuzzy": 0.85,
    "pronoun": 0.8,
    "generic": 0.8,
    "unknown": 0.75,
}
_KIND_FACTOR = {"direct_quote": 1.05, "reported": 1.0, "characterization": 0.5}
BACKGROUND_PARAGRAPHS = 2
_SAME_OCCASION_PARAGRAPHS = 1  # an undated statement right after a dated one by the same speaker shares its date
_OPENS_QUOTE = re.compile(r"\s*[“«「『„\"]")
# Coordinators that join two positions in one sentence ("..., as well as to settle ...").
_COORDINATORS = {
    "en": re.compile(r",?\s+(?:as well as|and also)\s+(?=to\s|on\s|about\s)"),
    "ru": re.compile(r",\s+а также\s+"),
    "ja": re.compile(r"(?<=、)また、|。また|(?<=うえで)、|(?<=上で)、|とともに、"),
}
_FIRST_PERSON = {
    "en": re.compile(r"\b(?:I|we|We|our|Our|us|my|My|me)\b"),
    "ru": re.compile(r"(?<![\w-])(?i:я|мы|нас|нам|нами|наш[а-я]*|мне|меня|мой|моя|мои)(?![\w-])"),
    "ja": re.compile(r"私|我々|わが国|我が国|当方|われわれ|政府として|まいります|おります|ございます"),
}
# A first line without a final full stop is the headline: it repeats a statement of the body in other words.
_ENDS_SENTENCE = re.compile(r"[.!?…。！？\"”»」』]\s*$")
_GENERIC_NAMES = {"media": "media (unnamed)", "expert": "experts (unnamed)"}
_DETERMINERS = {"the", "these", "this", "that", "those", "some", "many", "a", "an", "very", "same", "aforementioned"}


@dataclass
class _Found:
    """One speaker of one attribution, before the issue and the date are added."""

    actor: Actor | None
    mention: Mention
    attribution: Attribution
    category: str


def extract_candidates(document: Document, gazetteer: Gazetteer) -> list[Candidate]:
    """All candidate statements of a document, in text order; offsets index `document.text`."""
    text = document.text
    language = document.language if document.language in ("en", "ru", "ja") else "en"
    sentences = split_sentences(text, language)
    finder, classifier = _tools(gazetteer, language)
    all_mentions = finder.find(text, document.published)
    context = SpeakerContext(gazetteer, language, document.published)
    dates = DateResolver(text, language, document.published)
    candidates: list[Candidate] = []
    previous: list[_Found] = []  # speakers of the sentence before, for a quotation that continues
    turns = _Turns(language)
    spoke: dict[str, tuple[int, PartialDate]] = {}  # actor key -> (paragraph, date) of their last dated statement
    cursor = 0
    for sentence in sentences:
        while cursor < len(all_mentions) and all_mentions[cursor].end <= sentence.start:
            cursor += 1
        explicit = [m for m in all_mentions[cursor:] if m.start >= sentence.start and m.end <= sentence.end]
        explicit = [_resolve_generic(m, context) for m in explicit]
        pronouns = context.pronouns(sentence.text, sentence.start, explicit)
        taken = [(m.start, m.end) for m in explicit]
        pronouns = [p for p in pronouns if all(p.end <= a or p.start >= b for a, b in taken)]
        mentions = sorted(explicit + pronouns, key=lambda m: m.start)
        headline = sentence.paragraph == 0 and not _ENDS_SENTENCE.search(text, 0, sentence.paragraph_end)
        asked = sentence.text.rstrip('"”»」』) ').endswith(("?", "？"))  # "Has Japan protested?" asserts nothing
        found = [] if headline else _attributed(text, sentence, mentions, gazetteer, language, turns)
        if asked:
            found = [f for f in found if f.attribution.cue_class is TURN]
        if not found and previous:
            found = _continued_quotation(text, sentence, previous)
        previous = found if found else []
        paragraph = text[sentence.paragraph_start : sentence.paragraph_end]
        background = _paragraphs_before(text, sentence.paragraph_start, BACKGROUND_PARAGRAPHS)
        question = _paragraphs_before(text, sentence.paragraph_start, 1)  # a transcript answer's topic is its question
        for item in found:
            around = (paragraph, question if item.attribution.cue_class is TURN else background)
            made = _candidates(item, text, sentence, around, classifier, dates, spoke)
            candidates.extend(made)
            for c in made:  # "Kishida said Tuesday ... He also said ...": the same occasion
                if c.actor_key and c.said_on is not None and c.date_basis in ("explicit", "inferred"):
                    spoke[c.actor_key] = (sentence.paragraph, c.said_on)
        dates.observe(sentence)
        context.observe(mentions)
    return _deduplicated(candidates)


def _continued_quotation(text: str, sentence: Sentence, previous: list[_Found]) -> list[_Found]:
    """'Lavrov said: "..."' followed by a sentence or paragraph that is only a quotation: the same speakers."""
    if not _OPENS_QUOTE.match(sentence.text):
        return []
    speech = [f for f in previous if f.attribution.cue_class is SPEECH or f.attribution.cue_class is TURN]
    if not speech:
        return []
    continued = []
    for item in speech:
        attribution = Attribution(
            item.attribution.speakers, "(quotation continued)", sentence.start, sentence.start, SPEECH,
            "direct_quote", sentence.start, sentence.end,
        )  # fmt: skip
        continued.append(_Found(item.actor, item.mention, attribution, item.category))
    return continued


_TOOLS: weakref.WeakKeyDictionary[Gazetteer, dict[str, tuple[MentionFinder, IssueClassifier]]] = (
    weakref.WeakKeyDictionary()
)


def _tools(gazetteer: Gazetteer, language: str) -> tuple[MentionFinder, IssueClassifier]:
    """Compiled name and keyword patterns, built once per gazetteer and language (the pipeline extracts a long
    document chunk by chunk)."""
    per_language = _TOOLS.setdefault(gazetteer, {})
    if language not in per_language:
        per_language[language] = (MentionFinder(gazetteer, language), IssueClassifier(gazetteer, language))
    return per_language[language]


class _Turns:
    """The speaker of a transcript: a labelled turn ("Mr. Lavrov: ...") goes on over the following unlabelled
    paragraphs until the next label ("Q: ...") or a heading."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.speaker: Mention | None = None

    def at(
        self, text: str, sentence: Sentence, gazetteer: Gazetteer, mentions: list[Mention]
    ) -> tuple[Mention, int] | None:
        """(speaker, where the spoken words start) when the sentence opens a paragraph of a turn."""
        if sentence.start != sentence.paragraph_start:
            return None
        label = turn_label(text, sentence)
        if label is not None:
            self.speaker = transcript_turn(text, sentence, gazetteer, mentions)
            return (self.speaker, label.end()) if self.speaker is not None else None
        paragraph = text[sentence.paragraph_start : sentence.paragraph_end].rstrip()
        labelled = turn_label(text, sentence, short=True) is not None  # "Q: And the talks?" ends the answer
        first_person = _FIRST_PERSON.get(self.language)
        if first_person is not None and not first_person.search(paragraph):
            labelled = True  # an answer goes on in the first person; narration after the transcript does not
        if self.speaker is None or labelled or not paragraph or paragraph[-1] not in '.!…。！"”»」』)）':
            self.speaker = None
            return None
        return self.speaker, sentence.start


def _attributed(
    text: str, sentence: Sentence, mentions: list[Mention], gazetteer: Gazetteer, language: str, turns: _Turns
) -> list[_Found]:
    found: list[_Found] = []
    turn = turns.at(text, sentence, gazetteer, mentions)
    if turn is not None:
        speaker, words_start = turn
        end = sentence.paragraph_end
        label = Attribution(
            (speaker,), speaker.text, speaker.start, speaker.end, TURN, "direct_quote", words_start, end
        )
        found.extend(_Found(a, speaker, label, a.category) for a in speaker.actors)
        mentions = [m for m in mentions if m.start >= words_start]  # the label is not a subject of the words
    for attribution in find_attributions(text, sentence, mentions, language):
        for mention in attribution.speakers:
            if not mention.actors:
                found.append(_Found(None, mention, attribution, mention.category))
            for actor in mention.actors:
                found.append(_Found(actor, mention, attribution, actor.category))
    return found


def _candidates(
    item: _Found,
    text: str,
    sentence: Sentence,
    context: tuple[str, str],
    classifier: IssueClassifier,
    dates: DateResolver,
    spoke: dict[str, tuple[int, PartialDate]],
) -> list[Candidate]:
    """One candidate per issue of the attributed text (usually one; two for "X, as well as Y" on two issues)."""
    attribution = item.attribution
    when = dates.resolve(sentence, attribution.cue_start, attribution.cue_end, attribution.cue_class)
    earlier = spoke.get(item.actor.key) if item.actor and item.actor.key else None
    fallback = when.basis in ("article", "unknown") and attribution.cue_class in (SPEECH, SOURCE, NOUN)
    if fallback and earlier is not None and sentence.paragraph - earlier[0] <= _SAME_OCCASION_PARAGRAPHS:
        when = StatementDate(earlier[1], "inferred", f"the same speaker's statement of {earlier[1].iso()} before")
    official = item.category == "official"
    actor = item.actor
    speaker = actor.name if actor else _generic_name(item.mention.text, item.category)
    result = []
    split = _turn_parts if attribution.cue_class is TURN else _issue_parts
    for start, end, issue in split(text, attribution.quote_start, attribution.quote_end, classifier, context):
        confidence = _confidence(attribution.cue_class, item.mention, attribution, issue.score)
        reason = (
            f"{attribution.cue_class.name} cue '{attribution.cue.strip()}'; speaker '{item.mention.text}'"
            f" ({_how(item.mention)}); issue {issue.slug}"
            + (f" ({', '.join(issue.keywords[:3])})" if issue.keywords else " (no keyword)")
            + f"; date {when.value.iso() if when.value else 'unknown'}: {when.why}"
        )
        result.append(
            Candidate(
                quote=text[start:end],
                start=start,
                end=end,
                speaker=speaker,
                speaker_as_written=item.mention.text,
                actor_key=(actor.key or None) if actor else None,
                side=actor.side if official and actor else None,
                category=item.category,  # type: ignore[arg-type]
                issue=issue.slug,
                said_on=when.value,
                date_basis=when.basis,
                kind=attribution.kind,  # type: ignore[arg-type]
                confidence=confidence,
                reason=reason,
                accepted=official and confidence >= 0.5,
            )
        )
    return result


def _issue_parts(
    text: str, start: int, end: int, classifier: IssueClassifier, context: tuple[str, str]
) -> list[tuple[int, int, IssueScore]]:
    """Split "intends to conclude a peace treaty, as well as to settle the territorial problem" into its two
    positions when each part names a different issue of its own; otherwise the whole quote with its issue."""
    whole = classifier.classify(text[start:end], *context)
    pattern = _COORDINATORS.get(classifier.language)
    match = pattern.search(text, start, end) if pattern else None
    if match is None:
        return [(start, end, whole)]
    first_end = match.start()
    while first_end > start and text[first_end - 1] in " ,;、":
        first_end -= 1
    first = classifier.classify(text[start:first_end])
    second = classifier.classify(text[match.start() + (1 if text[match.start()] in ",;、" else 0) : end])
    topical = first.keywords and second.keywords and first.slug != second.slug
    if not topical or FALLBACK_ISSUE in (first.slug, second.slug):
        return [(start, end, whole)]
    second_start = match.start()
    while text[second_start] in " ,;、":
        second_start += 1
    return [(start, first_end, first), (second_start, end, second)]


_TURN_SENTENCE = re.compile(r"[^.!?。！？]+(?:[.!?。！？]+[\"”»」』)]*|$)")


def _turn_parts(
    text: str, start: int, end: int, classifier: IssueClassifier, context: tuple[str, str]
) -> list[tuple[int, int, IssueScore]]:
    """A transcript answer is one continuous quotation, split only where its sentences turn to another issue
    ("Our position on the islands is unchanged. We will continue consultations on fishing."): a sentence that
    names an issue of its own starts a new part; sentences without one stay with the part before."""
    groups: list[list[int]] = []  # [start, end, ...] per part, with the part's issue slug in `issues`
    issues: list[str] = []
    for match in _TURN_SENTENCE.finditer(text, start, end):
        s, e = match.start(), match.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s >= e:
            continue
        ranked = classifier.scores(text[s:e])
        own = ranked[0] if ranked else IssueScore(FALLBACK_ISSUE, 0.0, ())
        topical = own.keywords and own.slug != FALLBACK_ISSUE
        also_current = any(r.slug == (issues[-1] if issues else "") for r in ranked)  # still on the same topic
        if not groups or (topical and issues[-1] and own.slug != issues[-1] and not also_current):
            groups.append([s, e])
            issues.append(own.slug if topical else "")
        else:
            groups[-1][1] = e
            if topical and not issues[-1]:
                issues[-1] = own.slug
    if len(groups) <= 1:
        return [(start, end, classifier.classify(text[start:end], *context))]
    return [(s, e, classifier.classify(text[s:e], *context)) for s, e in groups]


def _generic_name(written: str, category: str) -> str:
    """A name for an unnamed source: "these Japanese experts" -> "Japanese experts"; a bare "the newspaper" ->
    "media (unnamed)"."""
    words = written.split()
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    if len(words) >= 2:
        name = " ".join(words)
        return name[0].upper() + name[1:]
    return _GENERIC_NAMES.get(category, written)


def _paragraphs_before(text: str, start: int, count: int) -> str:
    """The `count` non-empty lines before offset `start` (the background of a paragraph's topic)."""
    lines = [line for line in text[:start].splitlines() if line.strip()]
    return "\n".join(lines[-count:])


def _confidence(cue_class: CueClass, mention: Mention, attribution: Attribution, issue_score: float) -> float:
    value = cue_class.strength * _HOW_FACTOR.get(mention.how, 0.8) * _KIND_FACTOR.get(attribution.kind, 1.0)
    if attribution.collective and cue_class is not AGREEMENT:
        value *= 0.9
    if issue_score <= 0:
        value *= 0.9
    return round(max(0.05, min(1.0, value)), 2)


def _how(mention: Mention) -> str:
    return {
        "alias": "gazetteer",
        "fuzzy": "fuzzy name match",
        "role": "role holder",
        "collective": "both sides",
        "pronoun": "back-reference",
        "generic": "unnamed media/expert",
        "unknown": "official not in the gazetteer",
    }.get(mention.how, mention.how)


def _resolve_generic(mention: Mention, context: SpeakerContext) -> Mention:
    """ "The newspaper", "the agency": the last named outlet, when there is one."""
    if mention.how != "generic" or mention.generic_category != "media":
        return mention
    words = mention.text.lower().split()
    if not words or words[0] not in ("the", "this", "that") or mention.text.lower().endswith("s"):
        return mention
    for earlier in reversed(context.recent):
        if len(earlier.actors) == 1 and earlier.actors[0].kind == "media":
            return Mention(mention.start, mention.end, mention.text, earlier.actors, "pronoun")
    return mention


def _deduplicated(candidates: list[Candidate]) -> list[Candidate]:
    """One line per speaker, quote and issue: two cues of one speaker in one sentence are one statement."""
    best: dict[tuple[str, int, int, str], Candidate] = {}
    order: list[tuple[str, int, int, str]] = []
    for c in candidates:
        key = (c.actor_key or c.speaker, c.start, c.end, c.issue)
        if key not in best:
            order.append(key)
            best[key] = c
        elif c.confidence > best[key].confidence:
            best[key] = c
    return [best[k] for k in order]
