"""Issue classification: which issue of the taxonomy a statement is about, from weighted keywords.

Keywords come from the issue taxonomy (`resources/issues.json`, user-editable), per language. A keyword counts
more the more specific it is (longer phrases), hits in the statement itself count fully and hits in the rest of
its paragraph a little (a pronoun-only sentence, "this could upset the balance", takes its topic from there).
The catch-all issue `other` (summits, talks, relations) only wins when nothing specific is there. When a
statement links two things ("joint activity should be a step towards a peace treaty") the annotation rule files
it under the thing being linked, so keywords before a linking phrase weigh more than those after it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from db.ingest.gazetteer import Gazetteer, fold
from db.ingest.languages import pack_for

FALLBACK_ISSUE = "other"
_ACRONYM_MARK = "\ue000"  # a private-use character before an acronym in capitals, kept by folding
CONTEXT_WEIGHT = 0.25  # a keyword elsewhere in the paragraph, when the statement has none of its own or only
# refers back to it ("this activity", "its implementation")
CONTEXT_WEIGHT_WITH_OWN = 0.08  # ... when it names its own topic
BACKGROUND_WEIGHT = 0.4  # a keyword in the paragraphs before, relative to one in the paragraph
FALLBACK_WEIGHT = 0.35
LINKED_FROM_WEIGHT = 1.5
LINKED_TO_WEIGHT = 0.3
PRECEDENCE_FACTOR = 0.5
# A narrow issue framed against a broader one wins when its own keywords are in the statement: projects on the
# islands are joint economic activity, not the territorial dispute; missile defence "against North Korea" is
# missile defence (taxonomy definitions in the corpus README and issues.json descriptions).
PRECEDENCE = {
    "joint_economic_activity": ("territorial_dispute", "peace_treaty", "fisheries", "trade_economy"),
    "missile_defense": ("north_korea", "security_military"),
    "peace_treaty": ("territorial_dispute", "other"),
    # visa-free exchanges and grave visits concern the islands' former residents; exercises and deployments on the
    # islands are security (issue definitions): the narrower topic wins when it is named.
    "visas_exchanges": ("territorial_dispute", "joint_economic_activity"),
    "security_military": ("territorial_dispute",),
    # North Korea's forces and its military ties are the North Korea issue (its definition: "military scenarios")
    "north_korea": ("security_military",),
}


_STOPWORDS = {
    "the",
    "of",
    "on",
    "in",
    "to",
    "and",
    "a",
    "an",
    "for",
    "with",
    "by",
    "at",
    "в",
    "на",
    "и",
    "с",
    "по",
    "о",
    "к",
}


@dataclass(frozen=True)
class IssueScore:
    slug: str
    score: float
    keywords: tuple[str, ...]


class IssueClassifier:
    """Compiled keyword patterns of every issue for one language."""

    def __init__(self, gazetteer: Gazetteer, language: str) -> None:
        self.language = language
        self.pack = pack_for(language)
        # (issue, keyword, its first word, pattern, weight): the first word is a cheap substring probe that
        # spares most regex scans, since a keyword cannot match where its first word is absent.
        self._patterns: list[tuple[str, str, str, re.Pattern[str], float]] = []
        self._acronyms: set[str] = set()
        self._acronym_pattern: re.Pattern[str] | None = None
        for issue in gazetteer.issues:
            words = list(issue.keywords.get(language, ()))
            if language != "en":  # Latin acronyms (THAAD, Aegis, G7) also appear in Russian and Japanese texts
                words += [
                    w for w in issue.keywords.get("en", ()) if re.fullmatch(r"[a-z0-9+\- ]{2,}", w) and len(w) <= 6
                ]
            # A keyword written in capitals is an acronym, matched only in capitals: ПРО (missile defence), not про
            acronyms = [w for w in words if len(w) >= 2 and w.isupper()]
            self._acronyms.update(acronyms)
            words = [_ACRONYM_MARK + w if w in acronyms else w for w in words]
            for word in dict.fromkeys(fold(w) for w in words if w.strip()):
                probe = word.split()[0]
                weight = _weight(word, issue.slug, self.pack.word_count(word))
                self._patterns.append((issue.slug, word, probe, _keyword_pattern(word), weight))

    def _fold(self, text: str) -> str:
        """The text folded for matching, with its acronyms marked so that they keep their case."""
        if self._acronyms and self._acronym_pattern is None:
            alternatives = "|".join(re.escape(a) for a in sorted(self._acronyms, key=len, reverse=True))
            self._acronym_pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
        if self._acronym_pattern is not None:
            text = self._acronym_pattern.sub(lambda m: _ACRONYM_MARK + m.group(0), text)
        return fold(text)

    @functools.lru_cache(maxsize=256)  # noqa: B019 - one classifier per document; paragraphs repeat
    def _matches(self, folded: str) -> dict[str, list[tuple[int, int, float, str]]]:
        """Keyword matches per issue; a match inside a longer match of the same issue is not counted again
        ("joint economic activities" also contains "economic activities"); the longest of overlapping ones counts."""
        found: dict[str, list[tuple[int, int, float, str]]] = {}
        for slug, word, probe, pattern, weight in self._patterns:
            if probe not in folded:
                continue
            for match in pattern.finditer(folded):
                found.setdefault(slug, []).append((match.start(), match.end(), weight, word))
        for slug, matches in found.items():
            matches.sort(key=lambda hit: (-(hit[1] - hit[0]), hit[0]))
            kept: list[tuple[int, int, float, str]] = []
            for hit in matches:
                if not any(hit[0] < k[1] and k[0] < hit[1] for k in kept):
                    kept.append(hit)
            found[slug] = kept
        return found

    def scores(self, statement: str, context: str = "", background: str = "") -> list[IssueScore]:
        """Issues ranked by score for a statement, its paragraph (which may include the statement) and a wider
        background (the paragraphs before). Context counts much less once the statement has keywords of its own."""
        statement_folded = self._fold(statement)
        link = self.pack.links.search(statement_folded)
        link_at = link.start() if link else None
        own_scores: dict[str, float] = {}
        topical = False  # the statement names a specific issue itself (not only as a goal, not only "talks")
        hits: dict[str, list[str]] = {}
        own_matches = self._matches(statement_folded)
        for slug, matches in own_matches.items():
            for position, _, weight, word in matches:
                # "X should be a step towards Y" is about X; so is 「Yに向けX」, where the goal comes first
                about = link_at is None or ((position >= link_at) if self.pack.goal_before_link else position < link_at)
                if about:
                    own_scores[slug] = own_scores.get(slug, 0.0) + weight * (
                        1.0 if link_at is None else LINKED_FROM_WEIGHT
                    )
                    topical = topical or slug != FALLBACK_ISSUE
                else:
                    own_scores[slug] = own_scores.get(slug, 0.0) + weight * LINKED_TO_WEIGHT
                hits.setdefault(slug, []).append(word.replace(_ACRONYM_MARK, ""))
        context_scores: dict[str, float] = {}
        context_folded = self._fold(context)
        if statement_folded and statement_folded in context_folded:  # the paragraph without the statement itself
            context_folded = context_folded.replace(statement_folded, " ", 1)
        for weight_factor, folded in ((1.0, context_folded), (BACKGROUND_WEIGHT, self._fold(background))):
            for slug, matches in self._matches(folded).items():
                context_scores[slug] = context_scores.get(slug, 0.0) + weight_factor * sum(m[2] for m in matches)
        # "this activity", "its implementation": the topic is in the context; otherwise the statement's own words
        # (even only "the summit") outweigh what the paragraph is about.
        anaphoric = bool(self.pack.anaphors.search(statement_folded))
        factor = CONTEXT_WEIGHT if (anaphoric and not topical) or not own_scores else CONTEXT_WEIGHT_WITH_OWN
        # Once the statement names issues of its own, its context only weighs between them: a paragraph full of the
        # islands does not make "agreed on a visit this year" a statement on the islands.
        own_topics = bool(own_scores) and factor == CONTEXT_WEIGHT_WITH_OWN
        candidates = set(own_scores) if own_topics else set(own_scores) | set(context_scores)
        totals = {slug: own_scores.get(slug, 0.0) + factor * context_scores.get(slug, 0.0) for slug in candidates}
        for narrow, broader in PRECEDENCE.items():
            if narrow in hits or (narrow in totals and not any(b in hits for b in broader)):
                for slug in broader:
                    if slug in totals:
                        totals[slug] *= PRECEDENCE_FACTOR
        ranked = sorted(totals.items(), key=lambda item: -item[1])
        return [IssueScore(slug, round(score, 3), tuple(hits.get(slug, ()))) for slug, score in ranked]

    def classify(self, statement: str, context: str = "", background: str = "") -> IssueScore:
        """The best issue, or `other` with score 0 when no keyword matches."""
        ranked = self.scores(statement, context, background)
        return ranked[0] if ranked else IssueScore(FALLBACK_ISSUE, 0.0, ())


def _keyword_pattern(word: str) -> re.Pattern[str]:
    """Keywords are stems or phrases: they must start at a word start in Latin and Cyrillic scripts."""
    escaped = re.escape(word).replace(r"\ ", r"\s+")
    if re.search(r"[\u3040-\u30ff\u3400-\u9fff]", word):
        return re.compile(escaped)
    return re.compile(r"(?<![\w])" + escaped)


def _weight(word: str, slug: str, words: int) -> float:
    """Keywords of several words are more specific (平和条約 over ウラジオストク, "peace treaty" over "forum"); the
    catch-all issue weighs little. `words` counts the keyword's words as its language's pack does."""
    if re.search(r"[\u3040-\u30ff\u3400-\u9fff]", word):
        specificity = 1.0 + 0.6 * max(0, words - 1) + min(len(word), 8) / 8
    else:
        words = len([w for w in re.findall(r"[^\W\d_]{2,}", word) if w not in _STOPWORDS])
        specificity = 1.0 + 0.6 * max(0, words - 1) + min(len(word), 20) / 20
    return specificity * (FALLBACK_WEIGHT if slug == FALLBACK_ISSUE else 1.0)
