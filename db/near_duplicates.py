"""The same statement reported by several outlets: near-duplicates by speaker, date and quote similarity.

Quote similarity works for languages with and without spaces and with inflection. Japanese (no spaces) is
compared by character bigrams; English and Russian by the mean of character trigrams and of words cut to
their first five letters (a crude stem that lets `переговоры`/`переговоров`, `develop`/`development` match).
Counts are multisets, so long quotes on the same subject do not look alike merely by sharing common letter
pairs. The score is the larger of the Dice coefficient and 0.85 × the containment of the shorter quote (an
outlet that quotes only part of a statement). THRESHOLD was chosen on tests/db/near_duplicate_pairs.py
(same speaker, same day, same subject; true and false pairs in three languages) and checked on a held-out set.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from db.ingest.document import Candidate
from db.partial_date import PartialDate, from_stored
from db.store import Store

THRESHOLD = 0.64
CONTAINMENT_WEIGHT = 0.85
NEAR_DAYS = 2  # reports of one statement are dated by their own publication: a day or two apart
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_WORD = re.compile(r"\w+")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")


def _char_grams(text: str, n: int) -> Counter[str]:
    letters = "".join(ch for ch in _fold(text) if ch.isalnum())
    return Counter(letters[i : i + n] for i in range(max(1, len(letters) - n + 1)))


def _word_stems(text: str) -> Counter[str]:
    return Counter(word[:5] for word in _WORD.findall(_fold(text)))


def _overlap(a: Counter[str], b: Counter[str]) -> float:
    shared = sum((a & b).values())
    size_a, size_b = sum(a.values()), sum(b.values())
    if not size_a or not size_b:
        return 0.0
    return max(2 * shared / (size_a + size_b), CONTAINMENT_WEIGHT * shared / min(size_a, size_b))


def is_japanese(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(bool(_CJK.match(ch)) for ch in letters) / len(letters) > 0.2


@dataclass(frozen=True)
class QuoteProfile:
    """What a quote is compared by, computed once per quote (a batch compares each quote with many)."""

    japanese: bool
    bigrams: Counter[str]
    trigrams: Counter[str]
    stems: Counter[str]


def profile(quote: str) -> QuoteProfile:
    return QuoteProfile(is_japanese(quote), _char_grams(quote, 2), _char_grams(quote, 3), _word_stems(quote))


def similarity(a: QuoteProfile, b: QuoteProfile) -> float:
    if a.japanese or b.japanese:
        return _overlap(a.bigrams, b.bigrams)
    return (_overlap(a.trigrams, b.trigrams) + _overlap(a.stems, b.stems)) / 2


def quote_similarity(a: str, b: str) -> float:
    """0 (nothing alike) to 1 (the same words), see the module docstring."""
    return similarity(profile(a), profile(b))


def dates_near(a: PartialDate, b: PartialDate, days: int = NEAR_DAYS) -> bool:
    """Within a few days; a date known only to the month or year is near anything in its period."""
    if a.precision != "day" or b.precision != "day":
        shorter = min(len(a.iso()), len(b.iso()))
        return a.iso()[:shorter] == b.iso()[:shorter]
    return abs((a.start() - b.start()).days) <= days


@dataclass(frozen=True)
class StoredMatch:
    """An existing statement a candidate repeats."""

    uid: str
    score: float
    speaker: str
    said_on: PartialDate
    quote: str
    outlet: str | None


def find_stored(store: Store, candidate: Candidate, actor_id: int | None = None) -> StoredMatch | None:
    """The most similar stored statement by the same speaker within a few days, if it passes the threshold.

    Reads the (actor, date) index, for a speaker the gazetteer does not know its statements without an actor.
    A statement whose date is not known is never taken for a repeat: "the same day" cannot be told.
    """
    if candidate.said_on is None:
        return None
    low, high = _window(candidate.said_on)
    if actor_id is not None:
        sql = "st.actor_id = ? AND st.said_on BETWEEN ? AND ?"
        args: list[object] = [actor_id, low, high]
    else:
        sql = ("st.actor_id IS NULL AND st.speaker = ? AND st.issue_id = (SELECT id FROM issues WHERE slug = ?)"
               " AND st.said_on BETWEEN ? AND ?")  # fmt: skip
        args = [candidate.speaker, candidate.issue, low, high]
    rows = store.conn.execute(
        "SELECT st.uid, st.speaker, st.said_on, st.date_precision, st.quote, so.outlet FROM statements st"
        f" LEFT JOIN sources so ON so.id = st.source_id WHERE {sql} LIMIT 500",
        args,
    )
    best: StoredMatch | None = None
    for uid, speaker, said_on, precision, quote, outlet in rows:
        when = from_stored(said_on, precision)
        if when is None or not dates_near(candidate.said_on, when):
            continue
        score = quote_similarity(candidate.quote, quote)
        if score >= THRESHOLD and (best is None or score > best.score):
            best = StoredMatch(uid, round(score, 3), speaker, when, quote, outlet)
    return best


def _window(when: PartialDate) -> tuple[str, str]:
    first = when.start() - dt.timedelta(days=NEAR_DAYS)
    last = when.start() + dt.timedelta(days=NEAR_DAYS)
    if when.precision != "day":  # the whole month or year it names, whose statements are stored on its first day
        last = dt.date(when.year, when.month or 12, 28) + dt.timedelta(days=4)
    return first.isoformat(), last.isoformat()


@dataclass(frozen=True)
class MergeTarget:
    """What an accepted candidate of a batch joins: a stored statement, or a candidate of an earlier document."""

    uid: str | None = None
    document: int | None = None  # index in the batch
    row: int | None = None


MergePlan = Mapping[tuple[int, int], MergeTarget]  # (document, candidate) in the batch -> what it joins


def targets_for(document: int, plan: MergePlan | None, committed: Sequence[Mapping[int, str]]) -> dict[int, str]:
    """For one document of the batch, candidate -> statement uid, given the uids of the documents committed before
    it (a candidate whose earlier twin was rejected or not committed is added as a statement of its own)."""
    targets: dict[int, str] = {}
    for (doc, row), target in (plan or {}).items():
        if doc != document:
            continue
        if target.uid:
            targets[row] = target.uid
        elif target.document is not None and target.row is not None and target.document < document:
            uid = committed[target.document].get(target.row)
            if uid:
                targets[row] = uid
    return targets


def find_in_batch(candidates: Sequence[tuple[int, int, Candidate]]) -> dict[tuple[int, int], tuple[int, int, float]]:
    """Candidates of a batch that repeat one of an earlier document: (document, row) -> (document, row, score).

    Only across documents (one outlet reporting a statement twice is not several sources) and always pointing
    at an earlier document, so the statement it joins is already committed when it comes. Candidates are
    compared only within the same speaker and, for those dated to the day, only within a few days (sorted by
    date, so a batch of thousands of one minister's statements is not compared pair by pair).
    """
    by_speaker: dict[str, list[tuple[int, int, Candidate]]] = {}
    for item in candidates:
        if item[2].said_on is None:  # a statement whose date is not known is never taken for a repeat
            continue
        by_speaker.setdefault(item[2].actor_key or _fold(item[2].speaker), []).append(item)
    found: dict[tuple[int, int], tuple[int, int, float]] = {}
    for group in by_speaker.values():
        periods = _Periods([c.said_on for _d, _r, c in group if c.said_on is not None])  # every one has a date
        profiles: dict[int, QuoteProfile] = {}
        for n, (doc, row, _candidate) in enumerate(group):
            best: tuple[int, int, float] | None = None
            for m in periods.near(n):
                earlier_doc, earlier_row, earlier = group[m]
                if earlier_doc >= doc or (earlier_doc, earlier_row) in found:
                    continue
                for k in (n, m):
                    if k not in profiles:
                        profiles[k] = profile(group[k][2].quote)
                score = similarity(profiles[n], profiles[m])
                if score >= THRESHOLD and (best is None or score > best[2]):
                    best = (earlier_doc, earlier_row, round(score, 3))
            if best is not None:
                found[(doc, row)] = best
    return found


class _Periods:
    """The dates of one speaker's candidates, indexed so that those near a date are found without a pass over all
    of them: days sorted for a window of a few days, dates known to the month or year by that month or year (a
    month is near every day in it and the year it falls in, see `dates_near`)."""

    def __init__(self, dates: Sequence[PartialDate]) -> None:
        self.dates = dates
        self.days = sorted((d.start().toordinal(), n) for n, d in enumerate(dates) if d.precision == "day")
        self.ordinals = [day for day, _n in self.days]
        self.by_period: dict[str, list[int]] = {}
        for n, d in enumerate(dates):
            if d.precision != "day":
                self.by_period.setdefault(d.iso(), []).append(n)

    def near(self, n: int) -> list[int]:
        """Indexes of the dates near date n (n itself included), in index order."""
        when = self.dates[n]
        if when.precision == "day":
            day = when.start().toordinal()
            low, high = day - NEAR_DAYS, day + NEAR_DAYS
            periods = [when.iso()[:7], when.iso()[:4]]
        else:
            first = when.start()
            last = dt.date(when.year, when.month or 12, 28) + dt.timedelta(days=4)
            low, high = first.toordinal(), last.toordinal()
            periods = [p for p in self.by_period if p.startswith(when.iso()) or when.iso().startswith(p)]
        window = self.days[bisect_left(self.ordinals, low) : bisect_right(self.ordinals, high)]
        found = {m for _day, m in window if dates_near(when, self.dates[m])}
        for period in periods:
            found.update(self.by_period.get(period, ()))
        return sorted(found)


@dataclass
class Duplicate:
    """A candidate that repeats a statement: what it repeats, how alike, and whether the user wants them merged."""

    target: MergeTarget
    score: float
    speaker: str
    said_on: PartialDate
    quote: str
    outlet: str | None
    merge: bool = True


def detect(
    store: Store, documents: Sequence[Sequence[Candidate]], outlets: Sequence[str | None], skip: Iterable[int] = ()
) -> dict[tuple[int, int], Duplicate]:
    """Candidates of a batch that repeat a stored statement (preferred) or one of an earlier document.

    `outlets` names each document's outlet (for the label); documents in `skip` (imported before) are left out.
    """
    skipped = set(skip)
    actor_ids = dict(store.conn.execute("SELECT key, id FROM actors"))
    found: dict[tuple[int, int], Duplicate] = {}
    for doc, candidates in enumerate(documents):
        if doc in skipped:
            continue
        for row, candidate in enumerate(candidates):
            stored = find_stored(store, candidate, actor_ids.get(candidate.actor_key or ""))
            if stored is not None:
                found[(doc, row)] = Duplicate(MergeTarget(uid=stored.uid), stored.score, stored.speaker,
                                              stored.said_on, stored.quote, stored.outlet)  # fmt: skip
    flat = [(d, r, c) for d, cs in enumerate(documents) if d not in skipped for r, c in enumerate(cs)]
    for (doc, row), (earlier_doc, earlier_row, score) in find_in_batch(flat).items():
        twin = documents[earlier_doc][earlier_row]
        if (doc, row) not in found and twin.said_on is not None:
            found[(doc, row)] = Duplicate(MergeTarget(document=earlier_doc, row=earlier_row), score, twin.speaker,
                                          twin.said_on, twin.quote, outlets[earlier_doc])  # fmt: skip
    return found
