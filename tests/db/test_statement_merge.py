"""Merging near-duplicate statements into one with several sources, and splitting them apart again exactly."""

from __future__ import annotations

import pytest

from db import annotations, records, statement_merge
from db.errors import NotFoundError
from db.partial_date import PartialDate
from db.statements import NewStatement, add, get
from db.store import Store


def add_source(store: Store, title: str, outlet: str) -> int:
    with store.transaction():
        cursor = store.conn.execute(
            "INSERT INTO sources (uid, sha256, title, outlet, published, language, text, imported_at)"
            " VALUES (?, ?, ?, ?, '2018-11-14', 'ru', 'текст', '2018-11-14T10:00:00Z')",
            (title, title, title, outlet),
        )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def lavrov_says(store: Store, quote: str, day: int, source: int | None = None, as_written: str = "") -> str:
    new = NewStatement("Sergey Lavrov", "russia", "territorial_dispute", PartialDate(2018, 11, day), quote,
                       language="ru", actor_key="sergey-lavrov", speaker_as_written=as_written)  # fmt: skip
    return add(store, new, source)


def two_reports(store: Store) -> tuple[str, str]:
    tass, ria = add_source(store, "ТАСС 1", "ТАСС"), add_source(store, "РИА 1", "РИА Новости")
    a = lavrov_says(store, "Москва не намерена передавать острова Японии.", 14, tass)
    b = lavrov_says(store, "Москва не намерена передавать Японии острова", 15, ria, "Лавров")
    return a, b


def dump(store: Store) -> list[tuple[object, ...]]:
    """Every statement (but its updated_at, which an undo moves forward), annotation and extra source."""
    columns = [r[1] for r in store.conn.execute("PRAGMA table_info(statements)") if r[1] != "updated_at"]
    rows = list(store.conn.execute(f"SELECT {', '.join(columns)} FROM statements ORDER BY uid"))
    rows += store.conn.execute("SELECT uid, statement_id, body, linked_statement_uid FROM annotations ORDER BY uid")
    rows += store.conn.execute("SELECT count(*) FROM annotation_history")
    rows += store.conn.execute("SELECT * FROM statement_sources ORDER BY id")
    return rows


def test_merged_statement_has_both_sources_and_the_annotations_and_splits_back_exactly(store: Store) -> None:
    a, b = two_reports(store)
    note = annotations.add(store, b, body="Сказано в Токио / 東京で", kind="note", author="anna")
    link = annotations.add(store, a, body="противоречит", kind="contradiction", linked_statement_uid=b, author="ivan")
    before = dump(store)

    merge = statement_merge.merge(store, a, [b])
    kept = get(store, a)
    assert kept.more_sources == 1
    with pytest.raises(NotFoundError):
        get(store, b)
    (extra,) = statement_merge.more_sources(store, kept.id)
    assert (extra.source.outlet, extra.quote, extra.speaker_as_written) == (  # type: ignore[union-attr]
        "РИА Новости",
        "Москва не намерена передавать Японии острова",
        "Лавров",
    )
    assert extra.said_on == PartialDate(2018, 11, 15)
    assert [n.uid for n in annotations.for_statement_uid(store, a)] == [note.uid, link.uid]
    assert statement_merge.resolve(store, b).uid == a  # the contradiction's link still finds its statement
    record = records.statement_record(store, kept)
    assert [s["outlet"] for s in record["sources"]] == ["ТАСС", "РИА Новости"]
    assert record["sources"][1]["quote"] == "Москва не намерена передавать Японии острова"

    statement_merge.unmerge(store, merge)
    assert dump(store) == before
    assert get(store, b).quote == "Москва не намерена передавать Японии острова"
    assert [n.uid for n in annotations.for_statement_uid(store, b)] == [note.uid]
    assert store.conn.execute("SELECT count(*) FROM statement_sources").fetchone()[0] == 0


def test_merging_three_keeps_the_chain_and_undoes_in_order(store: Store) -> None:
    a, b = two_reports(store)
    c = lavrov_says(store, "Москва не намерена передавать острова", 14)
    first = statement_merge.merge(store, b, [c])
    second = statement_merge.merge(store, a, [b])
    assert get(store, a).more_sources == 2
    assert statement_merge.live_uid(store, c) == a
    statement_merge.unmerge(store, second)
    assert get(store, b).more_sources == 1
    statement_merge.unmerge(store, first)
    assert {get(store, uid).more_sources for uid in (a, b, c)} == {0}


def test_a_statement_cannot_be_merged_with_itself_alone_and_a_failed_merge_changes_nothing(store: Store) -> None:
    a, _b = two_reports(store)
    before = dump(store)
    with pytest.raises(Exception, match="at least two"):
        statement_merge.merge(store, a, [a])
    with pytest.raises(NotFoundError):
        statement_merge.merge(store, a, ["no-such-uid"])
    assert dump(store) == before
