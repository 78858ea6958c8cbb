"""When the user last went through an issue, for "what changed since my last review".

Each "mark as reviewed" is a row of its own (never overwritten), so the dates of earlier reviews stay known.
"""

from __future__ import annotations

from db.statements import now
from db.store import Store


def mark_reviewed(store: Store, issue: str, reviewer: str = "", at: str | None = None) -> str:
    """Record a review of `issue` now (or at `at`, a UTC timestamp); returns the timestamp recorded."""
    stamp = at or now()
    with store.transaction():
        store.conn.execute(
            "INSERT INTO issue_reviews (issue_id, reviewer, reviewed_at) VALUES (?, ?, ?)",
            (store.id_of("issues", issue), reviewer, stamp),
        )
    return stamp


def last_review(store: Store, issue: str) -> str | None:
    """The UTC timestamp of the latest review of `issue`, or None if it was never marked reviewed."""
    row = store.conn.execute(
        "SELECT max(reviewed_at) FROM issue_reviews WHERE issue_id = ?", (store.id_of("issues", issue),)
    ).fetchone()
    return row[0] if row and row[0] else None
