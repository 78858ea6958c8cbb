"""The parts of a sheet that make it a brief: each side's position in the user's words (with the dates of the
statements it rests on), what changed since a moment, and the open follow-ups with their due dates.

Plain data read from the store (no Qt), like the rest of sheet_data.py, so the PDF and the Word document
print exactly the same thing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from db import annotations as annotation_store
from db import changes, follow_ups, issue_reviews, issues, statement_merge
from db.errors import NotFoundError
from db.models import Side, Statement
from db.store import Store
from desktop.buckets import date_label
from desktop.moments import day_label


@dataclass(frozen=True)
class RestingStatement:
    """A statement a position summary rests on: its date is printed with the summary."""

    date_label: str
    speaker: str


@dataclass(frozen=True)
class PositionSummary:
    body: str
    author: str
    written_on: str  # ISO day of the latest version
    rests_on: tuple[RestingStatement, ...]


@dataclass(frozen=True)
class ChangeLine:
    """One item of "what changed": a new statement, a shift, or a new or edited annotation."""

    kind: str  # "statement", or the annotation kind
    side_name: str
    date_label: str  # the statement's date (for a summary: the day it was written)
    speaker: str
    text: str  # the quote or the annotation's text
    language: str = "en"
    author: str = ""


@dataclass
class SheetChanges:
    since: str | None  # the stored (UTC) moment; None: the issue was never marked reviewed
    since_review: bool = False  # the moment is the issue's last review
    new_statements: list[ChangeLine] = field(default_factory=list)
    new_count: int = 0
    shifts: list[ChangeLine] = field(default_factory=list)
    annotations: list[ChangeLine] = field(default_factory=list)


@dataclass(frozen=True)
class SheetFollowUp:
    due_on: str | None  # ISO day
    overdue: bool
    side_name: str
    date_label: str
    speaker: str
    body: str
    author: str


def follow_ups_of(store: Store, issue: str, today: dt.date) -> list[SheetFollowUp]:
    names = {side.slug: side.name for side in issues.sides(store)}
    return [
        SheetFollowUp(task.note.due_on, task.overdue(today), names.get(task.statement.side or "", ""),
                      date_label(task.statement.said_on, short=True), task.statement.speaker, task.note.body,
                      task.note.author)
        for task in follow_ups.open_follow_ups(store, issue)
    ]  # fmt: skip


def is_overdue(annotation: annotation_store.Annotation, today: dt.date) -> bool:
    """An open follow-up whose due day has passed."""
    return (
        annotation.kind == "follow_up"
        and annotation.done_at is None
        and annotation.due_on is not None
        and annotation.due_on < today.isoformat()
    )


def position_of(store: Store, summary: annotation_store.Annotation | None) -> PositionSummary | None:
    if summary is None:
        return None
    resting = []
    for uid in summary.rests_on:
        try:
            st = statement_merge.resolve(store, uid)  # followed through a merge into another statement
        except NotFoundError:
            continue  # a statement that never reached this database (from a colleague's file)
        when = st.said_on.start() if st.said_on else dt.date.max  # an unknown date sorts last
        resting.append((when, RestingStatement(date_label(st.said_on, short=True), st.speaker)))
    resting.sort(key=lambda pair: pair[0])
    return PositionSummary(summary.body, summary.author, summary.updated_at[:10], tuple(r for _d, r in resting))


def changes_of(
    store: Store, issue: str, since: str | None, since_last_review: bool, sides: list[Side]
) -> SheetChanges | None:
    """What changed since `since` (a stored timestamp) or since the issue's last review; None if not asked."""
    if since_last_review:
        moment = issue_reviews.last_review(store, issue)
        if moment is None:
            return SheetChanges(None, since_review=True)
    elif since:
        moment = since
    else:
        return None
    found = changes.since(store, issue, moment, tuple(side.slug for side in sides))
    names = {side.slug: side.name for side in issues.sides(store)}

    def line(kind: str, st: Statement | None, text: str, author: str = "", day: str = "", side: str = "") -> ChangeLine:
        if st is None:
            return ChangeLine(kind, names.get(side, side), day_label(day), "", text, author=author)
        return ChangeLine(kind, names.get(st.side or "", ""), date_label(st.said_on, short=True), st.speaker, text,
                          st.language, author)  # fmt: skip

    result = SheetChanges(moment, since_review=since_last_review, new_count=found.new_count)
    result.new_statements = [line("statement", st, st.quote) for st in found.new_statements]
    result.shifts = [line("shift", st, note.body, note.author) for note, st in found.shifts]
    result.annotations = [
        line(note.kind, st, note.body, note.author, note.updated_at[:10], note.side or "")
        for note, st in found.annotations
    ]
    return result
