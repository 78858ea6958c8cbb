"""Annotations: the user's own notes on statements, which must never be lost.

Most annotations are on a statement; a position summary (kind "summary", db/summaries.py) is on an issue and
a side instead, and rests on statements the user picks (`rests_on`). A follow-up is open until `done_at` is set.

Rows are never removed (a trigger refuses DELETE): "delete" moves an annotation to the bin by setting
`deleted_at`, and restoring clears it. Every change runs in its own transaction and touches only the fields
that really changed; the `annotations_keep_history` trigger copies the version it replaces into
`annotation_history`, so no tool, ours or another, can overwrite a version without keeping it.

`updated_at` only ever grows for one annotation (a clock that jumps back is stepped over): merging
exchange files from colleagues decides which version is newer by it (db/annotation_exchange.py).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from db.errors import NotFoundError, ValidationError
from db.statements import now
from db.store import Store

KINDS = ("note", "shift", "contradiction", "follow_up")  # what an annotation on a statement can be
SUMMARY = "summary"  # an annotation on an issue and a side: that side's position in the user's words
ALL_KINDS = (*KINDS, SUMMARY)
MAX_BODY = 100_000  # characters; a pasted book is a mistake, not a note
MAX_TAG = 60
CONTENT_FIELDS = ("author", "body", "tags", "kind", "linked_statement_uid", "due_on", "done_at", "rests_on")


@dataclass(frozen=True)
class Annotation:
    id: int
    uid: str
    statement_uid: str | None  # None for a summary
    author: str
    body: str
    tags: tuple[str, ...]
    kind: str
    linked_statement_uid: str | None
    due_on: str | None
    created_at: str
    updated_at: str
    deleted_at: str | None
    done_at: str | None = None
    rests_on: tuple[str, ...] = ()
    issue: str | None = None  # a summary's issue and side slugs
    side: str | None = None

    @property
    def in_bin(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_summary(self) -> bool:
        return self.kind == SUMMARY


@dataclass(frozen=True)
class AnnotationVersion:
    """One version of an annotation: the current one (`replaced_at` None) or an earlier one from history."""

    author: str
    body: str
    tags: tuple[str, ...]
    kind: str
    linked_statement_uid: str | None
    due_on: str | None
    deleted_at: str | None
    valid_from: str  # the version's updated_at
    replaced_at: str | None
    done_at: str | None = None
    rests_on: tuple[str, ...] = ()


@dataclass(frozen=True)
class AnnotationFilter:
    """What `find` and the exchange export ask for. None means "any".

    The date range is on the day an annotation was last changed (its `updated_at`), so "what I wrote or
    edited this week" is one filter.
    """

    issue: str | None = None
    kind: str | None = None
    tag: str | None = None
    author: str | None = None
    date_from: str | None = None  # ISO day, inclusive
    date_to: str | None = None  # ISO day, inclusive
    statement_uid: str | None = None
    uids: tuple[str, ...] | None = None
    include_deleted: bool = False


SELECT_SQL = """
SELECT an.id, an.uid, st.uid, an.author, an.body, an.tags, an.kind, an.linked_statement_uid, an.due_on,
       an.created_at, an.updated_at, an.deleted_at, an.done_at, an.rests_on, si.slug, sd.slug
FROM annotations an
LEFT JOIN statements st ON st.id = an.statement_id
LEFT JOIN issues si ON si.id = an.issue_id
LEFT JOIN sides sd ON sd.id = an.side_id
"""


def _row(row: Sequence[Any]) -> Annotation:
    values = list(row)
    values[5] = tuple(json.loads(str(values[5]) or "[]"))
    values[13] = tuple(json.loads(str(values[13]) or "[]"))
    return Annotation(*values)


def uids_json(uids: Iterable[str]) -> str:
    return json.dumps(list(uids))


def tags_json(tags: Iterable[str]) -> str:
    return json.dumps(list(tags), ensure_ascii=False)


# -- validation ---------------------------------------------------------------------------------------------


def clean_tags(tags: Iterable[str] | str) -> tuple[str, ...]:
    """Tags trimmed, without empties or repeats, in the order given. A string is split at commas."""
    if isinstance(tags, str):
        tags = tags.split(",")
    cleaned: list[str] = []
    for tag in tags:
        if not isinstance(tag, str):
            raise ValidationError(f"a tag must be text, not {tag!r}")
        tag = " ".join(tag.split())
        if not tag:
            continue
        if len(tag) > MAX_TAG:
            raise ValidationError(f"the tag {tag[:20]!r}… is longer than {MAX_TAG} characters")
        if tag not in cleaned:
            cleaned.append(tag)
    return tuple(cleaned)


def check_day(value: str | None, what: str) -> str | None:
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise ValidationError(f"{what} {value!r} is not a date (use YYYY-MM-DD)") from None


def validate(store: Store, fields: dict[str, Any], statement_id: int | None, *, link_must_exist: bool = True) -> None:
    """Check one complete version before it is written; messages name the field and what to do.

    A merge from a colleague passes `link_must_exist=False`: their note is kept even when the statement it
    says it contradicts never reached this database (the uid is kept and shown as such).
    """
    if not isinstance(fields["body"], str) or not fields["body"].strip():
        raise ValidationError("the annotation is empty: write something first")
    if len(fields["body"]) > MAX_BODY:
        raise ValidationError(f"the annotation is longer than {MAX_BODY} characters")
    if not isinstance(fields["author"], str) or not fields["author"].strip():
        raise ValidationError("the author is empty (set your name in the preferences)")
    if fields["kind"] not in ALL_KINDS:
        raise ValidationError(f"unknown annotation kind {fields['kind']!r}; one of {', '.join(ALL_KINDS)}")
    if (fields["kind"] == SUMMARY) != (statement_id is None):
        raise ValidationError("a summary belongs to an issue and a side; every other annotation to a statement")
    link = fields["linked_statement_uid"]
    if fields["kind"] == "contradiction":
        if not link:
            raise ValidationError("a contradiction needs the other statement: pick the statement it contradicts")
        row = store.conn.execute("SELECT id FROM statements WHERE uid = ?", (link,)).fetchone()
        if row is None and link_must_exist:
            raise ValidationError(f"the linked statement {link} does not exist")
        if row is not None and row[0] == statement_id:
            raise ValidationError("a statement cannot contradict itself: pick another statement")
    elif link:
        raise ValidationError("only a contradiction links to another statement")
    if fields["due_on"] and fields["kind"] != "follow_up":
        raise ValidationError("only a follow-up has a due date")
    if fields.get("done_at") and fields["kind"] != "follow_up":
        raise ValidationError("only a follow-up can be done")
    rests_on = fields.get("rests_on") or ()
    if rests_on and fields["kind"] != SUMMARY:
        raise ValidationError("only a summary rests on statements")
    if link_must_exist and rests_on:
        known = {
            row[0]
            for row in store.conn.execute(
                "SELECT uid FROM statements WHERE uid IN (SELECT value FROM json_each(?))", (uids_json(rests_on),)
            )
        }
        missing = [uid for uid in rests_on if uid not in known]
        if missing:
            raise ValidationError(f"the summary rests on a statement that does not exist ({missing[0]})")


def _statement_id(store: Store, statement_uid: str) -> int:
    row = store.conn.execute("SELECT id FROM statements WHERE uid = ?", (statement_uid,)).fetchone()
    if row is None:
        raise NotFoundError(f"no statement with id {statement_uid}")
    return int(row[0])


def _stamp_after(previous: str) -> str:
    """Now, or a microsecond after `previous` if the clock says otherwise (updated_at must grow)."""
    stamp = now()
    if stamp > previous:
        return stamp
    try:
        before = dt.datetime.strptime(previous, "%Y-%m-%dT%H:%M:%S.%fZ")
    except ValueError:  # not written by us; any fresh stamp will do
        return stamp
    return (before + dt.timedelta(microseconds=1)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


# -- changes ------------------------------------------------------------------------------------------------


def add(
    store: Store,
    statement_uid: str,
    body: str,
    author: str,
    *,
    kind: str = "note",
    tags: Iterable[str] | str = (),
    linked_statement_uid: str | None = None,
    due_on: str | None = None,
    uid: str | None = None,
    done_at: str | None = None,
) -> Annotation:
    """Save a new annotation at once, in its own transaction (or the caller's)."""
    fields: dict[str, Any] = {
        "author": author.strip() if isinstance(author, str) else author,
        "body": body,
        "tags": clean_tags(tags),
        "kind": kind,
        "linked_statement_uid": linked_statement_uid or None,
        "due_on": check_day(due_on, "the due date"),
        "done_at": done_at or None,
        "rests_on": (),
    }
    uid = uid or str(uuid.uuid4())
    stamp = now()
    with store.transaction():
        statement_id = _statement_id(store, statement_uid)
        validate(store, fields, statement_id)
        insert(store, uid, fields, stamp, stamp, statement_id=statement_id)
        return get(store, uid)


def insert(store: Store, uid: str, fields: dict[str, Any], created_at: str, updated_at: str, *,
           statement_id: int | None = None, issue_id: int | None = None, side_id: int | None = None,
           deleted_at: str | None = None) -> None:  # fmt: skip
    """Write one checked annotation row (the caller validated `fields` and holds the transaction)."""
    store.conn.execute(
        "INSERT INTO annotations (uid, statement_id, issue_id, side_id, author, body, tags, kind,"
        " linked_statement_uid, due_on, done_at, rests_on, created_at, updated_at, deleted_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (uid, statement_id, issue_id, side_id, fields["author"], fields["body"], tags_json(fields["tags"]),
         fields["kind"], fields["linked_statement_uid"], fields["due_on"], fields.get("done_at"),
         uids_json(fields.get("rests_on") or ()), created_at, updated_at, deleted_at),
    )  # fmt: skip


def edit(store: Store, uid: str, **changes: Any) -> Annotation:
    """Change some of author, body, tags, kind, linked_statement_uid, due_on, done_at, rests_on; only what
    differs is written.

    Changing the kind drops a link, due date or done mark the new kind cannot have, unless the same call sets
    it. A summary stays a summary and a note on a statement stays one.
    Nothing that differs means nothing written (no new version, the same updated_at).
    """
    unknown = set(changes) - set(CONTENT_FIELDS)
    if unknown:
        raise ValidationError(f"cannot edit {', '.join(sorted(unknown))} of an annotation")
    if "tags" in changes:
        changes["tags"] = clean_tags(changes["tags"])
    if "due_on" in changes:
        changes["due_on"] = check_day(changes["due_on"], "the due date")
    if "linked_statement_uid" in changes:
        changes["linked_statement_uid"] = changes["linked_statement_uid"] or None
    if "done_at" in changes:
        changes["done_at"] = changes["done_at"] or None
    if "rests_on" in changes:
        changes["rests_on"] = tuple(dict.fromkeys(changes["rests_on"] or ()))
    if isinstance(changes.get("author"), str):
        changes["author"] = changes["author"].strip()
    with store.transaction():
        current = get(store, uid)
        fields = {name: getattr(current, name) for name in CONTENT_FIELDS}
        fields.update(changes)
        if fields["kind"] != "contradiction" and "linked_statement_uid" not in changes:
            fields["linked_statement_uid"] = None
        if fields["kind"] != "follow_up":
            fields["due_on"] = fields["due_on"] if "due_on" in changes else None
            fields["done_at"] = fields["done_at"] if "done_at" in changes else None
        if (fields["kind"] == SUMMARY) != current.is_summary:
            raise ValidationError("a summary cannot become a note on a statement, nor a note a summary")
        differing = {name: value for name, value in fields.items() if value != getattr(current, name)}
        if not differing:
            return current
        statement_id = None if current.statement_uid is None else _statement_id(store, current.statement_uid)
        validate(store, fields, statement_id)
        if "tags" in differing:
            differing["tags"] = tags_json(differing["tags"])
        if "rests_on" in differing:
            differing["rests_on"] = uids_json(differing["rests_on"])
        differing["updated_at"] = _stamp_after(current.updated_at)
        assignments = ", ".join(f"{name} = ?" for name in differing)
        store.conn.execute(f"UPDATE annotations SET {assignments} WHERE uid = ?", [*differing.values(), uid])
        return get(store, uid)


def move_to_bin(store: Store, uid: str) -> Annotation:
    """Delete as far as the user can see: the annotation stays, marked with the time it went to the bin."""
    with store.transaction():
        current = get(store, uid)
        if current.deleted_at is not None:
            return current
        stamp = _stamp_after(current.updated_at)
        store.conn.execute("UPDATE annotations SET deleted_at = ?, updated_at = ? WHERE uid = ?", (stamp, stamp, uid))
        return get(store, uid)


def restore(store: Store, uid: str) -> Annotation:
    """Take an annotation out of the bin."""
    with store.transaction():
        current = get(store, uid)
        if current.deleted_at is None:
            return current
        stamp = _stamp_after(current.updated_at)
        store.conn.execute("UPDATE annotations SET deleted_at = NULL, updated_at = ? WHERE uid = ?", (stamp, uid))
        return get(store, uid)


# -- reading ------------------------------------------------------------------------------------------------


def get(store: Store, uid: str) -> Annotation:
    row = store.conn.execute(f"{SELECT_SQL} WHERE an.uid = ?", (uid,)).fetchone()
    if row is None:
        raise NotFoundError(f"no annotation with id {uid}")
    return _row(row)


def for_statement(store: Store, statement_id: int, *, include_deleted: bool = False) -> list[Annotation]:
    """The annotations of a statement by its row id, oldest first (live ones, or with the bin)."""
    live = "" if include_deleted else " AND an.deleted_at IS NULL"
    rows = store.conn.execute(
        f"{SELECT_SQL} WHERE an.statement_id = ?{live} ORDER BY an.created_at, an.id", (statement_id,)
    )
    return [_row(row) for row in rows]


def for_statement_uid(store: Store, statement_uid: str, *, include_deleted: bool = False) -> list[Annotation]:
    """The annotations of a statement by its stable uid, oldest first."""
    return find(store, AnnotationFilter(statement_uid=statement_uid, include_deleted=include_deleted))


def history(store: Store, uid: str) -> list[AnnotationVersion]:
    """Every version of one annotation, newest first: the current one, then each earlier one."""
    current = get(store, uid)
    versions = [
        AnnotationVersion(current.author, current.body, current.tags, current.kind, current.linked_statement_uid,
                          current.due_on, current.deleted_at, current.updated_at, None, current.done_at,
                          current.rests_on)
    ]  # fmt: skip
    rows = store.conn.execute(
        "SELECT author, body, tags, kind, linked_statement_uid, due_on, deleted_at, valid_from, replaced_at,"
        " done_at, rests_on FROM annotation_history WHERE annotation_id = ? ORDER BY replaced_at DESC, id DESC",
        (current.id,),
    )
    for row in rows:
        values = list(row)
        values[2] = tuple(json.loads(values[2] or "[]"))
        values[10] = tuple(json.loads(values[10] or "[]"))
        versions.append(AnnotationVersion(*values))
    return versions


def find(store: Store, flt: AnnotationFilter, limit: int | None = None) -> list[Annotation]:
    """Annotations matching the filter, oldest first (statement order within a day does not matter here)."""
    clauses: list[str] = []
    args: list[Any] = []
    if not flt.include_deleted:
        clauses.append("an.deleted_at IS NULL")
    if flt.issue is not None:
        clauses.append("(st.issue_id = ? OR an.issue_id = ?)")
        args += [store.id_of("issues", flt.issue)] * 2
    if flt.kind is not None:
        if flt.kind not in ALL_KINDS:
            raise ValidationError(f"unknown annotation kind {flt.kind!r}; one of {', '.join(ALL_KINDS)}")
        clauses.append("an.kind = ?")
        args.append(flt.kind)
    if flt.tag is not None:
        clauses.append("EXISTS (SELECT 1 FROM json_each(an.tags) WHERE json_each.value = ?)")
        args.append(flt.tag.strip())
    if flt.author is not None:
        clauses.append("an.author = ?")
        args.append(flt.author)
    if flt.date_from:
        clauses.append("substr(an.updated_at, 1, 10) >= ?")
        args.append(check_day(flt.date_from, "the start date"))
    if flt.date_to:
        clauses.append("substr(an.updated_at, 1, 10) <= ?")
        args.append(check_day(flt.date_to, "the end date"))
    if flt.statement_uid is not None:
        clauses.append("st.uid = ?")
        args.append(flt.statement_uid)
    if flt.uids is not None:
        clauses.append("an.uid IN (SELECT value FROM json_each(?))")
        args.append(json.dumps(list(flt.uids)))
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    sql = f"{SELECT_SQL} {where} ORDER BY an.created_at, an.id"
    if limit is not None:
        sql += " LIMIT ?"
        args.append(limit)
    return [_row(row) for row in store.conn.execute(sql, args)]


def authors(store: Store) -> list[str]:
    """Everyone who has written an annotation here, for a filter chooser."""
    return [row[0] for row in store.conn.execute("SELECT DISTINCT author FROM annotations ORDER BY author")]


def all_tags(store: Store) -> list[str]:
    """Every tag in use on live annotations, for completion and a filter chooser."""
    rows = store.conn.execute(
        "SELECT DISTINCT json_each.value FROM annotations, json_each(annotations.tags)"
        " WHERE annotations.deleted_at IS NULL ORDER BY 1"
    )
    return [row[0] for row in rows]
