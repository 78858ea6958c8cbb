"""What a comparison sheet says, gathered from the store as plain data (no Qt), so it can be tested alone.

The layout only arranges what is here: rows by time bucket with one cell per side, numbered notes, numbered
sources, a summary with each side's position (the user's summary, or else its latest statement), what
changed since a moment, and the open follow-ups (those three built in sheet_brief.py). Sides are data: the sheet
has one column per side the user chose, in taxonomy order.
Statements of nobody's side (media, experts) are never put in a side's column; the summary counts them.
Statements whose date is not known form the last row (key buckets.UNDATED), printed as a section of its own;
a sheet for a date range has none (a range leaves unknown dates out everywhere).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from db import annotations as annotation_store
from db import issues, statement_merge, statements, summaries
from db.errors import ValidationError
from db.models import Side, SourceRef, Statement
from db.statements import StatementFilter
from db.store import Store
from desktop.buckets import GRANULARITIES, UNDATED, bucket_label, date_label, statement_key
from desktop.printing.sheet_brief import (
    PositionSummary,
    SheetChanges,
    SheetFollowUp,
    changes_of,
    follow_ups_of,
    is_overdue,
    position_of,
)

NOTE_KIND_LABELS = {
    "note": "Note",
    "shift": "Shift in position",
    "contradiction": "Contradiction",
    "follow_up": "Follow-up",
    "summary": "Position summary",
}


@dataclass(frozen=True)
class SheetOptions:
    """Everything the user chooses for a sheet (the dialog and `positions print` fill the same structure)."""

    date_from: str | None = None  # ISO day, inclusive
    date_to: str | None = None
    sides: tuple[str, ...] | None = None  # side slugs in column order; None: every side
    include_annotations: bool = True
    footnotes: bool = False  # annotations as page footnotes instead of numbered notes under the statement
    include_unreviewed: bool = False
    granularity: str = "month"
    paper: str = "a4"  # a4 | letter
    landscape: bool = False
    font_size: float = 9.0  # points, for quotes; everything else is sized from it
    marking: str = ""  # e.g. RESTRICTED, printed at the top and bottom of every page
    speaker: str | None = None  # narrowing carried over from the window's filter
    kind: str | None = None
    annotated: bool | None = None
    changes_since: str | None = None  # a stored (UTC) timestamp: list what changed since then
    since_last_review: bool = False  # ... or since each issue was last marked reviewed

    def __post_init__(self) -> None:
        if self.granularity not in GRANULARITIES:
            raise ValueError(f"granularity must be one of {', '.join(GRANULARITIES)}")
        if self.paper not in ("a4", "letter"):
            raise ValueError("paper must be a4 or letter")


@dataclass(frozen=True)
class SheetNote:
    number: int
    kind: str
    author: str
    written_on: str  # ISO day
    body: str
    due_on: str | None = None  # follow-ups
    overdue: bool = False
    done: bool = False


@dataclass(frozen=True)
class SheetSource:
    number: int
    title: str
    outlet: str | None
    author: str | None
    published: str | None
    file_name: str
    url: str | None

    def citation(self) -> str:
        parts = [self.title or self.file_name or "untitled"]
        parts += [p for p in (self.outlet, self.author) if p]
        if self.published:
            parts.append(f"published {self.published}")
        where = self.url or self.file_name
        if where and where != self.title:
            parts.append(where)
        return ", ".join(parts)


@dataclass(frozen=True)
class SheetStatement:
    uid: str
    date_label: str
    speaker: str
    role: str | None
    quote: str
    kind: str
    language: str
    reviewed: bool
    outlet: str | None
    source_number: int | None
    notes: tuple[SheetNote, ...]
    more_source_numbers: tuple[int, ...] = ()  # other outlets that reported the same statement


@dataclass(frozen=True)
class SheetRow:
    key: str  # bucket key from desktop.buckets; sorts in time order
    label: str
    cells: tuple[tuple[SheetStatement, ...], ...]  # one tuple per side, in column order


@dataclass(frozen=True)
class LatestStatement:
    date_label: str
    speaker: str
    quote: str


@dataclass(frozen=True)
class SideSummary:
    side: Side
    count: int
    latest: LatestStatement | None
    position: PositionSummary | None = None  # the user's summary; without one the sheet shows `latest`


@dataclass(frozen=True)
class ShiftMark:
    side_name: str
    date_label: str
    speaker: str
    note: str


@dataclass
class SheetData:
    issue_slug: str
    issue_title: str
    issue_description: str
    sides: list[Side]
    options: SheetOptions
    database_name: str
    generated_at: dt.datetime
    rows: list[SheetRow] = field(default_factory=list)
    notes: list[SheetNote] = field(default_factory=list)
    sources: list[SheetSource] = field(default_factory=list)
    summary: list[SideSummary] = field(default_factory=list)
    shifts: list[ShiftMark] = field(default_factory=list)
    without_side: int = 0  # statements of media and experts in range, left out of the columns
    unreviewed_left_out: int = 0  # statements of the sides' columns nobody has reviewed, when those are left out
    changes: SheetChanges | None = None  # only when the user asked for changes since a moment
    follow_ups: list[SheetFollowUp] = field(default_factory=list)  # open ones on the issue, soonest due first

    @property
    def statement_count(self) -> int:
        return sum(s.count for s in self.summary)

    def date_range_label(self) -> str:
        first, last = self.options.date_from, self.options.date_to
        if first and last:
            return f"{first} to {last}"
        if first:
            return f"from {first}"
        if last:
            return f"until {last}"
        return "all dates"

    @property
    def dated_rows(self) -> list[SheetRow]:
        return [row for row in self.rows if row.key != UNDATED]

    @property
    def undated_row(self) -> SheetRow | None:
        """The statements whose date is not known, one cell per side (None when there are none)."""
        return next((row for row in self.rows if row.key == UNDATED), None)

    def texts(self) -> Iterable[str]:
        """Every piece of text the sheet prints that comes from the database (for the font check)."""
        yield from (self.issue_title, self.issue_description, self.options.marking)
        for side in self.sides:
            yield side.name
        for row in self.rows:
            for cell in row.cells:
                for st in cell:
                    yield from (st.speaker, st.role or "", st.quote, st.outlet or "")
        for note in self.notes:
            yield from (note.author, note.body)
        for summary in self.summary:
            if summary.position is not None:
                yield from (summary.position.body, summary.position.author)
                for resting in summary.position.rests_on:
                    yield resting.speaker
            if summary.latest is not None:
                yield from (summary.latest.speaker, summary.latest.quote)
        if self.changes is not None:
            for line in (*self.changes.new_statements, *self.changes.shifts, *self.changes.annotations):
                yield from (line.side_name, line.speaker, line.text, line.author)
        for task in self.follow_ups:
            yield from (task.side_name, task.speaker, task.body, task.author)
        for source in self.sources:
            yield source.citation()


def choose_sides(store: Store, wanted: tuple[str, ...] | None) -> list[Side]:
    known = issues.sides(store)
    if wanted is None:
        return known
    by_slug = {s.slug: s for s in known}
    unknown = [slug for slug in wanted if slug not in by_slug]
    if unknown:
        raise ValidationError(f"no side {', '.join(map(repr, unknown))}; known sides: {', '.join(by_slug) or 'none'}")
    return [by_slug[slug] for slug in wanted]


def statement_filter(issue_slug: str, options: SheetOptions) -> StatementFilter:
    return StatementFilter(
        issue=issue_slug,
        date_from=options.date_from,
        date_to=options.date_to,
        speaker=options.speaker,
        kind=options.kind,
        reviewed=None if options.include_unreviewed else True,
        annotated=options.annotated,
    )


class _Numbering:
    """Notes and sources numbered in order of first appearance on the sheet."""

    def __init__(self) -> None:
        self.notes: list[SheetNote] = []
        self.sources: dict[int, SheetSource] = {}

    def source(self, ref: SourceRef | None) -> int | None:
        if ref is None:
            return None
        if ref.id not in self.sources:
            self.sources[ref.id] = SheetSource(
                len(self.sources) + 1, ref.title, ref.outlet, ref.author, ref.published, ref.file_name, ref.url
            )
        return self.sources[ref.id].number

    def note(self, annotation: annotation_store.Annotation, today: dt.date) -> SheetNote:
        note = SheetNote(
            len(self.notes) + 1, annotation.kind, annotation.author, annotation.created_at[:10], annotation.body,
            annotation.due_on, is_overdue(annotation, today), annotation.done_at is not None,
        )  # fmt: skip
        self.notes.append(note)
        return note


def build_sheet(store: Store, issue_slug: str, options: SheetOptions, *, now: dt.datetime | None = None) -> SheetData:
    """Read one issue's statements (in date order, a page at a time) into a sheet."""
    issue = issues.issue(store, issue_slug)
    sides = choose_sides(store, options.sides)
    column_of = {side.slug: index for index, side in enumerate(sides)}
    data = SheetData(
        issue_slug=issue.slug,
        issue_title=issue.title,
        issue_description=issue.description,
        sides=sides,
        options=options,
        database_name=store.path.name,
        generated_at=now or dt.datetime.now().astimezone(),
    )
    today = data.generated_at.date()
    numbering = _Numbering()
    cells: dict[str, list[list[SheetStatement]]] = {}
    counts = [0] * len(sides)
    latest: list[LatestStatement | None] = [None] * len(sides)
    for st in statements.iterate(store, statement_filter(issue_slug, options)):
        column = column_of.get(st.side or "")
        if column is None:
            data.without_side += st.side is None
            continue
        notes, shift_bodies = _notes_of(store, st, options, numbering, today)
        sheet_statement = SheetStatement(
            uid=st.uid,
            date_label=date_label(st.said_on, short=True),  # 6 Mar 2017, Mar 2017, 2017 or date unknown
            speaker=st.speaker,
            role=st.role,
            quote=st.quote,
            kind=st.kind,
            language=st.language,
            reviewed=st.reviewed,
            outlet=st.source.outlet if st.source else None,
            source_number=numbering.source(st.source),
            notes=notes,
            more_source_numbers=_more_sources(store, st, numbering),
        )
        key = statement_key(st.said_on, options.granularity)
        cells.setdefault(key, [[] for _ in sides])[column].append(sheet_statement)
        counts[column] += 1
        if st.said_on is not None:  # the undated come last: "latest" is the latest dated one
            latest[column] = LatestStatement(sheet_statement.date_label, st.speaker, st.quote)
        data.shifts += [ShiftMark(sides[column].name, sheet_statement.date_label, st.speaker, b) for b in shift_bodies]
    data.rows = [
        SheetRow(key, bucket_label(key, options.granularity), tuple(tuple(c) for c in cells[key]))
        for key in sorted(cells)
    ]
    data.notes = numbering.notes
    data.sources = list(numbering.sources.values())
    if not options.include_unreviewed:  # say so on the sheet: a fresh import must not vanish silently
        unreviewed = replace(statement_filter(issue_slug, options), reviewed=False)
        data.unreviewed_left_out = sum(statements.count(store, replace(unreviewed, side=side.slug)) for side in sides)
    written = summaries.for_issue(store, issue.slug)
    data.summary = [
        SideSummary(side, counts[i], latest[i], position_of(store, written.get(side.slug)))
        for i, side in enumerate(sides)
    ]
    data.changes = changes_of(store, issue.slug, options.changes_since, options.since_last_review, sides)
    data.follow_ups = follow_ups_of(store, issue.slug, today)
    return data


def _more_sources(store: Store, st: Statement, numbering: _Numbering) -> tuple[int, ...]:
    """The numbers of the other outlets' reports of a merged statement (no query for the others)."""
    if not st.more_sources:
        return ()
    numbers = (numbering.source(more.source) for more in statement_merge.more_sources(store, st.id))
    return tuple(dict.fromkeys(n for n in numbers if n is not None))


def _notes_of(
    store: Store, st: Statement, options: SheetOptions, numbering: _Numbering, today: dt.date
) -> tuple[tuple[SheetNote, ...], list[str]]:
    """The statement's numbered notes (if the user wants them) and its shift annotations (always summarised)."""
    # Statement.annotation_kinds says whether there is anything to read, so most statements cost no query.
    if not st.annotation_kinds or not (options.include_annotations or "shift" in st.annotation_kinds):
        return (), []
    found = annotation_store.for_statement(store, st.id)
    notes = tuple(numbering.note(a, today) for a in found) if options.include_annotations else ()
    return notes, [a.body for a in found if a.kind == "shift"]


def build_book(
    store: Store, issue_slugs: Iterable[str], options: SheetOptions, *, now: dt.datetime | None = None
) -> list[SheetData]:
    """One sheet per issue, in the order given (duplicates dropped): a briefing book."""
    now = now or dt.datetime.now().astimezone()
    return [build_sheet(store, slug, options, now=now) for slug in dict.fromkeys(issue_slugs)]
