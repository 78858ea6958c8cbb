"""The values that travel through the import pipeline: a read document and its candidate statements.

Every stage takes and returns these plain dataclasses, so each stage can be tested alone and the wizard, the
command line and the evaluation script all see the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from db.partial_date import PartialDate

Kind = Literal["direct_quote", "reported", "characterization"]
Category = Literal["official", "media", "expert"]


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
    said_on: PartialDate | None  # None: no date in the text and no publication date to fall back on
    date_basis: str  # explicit, inferred, article; unknown with no date
    kind: Kind
    confidence: float
    reason: str  # why the pipeline proposes it, shown to the user
    accepted: bool = True
