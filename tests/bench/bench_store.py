"""Store queries on a large database, against the bare SQL behind each.

POSITIONS_BENCH_SIZE=1000000 python3 -m pytest tests/bench/bench_store.py -s
"""

from __future__ import annotations

from db import issues, search, statements, timeline
from db.statements import SELECT_SQL, StatementFilter
from db.store import Store
from tests.bench.synthetic import bench_size, synthetic_database
from tests.bench.timing import median_seconds, report


def test_store_queries_scale() -> None:
    size = bench_size()
    with Store.open(synthetic_database(size)) as store:
        print(f"\n{size:,} statements")
        issue = "peace_treaty"
        issue_id, side_id = store.id_of("issues", issue), store.id_of("sides", "japan")

        op = median_seconds(lambda: issues.summaries(store))
        bare = median_seconds(lambda: store.conn.execute(issues.SUMMARY_SQL).fetchall())
        report("issues with counts per side", op, bare)

        flt = StatementFilter(issue=issue, side="japan", date_from="2016-01-01", date_to="2018-12-31")
        op = median_seconds(lambda: statements.page(store, flt, limit=200))
        sql = (f"{SELECT_SQL} WHERE st.issue_id = ? AND st.side_id = ? AND st.said_on >= ? AND st.said_on <= ?"
               " ORDER BY st.said_on, st.id LIMIT 200")  # fmt: skip
        bare = median_seconds(
            lambda: store.conn.execute(sql, (issue_id, side_id, "2016-01-01", "2018-12-31")).fetchall()
        )
        report("one page (200) of one issue and side", op, bare)
        plan = " ".join(row[3] for row in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}", (1, 1, "", "")))
        assert "statements_issue_side_date" in plan, plan

        last = statements.page(store, StatementFilter(issue=issue, side="japan"), limit=200)
        dated = [s.said_on.start() for s in last if s.said_on]
        assert dated == sorted(dated)

        # Unknown dates: the pages walk the dated statements, then the undated ones, each an index seek.
        flt = StatementFilter(issue=issue, side="japan")
        op = median_seconds(lambda: statements.page(store, flt, limit=200))
        sql = (f"{SELECT_SQL} WHERE st.issue_id = ? AND st.side_id = ? AND st.said_on IS NOT NULL"
               " ORDER BY st.said_on, st.id LIMIT 200")  # fmt: skip
        bare = median_seconds(lambda: store.conn.execute(sql, (issue_id, side_id)).fetchall())
        report("first page (200), dated then undated", op, bare)
        undated = StatementFilter(issue=issue, side="japan", undated=True)
        op = median_seconds(lambda: statements.page(store, undated, limit=200))
        sql = f"{SELECT_SQL} WHERE st.issue_id = ? AND st.side_id = ? AND st.said_on IS NULL ORDER BY st.id LIMIT 200"
        bare = median_seconds(lambda: store.conn.execute(sql, (issue_id, side_id)).fetchall())
        report("undated page (200) of one issue and side", op, bare)
        plan = " ".join(row[3] for row in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}", (1, 1)))
        assert "statements_issue_side_date (issue_id=? AND side_id=? AND said_on=?)" in plan, plan
        walked = list(statements.iterate(store, flt, page_size=100))
        assert len(walked) == statements.count(store, flt) and walked[-1].said_on is None
        everywhere = StatementFilter(undated=True)
        op = median_seconds(lambda: sum(1 for _ in statements.iterate(store, everywhere)), 3)
        report(f"all {statements.count(store, everywhere):,} undated (--undated)", op)
        op = median_seconds(lambda: timeline.period_counts(store, StatementFilter(issue=issue), "month"))
        report("timeline counts per month of one issue", op)

        bare_sql = "SELECT rowid FROM statements_fts WHERE statements_fts MATCH ? LIMIT 50"
        ranked_sql = (f"SELECT rowid, bm25(statements_fts) FROM statements_fts WHERE statements_fts MATCH ?"
                      f" ORDER BY rowid DESC LIMIT {search.CANDIDATES}")  # fmt: skip
        for label, query, fts in (("common English word 'treaty'", "treaty", '"treaty"'),
                                  ("Russian stem 'острова'", "острова", '"остров"'),
                                  ("Japanese two characters '条約'", "条約", None)):  # fmt: skip
            op = median_seconds(lambda q=query: search.search(store, q, limit=50))
            expression = fts or search.match_expression(store, "statements", search.query_terms(query))
            bare = median_seconds(lambda e=expression: store.conn.execute(bare_sql, (e,)).fetchall())
            report(f"search {label}", op, bare)
            ranked = median_seconds(lambda e=expression: store.conn.execute(ranked_sql, (e,)).fetchall())
            report("  vs bare ranked candidates", op, ranked)
            assert search.search(store, query, limit=5), label
