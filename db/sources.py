"""Imported documents and the one transaction that commits a document with its accepted statements."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from db import statement_merge, statements
from db.errors import NotFoundError
from db.ingest.document import Candidate, Document
from db.store import Store


@dataclass(frozen=True)
class CommitResult:
    source_id: int
    added: int  # statements added
    duplicate: bool  # the document was imported before: nothing was added
    merged: int = 0  # accepted statements recorded as another source of a statement already there
    uids: Mapping[int, str] = field(default_factory=dict)  # candidate index -> the statement it is now part of


@dataclass(frozen=True)
class Source:
    id: int
    uid: str
    title: str
    outlet: str | None
    author: str | None
    url: str | None
    published: str | None
    published_basis: str
    language: str
    file_name: str
    text: str
    imported_at: str


def find_by_sha256(store: Store, sha256: str) -> int | None:
    row = store.conn.execute("SELECT id FROM sources WHERE sha256 = ?", (sha256,)).fetchone()
    return row[0] if row else None


def get(store: Store, source_id: int) -> Source:
    row = store.conn.execute(
        "SELECT id, uid, title, outlet, author, url, published, published_basis, language, file_name, text,"
        " imported_at FROM sources WHERE id = ?",
        (source_id,),
    ).fetchone()
    if row is None:
        raise NotFoundError(f"no source #{source_id}")
    return Source(*row)


def add_source(store: Store, document: Document) -> int:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    with store.transaction():
        cursor = store.conn.execute(
            "INSERT INTO sources (uid, sha256, title, outlet, author, url, published, published_basis, language,"
            " file_name, text, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                str(uuid.uuid4()),
                document.sha256,
                document.title,
                document.outlet,
                document.author,
                document.url,
                document.published.iso() if document.published else None,
                document.published_basis,
                document.language,
                document.file_name,
                document.text,
                stamp,
            ),
        )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def commit_document(
    store: Store,
    document: Document,
    candidates: Iterable[Candidate],
    *,
    reviewed: bool = False,
    merge_into: Mapping[int, str] | None = None,
) -> CommitResult:
    """Store the document and its accepted candidates in one transaction.

    `reviewed`: a person accepted them (the wizard); the command line commits them unreviewed. `merge_into`
    maps a candidate's index to a stored statement it repeats: it becomes another source of that statement.
    A document whose bytes were imported before changes nothing: re-importing is always safe.
    """
    existing = find_by_sha256(store, document.sha256)
    if existing is not None:
        return CommitResult(existing, 0, True)
    added = merged = 0
    uids: dict[int, str] = {}
    with store.transaction():
        source_id = add_source(store, document)
        for index, candidate in enumerate(candidates):
            if not candidate.accepted:
                continue
            wanted = (merge_into or {}).get(index)
            target = statement_merge.live_uid(store, wanted) if wanted else None
            if target is not None:
                statement_merge.add_source(store, target, source_id, candidate.quote,
                                           speaker_as_written=candidate.speaker_as_written, said_on=candidate.said_on,
                                           language=document.language, start_offset=candidate.start,
                                           end_offset=candidate.end)  # fmt: skip
                uids[index] = target
                merged += 1
                continue
            new = candidate_to_new_statement(candidate, document.language, reviewed)
            uids[index] = statements.add(store, new, source_id)
            added += 1
    return CommitResult(source_id, added, False, merged, uids)


def candidate_to_new_statement(candidate: Candidate, language: str, reviewed: bool = False) -> statements.NewStatement:
    return statements.NewStatement(
        speaker=candidate.speaker,
        speaker_as_written=candidate.speaker_as_written,
        actor_key=candidate.actor_key,
        side=candidate.side,
        issue=candidate.issue,
        said_on=candidate.said_on,
        date_basis=candidate.date_basis,
        quote=candidate.quote,
        kind=candidate.kind,
        language=language,
        start_offset=candidate.start,
        end_offset=candidate.end,
        confidence=candidate.confidence,
        reviewed=reviewed,
    )
