"""Plain records the store returns; the command line, the window and printing all read these."""

from __future__ import annotations

from dataclasses import dataclass, field

from db.partial_date import PartialDate


@dataclass(frozen=True)
class Side:
    id: int
    slug: str
    name: str
    position: int = 0  # the side's place in the database's order; fallback colours follow it


@dataclass(frozen=True)
class Issue:
    id: int
    slug: str
    title: str
    description: str
    retired: bool = False  # kept for its statements, no longer offered for new ones


@dataclass(frozen=True)
class IssueSummary:
    """An issue with how many statements each side has on it, for the navigator and `positions issues`."""

    issue: Issue
    counts: dict[str, int]  # side slug -> statements; "" for statements of no side (media, experts)
    latest: str | None  # said_on of the newest statement

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class SourceRef:
    id: int
    title: str
    outlet: str | None
    author: str | None
    published: str | None
    file_name: str
    url: str | None


@dataclass(frozen=True)
class Statement:
    id: int
    uid: str
    issue: str
    side: str | None
    speaker: str
    speaker_as_written: str
    role: str | None  # the speaker's role on the statement's date, from the gazetteer
    said_on: PartialDate | None  # None: not known yet
    date_basis: str
    quote: str
    kind: str
    language: str
    confidence: float | None
    reviewed: bool
    source: SourceRef | None
    start_offset: int | None
    end_offset: int | None
    created_at: str
    updated_at: str
    annotation_kinds: tuple[str, ...] = field(default=())  # kinds of the live annotations, for badges
    annotated_at: str | None = None  # when a live annotation of it was last written or edited
    more_sources: int = 0  # sources beyond its own that reported the same statement (db/statement_merge.py)


@dataclass(frozen=True)
class PageKey:
    """Where the next page starts: keyset paging on (said_on, id), never OFFSET; said_on None: among the
    statements of unknown date, which come after every dated one."""

    said_on: str | None
    id: int
