"""The speaker filter on a large database: any part of a name or alias, any case, as the user types.

POSITIONS_BENCH_SIZE=1000000 python3 -m pytest tests/bench/bench_filters.py -s

What runs per keystroke (after the pause): the issue's counts per day in a worker, then the cells on screen on
the GUI thread. Each is compared with the same query without the speaker filter.
"""

from __future__ import annotations

from db import statements, timeline
from db.statements import StatementFilter
from db.store import Store
from tests.bench.synthetic import bench_size, synthetic_database
from tests.bench.timing import median_seconds, report


def test_speaker_filter_costs() -> None:
    size = bench_size()
    with Store.open(synthetic_database(size)) as store:
        print(f"\n{size:,} statements")
        issue = "peace_treaty"
        plain = StatementFilter(issue=issue)
        for typed in ("lavr", "ЛАВРОВ", "河野", "nikk"):
            flt = StatementFilter(issue=issue, speaker=typed)
            op = median_seconds(lambda f=flt: timeline.period_counts(store, f, "day"))
            bare = median_seconds(lambda: timeline.period_counts(store, plain, "day"))
            report(f"counts per day, speaker {typed!r}", op, bare)
            cell = StatementFilter(issue=issue, side="russia", date_from="2018-01-01", date_to="2018-03-31",
                                   speaker=typed)  # fmt: skip
            op = median_seconds(lambda c=cell: statements.page(store, c, limit=12))
            bare = median_seconds(
                lambda: statements.page(
                    store,
                    StatementFilter(issue=issue, side="russia", date_from="2018-01-01", date_to="2018-03-31"),
                    limit=12,
                )  # fmt: skip
            )
            report("  one cell's cards (a quarter)", op, bare)
        assert statements.count(store, StatementFilter(issue=issue, speaker="lavr")) > 0
        assert statements.count(store, StatementFilter(issue=issue, speaker="ラブロフ")) > 0  # an alias, Lavrov's
