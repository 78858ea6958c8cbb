import pytest

from db import issues, statements
from db.errors import NotFoundError, ValidationError
from db.partial_date import PartialDate
from db.statements import NewStatement, StatementFilter
from db.store import Store

MARCH_20 = PartialDate(2017, 3, 20)


def add(store: Store, quote: str, side: str | None = "russia", issue: str = "peace_treaty",
        day: PartialDate = MARCH_20, speaker: str = "Sergey Lavrov") -> str:  # fmt: skip
    return statements.add(store, NewStatement(speaker=speaker, side=side, issue=issue, said_on=day, quote=quote))


def test_added_statement_reads_back_with_role_and_precision(store: Store) -> None:
    uid = add(store, "Мирный договор нужен обеим сторонам.", day=PartialDate(2016, 12))
    statement = statements.get(store, uid)
    assert statement.quote == "Мирный договор нужен обеим сторонам."
    assert statement.said_on == PartialDate(2016, 12)
    assert statement.said_on.precision == "month"
    assert statement.side == "russia"
    assert statement.role and "Foreign" in statement.role


def test_pages_are_in_date_order_and_keyset_paging_sees_every_row_once(store: Store) -> None:
    days = [PartialDate(2017, m, d) for m in (5, 1, 3) for d in (9, 1, 20)]
    for n, day in enumerate(days):
        add(store, f"statement {n}", day=day)
    add(store, "Japan's view", side="japan")
    flt = StatementFilter(issue="peace_treaty", side="russia")
    first = statements.page(store, flt, limit=4)
    rest = statements.page(store, flt, after=statements.key_of(first[-1]), limit=100)
    seen = [s.said_on.start() for s in first + rest]
    assert seen == sorted(d.start() for d in days)
    assert len({s.uid for s in first + rest}) == len(days)
    assert list(statements.iterate(store, flt, page_size=2)) == first + rest


def test_date_range_and_side_filters(store: Store) -> None:
    add(store, "early", day=PartialDate(2016, 1, 5))
    add(store, "inside", day=PartialDate(2017, 3, 1))
    add(store, "late", day=PartialDate(2019, 1, 1))
    add(store, "expert view", side=None, speaker="Valery Kistanov", day=PartialDate(2017, 3, 2))
    flt = StatementFilter(issue="peace_treaty", side="russia", date_from="2017-01-01", date_to="2017-12-31")
    assert [s.quote for s in statements.page(store, flt)] == ["inside"]
    none_side = StatementFilter(side=statements.NO_SIDE)
    assert [s.quote for s in statements.page(store, none_side)] == ["expert view"]
    assert statements.count(store, StatementFilter(issue="peace_treaty")) == 4


def test_update_is_saved_and_validated(store: Store) -> None:
    uid = add(store, "original")
    changed = statements.update(store, uid, quote="edited", side="japan", said_on=PartialDate(2018), reviewed=True)
    assert (changed.quote, changed.side, changed.said_on.iso(), changed.reviewed) == ("edited", "japan", "2018", True)
    with pytest.raises(ValidationError):
        statements.update(store, uid, quote="   ")
    with pytest.raises(NotFoundError):
        statements.update(store, "no-such-uid", quote="x")
    assert statements.get(store, uid).quote == "edited"


def test_bad_values_are_refused(store: Store) -> None:
    with pytest.raises(ValidationError, match="no issue"):
        add(store, "x", issue="weather")
    with pytest.raises(ValidationError, match="empty"):
        add(store, "  ")
    assert statements.count(store, StatementFilter()) == 0


def test_rolled_back_transaction_leaves_nothing_behind(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        add(store, "first")
        add(store, "second")
        raise RuntimeError("crash in the middle of an import")
    assert statements.count(store, StatementFilter()) == 0
    assert store.conn.execute("SELECT count(*) FROM statements_fts").fetchone()[0] == 0


def test_issue_summaries_count_per_side(store: Store) -> None:
    add(store, "a")
    add(store, "b", day=PartialDate(2018, 2, 2))
    add(store, "c", side="japan")
    add(store, "d", side=None, speaker="Nikkei")
    summary = {s.issue.slug: s for s in issues.summaries(store)}
    treaty = summary["peace_treaty"]
    assert treaty.counts == {"russia": 2, "japan": 1, "": 1}
    assert treaty.latest == "2018-02-02"
    assert summary["fisheries"].total == 0
    assert len(summary) == 12
