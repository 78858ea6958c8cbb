#!/usr/bin/env python3
"""Score the extraction stage against a hand-annotated folder: the sample corpus (../shared/corpus) or the dev set.

A folder holds `articles.json` (file, published, language, ...), the article files and `gold.jsonl` /
`gold_non_official.jsonl` in the corpus format. Each document is imported as a user imports it: through the real
pipeline (`db.ingest.pipeline.analyse`, what `positions import FILE` runs) with no options, and only the statements
that import would commit (accepted ones) are scored. `--given-published` gives the publication date of
articles.json as the user's override instead, to see what the date detection costs.

A candidate matches a gold line when both name the same speaker (same gazetteer actor, or the same name) and
their quotes overlap in the text; matching is one-to-one (maximum bipartite matching). Reported:
- recall and precision of official statements (gold.jsonl), with the 16 borderline `characterization` lines
  counted, and with them optional (not needed for recall; a candidate matching one is neither right nor wrong);
- over matched pairs: side, issue and date accuracy (date = same ISO value at the gold line's precision);
- media/expert lines (gold_non_official.jsonl) that a candidate gives a side to: a candidate with a side that
  overlaps the line and matches no official gold line.

Usage: `python3 tests/eval_extraction.py [-v] [--given-published] [--devset | FOLDER]` prints a table for all
documents and one per language; importable as `evaluate(folder)` (all documents) and `evaluate_by_language(folder)`.
The gold is read as it is; nothing here is tuned to it.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
if str(PROJECT_DIR) not in sys.path:
    sys.path.insert(0, str(PROJECT_DIR))

from db.ingest.document import Candidate, Document  # noqa: E402
from db.ingest.gazetteer import Gazetteer, fold  # noqa: E402
from db.ingest.normalise import normalise_text  # noqa: E402
from db.ingest.pipeline import Overrides, analyse  # noqa: E402
from db.partial_date import PartialDate, iso_or_none  # noqa: E402

DEFAULT_CORPUS = PROJECT_DIR.parent / "shared" / "corpus"
DEVSET_DIR = PROJECT_DIR / "tests" / "ingest" / "devset"


@dataclass
class GoldLine:
    article: str
    speaker: str
    side: str
    issue: str
    date: str
    kind: str
    quote: str
    start: int
    end: int


@dataclass
class Scores:
    gold_official: int = 0
    gold_strict: int = 0  # without characterization lines
    candidates_official: int = 0
    matched: int = 0
    matched_strict: int = 0
    matched_characterization: int = 0
    side_right: int = 0
    issue_right: int = 0
    date_right: int = 0
    non_official: int = 0
    non_official_given_side: int = 0
    non_official_found: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.matched / self.gold_official if self.gold_official else 0.0

    @property
    def precision(self) -> float:
        return self.matched / self.candidates_official if self.candidates_official else 0.0

    @property
    def recall_strict(self) -> float:
        return self.matched_strict / self.gold_strict if self.gold_strict else 0.0

    @property
    def precision_optional(self) -> float:
        """Characterization lines optional: candidates matching them count neither way."""
        denominator = self.candidates_official - self.matched_characterization
        return self.matched_strict / denominator if denominator > 0 else 0.0

    def accuracy(self, right: int) -> float:
        return right / self.matched if self.matched else 0.0

    @property
    def side_accuracy(self) -> float:
        return self.accuracy(self.side_right)

    @property
    def issue_accuracy(self) -> float:
        return self.accuracy(self.issue_right)

    @property
    def date_accuracy(self) -> float:
        return self.accuracy(self.date_right)

    @property
    def media_given_side(self) -> float:
        return self.non_official_given_side / self.non_official if self.non_official else 0.0


def imported_documents(
    corpus_dir: Path, gazetteer: Gazetteer, given_published: bool = False
) -> list[tuple[Document, list[Candidate], str]]:
    """(Document, candidates import would commit, file name) for every article in articles.json, analysed as
    `positions import FILE` analyses it (with the publication date of articles.json when `given_published`)."""
    articles = json.loads((corpus_dir / "articles.json").read_text(encoding="utf-8"))
    imported = []
    for meta in articles:
        published = meta.get("published") if given_published else None
        overrides = Overrides(published=PartialDate.from_iso(published) if published else None)
        analysis = analyse(corpus_dir / meta["file"], overrides=overrides, gazetteer=gazetteer)
        imported.append((analysis.document, analysis.accepted(), meta["file"]))
    return imported


def load_gold(path: Path, texts: dict[str, str]) -> list[GoldLine]:
    lines = []
    for row in (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()):
        text = texts[row["article"]]
        quote = normalise_text(row["quote"]).strip()
        start = text.find(quote)
        if start < 0:
            raise ValueError(f"gold quote not in the normalised text of {row['article']}: {quote[:60]!r}")
        lines.append(
            GoldLine(
                row["article"],
                row["speaker"],
                row["side"],
                row["issue"],
                row["date"],
                row.get("kind", ""),
                quote,
                start,
                start + len(quote),
            )
        )
    return lines


def same_speaker(candidate: Candidate, gold: GoldLine, gazetteer: Gazetteer) -> bool:
    if fold(candidate.speaker) == fold(gold.speaker):
        return True
    actor = gazetteer.resolve_name(gold.speaker)
    return actor is not None and candidate.actor_key == actor.key


def overlaps(candidate: Candidate, gold: GoldLine) -> bool:
    return candidate.start < gold.end and gold.start < candidate.end


def date_matches(candidate: Candidate, gold: GoldLine) -> bool:
    """The candidate's date agrees with the gold one at the gold's precision (an unknown date never does)."""
    if candidate.said_on is None:
        return False
    iso = candidate.said_on.iso()
    return len(iso) >= len(gold.date) and iso[: len(gold.date)] == gold.date


def _match(candidates: list[Candidate], golds: list[GoldLine], gazetteer: Gazetteer) -> dict[int, int]:
    """Maximum one-to-one matching gold index -> candidate index (augmenting paths; the sets are small)."""
    edges = {  # same-issue candidates first: one sentence split into two issues pairs each part with its line
        g: sorted(
            (c for c, cand in enumerate(candidates) if overlaps(cand, gold) and same_speaker(cand, gold, gazetteer)),
            key=lambda c: candidates[c].issue != gold.issue,
        )
        for g, gold in enumerate(golds)
    }
    owner: dict[int, int] = {}

    def assign(g: int, seen: set[int]) -> bool:
        for c in edges[g]:
            if c in seen:
                continue
            seen.add(c)
            if c not in owner or assign(owner[c], seen):
                owner[c] = g
                return True
        return False

    for g in edges:
        assign(g, set())
    return {g: c for c, g in owner.items()}


def evaluate(
    corpus_dir: Path | str = DEFAULT_CORPUS, gazetteer: Gazetteer | None = None, given_published: bool = False
) -> Scores:
    """Scores over every document of the folder."""
    return evaluate_by_language(corpus_dir, gazetteer, given_published)["all"]


def evaluate_by_language(
    corpus_dir: Path | str = DEFAULT_CORPUS, gazetteer: Gazetteer | None = None, given_published: bool = False
) -> dict[str, Scores]:
    """Scores over all documents ("all") and per document language ("en", "ru", "ja")."""
    corpus_dir = Path(corpus_dir)
    gazetteer = gazetteer or Gazetteer.load()
    imported = imported_documents(corpus_dir, gazetteer, given_published)
    texts = {name: doc.text for doc, _, name in imported}
    gold = load_gold(corpus_dir / "gold.jsonl", texts)
    non_official_path = corpus_dir / "gold_non_official.jsonl"
    non_official = load_gold(non_official_path, texts) if non_official_path.exists() else []
    result: dict[str, Scores] = {"all": Scores()}
    for document, everything, name in imported:
        targets = [result["all"], result.setdefault(document.language, Scores())]
        _score_document(everything, name, gold, non_official, gazetteer, targets)
    return result


def _score_document(
    everything: list[Candidate],
    name: str,
    gold: list[GoldLine],
    non_official: list[GoldLine],
    gazetteer: Gazetteer,
    targets: list[Scores],
) -> None:
    candidates = [c for c in everything if c.category == "official"]
    golds = [g for g in gold if g.article == name]
    matching = _match(candidates, golds, gazetteer)
    label = name.split("_")[0]
    for scores in targets:
        scores.gold_official += len(golds)
        scores.gold_strict += sum(g.kind != "characterization" for g in golds)
        scores.candidates_official += len(candidates)
    for g_index, c_index in matching.items():
        g, c = golds[g_index], candidates[c_index]
        wrong = c.issue != g.issue or not date_matches(c, g) or c.side != g.side
        for scores in targets:
            scores.matched += 1
            if g.kind == "characterization":
                scores.matched_characterization += 1
            else:
                scores.matched_strict += 1
            scores.side_right += c.side == g.side
            scores.issue_right += c.issue == g.issue
            scores.date_right += date_matches(c, g)
            if wrong:
                when = iso_or_none(c.said_on) or "unknown"
                scores.wrong.append(
                    f"{label} {g.speaker}: issue {c.issue}/{g.issue} date {when}/{g.date} "
                    f"side {c.side}/{g.side} | {g.quote[:70]}"
                )
    for g_index, g in enumerate(golds):
        if g_index not in matching:
            for scores in targets:
                scores.misses.append(f"{label} {g.speaker} [{g.kind}] | {g.quote[:90]}")
    matched_candidates = set(matching.values())
    for c_index, c in enumerate(candidates):
        if c_index not in matched_candidates:
            for scores in targets:
                scores.false_positives.append(
                    f"{label} {c.speaker} ({c.speaker_as_written}) | {c.quote[:90]} || {c.reason}"
                )
    for line in (n for n in non_official if n.article == name):
        sided = [
            c
            for i, c in enumerate(candidates)
            if overlaps(c, line) and c.side is not None and i not in matched_candidates
        ]
        found = any(overlaps(c, line) and c.category in ("media", "expert") for c in everything)
        for scores in targets:
            scores.non_official += 1
            scores.non_official_given_side += bool(sided)
            scores.non_official_found += found
            if sided:
                scores.wrong.append(
                    f"{label} {line.speaker} [{line.side}] given side {sided[0].side} | {line.quote[:70]}"
                )


def format_table(s: Scores) -> str:
    rows = [
        ("official recall (characterization counted)", f"{s.recall:.3f}", f"{s.matched}/{s.gold_official}", ">= 0.85"),
        (
            "official precision (characterization counted)",
            f"{s.precision:.3f}",
            f"{s.matched}/{s.candidates_official}",
            ">= 0.80",
        ),
        (
            "official recall (characterization optional)",
            f"{s.recall_strict:.3f}",
            f"{s.matched_strict}/{s.gold_strict}",
            "",
        ),
        (
            "official precision (characterization optional)",
            f"{s.precision_optional:.3f}",
            f"{s.matched_strict}/{s.candidates_official - s.matched_characterization}",
            "",
        ),
        ("side accuracy (matched)", f"{s.side_accuracy:.3f}", f"{s.side_right}/{s.matched}", ">= 0.97"),
        ("issue accuracy (matched)", f"{s.issue_accuracy:.3f}", f"{s.issue_right}/{s.matched}", ">= 0.75"),
        ("date accuracy (matched)", f"{s.date_accuracy:.3f}", f"{s.date_right}/{s.matched}", ">= 0.85"),
        (
            "media/expert lines given a side",
            f"{s.media_given_side:.3f}",
            f"{s.non_official_given_side}/{s.non_official}",
            "<= 0.10",
        ),
        ("media/expert lines found as media/expert", "", f"{s.non_official_found}/{s.non_official}", ""),
    ]
    width = max(len(r[0]) for r in rows)
    lines = [f"{'metric'.ljust(width)}  value  count     target", "-" * (width + 30)]
    lines += [f"{r[0].ljust(width)}  {r[1]:>5}  {r[2]:<8}  {r[3]}" for r in rows]
    return "\n".join(lines)


def summary_table(by_language: dict[str, Scores]) -> str:
    """One line per language: the figures the acceptance criteria name."""
    lines = ["lang  recall       precision    side   issue  date   media/expert given a side"]
    for language, s in sorted(by_language.items(), key=lambda item: (item[0] != "all", item[0])):
        lines.append(
            f"{language:<5} {s.recall:.2f} {s.matched:>3}/{s.gold_official:<3} {s.precision:.2f} "
            f"{s.matched:>3}/{s.candidates_official:<3} {s.side_accuracy:.2f}   {s.issue_accuracy:.2f}   "
            f"{s.date_accuracy:.2f}   {s.non_official_given_side}/{s.non_official}"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    paths = [a for a in argv[1:] if not a.startswith("-")]
    folder = Path(paths[0]) if paths else (DEVSET_DIR if "--devset" in argv else DEFAULT_CORPUS)
    by_language = evaluate_by_language(folder, given_published="--given-published" in argv)
    if "--summary" in argv:
        print(summary_table(by_language))
        return 0
    for language, scores in sorted(by_language.items(), key=lambda item: (item[0] != "all", item[0])):
        print(f"\n== {folder.name}: {language} ==")
        print(format_table(scores))
    if "-v" in argv or "--verbose" in argv:
        scores = by_language["all"]
        print("\nmissed:", *scores.misses, sep="\n  ")
        print("\nfalse positives:", *scores.false_positives, sep="\n  ")
        print("\nwrong attributes:", *scores.wrong, sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
