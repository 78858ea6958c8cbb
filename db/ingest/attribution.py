"""Find attributed statements in a sentence: a cue (reporting verb, "according to", 「…」と述べた) and its speaker.

The speaker of a verb cue is the nearest mention before it in the same clause that can be a subject (not the
object of a preposition, not a possessive); "according to X" and "по словам X" take the mention after the cue;
Japanese takes the topic ("Xは") of the sentence. Coordinated speakers ("Lavrov and Kono agreed") and
collectives ("the parties") give one speaker per actor, which is how an agreement becomes one line per side.
A speaker-labelled transcript turn ("LAVROV: ...") is a direct quotation of that speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from db.ingest.cues import AGREEMENT, INTENTION, NOUN, RELAYED, SOURCE, SPEECH, STANCE, CueClass
from db.ingest.languages import LanguagePack, pack_for
from db.ingest.relays import clauses, continuations, nested, relayed_by, reported_by_own_official
from db.ingest.sentences import Sentence, quotation_spans
from db.ingest.speakers import Mention

_MAX_SUBJECT_GAP = 110  # characters between a subject and its verb ("X, for his part, in response, said")
_MAX_PARENTHETICAL_GAP = 200  # "Lavrov, in an interview with the newspaper ... on March 29, ..., stated"
_MIN_DIRECT_QUOTE_WORDS = 4
_MAX_INVERTED_GAP = 90  # characters between an inverted cue and its speaker ("заявил в беседе с журналистами посол")
_INVERTED_CLAUSE_END = re.compile(r"[,;:.!?]\s")
_SENTENCE_INSIDE = re.compile(r"[.!?。！？]\s*[A-ZА-ЯЁ]")  # "… visiting Russia. We proposed": not the subject


@dataclass(frozen=True)
class Attribution:
    """One attributed statement in one sentence: who (one or more speakers), the cue, and the quote span."""

    speakers: tuple[Mention, ...]
    cue: str
    cue_start: int
    cue_end: int
    cue_class: CueClass
    kind: str  # direct_quote, reported, characterization
    quote_start: int
    quote_end: int
    in_quotation: bool = False  # a third party's statement relayed inside someone's quotation

    @property
    def collective(self) -> bool:
        return len(self.speakers) > 1 or any(len(m.actors) > 1 for m in self.speakers)


def find_attributions(
    text: str,
    sentence: Sentence,
    mentions: list[Mention],
    language: str,
    fallback: tuple[Mention, ...] = (),
) -> list[Attribution]:
    """Attributions in one sentence; `mentions` are the (resolved) mentions inside it, in text order.

    `fallback` are the speakers of the discourse so far: in a language that leaves out a subject it already
    named (Japanese: 「また、…懸念を示した。」), a cue without a speaker of its own is theirs."""
    pack = pack_for(language)
    cues = _cues(text, sentence, pack)
    quotes = quotation_spans(text, sentence.start, sentence.end)
    # Names inside a quotation are what someone said ("Both sides are far apart," said X), never the speaker.
    outside = [m for m in mentions if not any(a < m.start and m.end < b for a, b in quotes)]
    found: list[Attribution] = []
    for match_start, match_end, cue_class in cues:
        quote = next(((a, b) for a, b in quotes if a < match_start and match_end <= b), None)
        if _filtered(text, sentence, match_start, match_end, cue_class, pack):
            continue
        if quote is not None and _in_parentheses(text, quote[0], match_start):
            continue  # «… (так в Японии называют …)», — отметил Суга: the writer's note inside the quotation
        if quote is not None and cue_class in (STANCE, INTENTION):
            continue  # 「日本政府は…リーダーになろうとしている」 inside a quotation: how the speaker sees them
        if quote is not None:  # a verb inside someone's quotation is part of what they said, unless it reports
            inside = [m for m in mentions if quote[0] < m.start and m.end < quote[1] and m.how != "pronoun"]
            speakers = _speakers(text, sentence, inside, match_start, match_end, cue_class, pack)  # a third party
        else:
            speakers = _speakers(text, sentence, outside, match_start, match_end, cue_class, pack)
            named_elsewhere = _unnamed_source(text, sentence, outside, match_start, pack)
            if not speakers and pack.zero_subject and cue_class not in (RELAYED, SOURCE) and not named_elsewhere:
                speakers = fallback
        if not speakers:
            continue
        if cue_class is AGREEMENT:
            speakers = _with_partners(text, sentence, outside, speakers, match_start, match_end, pack)
        kind = _kind(text, sentence, quotes, speakers, cue_class)
        cue = text[match_start:match_end]
        found.append(
            Attribution(
                speakers, cue, match_start, match_end, cue_class, kind, sentence.start, sentence.end, quote is not None
            )  # fmt: skip
        )
    # "Комментируя реакцию Токио, представитель МИД заявила …": a participle opening the sentence belongs to the
    # main verb after it, whose subject is its subject too
    found = [a for a in found if not (_opens_sentence(text, sentence, a) and pack.continuation_cue(a.cue)
                                      and any(b.cue_start > a.cue_end for b in found))]  # fmt: skip
    found = [a for a in found if not relayed_by(a, found)]
    found = [a for a in found if not nested(text, a, found, pack)]
    found = reported_by_own_official(text, found, pack)
    return clauses(text, sentence, found) if pack.verb_final else continuations(text, found, pack)


def _opens_sentence(text: str, sentence: Sentence, attribution: Attribution) -> bool:
    return not text[sentence.start : attribution.cue_start].strip(" \"«“„'—–-")


def _in_parentheses(text: str, start: int, at: int) -> bool:
    """True when `at` is inside a parenthesis opened after `start`."""
    before = text[start:at]
    return max(before.rfind("("), before.rfind("（")) > max(before.rfind(")"), before.rfind("）"))


def _with_partners(
    text: str,
    sentence: Sentence,
    mentions: list[Mention],
    speakers: tuple[Mention, ...],
    cue_start: int,
    cue_end: int,
    pack: LanguagePack,
) -> tuple[Mention, ...]:
    """The other party of an agreement: 「岸田外相はラブロフ外相と会談し、…で合意した」, "Kono agreed with Lavrov",
    "Лавров договорился с Мотэги": one line for each."""
    taken = {id(m) for m in speakers}
    partners = []
    for m in mentions:
        if id(m) in taken or not m.actors or m.category != "official":
            continue
        before = sentence.start <= m.start and m.end <= cue_start and pack.partner_before.match(text, m.end)
        after = cue_end <= m.start <= cue_end + 12 and pack.partner_after.search(text[cue_end : m.start])
        if before or after:
            partners.append(m)
    return speakers + tuple(partners)


def _unnamed_source(text: str, sentence: Sentence, mentions: list[Mention], cue_start: int, pack: LanguagePack) -> bool:
    """「事情に詳しい関係者の1人は、…としている」: the speaker is someone unnamed, not the last one named."""
    for match in pack.unnamed_source.finditer(text, sentence.start, cue_start):
        if not any(m.start <= match.start() < m.end for m in mentions):
            return True
    return False


def _cues(text: str, sentence: Sentence, pack: LanguagePack) -> list[tuple[int, int, CueClass]]:
    """Cue matches in the sentence, the longest kept where two overlap."""
    raw = pack.find_cues(text, sentence.start, sentence.end)
    raw.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    kept: list[tuple[int, int, CueClass]] = []
    for cue in raw:
        if all(cue[1] <= k[0] or cue[0] >= k[1] for k in kept):
            kept.append(cue)
    return sorted(kept, key=lambda c: c[0])


def _filtered(text: str, sentence: Sentence, start: int, end: int, cue_class: CueClass, pack: LanguagePack) -> bool:
    """Cues that do not introduce a statement: passives ("This was said"), schedules ("plans to visit")."""
    before = text[sentence.start : start]
    if pack.declined_comment.match(text, end, sentence.end):
        return True  # "declined to comment": no content
    if pack.adjective_before.search(before):
        return True  # "the said meeting", "a proposed plan": an adjective, not a verb
    if pack.relayed_by.match(text[start:end]):
        return False
    if cue_class in (SPEECH, AGREEMENT) and pack.passive_before.search(before):
        if cue_class is AGREEMENT and pack.impersonal_passive.search(before):
            return False  # "the leaders ..., it was decided": an impersonal agreement of the subject before it
        after = text[end : end + 4]
        return not after.startswith(" by")
    if cue_class is INTENTION:
        lead = text[max(sentence.start, start - 12) : start]
        if pack.schedule_before_intention.search(lead):
            return True
        return bool(pack.schedule_after_intention.match(text[end : min(sentence.end, end + 40)]))
    return False


def _speakers(
    text: str,
    sentence: Sentence,
    mentions: list[Mention],
    start: int,
    end: int,
    cue_class: CueClass,
    pack: LanguagePack,
) -> tuple[Mention, ...]:
    inside = [m for m in mentions if m.start >= start and m.end <= end]
    if cue_class is SPEECH and pack.relayed_by.match(text[start:end]):
        inside = []  # "Rudenko was quoted by the RIA news agency as saying": RIA only carries the words
    if inside and cue_class in (SPEECH, SOURCE) and pack.speaker_inside_cue.match(text, start):
        return tuple(inside)  # "in his opinion", "quoted Lavrov and Kono as saying", "по его словам"
    if cue_class.speaker_after:
        if pack.source_speaker_before:  # 「日本経済新聞によると」: the source ends where the cue begins
            source = [m for m in mentions if m.end <= start and start - m.end <= 1]
            return _with_coordinated(text, mentions, source[-1] if source else None, pack)
        after = [m for m in mentions if m.start >= end and m.start - end <= 30]
        if after and not re.search(r"[,.;:!?]", text[end : after[0].start]):
            return _with_coordinated_right(text, mentions, after[0], pack)
        return ()
    if cue_class is NOUN:
        owner = [m for m in mentions if m.end <= start and start - m.end <= 1]
        return (owner[-1],) if owner else ()
    if cue_class is RELAYED:  # 「プーチン大統領が…と述べたことに関し」: only a subject of its own clause speaks
        subject = _marked_subject(text, mentions, start, pack)
        return _with_coordinated(text, mentions, subject, pack) if subject else ()
    if pack.subject_by_topic:  # no topic or subject of its own: the speaker was named before (zero_subject)
        topic = _topic(text, mentions, start, pack)
        return _with_coordinated(text, mentions, topic, pack) if topic else ()
    inverted = _inverted_speaker(text, mentions, start, end, sentence, pack)
    if inverted:
        return (inverted,)
    agent = _agent(text, mentions, end, pack)
    if agent:
        return _with_coordinated_right(text, mentions, agent, pack)
    subject = _nearest_left(text, sentence, mentions, start, pack, guess_object=not pack.inverted_subject_far)
    if subject is None:
        subject = _institution(text, sentence, mentions, start, end, pack)
    if subject is None and pack.inverted_subject_far:
        subject = _subject_after(text, sentence, mentions, start, end, pack)  # "Об этом заявил посол Галузин"
    if subject is None and pack.inverted_subject_far:
        subject = _nearest_left(text, sentence, mentions, start, pack, guess_object=True)
    if subject is None:
        return ()
    return _with_coordinated(text, mentions, subject, pack)


def _agrees(pack: LanguagePack, mention: Mention, verb: str) -> bool:
    """Whether a mention can be the verb's subject: its first word, or its last (a foreign given name such as
    "Минору" does not decline; its surname "Кихара" shows the case)."""
    words = mention.text.split() or [mention.text]
    as_named = len(words) == 1 and any(mention.text in actor.all_aliases() for actor in mention.actors)
    if as_named and not pack.knows_word(mention.text):
        return pack.takes_noun_subject(verb)  # a name the analyser does not know, written as the gazetteer has it:
        # "— отметил Суга" (not "Суги"); never the subject of "Призываем"
    return pack.can_be_subject(words[0], verb) or pack.can_be_subject(words[-1], verb)


def _subject_after(
    text: str, sentence: Sentence, mentions: list[Mention], start: int, end: int, pack: LanguagePack
) -> Mention | None:
    """In a free word order (Russian) the subject may follow its verb: the first name after it, in the same
    clause, that can be in the nominative ("Об этом сообщило японское управление по рыболовству")."""
    clause_end = _INVERTED_CLAUSE_END.search(text, end, sentence.end)
    limit = clause_end.start() if clause_end else sentence.end
    verb = text[start:end]
    for m in mentions:
        near = end <= m.start <= limit and m.start - end <= _MAX_INVERTED_GAP
        governed = bool(pack.object_before.search(text[max(end, m.start - 20) : m.start]))  # "посол РФ в Токио"
        # an abbreviation right after a noun depends on it ("посол РФ", "МИД РФ"): it does not decline to show it
        governed = governed or (m.text.isupper() and bool(re.search(r"[a-zа-яё]\s+$", text[end : m.start])))
        if near and not governed and _agrees(pack, m, verb):
            return m
    return None


def _inverted_speaker(
    text: str, mentions: list[Mention], start: int, end: int, sentence: Sentence, pack: LanguagePack
) -> Mention | None:
    """ "..., said Lavrov" / "— заявил Лавров": the speaker after a cue that follows a comma or dash.

    After a bare comma the name must close the clause ("..., said Lavrov." / ", said Lavrov, adding"): in
    "Lavrov, for his part, said Moscow regards ..." the name after the verb begins what was said. The speaker may
    stand a little after the verb ("— заявил в беседе с журналистами посол РФ в Токио Михаил Галузин",
    "— сказал во вторник Онодэра"): the first name there that can be a subject (a nominative), before any comma."""
    lead = text[max(0, start - 6) : start]
    if not re.search(r"(?:[,—–\"”»]|\s-)\s*$", lead):
        return None
    quoted_before = re.search(r"[\"”»」]\s*,?\s*[—–-]?\s*$", lead)
    clause_end = _INVERTED_CLAUSE_END.search(text, end, sentence.end)
    limit = clause_end.start() if clause_end else sentence.end
    for m in mentions:
        if m.start < end or m.start > limit or m.start - end > _MAX_INVERTED_GAP:
            continue
        if m.start - end > 2 and not pack.inverted_subject_far:
            return None
        if not _agrees(pack, m, text[start:end]):
            continue  # "заявил пресс-секретарь российского лидера Дмитрий Песков": not the genitive
        if m.start > end and pack.object_before.search(text[max(end, m.start - 20) : m.start]):
            continue  # "заявил посол РФ в Токио …": a place, not the speaker
        named = _named_after(text, mentions, m)  # "заявила представитель МИД РФ Мария Захарова": the person
        if named is not None:
            return named
        closes = re.match(r"\s*(?:[.,;:!?)]|$|\(|—|–)", text[m.end : m.end + 3])
        if quoted_before or closes or not re.search(r",\s*$", lead):
            return m
        if not pack.inverted_subject_far:
            return None
    return None


def _named_after(text: str, mentions: list[Mention], body: Mention) -> Mention | None:
    """The person named right after a ministry or state ("представитель МИД РФ Мария Захарова", "Japan's Foreign
    Minister Yoko Kamikawa"): the ministry only says whose official the person is."""
    if not body.actors or body.actors[0].kind not in ("body", "state"):
        return None
    for m in mentions:
        if m.start >= body.end and not text[body.end : m.start].strip():
            person = len(m.actors) == 1 and m.actors[0].kind == "person"
            return m if person and m.actors[0].side == body.actors[0].side else None
    return None


def _agent(text: str, mentions: list[Mention], end: int, pack: LanguagePack) -> Mention | None:
    """ "a plan proposed by Shinzo Abe", "They are claimed by Japan": the agent of a passive cue."""
    for m in mentions:
        if m.start >= end and m.start - end <= 5:
            return m if pack.by_agent.search(text[end : m.start]) else None
    return None


def _institution(
    text: str, sentence: Sentence, mentions: list[Mention], start: int, end: int, pack: LanguagePack
) -> Mention | None:
    """ "В МИД России заявили", "заявили в Кремле": an impersonal plural verb and the institution it happened in."""
    if not pack.impersonal_plural.search(text[start:end]):
        return None
    for m in mentions:
        before = text[max(sentence.start, m.start - 4) : m.start]
        institution = bool(m.actors) and m.actors[0].kind in ("body", "state")
        placed = m.end <= start or 0 <= m.start - end <= 6
        if institution and placed and pack.institution_before.search(before):
            return m
    return None


def _nearest_left(
    text: str, sentence: Sentence, mentions: list[Mention], cue_start: int, pack: LanguagePack, guess_object: bool
) -> Mention | None:
    """The nearest mention before the cue that can be its subject; with `guess_object`, an object right before
    the verb when nothing else is there (a garbled translation: "the idea of X declared")."""
    fallback: Mention | None = None  # an object right before the verb: garbled translation ("idea of X declared")
    if pack.unrecognised_subject.search(text[max(sentence.start, cue_start - 60) : cue_start]):
        return None  # "..., the official said": the subject is a phrase that is no known actor
    for m in reversed([m for m in mentions if m.end <= cue_start]):
        gap = text[m.end : cue_start]
        if len(gap) > (_MAX_PARENTHETICAL_GAP if gap.lstrip().startswith(",") else _MAX_SUBJECT_GAP):
            return None
        breaks = pack.clause_break.search(gap) or pack.relative_clause.search(gap) or _SENTENCE_INSIDE.search(gap)
        if breaks or gap.rfind("(") > gap.rfind(")"):
            return None  # another clause; a verb inside a parenthesis ("(так в Японии называют …)") has its own
        if pack.possessive_pronouns.match(m.text):
            continue
        if pack.possessive_after.match(text[m.end : m.end + 3]):
            continue  # "Japan's missile defense": a possessive is not the subject
        lead = text[max(sentence.start, m.start - 40) : m.start]
        if pack.object_before.search(lead[-20:]) and not pack.spokesman_of.search(lead):
            if fallback is None and not gap.strip() and m.actors:
                fallback = m
            continue
        if _in_prepositional_phrase(text, sentence, m, pack):
            continue
        if pack.object_particle_after.match(text[m.end : m.end + 1]):
            continue
        if pack.oblique_object(text[max(sentence.start, m.start - 60) : m.end]):
            continue  # "принял посла Японии Кодзуки и заявил": the name after an object's title is not the subject
        verb = (text[cue_start : cue_start + 40].split() or [""])[0]
        if m.how != "pronoun" and not _agrees(pack, m, verb):
            continue  # "планы Японии … видит": a genitive does not speak
        return m
    return fallback if guess_object else None


def _in_prepositional_phrase(text: str, sentence: Sentence, mention: Mention, pack: LanguagePack) -> bool:
    """True when the mention sits in a comma-delimited phrase that opens with a preposition and ends before the
    verb ("..., in an interview with the newspaper Argumenty i Fakty on March 29, ... stated")."""
    pattern = pack.phrase_preposition
    comma = text.rfind(",", sentence.start, mention.start)
    if comma < 0:
        return False  # a sentence-initial phrase ("In Japan, ...") is checked by the preposition right before
    segment = text[comma + 1 : mention.start]
    closing = text.find(",", mention.end, sentence.end)
    return bool(pattern.match(segment)) and closing >= 0 and not re.search(r"\b(?:and|or)\s*$", segment)


def _topic(text: str, mentions: list[Mention], cue_start: int, pack: LanguagePack) -> Mention | None:
    """The topic (は, も) nearest before the cue, else the first subject (が): in 「日本側は…を求めたが、ロシア側は…を
    主張した」 each verb has its own topic; in 「XはYが…と述べた」 X speaks."""
    before = [m for m in mentions if _same_sentence(text, m.end, cue_start) and m.end <= cue_start]
    topics = [m for m in before if pack.topic_marker.match(text, _past_apposition(text, m.end))]
    if topics:  # the first topic, unless a clause ended after it ("…求めたが、ロシア側は…")
        chosen = topics[0]
        for later in topics[1:]:
            if pack.clause_end.search(text, chosen.end, later.start):
                chosen = later
        return chosen
    subjects = [
        m
        for m in before
        if pack.subject_marker.match(text, _past_apposition(text, m.end))
        and not pack.clause_closed(*_unquoted(text, m.end, cue_start))
    ]  # 「日本側が求めている問題には触れず、…と述べた」: 日本側 is the subject of 求めている only; the clauses of a
    # quotation (「Xが「…分けても、…」と指摘した」) are what X said
    return subjects[0] if subjects else None


def _unquoted(text: str, start: int, end: int) -> tuple[str, int, int]:
    """text[start:end] with its quotations left out, as (text, start, end) for a check of its clauses."""
    kept, at = [], start
    for open_at, close_at in quotation_spans(text, start, end):
        kept.append(text[at:open_at])
        at = close_at + 1
    kept.append(text[at:end])
    joined = "「」".join(kept)
    return joined, 0, len(joined)


_APPOSITION = re.compile(r"・[\u3400-\u9fff\u30a0-\u30ff]{1,8}|\s?[(（][^()（）\n]{1,12}[)）]")


def _past_apposition(text: str, end: int) -> int:
    """After a name, past a title or a note set beside it (「前原誠司・前代表が」, 「ノズドレフ氏(52)は」)."""
    match = _APPOSITION.match(text, end)
    return match.end() if match else end


def _same_sentence(text: str, start: int, end: int) -> bool:
    """No sentence ends between the two offsets, apart from one inside a quotation that closes there too: inside
    the long quotation 「…。…と思っています。…」 each sentence has its own topic."""
    stops = re.finditer(r"[。！？]", text[start:end])
    return all(re.search(r"[」』]", text[start + stop.end() : end]) for stop in stops)


def _marked_subject(text: str, mentions: list[Mention], cue_start: int, pack: LanguagePack) -> Mention | None:
    """The nearest mention before the cue marked as a subject (が), with no clause ending in between."""
    for m in reversed([m for m in mentions if m.end <= cue_start]):
        if pack.subject_marker.match(text, m.end) and not pack.clause_end.search(text, m.end, cue_start):
            return m
    return None


def _with_coordinated(
    text: str, mentions: list[Mention], subject: Mention | None, pack: LanguagePack
) -> tuple[Mention, ...]:
    """Add the mentions coordinated before the subject: "Putin and Abe agreed" -> (Putin, Abe)."""
    if subject is None:
        return ()
    found = [subject]
    joiner = pack.coordination
    earlier = [m for m in mentions if m.end <= subject.start]
    current = subject
    while earlier:
        previous = earlier.pop()
        if not joiner.match(text[previous.end : current.start]):
            break
        found.insert(0, previous)
        current = previous
    return tuple(found)


def _with_coordinated_right(
    text: str, mentions: list[Mention], first: Mention, pack: LanguagePack
) -> tuple[Mention, ...]:
    found = [first]
    joiner = pack.coordination
    for m in [m for m in mentions if m.start >= first.end]:
        if not joiner.match(text[found[-1].end : m.start]):
            break
        found.append(m)
    return tuple(found)


def _kind(
    text: str,
    sentence: Sentence,
    quotes: list[tuple[int, int]],
    speakers: tuple[Mention, ...],
    cue_class: CueClass,
) -> str:
    """direct_quote when a real quotation (not a scare-quoted term) is in the sentence; characterization for a
    state's standing stance ("Tokyo considers ..."); reported otherwise."""
    if cue_class in (SPEECH, SOURCE, NOUN) and any(
        _word_count(text[a:b]) >= _MIN_DIRECT_QUOTE_WORDS for a, b in quotes
    ):
        return "direct_quote"
    kinds = {a.kind for m in speakers for a in m.actors}
    if cue_class is STANCE and kinds and kinds <= {"state", "delegation"}:
        return "characterization"
    return "reported"


def _word_count(quoted: str) -> int:
    if re.search(r"[\u3040-\u30ff\u3400-\u9fff]", quoted):
        return len(quoted) // 2  # about two characters a word
    return len(quoted.split())
