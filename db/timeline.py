"""How many statements each side made on each day: the one grouped query behind the comparison rows and the
timeline strip. Plain rows; the window turns them into day, month, quarter or year buckets.

The main query reads only the (issue, side, date) index, so it stays fast on a million statements. Dates
known only to a month or a year are stored on the period's first day; a second query over those first days
alone tells them apart, so an imprecise statement is never shown as if said on the 1st.
"""

from __future__ import annotations

from dataclasses import dataclass

from db.statements import NO_SIDE, StatementFilter, _where
from db.store import Store


@dataclass(frozen=True)
class DayCount:
    side: str  # side slug, NO_SIDE for statements of nobody's side
    said_on: str  # ISO day (the first day of the period for imprecise dates)
    precision: str  # day, month, year
    count: int


def day_counts(store: Store, flt: StatementFilter) -> list[DayCount]:
    """Statements per (side, day, precision) matching `flt`, in date order."""
    clauses, args = _where(store, flt)
    where = " AND ".join(clauses) or "1"
    side_slugs = {row[0]: row[1] for row in store.conn.execute("SELECT id, slug FROM sides")}
    totals: dict[tuple[int | None, str], int] = {}
    sql = f"SELECT st.side_id, st.said_on, count(*) FROM statements st WHERE {where} GROUP BY st.side_id, st.said_on"
    for side_id, said_on, n in store.conn.execute(sql, args):
        totals[(side_id, said_on)] = n
    imprecise_sql = (
        f"SELECT st.side_id, st.said_on, st.date_precision, count(*) FROM statements st WHERE {where}"
        " AND substr(st.said_on, 9, 2) = '01' AND st.date_precision != 'day'"
        " GROUP BY st.side_id, st.said_on, st.date_precision"
    )
    rows: list[DayCount] = []
    for side_id, said_on, precision, n in store.conn.execute(imprecise_sql, args):
        totals[(side_id, said_on)] -= n
        rows.append(DayCount(side_slugs.get(side_id, NO_SIDE), said_on, precision, n))
    rows += [
        DayCount(side_slugs.get(side_id, NO_SIDE), said_on, "day", n)
        for (side_id, said_on), n in totals.items()
        if n > 0
    ]
    rows.sort(key=lambda row: (row.said_on, row.side))
    return rows
