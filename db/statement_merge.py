"""One statement, several sources: merging near-duplicates, and the sources a statement has beyond its own.

Merging B into A keeps A and records B as one of A's sources (`statement_sources`: B's source, quote, date and
offsets); B's annotations move to A and B's row is kept as JSON in that record, so `split_off(B)` restores B
exactly (same uid) and takes its annotations back. Nothing is lost either way, and a colleague's annotation on
B's uid still finds its statement through `live_uid`. On import a repeat of a stored statement is added as a
source directly (`add_source`).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from db.errors import NotFoundError, ValidationError
from db.models import SourceRef, Statement
from db.partial_date import PartialDate, from_stored, stored
from db.statements import get, now
from db.store import Store


@dataclass(frozen=True)
class MoreSource:
    """A source of a statement beyond its own, with the words as that source reported them."""

    id: int
    source: SourceRef | None
    quote: str
    speaker_as_written: str
    said_on: PartialDate | None
    language: str
    start_offset: int | None
    end_offset: int | None
    merged_uid: str | None  # the uid it had as a statement of its own (None: added on import)


@dataclass(frozen=True)
class StatementMerge:
    kept_uid: str
    merged_uids: tuple[str, ...]


def more_sources(store: Store, statement_id: int) -> list[MoreSource]:
    rows = store.conn.execute(
        "SELECT ss.id, so.id, so.title, so.outlet, so.author, so.published, so.file_name, so.url, ss.quote,"
        " ss.speaker_as_written, ss.said_on, ss.date_precision, ss.language, ss.start_offset, ss.end_offset,"
        " ss.merged_uid FROM statement_sources ss LEFT JOIN sources so ON so.id = ss.source_id"
        " WHERE ss.statement_id = ? ORDER BY so.published, ss.id",
        (statement_id,),
    )
    found = []
    for row in rows:
        source = SourceRef(row[1], row[2] or "", row[3], row[4], row[5], row[6] or "", row[7]) if row[1] else None
        said_on = from_stored(row[10], row[11]) if row[11] else None
        found.append(MoreSource(row[0], source, row[8], row[9], said_on, row[12], row[13], row[14], row[15]))
    return found


def live_uid(store: Store, uid: str) -> str | None:
    """The statement a uid stands for now: itself, or the statement it was merged into; None if unknown."""
    if store.conn.execute("SELECT 1 FROM statements WHERE uid = ?", (uid,)).fetchone():
        return uid
    row = store.conn.execute(
        "SELECT st.uid FROM statement_sources ss JOIN statements st ON st.id = ss.statement_id WHERE ss.merged_uid = ?",
        (uid,),
    ).fetchone()
    return str(row[0]) if row else None


def resolve(store: Store, uid: str) -> Statement:
    """The statement a uid stands for now (following a merge)."""
    found = live_uid(store, uid)
    if found is None:
        raise NotFoundError(f"no statement with id {uid}")
    return get(store, found)


def add_source(
    store: Store,
    statement_uid: str,
    source_id: int,
    quote: str,
    *,
    speaker_as_written: str = "",
    said_on: PartialDate | None = None,
    language: str = "en",
    start_offset: int | None = None,
    end_offset: int | None = None,
) -> int:
    """Record another source that reported a stored statement (inside the caller's transaction, or its own)."""
    with store.transaction():
        row = store.conn.execute("SELECT id FROM statements WHERE uid = ?", (statement_uid,)).fetchone()
        if row is None:
            raise NotFoundError(f"no statement with id {statement_uid}")
        cursor = store.conn.execute(
            "INSERT INTO statement_sources (statement_id, source_id, quote, speaker_as_written, said_on,"
            " date_precision, language, start_offset, end_offset, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (row[0], source_id, quote, speaker_as_written, *stored(said_on), language, start_offset, end_offset,
             now()),
        )  # fmt: skip
        store.conn.execute("UPDATE statements SET updated_at = ? WHERE id = ?", (now(), row[0]))
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def _stored_columns(conn: sqlite3.Connection) -> list[str]:
    """The statements table's columns a row can be written back into (generated columns left out)."""
    return [row[1] for row in conn.execute("PRAGMA table_xinfo(statements)") if row[6] == 0]


def merge(store: Store, keep_uid: str, other_uids: list[str]) -> StatementMerge:
    """Merge statements into one (one transaction): each other becomes a source of the kept one."""
    others = [uid for uid in dict.fromkeys(other_uids) if uid != keep_uid]
    if not others:
        raise ValidationError("choose at least two statements to merge")
    columns = _stored_columns(store.conn)
    stamp = now()
    with store.transaction():
        keep = store.conn.execute("SELECT id FROM statements WHERE uid = ?", (keep_uid,)).fetchone()
        if keep is None:
            raise NotFoundError(f"no statement with id {keep_uid}")
        for uid in others:
            row = store.conn.execute(f"SELECT {', '.join(columns)} FROM statements WHERE uid = ?", (uid,)).fetchone()
            if row is None:
                raise NotFoundError(f"no statement with id {uid}")
            old: dict[str, Any] = dict(zip(columns, row, strict=True))
            notes = [
                r[0] for r in store.conn.execute("SELECT id FROM annotations WHERE statement_id = ?", (old["id"],))
            ]
            extra = [
                r[0]
                for r in store.conn.execute("SELECT id FROM statement_sources WHERE statement_id = ?", (old["id"],))
            ]
            store.conn.execute("UPDATE annotations SET statement_id = ? WHERE statement_id = ?", (keep[0], old["id"]))
            store.conn.execute("UPDATE statement_sources SET statement_id = ? WHERE statement_id = ?",
                               (keep[0], old["id"]))  # fmt: skip
            kept_row = json.dumps({"row": old, "annotations": notes, "sources": extra}, ensure_ascii=False)
            store.conn.execute(
                "INSERT INTO statement_sources (statement_id, source_id, quote, speaker_as_written, said_on,"
                " date_precision, language, start_offset, end_offset, merged_uid, merged_row, added_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (keep[0], old.get("source_id"), old["quote"], old.get("speaker_as_written") or "", old.get("said_on"),
                 old.get("date_precision"), old.get("language") or "en", old.get("start_offset"),
                 old.get("end_offset"), uid, kept_row, stamp),
            )  # fmt: skip
            store.conn.execute("DELETE FROM statements WHERE id = ?", (old["id"],))
        store.conn.execute("UPDATE statements SET updated_at = ? WHERE id = ?", (stamp, keep[0]))
    return StatementMerge(keep_uid, tuple(others))


def split_off(store: Store, merged_uid: str) -> str:
    """Undo one merge: the merged statement back as it was (same uid), with its annotations and sources."""
    with store.transaction():
        found = store.conn.execute(
            "SELECT id, statement_id, merged_row FROM statement_sources WHERE merged_uid = ?", (merged_uid,)
        ).fetchone()
        if found is None or not found[2]:
            raise NotFoundError(f"no statement {merged_uid} was merged into another")
        record_id, kept_id, data = found
        saved = json.loads(data)
        old: dict[str, Any] = {k: v for k, v in saved["row"].items() if k in _stored_columns(store.conn)}
        if store.conn.execute("SELECT 1 FROM statements WHERE id = ?", (old["id"],)).fetchone():
            del old["id"]  # the row id went to a statement added since: the uid is what identifies it
        old["updated_at"] = now()
        cursor = store.conn.execute(
            f"INSERT INTO statements ({', '.join(old)}) VALUES ({', '.join('?' * len(old))})", list(old.values())
        )
        new_id = cursor.lastrowid
        store.conn.execute("DELETE FROM statement_sources WHERE id = ?", (record_id,))
        for table, ids in (("annotations", saved["annotations"]), ("statement_sources", saved["sources"])):
            store.conn.executemany(
                f"UPDATE {table} SET statement_id = ? WHERE id = ? AND statement_id = ?",
                [(new_id, item, kept_id) for item in ids],
            )
    return merged_uid


def unmerge(store: Store, merge: StatementMerge) -> None:
    """Undo a whole merge (one transaction), the last merged first."""
    with store.transaction():
        for uid in reversed(merge.merged_uids):
            split_off(store, uid)
