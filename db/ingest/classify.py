"""Issue classification: which issue of the taxonomy a statement is about, from weighted keywords.

Keywords come from the issue taxonomy (`resources/issues.json`, user-editable), per language. A keyword counts
more the more specific it is (longer phrases), hits in the statement itself count fully and hits in the rest of
its paragraph a little (a pronoun-only sentence, "this could upset the balance", takes its topic from there).
The catch-all issue `other` (summits, talks, relations) only wins when nothing specific is there. When a
statement links two things ("joint activity should be a step towards a peace treaty") the annotation rule files
it under the thing being linked, so keywords before a linking phrase weigh more than those after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from db.ingest.gazetteer import Gazetteer, fold

FALLBACK_ISSUE = "other"
CONTEXT_WEIGHT = 0.25
FALLBACK_WEIGHT = 0.35
_LINKS = {
    "en": re.compile(
        r"\b(?:step towards?|towards|pave the way|key to|a way to|condition for|conditions for|linked? to|"
        r"in order to|with a view to|prelude to)\b"
    ),
    "ru": re.compile(r"(?:шаг(?:ом)? к|на пути к|ключ к|услови[ея] для|с целью|в целях|привести к|путь к)"),
    "ja": re.compile(r"(?:に向けた|に向け|につなげ|への一歩|のための|の前提)"),
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
        self._patterns: list[tuple[str, str, re.Pattern[str], float]] = []
        for issue in gazetteer.issues:
            words = list(issue.keywords.get(language, ()))
            if language != "en":  # Latin acronyms (THAAD, Aegis, G7) also appear in Russian and Japanese texts
                words += [
                    w for w in issue.keywords.get("en", ()) if re.fullmatch(r"[a-z0-9+\- ]{2,}", w) and len(w) <= 6
                ]
            for word in dict.fromkeys(fold(w) for w in words if w.strip()):
                self._patterns.append((issue.slug, word, _keyword_pattern(word), _weight(word, issue.slug)))

    def scores(self, statement: str, context: str = "") -> list[IssueScore]:
        """Issues ranked by score for a statement and its paragraph (context may include the statement)."""
        statement_folded = fold(statement)
        context_folded = fold(context)
        link = _LINKS.get(self.language, _LINKS["en"]).search(statement_folded)
        link_at = link.start() if link else None
        totals: dict[str, float] = {}
        hits: dict[str, list[str]] = {}
        for slug, word, pattern, weight in self._patterns:
            own = [m.start() for m in pattern.finditer(statement_folded)]
            in_context = len(pattern.findall(context_folded)) - len(own) if context_folded else 0
            score = 0.0
            for position in own:
                score += weight * (1.5 if link_at is not None and position < link_at else 1.0)
            score += weight * CONTEXT_WEIGHT * max(0, in_context)
            if score:
                totals[slug] = totals.get(slug, 0.0) + score
                if own:
                    hits.setdefault(slug, []).append(word)
        ranked = sorted(totals.items(), key=lambda item: -item[1])
        return [IssueScore(slug, round(score, 3), tuple(hits.get(slug, ()))) for slug, score in ranked]

    def classify(self, statement: str, context: str = "") -> IssueScore:
        """The best issue, or `other` with score 0 when no keyword matches."""
        ranked = self.scores(statement, context)
        return ranked[0] if ranked else IssueScore(FALLBACK_ISSUE, 0.0, ())


def _keyword_pattern(word: str) -> re.Pattern[str]:
    """Keywords are stems or phrases: they must start at a word start in Latin and Cyrillic scripts."""
    escaped = re.escape(word).replace(r"\ ", r"\s+")
    if re.search(r"[\u3040-\u30ff\u3400-\u9fff]", word):
        return re.compile(escaped)
    return re.compile(r"(?<![\w])" + escaped)


def _weight(word: str, slug: str) -> float:
    """Longer, multi-word keywords are more specific; the catch-all issue weighs little."""
    if re.search(r"[\u3040-\u30ff\u3400-\u9fff]", word):
        specificity = 1.0 + min(len(word), 8) / 4
    else:
        specificity = 1.0 + 0.6 * (len(word.split()) - 1) + min(len(word), 20) / 20
    return specificity * (FALLBACK_WEIGHT if slug == FALLBACK_ISSUE else 1.0)
