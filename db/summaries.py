"""Position summaries: for each issue and side, that side's current position in the user's own words.

A summary is an annotation of kind "summary" on an issue and a side rather than on a statement, so it has
everything annotations have: the bin instead of deletion, every earlier version kept by the history trigger,
and the exchange with colleagues. It rests on statements the user picks (their dates are printed with it).

Its uid is derived from the issue and side slugs: two colleagues who each write Russia's position on the
peace treaty write versions of the same summary, and exchanging files keeps the newer one current with the
other in its history, rather than two summaries competing. If several live ones exist all the same (issues
merged, an older file), the most recently changed one is the current summary.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from db import annotations as notes_db
from db.annotations import SUMMARY, Annotation
from db.errors import ValidationError
from db.statements import now
from db.store import Store

NAMESPACE = uuid.UUID("6f1d3c52-9a4e-4b1f-8c37-2f0e5a9d7b61")
MAX_SUMMARY = 20_000  # characters: a few lines, generously


def summary_uid(issue: str, side: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"summary:{issue}:{side}"))


def current(store: Store, issue: str, side: str) -> Annotation | None:
    """The live summary of `side` on `issue`, or None when none is written."""
    row = store.conn.execute(
        "SELECT uid FROM annotations WHERE kind = 'summary' AND issue_id = ? AND side_id = ? AND deleted_at IS NULL"
        " ORDER BY updated_at DESC, id DESC LIMIT 1",
        (store.id_of("issues", issue), store.id_of("sides", side)),
    ).fetchone()
    return notes_db.get(store, row[0]) if row else None


def for_issue(store: Store, issue: str) -> dict[str, Annotation]:
    """The current summary of every side that has one on `issue`, by side slug."""
    rows = store.conn.execute(
        "SELECT an.uid, sd.slug FROM annotations an JOIN sides sd ON sd.id = an.side_id"
        " WHERE an.kind = 'summary' AND an.issue_id = ? AND an.deleted_at IS NULL ORDER BY an.updated_at, an.id",
        (store.id_of("issues", issue),),
    )
    latest = {side: uid for uid, side in rows}  # later rows win
    return {side: notes_db.get(store, uid) for side, uid in latest.items()}


def write(
    store: Store, issue: str, side: str, body: str, author: str, rests_on: Iterable[str] = ()
) -> Annotation | None:
    """Save the side's summary: a new version of the current one (or of one in the bin, taken out), or a new one.

    An empty body withdraws the summary to the bin and returns None (the sheet then shows the side's latest
    statement again).
    """
    if not body.strip():
        withdraw(store, issue, side)
        return None
    if len(body) > MAX_SUMMARY:
        raise ValidationError(f"the summary is longer than {MAX_SUMMARY} characters")
    rests = tuple(dict.fromkeys(rests_on))
    with store.transaction():
        existing = current(store, issue, side) or _binned(store, issue, side)
        if existing is not None:
            if existing.in_bin:
                notes_db.restore(store, existing.uid)
            return notes_db.edit(store, existing.uid, body=body, author=author, rests_on=rests)
        fields: dict[str, Any] = {
            "author": author.strip(), "body": body, "tags": (), "kind": SUMMARY, "linked_statement_uid": None,
            "due_on": None, "done_at": None, "rests_on": rests,
        }  # fmt: skip
        notes_db.validate(store, fields, None)
        uid = summary_uid(issue, side)
        if store.conn.execute("SELECT 1 FROM annotations WHERE uid = ?", (uid,)).fetchone():
            uid = str(uuid.uuid4())  # the derived uid is taken by a summary that moved to another issue
        stamp = now()
        notes_db.insert(store, uid, fields, stamp, stamp, issue_id=store.id_of("issues", issue),
                        side_id=store.id_of("sides", side))  # fmt: skip
        return notes_db.get(store, uid)


def withdraw(store: Store, issue: str, side: str) -> Annotation | None:
    """Move the side's current summary to the bin (kept, with its history); None when there was none."""
    with store.transaction():
        found = current(store, issue, side)
        return notes_db.move_to_bin(store, found.uid) if found else None


def _binned(store: Store, issue: str, side: str) -> Annotation | None:
    row = store.conn.execute(
        "SELECT uid FROM annotations WHERE kind = 'summary' AND issue_id = ? AND side_id = ?"
        " ORDER BY updated_at DESC, id DESC LIMIT 1",
        (store.id_of("issues", issue), store.id_of("sides", side)),
    ).fetchone()
    return notes_db.get(store, row[0]) if row else None
