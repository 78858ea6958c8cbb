"""Sides and issues, and how many statements each side has on each issue."""

from __future__ import annotations

from db.models import Issue, IssueSummary, Side
from db.store import Store

ISSUE_SQL = "SELECT id, slug, title, description, retired_at IS NOT NULL FROM issues"


def sides(store: Store) -> list[Side]:
    rows = store.conn.execute("SELECT id, slug, name, position FROM sides ORDER BY position, id")
    return [Side(*row) for row in rows]


def all_issues(store: Store) -> list[Issue]:
    """Every issue, retired ones included (their statements still show them); see `current_issues`."""
    rows = store.conn.execute(f"{ISSUE_SQL} ORDER BY position, id")
    return [Issue(row[0], row[1], row[2], row[3], bool(row[4])) for row in rows]


def current_issues(store: Store) -> list[Issue]:
    """The issues offered for new and edited statements: all but the retired."""
    return [i for i in all_issues(store) if not i.retired]


def issue(store: Store, slug: str) -> Issue:
    row = store.conn.execute(f"{ISSUE_SQL} WHERE slug = ?", (slug,)).fetchone()
    if row is None:
        from db.errors import NotFoundError

        known = ", ".join(i.slug for i in all_issues(store))
        raise NotFoundError(f"no issue {slug!r}; known issues: {known}")
    return Issue(row[0], row[1], row[2], row[3], bool(row[4]))


SUMMARY_SQL = """
SELECT st.issue_id, coalesce(sd.slug, ''), count(*), max(st.said_on)
FROM statements st LEFT JOIN sides sd ON sd.id = st.side_id
GROUP BY st.issue_id, st.side_id
"""


def summaries(store: Store) -> list[IssueSummary]:
    """Every issue, in taxonomy order, with statement counts per side (one grouped scan of an index)."""
    counts: dict[int, dict[str, int]] = {}
    latest: dict[int, str] = {}
    for issue_id, side, count, newest in store.conn.execute(SUMMARY_SQL):
        counts.setdefault(issue_id, {})[side] = count
        if newest and newest > latest.get(issue_id, ""):
            latest[issue_id] = newest
    return [
        IssueSummary(i, counts.get(i.id, {}), latest.get(i.id))
        for i in all_issues(store)
        if not i.retired or counts.get(i.id)  # a retired issue stays in view while statements are filed under it
    ]
