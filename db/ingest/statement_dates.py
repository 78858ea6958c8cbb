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
6. the publication date -> `article`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from db.ingest.cues import INTENTION, STANCE, CueClass
from db.ingest.dates import DateMention, find_dates
from db.ingest.document import PartialDate
from db.ingest.sentences import Sentence, quotation_spans

_MAX_CUE_DISTANCE = 100
_EVENT_MEMORY_PARAGRAPHS = 2
_EVENT_WORDS = {
    "en": r"talks|meeting|negotiations|summit|visit|consultations|dialogue|conference|session|forum|interview|"
    r"2 ?\+ ?2|round|press conference|briefing",
    "ru": r"переговор\w*|встреч\w*|саммит\w*|визит\w*|консультаци\w*|диалог\w*|конференци\w*|заседани\w*|сесси\w*|"
    r"форум\w*|интервью|брифинг\w*|2 ?\+ ?2",
    "ja": r"首脳会談|外相会談|会談|会合|協議|訪問|会議|記者会見|対話|フォーラム|インタビュー|2プラス2|２プラス２",
}
# Event words that identify one event among several (a "2 + 2" is not the "strategic dialogue").
_DISTINCTIVE = re.compile(
    r"2 ?\+ ?2|summit|forum|commission|conference|interview|strategic dialogue|session|саммит|форум|комисси|"
    r"интервью|конференци|首脳会談|フォーラム|委員会|記者会見|プラス",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(?:will|scheduled|planned|upcoming|next|to be held|is expected|are expected|forthcoming)\b|"
    r"будет|будут|состоится|запланирован|предстоящ|予定|来月|来年",
    re.IGNORECASE,
)
_DEADLINE_BEFORE = re.compile(
    r"(?:\b(?:by|until|till|before|since|after|from|through|prior to|within)\s+(?:the\s+)?(?:\w+\s+)?|"
    r"(?<![\w-])(?:до|к|с|после|начиная с)\s+)$",
    re.IGNORECASE,
)
_PUBLICATION = re.compile(
    r"\b(?:published|article|issue of|wrote|edition)\b|опубликова|статья|掲載|報じ", re.IGNORECASE
)


@dataclass(frozen=True)
class StatementDate:
    value: PartialDate
    basis: str  # explicit, inferred, article
    why: str  # for the candidate's reason


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
        self._event_words = re.compile(_EVENT_WORDS.get(language, _EVENT_WORDS["en"]), re.IGNORECASE)
        self._events: list[_Event] = []
        self._current: _Event | None = None
        self._current_seen_at = -100
        self._paragraph_dates: list[tuple[int, PartialDate]] = []  # (paragraph, date) of earlier sentences
        self._cache: dict[int, list[DateMention]] = {}

    def dates_in(self, sentence: Sentence) -> list[DateMention]:
        """Usable date mentions of a sentence, offsets into the document (no future, no deadline, no quote)."""
        if sentence.index not in self._cache:
            quotes = quotation_spans(self.text, sentence.start, sentence.end)
            usable = []
            for m in find_dates(sentence.text, self.language, self.published):
                start, end = sentence.start + m.start, sentence.start + m.end
                if any(a <= start < b for a, b in quotes) or self._is_future(m.value):
                    continue
                if _DEADLINE_BEFORE.search(self.text[max(sentence.start, start - 25) : start]):
                    continue
                usable.append(DateMention(start, end, m.value, m.basis, m.text))
            self._cache[sentence.index] = usable
        return self._cache[sentence.index]

    def observe(self, sentence: Sentence) -> None:
        """Remember dated events and event references of a sentence, after its statements are dated."""
        words = self._words(sentence)
        dates = [] if _FUTURE.search(sentence.text) else self.dates_in(sentence)
        if dates and not _PUBLICATION.search(sentence.text):
            self._paragraph_dates.append((sentence.paragraph, dates[-1].value))
        if words and dates and not _FUTURE.search(sentence.text):
            event = _Event(dates[0].value, frozenset(words), sentence.paragraph)
            self._events.append(event)
            self._set_current(event, sentence.paragraph)
        elif words:
            referred = self._referred_event(words)
            if referred is not None:
                self._set_current(referred, sentence.paragraph)

    def resolve(self, sentence: Sentence, cue_start: int, cue_class: CueClass) -> StatementDate:
        """The date of a statement whose cue starts at `cue_start` in this sentence."""
        near = [d for d in self.dates_in(sentence) if _distance(d, cue_start) <= _MAX_CUE_DISTANCE]
        words = self._words(sentence)
        referred = self._referred_event(words) if words else None
        if near:
            best = min(near, key=lambda d: _distance(d, cue_start))
            if best.value.precision == "year" and referred and referred.date.year == best.value.year:
                return StatementDate(referred.date, "inferred", f"event of {referred.date.iso()}")
            basis = "explicit" if best.basis == "explicit" else "inferred"
            return StatementDate(best.value, basis, f"date '{best.text}' in the sentence")
        if cue_class in (STANCE, INTENTION) and self.published:
            return StatementDate(self.published, "article", "present stance: publication date")
        if referred is not None:
            return StatementDate(referred.date, "inferred", f"refers to the event of {referred.date.iso()}")
        same_paragraph = [d for p, d in self._paragraph_dates if p == sentence.paragraph]
        if same_paragraph:
            return StatementDate(same_paragraph[-1], "inferred", f"date {same_paragraph[-1].iso()} in the paragraph")
        recent = self._current and sentence.paragraph - self._current_seen_at <= _EVENT_MEMORY_PARAGRAPHS
        if recent and self._current is not None:
            return StatementDate(self._current.date, "inferred", f"event under discussion, {self._current.date.iso()}")
        if self.published:
            return StatementDate(self.published, "article", "publication date")
        return StatementDate(PartialDate(1970), "article", "no date known")

    # --- helpers -------------------------------------------------------------------------------------------
    def _words(self, sentence: Sentence) -> set[str]:
        return {re.sub(r"\s+", "", m.group(0).lower()) for m in self._event_words.finditer(sentence.text)}

    def _referred_event(self, words: set[str]) -> _Event | None:
        """The event a sentence's event words point to: one sharing a distinctive word, else the current one."""
        distinctive = {w for w in words if _DISTINCTIVE.search(w)}
        if distinctive:
            for event in reversed(self._events):
                if distinctive & event.words:
                    return event
        if self._current is not None:
            return self._current
        return self._events[-1] if self._events else None

    def _set_current(self, event: _Event, paragraph: int) -> None:
        self._current = event
        self._current_seen_at = paragraph

    def _is_future(self, value: PartialDate) -> bool:
        if self.published is None:
            return False
        cut = len(value.iso())
        return (
            value.iso() > self.published.iso()[:cut]
            if len(self.published.iso()) >= cut
            else (value.iso()[: len(self.published.iso())] > self.published.iso())
        )


def _distance(mention: DateMention, cue_start: int) -> int:
    if mention.end <= cue_start:
        return cue_start - mention.end
    return max(0, mention.start - cue_start)
