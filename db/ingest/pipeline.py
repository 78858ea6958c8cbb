"""The import pipeline end to end: read and extract a file (analyse), then commit what the user accepted.

The wizard and `positions import` both run exactly this, so a file behaves the same in either. Analysing never
touches the database; committing writes every file of a batch in ONE transaction, so a Cancel, a bad candidate or
a crash leaves the database as it was. `report(done, total, message)` is called between stages and per chunk of
text; it may raise (the worker's Cancelled, KeyboardInterrupt) to stop the work at a safe point.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db.ingest.decode import decode_bytes
from db.ingest.document import Candidate, Document
from db.ingest.errors import IngestError
from db.ingest.extract import extract_candidates
from db.ingest.formats import TABLE_FORMATS
from db.ingest.gazetteer import Gazetteer
from db.ingest.reader import read_bytes, read_document, read_table
from db.near_duplicates import MergePlan, targets_for
from db.partial_date import PartialDate
from db.sources import CommitResult, commit_document
from db.statements import KINDS
from db.store import Store
from db.untrusted_input import DEFAULT_MAX_BYTES

Report = Callable[[int, int, str], None]
CHUNK_CHARS = 20_000  # extraction runs per chunk of about this size (about a second), so Cancel is prompt
TABLE_EXTENSIONS = {".csv", ".tsv", ".json", ".jsonl", ".ndjson"}
NON_OFFICIAL = {"media", "expert"}
UNDATED_BASES = {"article", "unknown"}  # date bases that mean "the publication date", or none at all


@dataclass(frozen=True)
class Overrides:
    """What the user says about a file, instead of what the pipeline detects."""

    encoding: str | None = None
    language: str | None = None
    published: PartialDate | None = None
    outlet: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES  # larger files are refused unread (a setting; db.untrusted_input)


@dataclass
class Analysis:
    """One file read and extracted: the document, the proposed statements, and what went wrong on the way."""

    path: Path
    document: Document
    candidates: list[Candidate]
    overrides: Overrides = field(default_factory=Overrides)
    problems: list[str] = field(default_factory=list)

    @property
    def is_table(self) -> bool:
        return self.document.format in TABLE_FORMATS

    def accepted(self) -> list[Candidate]:
        return [c for c in self.candidates if c.accepted]


@dataclass(frozen=True)
class Failure:
    """A file that cannot be imported, with the message for the user."""

    path: Path
    message: str


def _no_report(done: int, total: int, message: str) -> None:
    return None


# --- analyse ---------------------------------------------------------------------------------------------------


def analyse(
    path: Path | str, *, overrides: Overrides | None = None, gazetteer: Gazetteer, report: Report | None = None
) -> Analysis:
    """Read one file and propose its statements. Raises IngestError with a message naming the file."""
    path = Path(path)
    overrides = overrides or Overrides()
    report = report or _no_report
    report(0, 1, f"Reading {path.name}")
    try:
        if path.suffix.lower() in TABLE_EXTENSIONS:
            return _analyse_table(path, overrides, gazetteer, report)
        try:
            document = read_document(
                path,
                encoding=overrides.encoding,
                language=overrides.language,
                published=overrides.published,
                outlet=overrides.outlet,
                max_bytes=overrides.max_bytes,
            )
        except IngestError as exc:
            if "statement table" not in exc.message:  # the reader refuses tables saved under another extension
                raise
            return _analyse_table(path, overrides, gazetteer, report)
    except OSError as exc:  # a file gone or unreadable between the stages
        raise IngestError(f"cannot read the file: {exc.strerror or exc}", path) from exc
    except UnicodeError as exc:
        raise IngestError(f"cannot decode the text ({exc})", path) from exc
    candidates = extract_in_chunks(document, gazetteer, report)
    problems = list(document.problems)
    if not candidates:
        problems.append("no statements found: add them by selecting text in the review step")
    return Analysis(path, document, candidates, overrides, problems)


def chunk_bounds(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Cut `text` into pieces of about `size` characters at paragraph (else line, else any) boundaries."""
    bounds = []
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            for separator in ("\n\n", "\n", "。", ". "):
                cut = text.rfind(separator, start + size // 2, end)
                if cut != -1:
                    end = cut + len(separator)
                    break
        bounds.append((start, end))
        start = end
    return bounds


def extract_in_chunks(document: Document, gazetteer: Gazetteer, report: Report) -> list[Candidate]:
    """extract_candidates over the document a chunk at a time, with offsets back into the whole text."""
    bounds = chunk_bounds(document.text)
    total = len(bounds) + 1
    if len(bounds) <= 1:
        report(1, total, f"Finding statements in {document.file_name}")
        return extract_candidates(document, gazetteer)
    candidates: list[Candidate] = []
    for number, (start, end) in enumerate(bounds, 1):
        report(number, total, f"Finding statements in {document.file_name} ({number}/{len(bounds)})")
        part = dataclasses.replace(document, text=document.text[start:end], problems=[])
        for candidate in extract_candidates(part, gazetteer):
            candidates.append(dataclasses.replace(candidate, start=candidate.start + start, end=candidate.end + start))
    return candidates


def _analyse_table(path: Path, overrides: Overrides, gazetteer: Gazetteer, report: Report) -> Analysis:
    data = read_bytes(path, overrides.max_bytes)
    rows = read_table(path, encoding=overrides.encoding, max_bytes=overrides.max_bytes)
    report(1, 2, f"Checking {len(rows)} rows of {path.name}")
    if not rows:
        raise IngestError("the table has no statements", path)
    quotes: list[str] = []
    candidates: list[Candidate] = []
    offset = 0
    for number, row in enumerate(rows, 1):
        candidate = table_candidate(row, number, path, gazetteer, offset)
        quotes.append(candidate.quote)
        candidates.append(candidate)
        offset = candidate.end + 2
    fmt = "json" if path.suffix.lower() in {".json", ".jsonl", ".ndjson"} else "csv"
    published = overrides.published or _common(rows, "published")
    document = Document(
        file_name=path.name,
        sha256=hashlib.sha256(data).hexdigest(),
        format=fmt,
        encoding=decode_bytes(data, overrides.encoding)[1],
        language=overrides.language or _common(rows, "language") or "en",
        text="\n\n".join(quotes),  # every candidate's offsets point at its quote in this text
        title=_common(rows, "source_title") or path.stem,
        outlet=overrides.outlet or _common(rows, "outlet"),
        url=_common(rows, "url"),
        published=published,
        published_basis="given by the user" if overrides.published else ("from the table" if published else ""),
    )
    report(2, 2, f"{len(candidates)} statements in {path.name}")
    return Analysis(path, document, candidates, overrides, [])


def _common(rows: Sequence[dict[str, Any]], column: str) -> Any:
    """The value of a column when most rows share it (the source of a one-source table), else None."""
    values = Counter(row.get(column) for row in rows)
    values.pop(None, None)
    values.pop("", None)
    if not values:
        return None
    value, count = values.most_common(1)[0]
    return value if count * 2 > len(rows) else None


def table_candidate(row: dict[str, Any], number: int, path: Path, gazetteer: Gazetteer, offset: int) -> Candidate:
    """One ready-made statement from a table row, checked so that a bad row is named before anything commits."""

    def text(name: str) -> str:
        value = row.get(name)
        return "" if value is None else str(value).strip()

    quote, speaker = text("quote"), text("speaker")
    if not quote:
        raise IngestError("the quote is empty", path, row=number)
    if not speaker:
        raise IngestError("the speaker is empty", path, row=number)
    said_on = row.get("date")
    if not isinstance(said_on, PartialDate):
        try:
            said_on = PartialDate.from_iso(str(said_on or ""))
        except ValueError:
            raise IngestError(f"bad date {str(said_on or '')!r} (use YYYY, YYYY-MM or YYYY-MM-DD)", path,
                              row=number) from None  # fmt: skip
    issue = text("issue")
    if issue not in gazetteer.issue_slugs():
        raise IngestError(f"unknown issue {issue!r}; known: {', '.join(gazetteer.issue_slugs())}", path, row=number)
    side: str | None = text("side").lower() or None
    category = "official"
    if side in NON_OFFICIAL:
        category, side = str(side), None
    elif side is not None and side not in gazetteer.sides:
        raise IngestError(f"unknown side {side!r}; known: {', '.join(gazetteer.sides)}, media, expert", path,
                          row=number)  # fmt: skip
    kind = text("kind") or "reported"
    if kind not in KINDS:
        raise IngestError(f"unknown kind {kind!r}; one of {', '.join(KINDS)}", path, row=number)
    actor = gazetteer.resolve_name(speaker)
    return Candidate(
        quote=quote,
        start=offset,
        end=offset + len(quote),
        speaker=actor.name if actor else speaker,
        speaker_as_written=text("speaker_as_written") or speaker,
        actor_key=actor.key if actor else None,
        side=side,
        category=category,  # type: ignore[arg-type]
        issue=issue,
        said_on=said_on,
        date_basis=text("date_basis") or "explicit",
        kind=kind,  # type: ignore[arg-type]
        confidence=1.0,
        reason="from table",
    )


def analyse_files(
    paths: Sequence[Path | str],
    *,
    gazetteer: Gazetteer,
    overrides: Overrides | Callable[[Path], Overrides] | None = None,
    report: Report | None = None,
) -> list[Analysis | Failure]:
    """Analyse several files; a bad file becomes a Failure and the others go on. Progress spans all files."""
    report = report or _no_report
    results: list[Analysis | Failure] = []
    steps = 1000  # per file, so that the bar moves smoothly whatever the number of chunks
    total = steps * len(paths)
    for number, raw in enumerate(paths):
        path = Path(raw)
        given = overrides(path) if callable(overrides) else overrides

        def scaled(done: int, of: int, message: str, base: int = number * steps) -> None:
            report(base + (done * steps // of if of else 0), total, message)

        try:
            results.append(analyse(path, overrides=given, gazetteer=gazetteer, report=scaled))
        except IngestError as exc:
            results.append(Failure(path, str(exc)))
        except (RecursionError, MemoryError, ValueError, TypeError, LookupError, OSError) as exc:
            # A defect or an input no check foresaw: this file fails with a message, the others go on.
            results.append(Failure(path, f"{path.name}: cannot be imported ({type(exc).__name__}: {exc})"))
    report(total, total, "Done")
    return results


# --- commit ----------------------------------------------------------------------------------------------------


def commit(
    store: Store,
    analyses: Iterable[Analysis],
    report: Report | None = None,
    *,
    reviewed: bool = False,
    merges: MergePlan | None = None,
) -> list[CommitResult]:
    """Commit every analysis's document and accepted candidates in one transaction: all files or none.

    `reviewed`: a person accepted them (the wizard). `merges`: candidates that repeat a stored statement or one of
    an earlier document become another source of it (db/near_duplicates.py). A document imported before (same
    sha256) adds nothing and comes back with `duplicate=True`.
    """
    report = report or _no_report
    batch = list(analyses)
    results: list[CommitResult] = []
    with store.transaction():
        for number, analysis in enumerate(batch):
            report(number, len(batch), f"Saving {analysis.document.file_name}")
            targets = targets_for(number, merges, [r.uids for r in results])
            results.append(commit_document(store, analysis.document, analysis.candidates, reviewed=reviewed,
                                           merge_into=targets))  # fmt: skip
        report(len(batch), len(batch), "Saving")  # last chance to cancel before COMMIT
    return results


def is_undated(candidate: Candidate) -> bool:
    """No date in the text and no publication date: the statement is kept, with its date unknown."""
    return candidate.said_on is None


def count_undated(analysis: Analysis) -> int:
    """Accepted statements of a file whose date is not known (for the wizard's prompt and the summary)."""
    return sum(is_undated(c) for c in analysis.accepted())


def date_from_publication(analysis: Analysis, published: PartialDate) -> None:
    """The user gave the publication date: statements dated by the article, or not dated at all, take it."""
    analysis.document.published = published
    analysis.document.published_basis = "given by the user"
    for candidate in analysis.candidates:
        if candidate.date_basis in UNDATED_BASES:
            candidate.said_on = published
            candidate.date_basis = "article"


def candidate_problem(candidate: Candidate, issues: Iterable[str], sides: Iterable[str]) -> str | None:
    """Why an accepted candidate cannot be committed as it stands, or None (an unknown date is no reason)."""
    if not candidate.quote.strip():
        return "the quote is empty"
    if not candidate.speaker.strip():
        return "the speaker is empty"
    if candidate.issue not in set(issues):
        return f"unknown issue {candidate.issue!r}"
    if candidate.side is not None and candidate.side not in set(sides):
        return f"unknown side {candidate.side!r}"
    if candidate.kind not in KINDS:
        return f"unknown kind {candidate.kind!r}"
    return None


def tally(candidates: Iterable[Candidate]) -> Counter[tuple[str, str]]:
    """Accepted candidates per (side or category, issue): the summary both the wizard and the command print."""
    return Counter((c.side or c.category, c.issue) for c in candidates if c.accepted)


def busiest_issue(analyses: Sequence[Analysis], results: Sequence[CommitResult]) -> str | None:
    """The issue with the most newly added statements: where the window should go after an import."""
    counts: Counter[str] = Counter()
    for analysis, result in zip(analyses, results, strict=True):
        if not result.duplicate:
            counts.update(c.issue for c in analysis.candidates if c.accepted)
    return counts.most_common(1)[0][0] if counts else None
