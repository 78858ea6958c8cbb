"""Transcripts: speaker labels ("LAVROV:", "Press Secretary Kawamura:", "【林外務大臣】") and the turns they open.

A turn goes on, sentence by sentence, over the paragraphs after its label (more of the answer, the items of a list
the speaker began) until the next label, a heading, or narration in the writer's voice. A summary announced as a
speaker's words (「…の発言要旨は次の通り」, "Lavrov said the following:") is read as a turn too.
"""

from __future__ import annotations

import re

from db.ingest.cues import AGREEMENT
from db.ingest.gazetteer import Gazetteer
from db.ingest.languages import pack_for
from db.ingest.sentences import ENDS_SENTENCE, Sentence
from db.ingest.speakers import Mention

# "LAVROV:", "Mr. Lavrov:", "М.В.Захарова:", "林官房長官:", "Q:", "Вопрос:", "記者:" at the start of a paragraph.
# (No "^": `match(text, pos)` anchors at pos, while "^" would only match at the start of the whole text.)
# "LAVROV:", "Mr. Lavrov:", "М.В.Захарова:", "林官房長官:", "【林外務大臣】", "Mr. MOTEGI Toshimitsu, Minister for
# Foreign Affairs:", "С.Абэ (как переведено):", and (問)/(答) in a summary of a press conference, at the start of a
# paragraph; group 1, 2 or 3 is the label.
_LABEL = re.compile(
    r"\s*(?:【\s*([^】\n]{1,24}?)\s*】|[(（]\s*([問答])\s*[)）]"
    r"|([^\W\d][\w .,'’\-]{0,90}?|[\u3040-\u30ff\u3400-\u9fff・]{2,15})\s*(?:\([^()\n]{1,30}\)\s*)?[:：])\s*(?=\S)"
)


_MAX_LABEL_WORDS = 4  # "Press Secretary Kawamura:"; a label with a comma ("Name, Title:") may be longer


_MAX_TITLED_LABEL_WORDS = 16


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


# A turn ends like a sentence: a stop, maybe inside quotes ('… talks."'); a headline "Захарова: Япония должна
# пересмотреть решение о размещении «Тифонов»" ends on a quoted name without one.
_TURN_END = re.compile(r"(?:[.!?…。！？][\"”»」』)）]*|[」』）)])\s*$")


_MIN_TURN_CJK_CHARACTERS = 12


_FULL_STOP = re.compile(r"[.。]\s*$")  # a short first line ending with a stop: "Good afternoon."


def turn_label(text: str, sentence: Sentence, *, short: bool = False) -> re.Match[str] | None:
    """The speaker label ("Q:", "Вопрос:", "LAVROV:", "林官房長官:") that opens the sentence's paragraph, if any.

    A label is short (up to four words) and the paragraph after it is a full turn: it ends like a sentence and has
    at least six words (twelve characters in Japanese), so that a heading such as "Russia-Japan: 2 + 2 =?" or a
    headline "Lavrov: Moscow ready for talks" is not a turn."""
    if sentence.start != sentence.paragraph_start:
        return None
    match = _LABEL.match(text, sentence.start, sentence.paragraph_end)
    label = label_text(match) if match else ""
    words = label.replace(",", " ").split()  # "Kyodo News, Sato:"
    # "DEPUTY CHIEF CABINET SECRETARY SEKO:", "President of Russia Vladimir Putin:": a title before a full name
    named = len(words) >= 2 and all(w[:1].isupper() for w in words[-2:])
    titled = "," in label or "【" in (match.group(0) if match else "") or (label.isupper() and len(label) > 3) or named
    limit = _MAX_TITLED_LABEL_WORDS if titled else _MAX_LABEL_WORDS
    if not match or len(words) > limit or not _label_words(words, "," in label or named):
        return None  # "Lavrov told reporters: ..." is a sentence, not a label
    if short:  # any labelled paragraph, however short ("Q: And the talks?"), ends the turn before it
        return match
    rest = text[match.end() : sentence.paragraph_end]
    long_enough = len(rest) >= _MIN_TURN_CJK_CHARACTERS if _CJK.search(rest[:20]) else len(rest.split()) >= 6
    if not _TURN_END.search(rest) or not long_enough and not _FULL_STOP.search(rest):
        return None  # "Lavrov: Moscow ready for talks" is a headline; "Vladimir Putin: Good afternoon." a turn
    return match


def label_text(match: re.Match[str]) -> str:
    return (match.group(label_group(match)) or "").strip()


def label_group(match: re.Match[str]) -> int:
    """Which group of `_LABEL` holds the label: 【…】, (問)/(答) or "Name:"."""
    return next((n for n in range(1, 4) if match.group(n)), 3)


def _label_words(words: list[str], titled: bool) -> bool:
    """A label's words are capitalised (or CJK); after "Name," a title may have lower-case words ("for", "of")."""
    if not words or not (words[0][0].isupper() or _CJK.match(words[0])):
        return False
    if titled:
        return sum(1 for w in words if w[0].isupper() or _CJK.match(w)) * 2 > len(words)
    return all(w[0].isupper() or _CJK.match(w) for w in words)


def transcript_turn(
    text: str, sentence: Sentence, gazetteer: Gazetteer, mentions: list[Mention], language: str
) -> Mention | None:
    """The speaker of a "NAME: words" line at the start of a paragraph, when NAME is a known actor."""
    match = turn_label(text, sentence)
    if not match:
        return None
    label = label_text(match)
    group = label_group(match)
    for m in mentions:
        inside = match.start(group) <= m.start and m.end <= match.end(group)
        person = all(a.kind == "person" for a in m.actors)  # "Tokyo: Tokyo on Wednesday …" is a dateline
        if inside and m.actors and person and m.how in ("alias", "fuzzy", "role") and m.category == "official":
            return Mention(match.start(group), match.end(group), label, m.actors, m.how)
    bare = pack_for(language).label_honorifics.sub("", label)  # "S.Lavrov", "С.В.Лавров", "Mr. Lavrov"
    for candidate in (label, bare, bare.split()[-1] if bare.split() else bare):
        found = gazetteer.by_alias(candidate.title()) or gazetteer.by_alias(candidate)
        actors = [a for a in found if a.kind == "person"]
        if actors:
            return Mention(match.start(group), match.end(group), label, (actors[0],), "alias")
    return None


_MIN_TURN_CJK = 10  # characters of a Japanese sentence of a transcript that holds a position ...


_MIN_TURN_WORDS = 5  # ... and words of an English or Russian one


class Turns:
    """The speaker of a transcript: a labelled turn ("Mr. Lavrov:", "【林外務大臣】") goes on, sentence by
    sentence, over the following paragraphs (a list of points, more of the answer) until the next label, a
    heading, or narration about the speaker in the third person."""

    def __init__(self, language: str, host: Mention | None = None) -> None:
        self.pack = pack_for(language)
        self.host = host  # the official the title names ("Брифинг … М.В.Захаровой"), who gives the answers
        self.language = language
        self.speaker: Mention | None = None
        self.since = 0  # the paragraph the turn began in
        self.listing = False  # the last paragraph of the turn began or continued a list
        self.fragment: Sentence | None = None  # a sentence of the turn without a predicate, joined to the one before
        self._document: Mention | None = None  # the issuer of the document the last sentence reported
        self.partner: Mention | None = None  # the last official of another side the turn named

    def at(
        self, text: str, sentence: Sentence, gazetteer: Gazetteer, mentions: list[Mention]
    ) -> tuple[Mention, int] | None:
        """(speaker, where the spoken words start) when the sentence belongs to a turn."""
        if sentence.start != sentence.paragraph_start:
            return (self.speaker, sentence.start) if self.speaker is not None else None
        label = turn_label(text, sentence)
        if label is not None:
            self.speaker = transcript_turn(text, sentence, gazetteer, mentions, self.language)
            written = label_text(label)
            if self.speaker is None and self.host is not None and self.pack.answer_label.fullmatch(written):
                group = label_group(label)  # "Ответ:" in a briefing the title names the speaker of
                self.speaker = Mention(label.start(group), label.end(group), written, self.host.actors, "role")
            self._document = None
            self.partner = None
            self.since = sentence.paragraph
            return (self.speaker, label.end()) if self.speaker is not None else None
        paragraph = text[sentence.paragraph_start : sentence.paragraph_end].rstrip()
        if self.speaker is None or turn_label(text, sentence, short=True) is not None or heading(paragraph):
            self.speaker = None  # "Q: And the talks?", a heading: the turn is over
            return None
        return self.speaker, sentence.start

    def announced(self, text: str, sentence: Sentence, mentions: list[Mention]) -> None:
        """「プーチン大統領の発言要旨は次の通り。」, "Lavrov said the following:": the paragraphs after it are
        that speaker's words."""
        match = self.pack.turn_announcement.search(sentence.text)
        if match is None:
            return
        at = sentence.start + match.start()
        speakers = [m for m in mentions if m.end <= at and len(m.actors) == 1 and m.category == "official"]
        topics = [m for m in speakers if self.pack.topic_marker.match(text, m.end)]  # 「次官は、大使に対して…」
        if speakers:
            self.speaker = topics[0] if topics else speakers[-1]
            self.since = sentence.paragraph

    def narration(self, paragraph: str, reported: bool) -> None:
        """A paragraph after the turn that reports someone (its first sentence names a speaker with a cue: "Как
        передает «Интерфакс», …", "Earlier, Kishida confirmed …") and does not speak in the speaker's own voice is
        the writer's: the transcript is over. A cue without a speaker ("Честно говоря, не увидела…") is the speaker
        going on; so are the items of a list the speaker began ("私から大使に対し、" / "…であること")."""
        if self.listing or self.pack.own_voice.search(paragraph):
            return
        if reported:
            self.speaker = None

    def paragraph_done(self, paragraph: str) -> None:
        """Remember whether a turn's paragraph leaves a list open (ends with a comma or without a full stop)."""
        self.listing = self.speaker is not None and (
            paragraph.rstrip()[-1:] in ",、，:：" or not ENDS_SENTENCE.search(paragraph)
        )

    def joint_agreement(self, text: str, sentence: Sentence, words_start: int, mentions: list[Mention]) -> int | None:
        """Where the cue starts of an agreement the speaker reports in the first person ("We shared the view that",
        "Minister Lavrov and I agreed"), when the turn has named the other party (an official of another side)."""
        speaker = self.speaker
        if speaker is None:
            return None
        cues = self.pack.find_cues(text, words_start, sentence.end)
        own_voice = self.pack.own_voice
        first_person = [at for at, _, kind in cues if kind is AGREEMENT and own_voice.search(text, words_start, at)]
        cue = first_person[0] if first_person else None
        sides = {a.side for a in speaker.actors}
        for m in mentions:  # the counterpart, not someone the agreement is about ("… consultations with Morgulov")
            person = len(m.actors) == 1 and m.actors[0].kind == "person" and m.category == "official"
            if person and m.actors[0].side not in sides and (cue is None or m.end <= cue):
                self.partner = m
        return cue if self.partner is not None else None

    def document_issuer(self, words: str, gazetteer: Gazetteer) -> Mention | None:
        """The state speaking through the turn's sentence when it gives a document's words ("声明においては、…と
        指摘しています", "The joint statement condemns …") or goes on reporting it: a spokesman who reads out a
        statement relays his government's position, he does not state his own."""
        speaker = self.speaker
        reports = self.pack.document_report.search(words)
        goes_on = self._document is not None and self.pack.document_goes_on.search(words)
        self._document = None
        if speaker is None or not (reports or goes_on):
            return None
        states = [gazetteer.state_of(a.side) for a in speaker.actors if a.side]
        if not states or states[0] is None:
            return None
        self._document = Mention(speaker.start, speaker.end, speaker.text, (states[0],), "role")
        return self._document

    def worth_a_statement(self, words: str) -> bool:
        """A turn's sentence that holds a position, not "That is all from me" or "Thank you"."""
        if self.pack.procedural.search(words):
            return False
        cjk = sum(1 for ch in words if "\u3040" <= ch <= "\u9fff")
        if words.rstrip()[-1:] in ",、，:：":
            return False  # "私から大使に対し、": the start of what follows
        return cjk >= _MIN_TURN_CJK if cjk * 2 > len(words) else len(words.split()) >= _MIN_TURN_WORDS


def heading(paragraph: str) -> bool:
    """A short line without a full stop: a heading ("Comments by the Foreign Minister", "米国大統領選挙"), not the
    start of a list ("私からロシア大使に対し、")."""
    if ENDS_SENTENCE.search(paragraph) or paragraph.rstrip()[-1:] in ",、，:：":
        return False
    cjk = sum(1 for ch in paragraph if "\u3040" <= ch <= "\u9fff")
    return cjk < _MIN_TURN_CJK * 2 if cjk * 2 > len(paragraph) else len(paragraph.split()) < _MIN_TURN_WORDS * 2
