"""Which found statements a reviewer should accept without reading twice, and which to leave unticked.

The pipeline finds more than the statements a diplomat tracks. Three kinds are proposed but not accepted (the
wizard shows them unticked; the command line, which cannot ask, leaves them out):
- a statement on another matter: no issue of the taxonomy in its own words, and no actor or name of the other
  side in its paragraph, the two before, or the transcript turn it belongs to (a ministry spokesman's answer on
  the US election);
- a schedule ("arrangements are underway for Abe to attend the forum");
- a refusal to comment ("declined to comment", 「…申し上げる状況にない」と述べるにとどめた);
- a statement dated years before the document was published: background history ("In 1956 … Moscow agreed").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from db.ingest.document import Candidate
from db.ingest.gazetteer import fold
from db.ingest.languages import PACKS, LanguagePack
from db.ingest.sentences import Sentence
from db.ingest.speakers import Mention
from db.partial_date import PartialDate

BACKGROUND_YEARS = 5  # a statement dated this many years before publication is history, not news
_PARAGRAPHS_BEFORE = 2
_WORD = re.compile(r"[^\W\d_]+")


class SidesMentioned:
    """The sides named in each paragraph of a document: by an actor of that side, or by a word such as
    "Japanese", "российский", 「日本」."""

    def __init__(self, text: str, sentences: list[Sentence], mentions: Iterable[Mention]) -> None:
        self._starts: list[int] = []
        self._sides: list[set[str]] = []
        for sentence in sentences:
            if not self._starts or sentence.paragraph_start != self._starts[-1]:
                self._starts.append(sentence.paragraph_start)
                self._sides.append(_side_words(text[sentence.paragraph_start : sentence.paragraph_end]))
        for mention in mentions:
            index = bisect.bisect_right(self._starts, mention.start) - 1
            if index >= 0:
                self._sides[index] |= {a.side for a in mention.actors if a.side}

    def near(self, paragraph: int, since: int | None = None) -> set[str]:
        """Sides named in the paragraph and the two before (or every paragraph from `since` on, with the one
        before it: a transcript turn and its question)."""
        first = max(0, paragraph - _PARAGRAPHS_BEFORE if since is None else min(since, paragraph) - 1)
        sides: set[str] = set()
        for index in range(first, min(paragraph + 1, len(self._sides))):
            sides |= self._sides[index]
        return sides


def review(candidate: Candidate, pack: LanguagePack, related: bool, published: PartialDate | None) -> None:
    """Leave the candidate unticked, with the reason added for the reviewer, when it is of a kind above; `related`
    says whether it names an issue or the other side is named near it."""
    why = ""
    if candidate.side is not None and not related:
        why = "no issue named, nor the other side nearby: another matter?"
    elif pack.schedule.search(candidate.quote):
        why = "a schedule, not a position"
    elif pack.no_comment.search(candidate.quote):
        why = "declines to comment"
    elif published and candidate.said_on and candidate.said_on.year <= published.year - BACKGROUND_YEARS:
        why = f"dated {candidate.said_on.iso()}, years before publication: background?"
    if why:
        candidate.accepted = False
        candidate.reason = f"{candidate.reason}; not ticked: {why}"


def sides_named(text: str, mentions: Iterable[Mention]) -> set[str]:
    """The sides a sentence names: by an actor of that side or by a side word."""
    return _side_words(text) | {a.side for m in mentions for a in m.actors if a.side}


def other_sides(sides: set[str], candidate: Candidate) -> bool:
    return bool(sides - {candidate.side}) if candidate.side else True


def _side_words(paragraph: str) -> set[str]:
    folded = fold(paragraph)
    words = set(_WORD.findall(folded))
    sides = set()
    for pack in PACKS.values():
        for stem, side in pack.side_words:
            if len(stem) >= 2 and (any(w.startswith(stem) for w in words) if pack.words_spaced else stem in folded):
                sides.add(side)
    return sides
