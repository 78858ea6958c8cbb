"""How attributions in one sentence relate: a source that only relays another speaker, a stance nested in what an
official says, a state speaking through its own official, a second statement after "adding that", and, in a verb-final
language, the clause each cue closes."""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from db.ingest.cues import AGREEMENT, INTENTION, RELAYED, SOURCE, SPEECH, STANCE
from db.ingest.languages import LanguagePack
from db.ingest.sentences import FULL_STOPS_CJK, Sentence, quotation_spans
from db.ingest.speakers import Mention

if TYPE_CHECKING:  # attribution.py finds the attributions these functions relate
    from db.ingest.attribution import Attribution

# A comma, dash or closing quotation mark, then only a title in capitals: "…, Chief Cabinet Secretary Matsuno told".
_CLAUSE_OPENING = re.compile(r"(?:[,—–\"”»]|\s-)\s*(?:(?:the|a|an|[A-ZА-ЯЁ][\w.'’-]*)\s+){0,6}$")


def _actor_names(attribution: Attribution) -> set[str]:
    return {a.key or a.name for m in attribution.speakers for a in m.actors}


def continuations(text: str, found: list[Attribution], pack: LanguagePack) -> list[Attribution]:
    """ "…," he said, adding that …" / "…», — сказал он, добавив, что …": two statements of one speaker, the
    second from the continuing cue to the end, the first up to it."""
    ordered = sorted(found, key=lambda a: a.cue_start)
    for index, later in enumerate(ordered):
        if index == 0 or not pack.continuation_cue(later.cue):
            continue
        earlier = ordered[index - 1]
        if _actor_names(earlier) != _actor_names(later):
            continue
        cut = later.cue_start
        while cut > earlier.quote_start and text[cut - 1] in " ,;—–-":
            cut -= 1
        ordered[index - 1] = dataclasses.replace(earlier, quote_end=cut)
        ordered[index] = dataclasses.replace(later, quote_start=later.cue_start)
    return ordered


def clauses(text: str, sentence: Sentence, found: list[Attribution]) -> list[Attribution]:
    """In a verb-final language each statement is the clause that ends with its cue: 「安倍首相が…を呼びかけた
    のに対し、プーチン大統領は「…」と応じた」 holds two, each from the end of the one before."""
    ordered = sorted(found, key=lambda a: a.cue_start)
    result = []
    begin = sentence.start
    for index, attribution in enumerate(ordered):
        if attribution.cue_class is SOURCE:  # プーチン大統領「…」, …によると: the words follow the cue
            result.append(attribution)
            continue
        last = index == len(ordered) - 1
        end = sentence.end if last else attribution.cue_end
        start = begin
        first_speaker = min(m.start for m in attribution.speakers)
        if attribution.cue_class is RELAYED:  # 「林長官は、プーチン大統領が…と述べたことに関し」: from its subject
            start = max(begin, first_speaker)
        elif first_speaker < begin:  # 林長官 speaks the whole sentence around the report inside it
            start = max(sentence.start, first_speaker)
        if attribution.in_quotation:  # 「…。両国首脳間では…で一致をしております。…」: that sentence of the quotation
            start, end = _inner_sentence(text, sentence, attribution, start, end)
        while start < end and text[start] in "、，,　 ":
            start += 1
        result.append(dataclasses.replace(attribution, quote_start=start, quote_end=end))
        begin = attribution.cue_end
    return sorted(result, key=lambda a: a.cue_start)


def _inner_sentence(text: str, sentence: Sentence, attribution: Attribution, start: int, end: int) -> tuple[int, int]:
    """The sentence of a quotation that holds a third party's cue: from the full stop before it to the one after."""
    for open_at, close_at in quotation_spans(text, sentence.start, sentence.end):
        if open_at < attribution.cue_start < close_at:
            stop = max(text.rfind(mark, open_at, attribution.cue_start) for mark in FULL_STOPS_CJK)
            start = max(start, (stop if stop >= 0 else open_at) + 1)
            after = [at for mark in FULL_STOPS_CJK if (at := text.find(mark, attribution.cue_end, close_at)) >= 0]
            end = min(end, min(after) + 1 if after else close_at)
    return start, end


def relayed_by(source: Attribution, found: list[Attribution]) -> bool:
    """ "According to a Japanese official, Kono and Lavrov agreed ...", 「外務省によると、茂木氏は…求めた」: the source
    only relays what another speaker said or agreed in the same sentence; that speaker's line is the statement."""
    if source.cue_class is not SOURCE or any(m.category != "official" for m in source.speakers):
        return False  # a newspaper's relay stays (without a side) for the reviewer to see
    own = {id(m) for m in source.speakers}
    return any(
        other.cue_class in (SPEECH, AGREEMENT)
        and all(m.category == "official" for m in other.speakers)  # "…, передает ТАСС": the outlet carries it
        and not any(id(m) in own for m in other.speakers)
        and not any(m.start < s.end and s.start < m.end for m in other.speakers for s in source.speakers)
        for other in found
        if other is not source
    )


def nested(text: str, inner: Attribution, found: list[Attribution], pack: LanguagePack) -> bool:
    """A stance inside what an official said ("Peskov said that the Kremlin sees no reason") is part of that
    statement, not a second one. (Inside what a newspaper says, an official's stance is relayed and kept.)"""
    states_only = all(a.kind == "state" for m in inner.speakers for a in m.actors)
    if inner.cue_class not in (STANCE, INTENTION) and not (inner.cue_class is SPEECH and states_only):
        return False  # "Hayashi said that Tokyo had protested": the state's act is what the official reports
    complementizer = pack.complementizer
    for outer in found:
        if outer is inner or outer.cue_class not in (SPEECH, SOURCE, AGREEMENT) or outer.cue_end > inner.cue_start:
            continue
        if any(m.category != "official" for m in outer.speakers):
            continue
        if complementizer.search(text[outer.cue_end : inner.speakers[0].start]):
            return True
        if outer.cue_class is SPEECH and not text[outer.cue_end : inner.speakers[0].start].strip():
            return True  # "Lavrov said Moscow regards ...": the complementizer left out
        # "По его словам, Москва и Токио выступают за ...", "As Lavrov said, the Russian side is ready ...": the
        # source's words follow its name after a comma
        source_end = max([m.end for m in outer.speakers] + [outer.cue_end])
        between = text[source_end : inner.speakers[0].start]
        if outer.cue_class is SOURCE and source_end <= inner.speakers[0].start and re.match(r"\s*[,，、]", between):
            return True
    return False


def reported_by_own_official(text: str, found: list[Attribution], pack: LanguagePack) -> list[Attribution]:
    """ "Japan has voiced its concerns …, Chief Cabinet Secretary Matsuno told a news conference", "Japan and Russia
    agreed on quotas …, the Japanese Fisheries Agency said", "Коно сообщил, что Москва и Токио условились …": the
    state of the official who reports it is already speaking through them; the other state keeps its line."""
    result = []
    for inner in found:
        reporters = [
            outer
            for outer in found
            if outer is not inner
            and outer.cue_class is SPEECH
            and (
                outer.cue_start > inner.cue_end
                and _reporting_clause(text, outer)
                or outer.cue_end <= inner.cue_start
                and pack.complementizer.search(text[outer.cue_end : inner.speakers[0].start])
            )
        ]
        reporting_sides = {
            a.side for outer in reporters for m in outer.speakers for a in m.actors
            if m.category == "official" and a.kind in ("person", "body")
        }  # fmt: skip
        if not reporting_sides:
            result.append(inner)
            continue
        kept = tuple(
            Mention(m.start, m.end, m.text, kept_actors, m.how, m.generic_category)
            for m in inner.speakers
            if (kept_actors := tuple(
                a for a in m.actors if not (a.kind in ("state", "delegation") and a.side in reporting_sides)
            ))
        )  # fmt: skip
        if kept:
            result.append(dataclasses.replace(inner, speakers=kept))
    return result


def _reporting_clause(text: str, outer: Attribution) -> bool:
    """ "…, Matsuno told", "…, the Fisheries Agency said", "…, said Lavrov": the clause that reports the words before
    it opens after a comma, a dash or a closing quotation mark."""
    begin = min([outer.cue_start] + [m.start for m in outer.speakers if m.end <= outer.cue_start])
    lead = text[max(0, begin - 80) : begin]
    return _CLAUSE_OPENING.search(lead) is not None
