"""Open follow-ups across issues: what the user promised to look into, by due date.

A follow-up is an annotation of kind "follow_up" on a statement, open while it is live (not in the bin) and
not marked done. The list reads a partial index of exactly those rows, so it stays quick however many
annotations a database holds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from db import annotations as notes_db
from db import statements
from db.annotations import Annotation
from db.models import Statement
from db.statements import now
from db.store import Store


@dataclass(frozen=True)
class FollowUp:
    note: Annotation
    statement: Statement
    issue_title: str

    def overdue(self, today: dt.date) -> bool:
        return self.note.due_on is not None and self.note.due_on < today.isoformat()


def open_follow_ups(store: Store, issue: str | None = None) -> list[FollowUp]:
    """Open follow-ups (of one issue, or all), soonest due first; those without a due date last."""
    clause, args = "", []
    if issue is not None:
        clause, args = " AND st.issue_id = ?", [store.id_of("issues", issue)]
    rows = store.conn.execute(
        "SELECT an.uid, st.id, i.title FROM annotations an INDEXED BY annotations_open_follow_ups"
        " JOIN statements st ON st.id = an.statement_id JOIN issues i ON i.id = st.issue_id"
        f" WHERE an.kind = 'follow_up' AND an.deleted_at IS NULL AND an.done_at IS NULL{clause}"
        " ORDER BY an.due_on IS NULL, an.due_on, an.created_at, an.id",
        args,
    ).fetchall()
    loaded = statements.get_many(store, sorted({sid for _uid, sid, _title in rows}))
    return [FollowUp(notes_db.get(store, uid), loaded[sid], title) for uid, sid, title in rows if sid in loaded]


def mark_done(store: Store, uid: str, done: bool = True) -> Annotation:
    """Close a follow-up (or open it again); the change is a version like any other, kept in history."""
    return notes_db.edit(store, uid, done_at=now() if done else None)
