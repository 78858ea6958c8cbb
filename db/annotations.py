"""Annotations: the user's own notes on statements. Never hard-deleted; every version kept by trigger."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

from db.errors import NotFoundError, ValidationError
from db.statements import now
from db.store import Store

KINDS = ("note", "shift", "contradiction", "follow_up")


@dataclass(frozen=True)
class Annotation:
    id: int
    uid: str
    statement_uid: str
    author: str
    body: str
    tags: tuple[str, ...]
    kind: str
    linked_statement_uid: str | None
    due_on: str | None
    created_at: str
    updated_at: str
    deleted_at: str | None


SELECT_SQL = """
SELECT an.id, an.uid, st.uid, an.author, an.body, an.tags, an.kind, an.linked_statement_uid, an.due_on,
       an.created_at, an.updated_at, an.deleted_at
FROM annotations an JOIN statements st ON st.id = an.statement_id
"""


def _row(row: tuple[object, ...]) -> Annotation:
    values = list(row)
    values[5] = tuple(json.loads(str(values[5]) or "[]"))
    return Annotation(*values)  # type: ignore[arg-type]


def add(
    store: Store,
    statement_uid: str,
    body: str,
    author: str,
    *,
    kind: str = "note",
    tags: tuple[str, ...] = (),
    linked_statement_uid: str | None = None,
    due_on: str | None = None,
) -> Annotation:
    """Save a new annotation at once, in its own transaction."""
    if not body.strip():
        raise ValidationError("the annotation is empty")
    if kind not in KINDS:
        raise ValidationError(f"unknown annotation kind {kind!r}; one of {', '.join(KINDS)}")
    uid = str(uuid.uuid4())
    stamp = now()
    with store.transaction():
        row = store.conn.execute("SELECT id FROM statements WHERE uid = ?", (statement_uid,)).fetchone()
        if row is None:
            raise NotFoundError(f"no statement with id {statement_uid}")
        store.conn.execute(
            "INSERT INTO annotations (uid, statement_id, author, body, tags, kind, linked_statement_uid, due_on,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (uid, row[0], author, body, json.dumps(list(tags), ensure_ascii=False), kind,
             linked_statement_uid, due_on, stamp, stamp),
        )  # fmt: skip
    return get(store, uid)


def get(store: Store, uid: str) -> Annotation:
    row = store.conn.execute(f"{SELECT_SQL} WHERE an.uid = ?", (uid,)).fetchone()
    if row is None:
        raise NotFoundError(f"no annotation with id {uid}")
    return _row(row)


def for_statement(store: Store, statement_id: int, *, include_deleted: bool = False) -> list[Annotation]:
    live = "" if include_deleted else " AND an.deleted_at IS NULL"
    rows = store.conn.execute(
        f"{SELECT_SQL} WHERE an.statement_id = ?{live} ORDER BY an.created_at, an.id", (statement_id,)
    )
    return [_row(row) for row in rows]
