"""db.timeline: counts per side and day or month, imprecise dates told apart (plain Python, no Qt)."""

from pathlib import Path

from db import timeline
from db.statements import StatementFilter
from db.store import Store
from tests.desktop.test_app_support import add_statement


def test_counts_per_side_and_period_with_precision(db_path: Path) -> None:
    with Store.open(db_path) as store:
        for side, said_on in (("russia", "2019-03-01"), ("russia", "2019-03-01"), ("russia", "2019-03"),
                              ("russia", "2019"), ("japan", "2019-03-20"), (None, "2019-03-02")):  # fmt: skip
            add_statement(store, side=side, issue="fisheries", said_on=said_on, quote=f"{side} {said_on}")
        add_statement(store, side="japan", issue="sanctions", said_on="2019-03-05", quote="elsewhere")
        by_day = timeline.period_counts(store, StatementFilter(issue="fisheries"), "day")
        by_month = timeline.period_counts(store, StatementFilter(issue="fisheries"), "month")
        only_japan = timeline.period_counts(store, StatementFilter(issue="fisheries", side="japan"), "month")
        reviewed = timeline.period_counts(store, StatementFilter(issue="fisheries", reviewed=False), "month")
    as_tuples = sorted((r.side, r.period, r.precision, r.count) for r in by_day)
    assert as_tuples == [
        ("", "2019-03-02", "day", 1),
        ("japan", "2019-03-20", "day", 1),
        ("russia", "2019-01-01", "year", 1),
        ("russia", "2019-03-01", "day", 2),
        ("russia", "2019-03-01", "month", 1),
    ]
    assert sorted((r.side, r.period, r.precision, r.count) for r in by_month) == [
        ("", "2019-03", "day", 1),
        ("japan", "2019-03", "day", 1),
        ("russia", "2019-01", "year", 1),
        ("russia", "2019-03", "day", 2),
        ("russia", "2019-03", "month", 1),
    ]
    assert [r.period for r in by_month] == sorted(r.period for r in by_month)
    assert [(r.side, r.count) for r in only_japan] == [("japan", 1)]
    assert reviewed == []  # the helper adds reviewed statements


def test_the_counts_read_indexes_only(db_path: Path) -> None:
    """The queries period_counts really runs: the main one from the covering index in its own order, the
    imprecise one by index seeks on the first days (no scan of the issue's rows)."""
    with Store.open(db_path) as store:
        add_statement(store, side="russia", issue="fisheries", said_on="2019-03", quote="a month")
        executed: list[str] = []
        store.conn.set_trace_callback(executed.append)
        timeline.period_counts(store, StatementFilter(issue="fisheries"), "month")
        store.conn.set_trace_callback(None)
        counts = [sql for sql in executed if "count(*)" in sql]
        plans = [" ".join(row[3] for row in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}")) for sql in counts]
    assert len(plans) == 2
    assert "COVERING INDEX statements_issue_side_date" in plans[0] and "TEMP B-TREE" not in plans[0]
    assert "statements_issue_date (issue_id=? AND said_on=?)" in plans[1]
