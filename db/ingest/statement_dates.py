"""When a statement was made: the date in its sentence, the event it refers to, its paragraph, or the article date.

Articles rarely date each statement. They date an event once ("On March 20, a 2 + 2 meeting was held") and then
report what was said "during the talks" paragraphs later. So `DateResolver` walks the document in order and keeps
the dated events it has seen; a statement takes, in this order:
1. a date in its own sentence near the reporting verb (not a deadline "by the end of the year", not in the
   future of the publication date, not inside a quotation) -> `explicit` (`inferred` for "last year");
2. the publication date when the cue is a present-tense stance or intention ("Tokyo plans to ...") -> `article`;
3. the event its sentence refers to ("during the talks", "2 + 2") -> `inferred`;
4. a past date earlier in the same paragraph -> `inferred`;
5. the event under discussion in the last paragraphs, for past speech acts and agreements -> `inferred`;
6. the publication date -> `article`;
7. nothing: the date is not known (None) -> `unknown`. The statement is kept all the same; the user gives
   the publication date in the wizard, or dates the source's statements later.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from db.ingest.cues import AGREEMENT, INTENTION, STANCE, TURN, CueClass
from db.ingest.dates import DateMention, find_dates
from db.ingest.languages import pack_for
from db.ingest.sentences import Sentence, quotation_spans
from db.partial_date import PartialDate

_MAX_CUE_DISTANCE = 100
_EVENT_MEMORY_PARAGRAPHS = 2
_LEAD_DAYS = 7  # the lead's day dates the article's undated quotes when it is this close to publication
_NEWS_DAYS = 92  # a date further back than this before publication does not date an undated statement
_INVERTED_LEAD = re.compile(r"(?:[,—–\"”»]|\s-)\s*$")
# What may stand between a verb and the date of its saying: "said on Monday", "told a news conference in Tokyo on
# Thursday", "заявил в пятницу", "сообщил журналистам во вторник" (no complementizer, no comma: not yet what was said).
_REPORTING_WORDS = re.compile(r"[^,;:\"“”«»]{0,100}?", re.DOTALL)
_EVENT_WINDOW = 100  # the event word nearest a date, up to this far, names the dated event
_EVENT_NEIGHBOURS = 15  # other event words this much further away name it too ("a 2 + 2 meeting")


_RANK = {"year": 0, "month": 1, "day": 2}


@dataclass(frozen=True)
class StatementDate:
    value: PartialDate | None  # None: not known
    basis: str  # explicit, inferred, article, unknown
    why: str  # for the candidate's reason
    own: bool = False  # from the statement's own sentence (not the paragraph, an event or the publication)


@dataclass
class _Event:
    date: PartialDate
    words: frozenset[str]
    paragraph: int


class DateResolver:
    """Dates of the statements of one document; feed it every sentence in order with `observe`."""

    def __init__(self, text: str, language: str, published: PartialDate | None) -> None:
        self.text = text
        self.language = language
        self.published = published
        self.pack = pack_for(language)
        self._events: list[_Event] = []
        self._current: _Event | None = None
        self._current_seen_at = -100
        self._paragraph_dates: list[tuple[int, PartialDate]] = []  # (paragraph, date) of earlier sentences
        self._cache: dict[int, list[DateMention]] = {}
        self._last_day: PartialDate | None = None  # the last day-precise date mentioned, for "the next day"
        self.lead: PartialDate | None = None  # the day the article's first dated statement was made

    def dates_in(self, sentence: Sentence) -> list[DateMention]:
        """Usable date mentions of a sentence, offsets into the document: no future (by the publication date or
        by a marker such as "scheduled" before it), no deadline ("by the end of the year"), no quotation."""
        if sentence.index not in self._cache:
            quotes = quotation_spans(self.text, sentence.start, sentence.end)
            usable = []
            mentions = find_dates(sentence.text, self.language, self.published)
            for m in mentions:
                start, end = sentence.start + m.start, sentence.start + m.end
                if any(a <= start < b for a, b in quotes) or self._is_future(m.value):
                    continue
                lead = self.text[sentence.start : start]
                unquoted = "".join(  # "«… будет …», — сказал во вторник": a quoted future is no plan of the date
                    ch for i, ch in enumerate(lead, sentence.start) if not any(a <= i < b for a, b in quotes)
                )
                if self.pack.deadline_before.search(lead[-25:]) or self.pack.future.search(unquoted):
                    continue
                usable.append(DateMention(start, end, m.value, m.basis, m.text))
            self._cache[sentence.index] = usable
        return self._cache[sentence.index]

    def observe(self, sentence: Sentence) -> None:
        """Remember dated events and event references of a sentence, after its statements are dated."""
        future = self.pack.future.search(sentence.text)
        hits = self._hits(sentence, sentence.start + future.start() if future else sentence.end)
        dates = self.dates_in(sentence)
        if dates and not self.pack.publication_words.search(sentence.text):
            self._paragraph_dates.append((sentence.paragraph, dates[-1].value))
        days = [d.value for d in dates if d.value.precision == "day"]
        if days:
            self._last_day = days[-1]
        # A sentence about plans ("talks in April, ... intend to hold talks") dates no past event.
        event = None if future else self._dated_event(hits, dates, sentence.paragraph)
        if event is not None and event.date.precision == "year":  # "this year's talks": the known talks
            event = self._finer_event(event.date.year, set(event.words)) or event
            if event in self._events:
                self._set_current(event, sentence.paragraph)
                return
        if event is not None:
            self._events.append(event)
            self._set_current(event, sentence.paragraph)
        elif hits:
            referred = self._referred_event({w for _, _, w in hits})
            if referred is not None:
                self._set_current(referred, sentence.paragraph)

    def resolve(
        self,
        sentence: Sentence,
        cue_start: int,
        cue_end: int,
        cue_class: CueClass,
        speaker_start: int | None = None,
        relayed: bool = False,
    ) -> StatementDate:
        """The date of a statement whose cue spans [cue_start, cue_end) in this sentence, said by the speaker
        named at `speaker_start`. A transcript's turn was said on the transcript's day, whatever dates its words
        hold (「11月中に…開催することを考えています」), unless it is `relayed` (a statement read out)."""
        if cue_class is TURN and self.published and not relayed:
            return StatementDate(self.published, "explicit", "transcript turn: the transcript's date")
        near = [d for d in self.dates_in(sentence) if _distance(d, cue_start) <= _MAX_CUE_DISTANCE]
        near = [d for d in near if not self._attributive(d)]
        if not self.pack.verb_final and cue_class is not AGREEMENT:  # "agreed on it during the visit in December"
            near = [d for d in near if self._dates_the_saying(sentence, d, cue_start, cue_end, speaker_start)]
        infinitive = self.pack.infinitive_after.match(self.text, cue_end)
        if infinitive:  # "agreed to hold talks in December": a plan's date ("agreed in November to ..." is not)
            content_from = cue_end + infinitive.group(0).rfind(" to ") + 1
            near = [d for d in near if d.end <= cue_start or d.end <= content_from]
        # Event words after the cue belong to what was said ("suggested a visit before the summit"), unless they
        # name the occasion right after the verb ("agreed on at the December summit", "said at a briefing").
        occasion = self.pack.occasion_after.match(self.text, cue_end)
        words = {w for _, _, w in self._hits(sentence, occasion.end() if occasion else cue_end)}
        referred = self._referred_event(words) if words else None
        anchored = self._anchored_day(sentence, cue_start)
        if anchored is not None and not any(d.value.precision == "day" for d in near):
            return StatementDate(
                anchored, "inferred", f"a day counted from {self._last_day.iso() if self._last_day else ''}"
            )
        if near:
            best = min(near, key=lambda d: _distance(d, cue_start))
            # 「両政府は25日、…今年の漁をめぐる協議で合意した」: "this year" qualifies a noun, the 25th dates it
            precise = [d for d in near if _RANK[d.value.precision] > _RANK[best.value.precision]]
            if precise:
                best = min(precise, key=lambda d: _distance(d, cue_start))
            if best.value.precision == "year":
                finer = self._finer_date(sentence, best.value.year, words)
                if finer is not None:
                    return StatementDate(finer, "inferred", f"event of {finer.iso()}")
            basis = "explicit" if best.basis == "explicit" else "inferred"
            return StatementDate(best.value, basis, f"date '{best.text}' in the sentence", own=True)
        if cue_class in (STANCE, INTENTION) and self.published:
            return StatementDate(self.published, "article", "present stance: publication date")
        if self.pack.present_cue.search(self.text[cue_start:cue_end]) and self.published:
            return StatementDate(self.published, "article", "said in the present tense: publication date")
        if cue_class is TURN and self.published:  # a transcript is dated by its own date line
            return StatementDate(self.published, "explicit", "transcript turn: the transcript's date")
        if referred is not None:
            return StatementDate(referred.date, "inferred", f"refers to the event of {referred.date.iso()}")
        same_paragraph = [
            d
            for p, d in self._paragraph_dates
            if p == sentence.paragraph and d.precision != "year" and self.close_to_publication(d)
        ]
        if same_paragraph:
            return StatementDate(same_paragraph[-1], "inferred", f"date {same_paragraph[-1].iso()} in the paragraph")
        recent = sentence.paragraph - self._current_seen_at <= _EVENT_MEMORY_PARAGRAPHS
        if recent and self._current is not None and self.close_to_publication(self._current.date):
            return StatementDate(self._current.date, "inferred", f"event under discussion, {self._current.date.iso()}")
        if self.lead is not None:  # news writing: the lead says when; the quotes after it are from that day
            return StatementDate(self.lead, "inferred", f"the day of the article's lead, {self.lead.iso()}")
        if self.published:
            return StatementDate(self.published, "article", "publication date")
        return StatementDate(None, "unknown", "no date in the text and no publication date")

    def lead_statement(self, when: StatementDate) -> None:
        """Take the day of the article's first statement that has its own, as the day of the news ("Japan and
        Russia agreed Tuesday …"): a few days before publication at most."""
        if self.lead is not None or not when.own or when.value is None or when.value.precision != "day":
            return
        if self.published is None or 0 <= (self.published.start() - when.value.start()).days <= _LEAD_DAYS:
            self.lead = when.value

    # --- helpers -------------------------------------------------------------------------------------------
    def _dates_the_saying(
        self, sentence: Sentence, date: DateMention, cue_start: int, cue_end: int, speaker_start: int | None
    ) -> bool:
        """Whether a date of the sentence dates the saying, not what was said: "He said the government protested
        Medvedev's visit last Friday" dates the visit; "Suga said on Monday that …" and "…, Matsuno told a news
        conference on Thursday" date the saying. After the verb only the words before what was said count;
        before it, nothing of what was said when the report comes after it ("…, Matsuno told")."""
        clause_start = self._clause_start(sentence, cue_start)
        speaker_before = speaker_start is not None and speaker_start < clause_start  # "Lavrov, on March 29, stated"
        lead = self.text[max(sentence.start, cue_start - 6) : cue_start]
        inverted = _INVERTED_LEAD.search(lead) is not None and not speaker_before
        if date.end <= cue_start:
            return not inverted or date.start >= clause_start
        between = self.text[cue_end : date.start]
        return inverted or _REPORTING_WORDS.fullmatch(between) is not None

    def _attributive(self, date: DateMention) -> bool:
        """「1986年の政府間協定」: a date that qualifies a noun dates that thing, not the saying; 「16日の記者会見で」
        dates the occasion, which is the saying's."""
        if self.pack.attributive_before.search(self.text, max(0, date.start - 20), date.start):
            return True  # "the Joint Declaration of 1956"
        particle = self.pack.attributive_after.match(self.text, date.end)
        occasion = particle and self.pack.event_words.search(self.text, particle.end(), particle.end() + 8)
        return particle is not None and not occasion  # 「6日の定例記者会見で」 is an occasion too

    def _clause_start(self, sentence: Sentence, cue_start: int) -> int:
        """Where the reporting clause of an inverted cue begins: after the last comma, dash or quote before it."""
        lead = self.text[sentence.start : cue_start]
        cut = max(lead.rfind(mark) for mark in ',—–"”»')
        return sentence.start + cut + 1 if cut >= 0 else sentence.start

    def _anchored_day(self, sentence: Sentence, cue_start: int) -> PartialDate | None:
        """ "The next day", 翌日, "на следующий день" near the cue: the last day-precise date, shifted."""
        if self._last_day is None:
            return None
        for match in self.pack.anchored_days.finditer(self.text, sentence.start, sentence.end):
            if abs(match.start() - cue_start) > _MAX_CUE_DISTANCE:
                continue
            words = match.group(0).lower()
            shift = next((v for k, v in self.pack.anchor_shifts if k in words), 0)
            day = self._last_day.start() + dt.timedelta(days=shift)
            return PartialDate(day.year, day.month, day.day)
        return None

    def _hits(self, sentence: Sentence, until: int) -> list[tuple[int, int, str]]:
        """Event words of a sentence before `until`, as (start, end, normalised word)."""
        return [
            (sentence.start + m.start(), sentence.start + m.end(), _word(m.group(0)))
            for m in self.pack.event_words.finditer(sentence.text)
            if sentence.start + m.end() <= until
        ]

    def _dated_event(self, hits: list[tuple[int, int, str]], dates: list[DateMention], paragraph: int) -> _Event | None:
        """The event a sentence dates: the event word nearest a date (and words right next to it)."""
        best: tuple[int, DateMention, tuple[int, int, str]] | None = None
        for date in dates:
            for hit in hits:
                gap = _gap(hit[0], hit[1], date.start, date.end)
                finer = best is not None and _RANK[date.value.precision] > _RANK[best[1].value.precision]
                coarser = best is not None and _RANK[date.value.precision] < _RANK[best[1].value.precision]
                if gap <= _EVENT_WINDOW and (best is None or finer or (gap < best[0] and not coarser)):
                    best = (gap, date, hit)
        if best is None:
            return None
        _, date, _ = best
        words = {w for a, b, w in hits if _gap(a, b, date.start, date.end) <= best[0] + _EVENT_NEIGHBOURS}
        return _Event(date.value, frozenset(words | {self._event_class(w) for w in words}), paragraph)

    def _referred_event(self, words: set[str]) -> _Event | None:
        """The event that event words point to: one sharing a distinctive word ("2 + 2"), else the current or
        the last event of the same kind ("the talks" -> the last talks); None when no event fits."""
        distinctive = {w for w in words if self.pack.distinctive_events.search(w)}
        if distinctive:
            for event in reversed(self._events):
                if distinctive & event.words:
                    return event
        classes = {self._event_class(w) for w in words}
        if self._current is not None and classes & self._current.words:
            return self._current
        for event in reversed(self._events):
            if classes & event.words:
                return event
        return None

    def _finer_date(self, sentence: Sentence, year: int, words: set[str]) -> PartialDate | None:
        """A more precise date for a year-only one: the event the sentence refers to, a date of that year
        earlier in the paragraph, or the event under discussion."""
        if words:
            event = self._finer_event(year, words)
            if event is not None:
                return event.date
        same_paragraph = [d for p, d in self._paragraph_dates if p == sentence.paragraph and d.year == year]
        finer = [d for d in same_paragraph if d.precision != "year"]
        if finer:
            return finer[-1]
        if self._current is not None and self._current.date.year == year and self._current.date.precision != "year":
            return self._current.date
        return None

    def _finer_event(self, year: int, words: set[str]) -> _Event | None:
        """For a year-only date ("this year", "last year's summit"): a known event of that year dated more
        precisely, preferring one the sentence refers to."""
        same_year = [e for e in self._events if e.date.year == year and e.date.precision != "year"]
        if not words:
            if self._current in same_year:
                return self._current
            return same_year[-1] if same_year else None
        classes = {self._event_class(w) for w in words} | words
        fitting = [e for e in same_year if classes & e.words]
        distinctive = [e for e in fitting if {w for w in words if self.pack.distinctive_events.search(w)} & e.words]
        if distinctive:
            return distinctive[-1]
        if self._current in fitting:
            return self._current
        return fitting[-1] if fitting else None

    def _event_class(self, word: str) -> str:
        """The kind of event a word names ("the talks" point to the last talks, not the last summit)."""
        return next((name for name, pattern in self.pack.event_classes if pattern.search(word)), "talks")

    def _set_current(self, event: _Event, paragraph: int) -> None:
        self._current = event
        self._current_seen_at = paragraph

    def close_to_publication(self, value: PartialDate) -> bool:
        """A date close enough before publication to be the occasion of a statement reported without its own date;
        older dates in the text ("launched in 1992", "first held in 2013") are background."""
        if self.published is None:
            return True
        ends = value.start().replace(month=value.month or 12)
        return (self.published.start() - ends).days <= _NEWS_DAYS

    def _is_future(self, value: PartialDate) -> bool:
        if self.published is None:
            return False
        cut = len(value.iso())
        return (
            value.iso() > self.published.iso()[:cut]
            if len(self.published.iso()) >= cut
            else (value.iso()[: len(self.published.iso())] > self.published.iso())
        )


def _word(text: str) -> str:
    return re.sub(r"\s+", "", text.lower())


def _gap(a: int, b: int, c: int, d: int) -> int:
    """Characters between the spans [a, b) and [c, d) (0 when they touch or overlap)."""
    return max(0, c - b, a - d)


def _distance(mention: DateMention, cue_start: int) -> int:
    if mention.end <= cue_start:
        return cue_start - mention.end
    return max(0, mention.start - cue_start)
