"""The window on a large database: open, switch issue, search, scroll 10,000 rows; peak memory.

Each step is timed to the first painted rows and set against the bare SQL behind it. The GUI thread's
longest single block is reported too: the count queries and searches run in workers, so what remains on the
GUI thread is regrouping, the row heights and painting the cells in view.

POSITIONS_BENCH_SIZE=1000000 python3 -m pytest tests/bench/bench_window.py -s
"""

from __future__ import annotations

import resource
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer, SignalInstance
from pytestqt.qtbot import QtBot

from db import issues, search, timeline
from db.statements import SELECT_SQL
from db.store import Store
from desktop import buckets, settings
from desktop.main_window import MainWindow
from desktop.models.comparison_model import CELL_LIMIT
from tests.bench.synthetic import bench_size, synthetic_database
from tests.bench.timing import median_seconds, report

TARGETS = {"open": 1.5, "switch": 0.150, "search": 0.300, "memory_mb": 400}
SCROLL_ROWS = 10_000
COUNT_SQL = "SELECT side_id, said_on, count(*) FROM statements st WHERE st.issue_id = ? GROUP BY side_id, said_on"
IMPRECISE_SQL = (
    "SELECT side_id, said_on, date_precision, count(*) FROM statements st INDEXED BY statements_issue_date"
    " WHERE st.issue_id = ? AND st.said_on IN ({}) AND st.date_precision != 'day' GROUP BY 1, 2, 3"
)
FTS_SQL = (
    "SELECT rowid, bm25(statements_fts) FROM statements_fts WHERE statements_fts MATCH ? ORDER BY rowid DESC LIMIT 2000"
)
CELL_SQL = f"{SELECT_SQL} WHERE st.issue_id = ? AND st.side_id = ? AND st.said_on >= ? AND st.said_on <= ?" \
           " ORDER BY st.said_on, st.id LIMIT ?"  # fmt: skip
UNDATED_CELL_SQL = f"{SELECT_SQL} WHERE st.issue_id = ? AND st.side_id = ? AND st.said_on IS NULL" \
                   " ORDER BY st.id LIMIT ?"  # fmt: skip


def wait_for(signal: SignalInstance, start: Callable[[], object], timeout_ms: int = 30_000) -> None:
    """Run `start` and spin the event loop until `signal` fires (no polling: timings stay exact)."""
    loop = QEventLoop()
    fired: list[bool] = []

    def done(*_args: object) -> None:
        fired.append(True)
        loop.quit()

    signal.connect(done)
    QTimer.singleShot(timeout_ms, loop.quit)
    start()
    if not fired:  # a signal emitted inside start() needs no loop
        loop.exec()
    signal.disconnect(done)


def wait_rows_loaded(model: object) -> None:
    loop = QEventLoop()
    while getattr(model, "is_loading", False):
        loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)


def painted(window: MainWindow) -> int:
    """Paint the comparison now (reads the cells in view); returns how many rows were in view."""
    view = window.comparison
    view.viewport().repaint()
    first = view.rowAt(0)
    last = view.rowAt(view.viewport().height() - 1)
    if first < 0:
        return 0
    return (last if last >= 0 else window.comparison_model.rowCount() - 1) - first + 1


def visible_cells(window: MainWindow) -> list[tuple[str, str]]:
    view, model = window.comparison, window.comparison_model
    first = max(view.rowAt(0), 0)
    last = view.rowAt(view.viewport().height() - 1)
    last = model.rowCount() - 1 if last < 0 else last
    return [(model.key(r), side.slug) for r in range(first, last + 1) for side in model.sides]


def bare_cells(store: Store, issue: str, granularity: str, cells: list[tuple[str, str]]) -> None:
    issue_id = store.id_of("issues", issue)
    for key, side in cells:
        if key == buckets.UNDATED:
            store.conn.execute(UNDATED_CELL_SQL, (issue_id, store.id_of("sides", side), CELL_LIMIT * 2)).fetchall()
            continue
        first, last = buckets.fetch_range(key, granularity)
        store.conn.execute(
            CELL_SQL, (issue_id, store.id_of("sides", side), first.isoformat(), last.isoformat(), CELL_LIMIT * 2)
        ).fetchall()


def bare_counts(store: Store, issue: str) -> None:
    """The two count queries behind the rows (db/timeline.py), without turning their rows into objects."""
    issue_id = store.id_of("issues", issue)
    days = store.conn.execute(COUNT_SQL, (issue_id,)).fetchall()
    firsts = sorted({f"{day[:7]}-01" for _side, day, _n in days if day is not None})
    store.conn.execute(IMPRECISE_SQL.format(", ".join("?" * len(firsts))), (issue_id, *firsts)).fetchall()


def open_window(qtbot: QtBot, path: Path) -> MainWindow:
    window = MainWindow(settings.Settings())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    wait_for(window.comparison_model.loaded, lambda: window.open_database(path))
    painted(window)
    return window


def test_window_on_a_large_database(qtbot: QtBot) -> None:
    size = bench_size()
    path = synthetic_database(size)
    print(f"\n{size:,} statements")
    lines = []
    store = Store.open(path, create=False)
    slugs = [s.issue.slug for s in issues.summaries(store) if s.total]
    assert len(slugs) >= 3

    # open: a new window, its navigator counted, the first issue's rows painted
    samples = []
    for _ in range(3):
        start = time.perf_counter()
        window = open_window(qtbot, path)
        samples.append(time.perf_counter() - start)
        first_issue = window.comparison_model.issue
        assert first_issue and window.comparison_model.rowCount() > 0
        window.close()
    op = statistics.median(samples)
    bare = median_seconds(
        lambda: (store.conn.execute(issues.SUMMARY_SQL).fetchall(), bare_counts(store, first_issue)), 3
    )
    lines.append(report("open the window (to painted rows)", op, bare))

    window = open_window(qtbot, path)
    model = window.comparison_model

    # switch issue: to the first painted rows
    samples, blocks, bare_samples = [], [], []
    for n in range(7):
        slug = (
            slugs[(n + 1) % len(slugs)] if slugs[(n + 1) % len(slugs)] != model.issue else slugs[(n + 2) % len(slugs)]
        )
        start = time.perf_counter()
        wait_for(model.loaded, lambda s=slug: window.navigator.select(s))
        gui_start = time.perf_counter()
        painted(window)
        end = time.perf_counter()
        samples.append(end - start)
        blocks.append(end - gui_start)
        cells = visible_cells(window)
        begin = time.perf_counter()
        bare_counts(store, slug)
        bare_cells(store, slug, model.granularity, cells)
        bare_samples.append(time.perf_counter() - begin)
    print("switch samples", [round(x * 1000) for x in samples], "paint", [round(x * 1000) for x in blocks])
    switch = statistics.median(samples)
    lines.append(report("switch issue (to painted rows)", switch, statistics.median(bare_samples)))
    lines.append(report("  of which GUI thread (paint rows)", statistics.median(blocks)))

    # granularity: month <-> quarter regroups the counts in hand; day needs a recount per day (a worker),
    # then the GUI thread builds the daily rows and their heights
    regroup, to_day, day_rows = [], [], 0
    for granularity in ("quarter", "month", "day", "month") * 2:
        start = time.perf_counter()
        wait_for(model.loaded, lambda g=granularity: window.set_granularity(g))
        painted(window)
        (to_day if granularity == "day" else regroup).append(time.perf_counter() - start)
        day_rows = max(day_rows, model.rowCount() if granularity == "day" else 0)
    lines.append(report("change granularity month/quarter", statistics.median(regroup)))
    lines.append(report(f"change granularity to day ({day_rows:,} rows)", statistics.median(to_day)))
    with Store.open(path, create=False) as own:
        daily = timeline.period_counts(own, model.statement_filter, "day")
    start = time.perf_counter()
    model._apply_counts(model._generation, daily, "day")  # the GUI thread's share of a daily recount
    lines.append(report("  of which GUI thread (daily rows)", time.perf_counter() - start))
    window.set_granularity("month")
    wait_rows_loaded(model)

    # search: a worker on its own connection, to the results shown
    for label, query, fts in (("search 'treaty'", "treaty", '"treaty"'), ("search Russian stem 'острова'", "острова",
                              '"остров"'), ("search Japanese '条約'", "条約", None)):  # fmt: skip
        samples = []
        for _ in range(5):
            window.search.query.setText(query)
            start = time.perf_counter()
            wait_for(window.search.finished, window.search.run)
            window.search.results.viewport().repaint()
            samples.append(time.perf_counter() - start)
        assert window.search.model.rowCount() > 0, query
        expression = fts or search.match_expression(store, "statements", search.query_terms(query))
        bare = median_seconds(lambda e=expression: store.conn.execute(FTS_SQL, (e,)).fetchall(), 3)
        lines.append(report(label, statistics.median(samples), bare))
        search_time = statistics.median(samples)

    # scroll 10,000 day rows, a viewport at a time, painting each
    window.set_granularity("day")
    scrolled, frames, bare_total = 0, [], 0.0
    for slug in slugs:
        if slug != model.issue:
            wait_for(model.loaded, lambda s=slug: window.navigator.select(s))
        bar = window.comparison.verticalScrollBar()
        bar.setValue(0)
        while True:
            start = time.perf_counter()
            rows = painted(window)
            frames.append(time.perf_counter() - start)
            begin = time.perf_counter()
            bare_cells(store, slug, "day", visible_cells(window))
            bare_total += time.perf_counter() - begin
            scrolled += max(rows - 1, 1)
            if bar.value() >= bar.maximum() or scrolled >= SCROLL_ROWS:
                break
            bar.setValue(bar.value() + window.comparison.viewport().height())
        if scrolled >= SCROLL_ROWS:
            break
    total = sum(frames)
    lines.append(report(f"scroll {scrolled:,} day rows ({len(frames)} frames)", total, bare_total))
    frames.sort()
    lines.append(report("  median frame", statistics.median(frames)))
    lines.append(report("  99th percentile frame", frames[int(len(frames) * 0.99)]))
    lines.append(report("  longest frame", max(frames)))
    memory_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak memory (ru_maxrss)':<40} {memory_mb:9.0f} MB")
    window.close()
    store.close()

    assert op < TARGETS["open"], lines[0]
    assert switch < TARGETS["switch"], lines[1]
    assert search_time < TARGETS["search"]
    assert frames[int(len(frames) * 0.99)] < 0.1
    assert memory_mb < TARGETS["memory_mb"]
