"""Statements as plain dictionaries: the JSONL/CSV export shape of the command-line contract."""

from __future__ import annotations

from typing import Any

from db import annotations as annotation_store
from db import statement_merge
from db.models import SourceRef, Statement
from db.partial_date import iso_or_none, precision_of
from db.store import Store

CSV_COLUMNS = (
    "uid",
    "said_on",
    "date_precision",
    "speaker",
    "speaker_as_written",
    "role",
    "side",
    "issue",
    "kind",
    "language",
    "quote",
    "reviewed",
    "source_title",
    "source_outlet",
    "source_published",
    "source_file",
    "annotations",
)


def statement_record(store: Store, statement: Statement) -> dict[str, Any]:
    """One statement with its source citation and live annotations (ARCHITECTURE: jsonl contract)."""
    source = statement.source
    return {
        "uid": statement.uid,
        "said_on": iso_or_none(statement.said_on),  # null when the date is not known
        "date_precision": precision_of(statement.said_on),  # day, month, year or unknown
        "date_basis": statement.date_basis,
        "speaker": statement.speaker,
        "speaker_as_written": statement.speaker_as_written,
        "role": statement.role,
        "side": statement.side,
        "issue": statement.issue,
        "quote": statement.quote,
        "kind": statement.kind,
        "language": statement.language,
        "confidence": statement.confidence,
        "reviewed": statement.reviewed,
        "source": {
            "title": source.title if source else None,
            "outlet": source.outlet if source else None,
            "author": source.author if source else None,
            "published": source.published if source else None,
            "file": source.file_name if source else None,
            "url": source.url if source else None,
        },
        "sources": sources_of(store, statement),
        "annotations": [
            {"uid": a.uid, "author": a.author, "body": a.body, "kind": a.kind, "tags": list(a.tags),
             "created_at": a.created_at, "updated_at": a.updated_at}
            for a in annotation_store.for_statement(store, statement.id)
        ],
    }  # fmt: skip


def sources_of(store: Store, statement: Statement) -> list[dict[str, Any]]:
    """Every outlet that reported the statement: its own source first, then those merged into it, each with the
    words as it reported them."""
    found = []
    if statement.source is not None:
        found.append(_source(statement.source, statement.quote, iso_or_none(statement.said_on)))
    for more in statement_merge.more_sources(store, statement.id):
        found.append(_source(more.source, more.quote, iso_or_none(more.said_on)))
    return found


def _source(source: SourceRef | None, quote: str, said_on: str | None) -> dict[str, Any]:
    return {
        "title": source.title if source else None,
        "outlet": source.outlet if source else None,
        "author": source.author if source else None,
        "published": source.published if source else None,
        "file": source.file_name if source else None,
        "url": source.url if source else None,
        "quote": quote,
        "said_on": said_on,
    }


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """Text a spreadsheet will show as text, never run as a formula (OWASP "CSV injection").

    A cell that begins with = + - @, a tab or a carriage return gets a leading apostrophe, which Excel,
    LibreOffice and Google Sheets read as "this is text". Only the export changes: the database keeps the
    text exactly as it was imported.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_row(record: dict[str, Any]) -> dict[str, Any]:
    """Flatten a statement record for one CSV row (annotations joined, one per line), spreadsheet-safe."""
    row = {key: record.get(key) for key in CSV_COLUMNS}
    source = record["source"]
    row.update(
        source_title=source["title"],
        source_outlet=source["outlet"],
        source_published=source["published"],
        source_file=source["file"],
        reviewed=int(record["reviewed"]),
        annotations="\n".join(f"{a['author']}: {a['body']}" for a in record["annotations"]),
    )
    return {key: spreadsheet_safe(value) for key, value in row.items()}
