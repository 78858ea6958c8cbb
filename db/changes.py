"""What changed on an issue since a moment: new statements, shifts in position, new or edited annotations.

"Since" is a UTC timestamp like the stored `created_at`/`updated_at` (a day is its first moment): the user's
last review of the issue (db/issue_reviews.py) or a date they give. A statement is new when it was added to
the database since then, whatever day it was said on: what matters for a review is what the user has not
seen yet. The window highlights the same statements (db.statements.CHANGED_SINCE_SQL).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from db import annotations as notes_db
from db import statements
from db.annotations import Annotation
from db.models import Statement
from db.store import Store

LISTED = 60  # new statements listed one by one; the rest are counted


@dataclass
class IssueChanges:
    since: str
    new_statements: list[Statement] = field(default_factory=list)  # the first LISTED, in date order
    new_count: int = 0
    shifts: list[tuple[Annotation, Statement]] = field(default_factory=list)
    annotations: list[tuple[Annotation, Statement | None]] = field(default_factory=list)  # other kinds

    @property
    def empty(self) -> bool:
        return not (self.new_count or self.shifts or self.annotations)


def since(store: Store, issue: str, moment: str, sides: tuple[str, ...] | None = None) -> IssueChanges:
    """The changes on `issue` since `moment`, limited to statements of `sides` (None: every side and none)."""
    issue_id = store.id_of("issues", issue)
    side_clause, side_args = "", []
    if sides is not None:
        side_clause = " AND st.side_id IN (SELECT id FROM sides WHERE slug IN (SELECT value FROM json_each(?)))"
        side_args = [notes_db.uids_json(sides)]
    changes = IssueChanges(moment)
    changes.new_count = store.conn.execute(
        f"SELECT count(*) FROM statements st WHERE st.issue_id = ? AND st.created_at >= ?{side_clause}",
        [issue_id, moment, *side_args],
    ).fetchone()[0]
    ids = [row[0] for row in store.conn.execute(
        f"SELECT st.id FROM statements st WHERE st.issue_id = ? AND st.created_at >= ?{side_clause}"
        " ORDER BY st.said_on IS NULL, st.said_on, st.id LIMIT ?", [issue_id, moment, *side_args, LISTED])]  # fmt: skip
    loaded = statements.get_many(store, ids)
    changes.new_statements = [loaded[i] for i in ids if i in loaded]
    rows = store.conn.execute(
        "SELECT an.uid, st.id FROM annotations an LEFT JOIN statements st ON st.id = an.statement_id"
        " WHERE an.deleted_at IS NULL AND an.updated_at >= ?"
        f" AND (st.issue_id = ?{side_clause} OR an.issue_id = ?) ORDER BY an.updated_at, an.id",
        [moment, issue_id, *side_args, issue_id],
    ).fetchall()
    on = statements.get_many(store, sorted({sid for _uid, sid in rows if sid is not None}))
    for uid, statement_id in rows:
        note = notes_db.get(store, uid)
        if note.is_summary and sides is not None and note.side not in sides:
            continue
        statement = on.get(statement_id) if statement_id is not None else None
        if note.kind == "shift" and statement is not None:
            changes.shifts.append((note, statement))
        else:
            changes.annotations.append((note, statement))
    return changes
