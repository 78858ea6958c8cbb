"""The extraction stage: a normalised document in, candidate statements (with confidence and a reason) out.

sentences -> mentions (gazetteer names, roles, collectives; pronouns resolved against the discourse so far) ->
attributions (cue + speaker) -> one candidate per speaking actor, with an issue (keywords of the sentence and its
paragraph) and a date (sentence, event, paragraph or publication). The side always follows the speaker: a
newspaper or an expert gets no side even when what they say is about one; an official relayed by a newspaper
keeps their side.
"""

from __future__ import annotations

import dataclasses
import re
import weakref
from dataclasses import dataclass

from db.ingest.attribution import Attribution, find_attributions
from db.ingest.classify import FALLBACK_ISSUE, IssueClassifier, IssueScore
from db.ingest.cues import AGREEMENT, NOUN, RELAYED, SPEECH, TURN, CueClass
from db.ingest.document import Candidate, Document
from db.ingest.gazetteer import Actor, Gazetteer
from db.ingest.languages import LanguagePack, pack_for
from db.ingest.references import SpeakerContext
from db.ingest.relevance import SidesMentioned, other_sides, review, sides_named
from db.ingest.sentences import ENDS_SENTENCE, Sentence, split_sentences
from db.ingest.speakers import Mention, MentionFinder
from db.ingest.statement_dates import DateResolver, StatementDate
from db.ingest.transcripts import Turns
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
_KIND_FACTOR = {"direct_quote": 1.05, "reported": 1.0, "characterization": 0.85}
BACKGROUND_PARAGRAPHS = 2
_SAME_OCCASION_PARAGRAPHS = 1  # an undated statement right after a dated one by the same speaker shares its date
_OPENS_QUOTE = re.compile(r"\s*[“«「『„\"]")
_GENERIC_NAMES = {"media": "media (unnamed)", "expert": "experts (unnamed)"}
_MAX_HEADLINE = 250  # characters of a line of the headline block (a longer line without a full stop is body text)
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
    language = pack_for(document.language).code
    sentences = split_sentences(text, language)
    finder, classifier = _tools(gazetteer, language)
    all_mentions = finder.find(text, document.published)
    context = SpeakerContext(gazetteer, language, document.published)
    dates = DateResolver(text, language, document.published)
    candidates: list[Candidate] = []
    previous: list[_Found] = []  # speakers of the sentence before, for a quotation that continues
    turns = Turns(language, _host(sentences, all_mentions))
    discourse = _LastSpeakers()
    spoke: dict[str, tuple[int, PartialDate]] = {}  # actor key -> (paragraph, date) of their last dated statement
    pack = pack_for(language)
    mentioned = SidesMentioned(text, sentences, all_mentions)
    before: Sentence | None = None  # the sentence before, unless a headline
    body_started = False  # a paragraph ending like a sentence has been read: the lines on top are over
    turn_candidates: list[Candidate] = []  # the last sentence of a transcript turn, for a fragment that completes it
    agreed: set[int] = set()  # the sentence's lines of a state or delegation in an agreement
    cursor = 0
    title = _title(text, sentences)
    title_end = sentences[0].paragraph_end if title else 0
    title_sides = sides_named(title, [m for m in all_mentions if m.end <= title_end])  # the article's sides
    for sentence in sentences:
        while cursor < len(all_mentions) and all_mentions[cursor].end <= sentence.start:
            cursor += 1
        explicit = [m for m in all_mentions[cursor:] if m.start >= sentence.start and m.end <= sentence.end]
        explicit = [_resolve_generic(m, context) for m in explicit]
        pronouns = context.pronouns(sentence.text, sentence.start, explicit)
        taken = [(m.start, m.end) for m in explicit]
        pronouns = [p for p in pronouns if all(p.end <= a or p.start >= b for a, b in taken)]
        mentions = sorted(explicit + pronouns, key=lambda m: m.start)
        paragraph_ends = bool(ENDS_SENTENCE.search(text, 0, sentence.paragraph_end))
        short = sentence.paragraph_end - sentence.paragraph_start <= _MAX_HEADLINE
        headline = not body_started and short and not paragraph_ends  # title, subtitle repeating the lead, dateline
        body_started = body_started or paragraph_ends or not short
        asked = sentence.text.rstrip('"”»」』) ').endswith(("?", "？"))  # "Has Japan protested?" asserts nothing
        fallback = discourse.speakers(sentence.paragraph)
        found = [] if headline else _attributed(text, sentence, mentions, gazetteer, language, turns, fallback)
        discourse.observe(found, sentence.paragraph)
        if not found and pack.zero_subject:  # 「両外相は…議論を行いました。その上で、…で一致しました。」
            discourse.topic(text, explicit, sentence.paragraph, pack)
        turns.announced(text, sentence, mentions)
        if sentence.end == sentence.paragraph_end:
            turns.paragraph_done(text[sentence.paragraph_start : sentence.paragraph_end])
        if asked:
            found = [f for f in found if f.attribution.cue_class is TURN]
        if not found and previous:
            found = _continued_quotation(text, sentence, previous)
        if found and pack.back_reference.match(sentence.text):  # "…. Об этом заявил X.": what X said is before
            found = _with_sentence_before(found, before)
            reporters = {f.actor.side for f in found if f.actor and f.actor.kind in ("person", "body")}
            # "Стороны согласовали квоты. Об этом сообщило японское управление": Japan's line is the agency's
            candidates = [c for c in candidates if not (id(c) in agreed and c.side in reporters)]
        agreed = set()
        before = None if headline or not ENDS_SENTENCE.search(sentence.text) else sentence  # no dateline
        previous = found if found else []
        paragraph = text[sentence.paragraph_start : sentence.paragraph_end]
        background = _paragraphs_before(text, sentence.paragraph_start, BACKGROUND_PARAGRAPHS)
        if title and title not in background:  # the headline says what the whole article is about
            background = f"{title}\n{background}"
        question = _paragraphs_before(text, sentence.paragraph_start, 1)  # a transcript answer's topic is its question
        if turns.fragment is sentence:
            _join_fragment(text, sentence, turn_candidates)
        for item in found:
            around = (paragraph, question if item.attribution.cue_class is TURN else background)
            made = _candidates(item, text, sentence, around, classifier, dates, spoke)
            since = turns.since if item.attribution.cue_class is TURN else None
            nearby = mentioned.near(sentence.paragraph, since) | title_sides
            turn_sentence = item.attribution.cue_class is TURN
            # A transcript's sentence must name an issue or the other side itself: answers wander.
            own_sides = sides_named(sentence.text, explicit) if turn_sentence else set()
            for candidate, topical in made:
                related = topical or other_sides(own_sides if turn_sentence else nearby, candidate)
                review(candidate, pack, related, document.published)
            candidates.extend(candidate for candidate, _ in made)
            if item.attribution.cue_class is AGREEMENT and item.actor and item.actor.kind in ("state", "delegation"):
                agreed |= {id(candidate) for candidate, _ in made}
            if item.attribution.cue_class is TURN:
                turn_candidates = [candidate for candidate, _ in made]
            for c, _ in made:  # "Kishida said Tuesday ... He also said ...": the same occasion
                if c.actor_key and c.said_on is not None and c.date_basis in ("explicit", "inferred"):
                    spoke[c.actor_key] = (sentence.paragraph, c.said_on)
        dates.observe(sentence)
        # who spoke in this sentence, for "he" in the next; not a transcript's speaker, who says "I"
        main = [f for f in found if f.attribution.cue_class not in (NOUN, RELAYED, TURN)]
        main = [f for f in main if not f.attribution.in_quotation]
        speaker = main[0].mention if main and len(main[0].mention.actors) == 1 else None
        context.observe(mentions, speaker, turns.speaker)
    return _deduplicated(candidates)


def _host(sentences: list[Sentence], mentions: list[Mention]) -> Mention | None:
    """The official the first paragraph (the title) names: whose answers an unnamed "Answer:" label gives."""
    if not sentences:
        return None
    end = sentences[0].paragraph_end
    named = [m for m in mentions if m.end <= end and len(m.actors) == 1 and m.actors[0].kind == "person"]
    return next((m for m in named if m.category == "official"), None)


def _relays_another(own: list[_Found], speaker: Mention) -> bool:
    """A transcript sentence that reports what someone else said or agreed: that statement is the sentence's."""
    keys = {a.key or a.name for a in speaker.actors}
    return any(f.actor is not None and f.category == "official" and (f.actor.key or f.actor.name) not in keys
               for f in own)  # fmt: skip


def _join_fragment(text: str, sentence: Sentence, turn_candidates: list[Candidate]) -> None:
    """Extend the statements of the turn's last sentence over a fragment that completes it."""
    for candidate in turn_candidates:
        if candidate.end <= sentence.start and candidate.start >= sentence.paragraph_start:
            candidate.end = sentence.end
            candidate.quote = text[candidate.start : candidate.end]


def _with_sentence_before(found: list[_Found], before: Sentence | None) -> list[_Found]:
    """ "Japan will decide … . This was stated by Kihara.", "… . Об этом заявил посол": the statement is the sentence
    before together with the attribution. After a headline there is no such sentence: the attribution only repeats
    the headline, and gives no statement of its own."""
    if before is None:
        return [f for f in found if f.attribution.cue_class is TURN]
    for item in found:
        if item.attribution.cue_class is not TURN:
            item.attribution = dataclasses.replace(item.attribution, quote_start=before.start)
    return found


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


def _own_side_inside(item: _Found, outer_sides: set[str | None], unofficial: bool, in_turn: bool) -> bool:
    """Inside a Russian official's words (a quotation, a transcript turn), "the Russian side intends …" is what that
    official says, not a second statement; inside an expert's, "Russia believes …" is the expert's reading. A
    person or the other side named by an official is relayed and kept."""
    actor = item.actor
    inside = item.attribution.in_quotation or in_turn
    if not inside or actor is None or actor.kind not in ("state", "delegation", "body"):
        return False
    return actor.side in outer_sides or (item.attribution.in_quotation and unofficial)


_AGE_OR_NOTE = re.compile(r"\s*[(（][^()（）\n]{1,12}[)）]")  # 「ノズドレフ氏(52)が」


class _LastSpeakers:
    """Who spoke last, for a sentence that leaves its subject out (「また、…懸念を示した。」): the speakers of the
    last statement, while the text stays within the same or the next paragraph."""

    def __init__(self) -> None:
        self._speakers: tuple[Mention, ...] = ()
        self._paragraph = -10

    def speakers(self, paragraph: int) -> tuple[Mention, ...]:
        return self._speakers if paragraph - self._paragraph <= 1 else ()

    def observe(self, found: list[_Found], paragraph: int) -> None:
        named = [f for f in found if f.attribution.cue_class is not RELAYED and f.category == "official"]
        if named:
            self._speakers = named[-1].attribution.speakers
            self._paragraph = paragraph

    def topic(self, text: str, mentions: list[Mention], paragraph: int, pack: LanguagePack) -> None:
        """A sentence that reports no statement but has an official for its topic or subject (「両外相は…議論を
        行いました」, 「ノズドレフ氏(52)が…インタビューに答えた」): the subject the next sentences leave out."""

        def marked(m: Mention) -> bool:
            after = _AGE_OR_NOTE.match(text, m.end)
            at = after.end() if after else m.end
            return bool(pack.topic_marker.match(text, at) or pack.subject_marker.match(text, at))

        topics = [m for m in mentions if m.actors and m.category == "official" and marked(m)]
        if topics:
            self._speakers = (topics[0],)
            self._paragraph = paragraph


def _attributed(
    text: str,
    sentence: Sentence,
    mentions: list[Mention],
    gazetteer: Gazetteer,
    language: str,
    turns: Turns,
    fallback: tuple[Mention, ...] = (),
) -> list[_Found]:
    found: list[_Found] = []
    turn = turns.at(text, sentence, gazetteer, mentions)
    if turn is not None:
        speaker, words_start = turn
        mentions = [m for m in mentions if m.start >= words_start]  # the label is not a subject of the words
    own: list[_Found] = []
    for attribution in find_attributions(text, sentence, mentions, language, () if turn else fallback):
        for mention in attribution.speakers:
            if not mention.actors:
                own.append(_Found(None, mention, attribution, mention.category))
            for actor in mention.actors:
                own.append(_Found(actor, mention, attribution, actor.category))
    outer = [f for f in own if not f.attribution.in_quotation]
    outer_sides = {f.actor.side for f in outer if f.actor}
    if turn is not None:
        outer_sides |= {a.side for a in turn[0].actors}
    unofficial = any(f.category != "official" for f in outer)  # an expert's or a newspaper's quotation
    own = [f for f in own if not _own_side_inside(f, outer_sides, unofficial, turn is not None)]
    continuation = turn is not None and sentence.start == sentence.paragraph_start and words_start == sentence.start
    if continuation:
        reported = any(not f.attribution.in_quotation for f in own)
        turns.narration(text[sentence.paragraph_start : sentence.paragraph_end], reported)
        turn = turn if turns.speaker is not None else None
    if (
        turn is not None
        and sentence.start > sentence.paragraph_start
        and pack_for(language).fragment(text, sentence.start, sentence.end)
    ):
        turns.fragment = sentence  # it completes the turn's sentence before it (extract_candidates joins them)
    elif turn is not None and (agreed := turns.joint_agreement(text, sentence, words_start, mentions)) is not None:
        speaker, partner = turn[0], turns.partner
        assert partner is not None
        said = Attribution((speaker,), speaker.text, speaker.start, speaker.end, TURN, "direct_quote", words_start,
                           sentence.end)  # fmt: skip
        theirs = Attribution((partner,), partner.text, agreed, agreed, AGREEMENT, "reported", words_start,
                             sentence.end)  # fmt: skip
        found.extend(_Found(a, speaker, said, a.category) for a in speaker.actors)
        found.extend(_Found(a, partner, theirs, a.category) for a in partner.actors)
        return found + [f for f in own if f.actor not in partner.actors]  # "We agreed with Lavrov": one line each
    elif turn is not None and _relays_another(own, turn[0]):
        pass  # "I am aware that Prime Minister Putin has made a statement …": the sentence is Putin's, relayed
    elif turn is not None and turns.worth_a_statement(text[words_start : sentence.end]):
        speaker, words_start = turn
        issuer = turns.document_issuer(text[words_start : sentence.end], gazetteer)
        speaker, kind = (issuer, "reported") if issuer is not None else (speaker, "direct_quote")
        label = Attribution((speaker,), speaker.text, speaker.start, speaker.end, TURN, kind, words_start, sentence.end)
        found.extend(_Found(a, speaker, label, a.category) for a in speaker.actors)
    return found + own


def _candidates(
    item: _Found,
    text: str,
    sentence: Sentence,
    context: tuple[str, str],
    classifier: IssueClassifier,
    dates: DateResolver,
    spoke: dict[str, tuple[int, PartialDate]],
) -> list[tuple[Candidate, bool]]:
    """One candidate per issue of the attributed text (usually one; two for "X, as well as Y" on two issues), each
    with whether its own words name an issue of the taxonomy (other than the catch-all)."""
    attribution = item.attribution
    relayed = attribution.kind == "reported"
    when = dates.resolve(
        sentence, attribution.cue_start, attribution.cue_end, attribution.cue_class, item.mention.start, relayed
    )
    earlier = spoke.get(item.actor.key) if item.actor and item.actor.key else None
    # No date of its own: the same occasion as the speaker's statement before? A transcript's turn is dated by the
    # transcript, unless it reads out a document ("reported"), which is dated where the document was first named.
    undated = not when.own and (attribution.cue_class is not TURN or attribution.kind == "reported")
    if (
        undated
        and earlier is not None
        and sentence.paragraph - earlier[0] <= _SAME_OCCASION_PARAGRAPHS
        and (
            dates.close_to_publication(earlier[1])  # not "In 1956, Moscow agreed …. Russia insists …"
        )
    ):
        when = StatementDate(earlier[1], "inferred", f"the same speaker's statement of {earlier[1].iso()} before")
    dates.lead_statement(when)
    official = item.category == "official"
    actor = item.actor
    speaker = actor.name if actor else _generic_name(item.mention.text, item.category)
    result = []
    for start, end, issue in _issue_parts(text, attribution.quote_start, attribution.quote_end, classifier, context):
        confidence = _confidence(attribution.cue_class, item.mention, attribution, issue.score)
        reason = (
            f"{attribution.cue_class.name} cue '{attribution.cue.strip()}'; speaker '{item.mention.text}'"
            f" ({_how(item.mention)}); issue {issue.slug}"
            + (f" ({', '.join(issue.keywords[:3])})" if issue.keywords else " (no keyword)")
            + f"; date {when.value.iso() if when.value else 'unknown'}: {when.why}"
        )
        topical = bool(issue.keywords) and issue.slug != FALLBACK_ISSUE
        result.append((
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
            ),
            topical,
        ))  # fmt: skip
    return result


def _issue_parts(
    text: str, start: int, end: int, classifier: IssueClassifier, context: tuple[str, str]
) -> list[tuple[int, int, IssueScore]]:
    """Split "intends to conclude a peace treaty, as well as to settle the territorial problem" into its two
    positions when each part names a different issue of its own; otherwise the whole quote with its issue."""
    whole = classifier.classify(text[start:end], *context)
    match = pack_for(classifier.language).coordinators.search(text, start, end)
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
    if pack_for(classifier.language).verb_final:  # 「Xの履行や、Yに向け、取り組んでいく」: one verb for both
        return [(start, end, first), (start, end, second)]
    second_start = match.start()
    while text[second_start] in " ,;、":
        second_start += 1
    return [(start, first_end, first), (second_start, end, second)]


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


def _title(text: str, sentences: list[Sentence]) -> str:
    """The document's headline: its first paragraph when that does not end like a sentence."""
    if not sentences:
        return ""
    first = text[sentences[0].paragraph_start : sentences[0].paragraph_end].strip()
    return "" if ENDS_SENTENCE.search(first) or len(first) > _MAX_HEADLINE else first


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
