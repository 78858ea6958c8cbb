"""The values that travel through the import pipeline: a read document and its candidate statements.

Every stage takes and returns these plain dataclasses, so each stage can be tested alone and the wizard, the
command line and the evaluation script all see the same thing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Precision = Literal["day", "month", "year"]
Kind = Literal["direct_quote", "reported", "characterization"]
Category = Literal["official", "media", "expert"]


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to a day, a month or only a year ("in December 2016" is a month, not 1 December)."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        dt.date(self.year, self.month or 1, self.day or 1)  # raises ValueError on 2017-02-30

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def iso(self) -> str:
        """ISO 8601 at this precision: `2017`, `2017-03` or `2017-03-06`."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def start(self) -> dt.date:
        """The first day of the period, the value stored in `statements.said_on`."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @classmethod
    def from_iso(cls, text: str) -> PartialDate:
        """Read `2017`, `2017-03` or `2017-03-06`; raises ValueError on anything else."""
        parts = text.strip().split("-")
        if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
            raise ValueError(f"not an ISO date: {text!r}")
        numbers = [int(p) for p in parts] + [None, None]
        return cls(numbers[0], numbers[1], numbers[2])  # type: ignore[arg-type]

    @classmethod
    def from_stored(cls, said_on: str, precision: str) -> PartialDate:
        """Rebuild from the database pair (`said_on` as a full day, `date_precision`)."""
        day = dt.date.fromisoformat(said_on)
        if precision == "day":
            return cls(day.year, day.month, day.day)
        if precision == "month":
            return cls(day.year, day.month)
        return cls(day.year)


@dataclass
class Document:
    """One imported file after reading and normalising: the text every offset refers to, and its metadata."""

    file_name: str
    sha256: str
    format: str  # text, html, markdown, csv, json
    encoding: str
    language: str  # en, ru, ja
    text: str
    title: str = ""
    subtitle: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: PartialDate | None = None
    published_basis: str = ""
    problems: list[str] = field(default_factory=list)


@dataclass
class Candidate:
    """A statement the pipeline proposes; the user accepts, edits or rejects it before commit."""

    quote: str
    start: int  # offsets into Document.text; text[start:end] == quote
    end: int
    speaker: str  # canonical name from the gazetteer ("Taro Kono", "Japanese government")
    speaker_as_written: str
    actor_key: str | None
    side: str | None  # side slug; None for media and experts
    category: Category
    issue: str  # issue slug
    said_on: PartialDate
    date_basis: str  # explicit, inferred, article
    kind: Kind
    confidence: float
    reason: str  # why the pipeline proposes it, shown to the user
    accepted: bool = True
