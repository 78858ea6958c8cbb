"""Statements whose date is not known: stored, paged after the dated ones, counted apart, exported, dated later."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from db import annotation_exchange, annotations, records, sources, statements, timeline
from db.ingest.document import Document
from db.partial_date import PartialDate, from_stored, parse_optional, precision_of, stored
from db.source_dating import date_source, undated_count, undo_dating
from db.statements import NewStatement, StatementFilter
from db.store import Store


def add(store: Store, quote: str, day: PartialDate | None, side: str | None = "russia",
        source_id: int | None = None) -> str:  # fmt: skip
    new = NewStatement("Sergey Lavrov", side, "peace_treaty", day, quote, date_basis="unknown" if day is None else "")
    return statements.add(store, new, source_id)


def add_source(store: Store, name: str, published: PartialDate | None = None) -> int:
    document = Document(name, name.ljust(64, "0"), "text", "utf-8", "ru", "text", title=name, published=published)
    return sources.add_source(store, document)


def test_partial_date_says_unknown_in_one_clear_way() -> None:
    assert precision_of(None) == "unknown" and stored(None) == (None, "unknown")
    assert from_stored(None, "unknown") is None
    assert from_stored("2017-03-01", "month") == PartialDate(2017, 3)
    assert stored(PartialDate(2017, 3)) == ("2017-03-01", "month")
    assert parse_optional("  ") is None and parse_optional("2017-03") == PartialDate(2017, 3)
    with pytest.raises(ValueError):
        parse_optional("someday")


def test_an_undated_statement_is_stored_and_read_back_without_a_date(store: Store) -> None:
    uid = add(store, "Острова — российская территория.", None)
    statement = statements.get(store, uid)
    assert statement.said_on is None and statement.role is None  # no day: no role "then" either
    row = store.conn.execute("SELECT said_on, date_precision FROM statements WHERE uid = ?", (uid,)).fetchone()
    assert tuple(row) == (None, "unknown")
    dated = statements.update(store, uid, said_on=PartialDate(2018, 11, 14))
    assert dated.said_on == PartialDate(2018, 11, 14) and dated.role
    assert statements.update(store, uid, said_on=None).said_on is None


def test_keyset_pages_give_every_statement_once_dated_first_then_undated(store: Store) -> None:
    days = [PartialDate(2017, 5, 9), None, PartialDate(2016, 1), None, PartialDate(2017), None, PartialDate(2016, 1)]
    uids = [add(store, f"statement {n}", day) for n, day in enumerate(days)]
    add(store, "Japan's view", None, side="japan")
    flt = StatementFilter(issue="peace_treaty", side="russia")
    for size in (1, 2, 3, 4, 100):
        walked = list(statements.iterate(store, flt, page_size=size))
        assert len(walked) == len(days) and {s.uid for s in walked} == set(uids)
        dated = [s for s in walked if s.said_on is not None]
        assert [s.said_on.start() for s in dated] == sorted(d.start() for d in days if d)  # type: ignore[union-attr]
        assert walked[len(dated) :] == [s for s in walked if s.said_on is None]  # the undated ones come last
        assert [s.id for s in walked[len(dated) :]] == sorted(s.id for s in walked[len(dated) :])
    only = StatementFilter(issue="peace_treaty", undated=True)
    assert sorted(s.uid for s in statements.iterate(store, only, page_size=2)) == sorted(
        [uids[1], uids[3], uids[5], statements.page(store, StatementFilter(side="japan"))[0].uid]
    )
    assert statements.count(store, only) == 4
    assert statements.count(store, StatementFilter(undated=False)) == 4
    in_range = StatementFilter(date_from="2016-01-01", date_to="2017-12-31")  # a range leaves out unknown dates
    assert all(s.said_on is not None for s in statements.iterate(store, in_range))
    assert statements.count(store, in_range) == 4


def test_the_page_queries_seek_the_date_indexes(store: Store) -> None:
    """Both walks are index seeks: the dated one skips the undated rows, the undated one is an equality."""
    captured: list[str] = []
    store.conn.set_trace_callback(captured.append)
    statements.page(store, StatementFilter(issue="peace_treaty", side="russia"), statements.PageKey(None, 5))
    statements.page(store, StatementFilter(issue="peace_treaty", side="russia"), statements.PageKey("2017-01-01", 5))
    store.conn.set_trace_callback(None)
    plans = []
    for sql in (s for s in captured if s.lstrip().startswith("SELECT st.id")):
        plans.append(" ".join(row[3] for row in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}")))
    assert len(plans) == 3, captured
    assert all("SEARCH st USING INDEX statements_issue_side_date" in plan for plan in plans), plans
    assert "said_on=? AND id>?" in plans[0]  # undated after a key: equality on NULL, then id
    assert "said_on>?" in plans[1]  # dated after a key
    assert "said_on=?" in plans[2]  # then the undated ones
    assert not any("TEMP B-TREE" in plan for plan in plans), plans


def test_timeline_counts_keep_unknown_dates_apart(store: Store) -> None:
    add(store, "a", PartialDate(2017, 3, 20))
    add(store, "b", PartialDate(2017, 3))
    add(store, "c", None)
    add(store, "d", None)
    add(store, "e", None, side=None)
    rows = timeline.period_counts(store, StatementFilter(issue="peace_treaty"), "month")
    found = [(r.side, r.period, r.precision, r.count) for r in rows]
    assert sorted(found[:2]) == [("russia", "2017-03", "day", 1), ("russia", "2017-03", "month", 1)]
    assert found[2:] == [("", None, "unknown", 1), ("russia", None, "unknown", 2)]  # never inside a period


def test_exports_say_unknown_and_exchange_files_carry_it(store: Store, tmp_path: Path) -> None:
    uid = add(store, "Позиция не изменилась.", None)
    record = records.statement_record(store, statements.get(store, uid))
    assert (record["said_on"], record["date_precision"]) == (None, "unknown")
    assert records.csv_row(record)["date_precision"] == "unknown"
    annotations.add(store, uid, "ask for the date", "anna")
    path = tmp_path / "notes.json"
    annotation_exchange.export_to_file(store, path)
    sent = json.loads(path.read_text(encoding="utf-8"))["statements"][0]
    assert (sent["said_on"], sent["date_precision"]) == (None, "unknown")
    with Store.open(tmp_path / "colleague.sqlite") as colleague:
        annotation_exchange.import_file(colleague, path)
        assert statements.get(colleague, uid).said_on is None
    sent["date_precision"] = "day"  # a null date that does not say it is unknown is a broken file
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({**json.loads(path.read_text(encoding="utf-8")), "statements": [sent]}))
    with Store.open(tmp_path / "other.sqlite") as other, pytest.raises(Exception, match="said_on"):
        annotation_exchange.import_file(other, broken)


def test_dating_a_source_dates_its_undated_statements_only_and_undoes_exactly(store: Store) -> None:
    source = add_source(store, "tass.txt")
    other = add_source(store, "nhk.txt")
    undated = [add(store, f"undated {n}", None, source_id=source) for n in range(3)]
    own = add(store, "dated in its sentence", PartialDate(2019, 1, 14), source_id=source)
    elsewhere = add(store, "another source", None, source_id=other)
    before = store.conn.execute("SELECT * FROM statements ORDER BY id").fetchall()
    assert undated_count(store, source) == 3

    dating = date_source(store, source, PartialDate(2019, 1, 22), as_publication=True)
    assert sorted(uid for uid, _ in dating.statements) == sorted(undated)
    for uid in undated:
        st = statements.get(store, uid)
        assert (st.said_on, st.date_basis) == (PartialDate(2019, 1, 22), "article")
    assert statements.get(store, own).said_on == PartialDate(2019, 1, 14)
    assert statements.get(store, elsewhere).said_on is None
    assert (sources.get(store, source).published, sources.get(store, source).published_basis) == (
        "2019-01-22", "given by the user",
    )  # fmt: skip
    assert undated_count(store, source) == 0

    undo_dating(store, dating)
    after = store.conn.execute("SELECT * FROM statements ORDER BY id").fetchall()
    updated_at = 19  # the one column that moves on: the rows were written twice
    assert [row[:updated_at] for row in after] == [row[:updated_at] for row in before]
    assert sources.get(store, source).published is None and undated_count(store, source) == 3

    kept = date_source(store, source, PartialDate(2019, 1), as_publication=False)
    assert kept.published_before is None and sources.get(store, source).published is None
    assert statements.get(store, undated[0]).said_on == PartialDate(2019, 1)
