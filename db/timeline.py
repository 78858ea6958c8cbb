"""How many statements each side made per day or per month: the grouped counts behind the comparison rows
and the timeline strip. Plain rows; the window turns them into day, month, quarter or year buckets.

The main query reads only the (issue, side, date) index in its own order, so it stays fast on a million
statements; months are summed here rather than by `GROUP BY substr(...)`, which would need a temporary
B-tree. Dates known only to a month or a year are stored on the period's first day: a second query reads
those first days alone (a few index seeks) and tells them apart, so an imprecise statement is never counted
as if said on the 1st. Statements whose date is not known come back as rows of their own (period None,
precision `unknown`), never inside a period.
"""

from __future__ import annotations

from dataclasses import dataclass

from db.partial_date import UNKNOWN
from db.statements import NO_SIDE, StatementFilter, _where
from db.store import Store

RESOLUTIONS = {"day": 10, "month": 7}  # characters of the ISO date kept


@dataclass(frozen=True, slots=True)
class PeriodCount:
    side: str  # side slug, NO_SIDE for statements of nobody's side
    period: str | None  # ISO day (2017-03-06) or month (2017-03) where the period starts; None: date unknown
    precision: str  # day, month, year, unknown: how precisely the statements are dated
    count: int


def period_counts(store: Store, flt: StatementFilter, resolution: str = "month") -> list[PeriodCount]:
    """Statements per (side, day or month, precision) matching `flt`, in date order."""
    width = RESOLUTIONS[resolution]
    clauses, args = _where(store, flt)
    where = " AND ".join(clauses) or "1"
    slugs = {row[0]: row[1] for row in store.conn.execute("SELECT id, slug FROM sides")}
    totals: dict[tuple[str, str], int] = {}
    rows: list[PeriodCount] = []
    sql = f"SELECT st.side_id, st.said_on, count(*) FROM statements st WHERE {where} GROUP BY st.side_id, st.said_on"
    for side_id, said_on, n in store.conn.execute(sql, args):
        if said_on is None:  # NULL groups first: the statements whose date is not known
            rows.append(PeriodCount(slugs.get(side_id, NO_SIDE), None, UNKNOWN, n))
            continue
        key = (slugs.get(side_id, NO_SIDE), said_on[:width])
        totals[key] = totals.get(key, 0) + n
    first_days = sorted({f"{period[:7]}-01" for _side, period in totals})
    for chunk in (first_days[i : i + 500] for i in range(0, len(first_days), 500)):
        hint = "INDEXED BY statements_issue_date" if flt.issue is not None else ""
        imprecise_sql = (
            f"SELECT st.side_id, st.said_on, st.date_precision, count(*) FROM statements st {hint}"
            f" WHERE {where} AND st.said_on IN ({', '.join('?' * len(chunk))}) AND st.date_precision != 'day'"
            " GROUP BY st.side_id, st.said_on, st.date_precision"
        )
        for side_id, said_on, precision, n in store.conn.execute(imprecise_sql, [*args, *chunk]):
            side = slugs.get(side_id, NO_SIDE)
            totals[(side, said_on[:width])] -= n
            rows.append(PeriodCount(side, said_on[:width], precision, n))
    rows += [PeriodCount(side, period, "day", n) for (side, period), n in totals.items() if n > 0]
    rows.sort(key=lambda row: (row.period is None, row.period or "", row.side))
    return rows
