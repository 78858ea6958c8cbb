"""Schema step 2 (statements may have an unknown date) on a database made by schema 1, with real content."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from db import annotations, migrations, search, search_index, statements
from db.backup import integrity_problems
from db.errors import DatabaseError
from db.partial_date import PartialDate
from db.statements import NewStatement, StatementFilter
from db.store import Store

ROWS_SQL = "SELECT * FROM statements ORDER BY id"


def make_v1_database(path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """A file at schema 1 with statements in three languages, annotations and an annotation's history."""
    with monkeypatch.context() as patch:
        patch.setattr(migrations, "SCHEMA_VERSION", 1)
        with Store.open(path) as store:
            news = [
                NewStatement("Sergey Lavrov", "russia", "peace_treaty", PartialDate(2016, 12, 15),
                             "Мирный договор не может быть подписан, пока острова не ..."),
                NewStatement("Fumio Kishida", "japan", "territorial_dispute", PartialDate(2016, 12),
                             "北方領土問題を解決して平和条約を締結する"),
                NewStatement("Nikkei", None, "peace_treaty", PartialDate(2017),
                             "The talks on the treaty will go on, the paper wrote."),
            ]  # fmt: skip
            uids = [statements.add(store, new) for new in news]
            with store.transaction():  # annotations as schema 1 stored them (today's code writes later columns)
                for uid, body, author, kind, due in (
                    ("n1", "Сдвиг позиции: 条約 first", "anna", "shift", None),
                    ("n2", "follow up in Tokyo", "ken", "follow_up", "2017-01-10"),
                ):
                    store.conn.execute(
                        "INSERT INTO annotations (uid, statement_id, author, body, kind, due_on, created_at,"
                        " updated_at) SELECT ?, id, ?, ?, ?, ?, ?, ? FROM statements WHERE uid = ?",
                        (
                            uid,
                            author,
                            body,
                            kind,
                            due,
                            "2017-01-01T00:00:00.000000Z",
                            "2017-01-01T00:00:00.000000Z",
                            uids[0] if uid == "n1" else uids[1],
                        ),
                    )
                store.conn.execute("UPDATE annotations SET body = 'Сдвиг позиции после саммита',"
                                   " updated_at = '2017-01-02T00:00:00.000000Z' WHERE uid = 'n1'")  # fmt: skip
            rows = store.conn.execute(ROWS_SQL).fetchall()
            assert migrations.schema_version(store.conn) == 1
    return {"uids": uids, "rows": rows, "note": "n1"}


def test_a_v1_database_is_upgraded_with_every_row_note_and_search_entry_kept(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = make_v1_database(db_path, monkeypatch)
    with Store.open(db_path) as store:
        conn = store.conn
        assert migrations.schema_version(conn) == migrations.SCHEMA_VERSION  # step 2 and every later one
        assert conn.execute(ROWS_SQL).fetchall() == before["rows"]  # ids, dates, offsets: every column kept
        assert len(annotations.history(store, before["note"])) == 2
        assert annotations.for_statement_uid(store, before["uids"][1])[0].due_on == "2017-01-10"
        assert integrity_problems(conn) == []  # what `positions check` runs
        assert search_index.is_intact(conn)
        assert {h.statement.uid for h in search.search(store, "острова")} == {before["uids"][0]}
        assert {h.statement.uid for h in search.search(store, "条約")} == {before["uids"][1]}
        assert {h.statement.uid for h in search.search(store, "саммита")} == {before["uids"][0]}  # the note
        # the rebuilt table keeps its indexes and the generated search column
        indexes = {row[1] for row in conn.execute("PRAGMA index_list(statements)")}
        assert {"statements_issue_side_date", "statements_issue_date", "statements_source"} <= indexes
        columns = {row[1]: row[6] for row in conn.execute("PRAGMA table_xinfo(statements)")}
        assert columns["search_text"] == 2  # generated, virtual
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1  # on again after the upgrade
        # and the new kind of statement is accepted, found by search, listed
        undated = NewStatement("Maria Zakharova", "russia", "peace_treaty", None, "Позиция неизменна")
        uid = statements.add(store, undated)
        assert statements.get(store, uid).said_on is None
        assert [h.statement.uid for h in search.search(store, "неизменна")] == [uid]
        assert [s.uid for s in statements.page(store, StatementFilter(undated=True))] == [uid]
        assert integrity_problems(conn) == []
    backup = sqlite3.connect(db_path.with_name(f"{db_path.name}.v1.backup"))
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
    assert backup.execute("SELECT count(*) FROM statements").fetchone()[0] == 3
    backup.close()


def test_an_unknown_date_and_its_precision_always_agree(db_path: Path) -> None:
    with Store.open(db_path) as store:
        insert = (
            "INSERT INTO statements (uid, speaker, issue_id, said_on, date_precision, quote, created_at, updated_at)"
            " VALUES (?, 'x', 1, ?, ?, 'q', 't', 't')"
        )
        store.conn.execute(insert, ("a", None, "unknown"))
        for n, (said_on, precision) in enumerate(((None, "day"), ("2017-01-01", "unknown"), ("2017", "year"))):
            with pytest.raises(sqlite3.IntegrityError):
                store.conn.execute(insert, (f"bad{n}", said_on, precision))


def test_an_upgrade_that_would_break_a_reference_changes_nothing(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_v1_database(db_path, monkeypatch)
    before = db_path.read_bytes()

    def careless_step(conn: sqlite3.Connection) -> None:
        conn.execute("DELETE FROM statements")  # foreign keys are off during steps: the annotations point nowhere

    monkeypatch.setitem(migrations.STEPS, 2, careless_step)
    with pytest.raises(DatabaseError, match="would break .* reference"):
        Store.open(db_path)
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM statements").fetchone()[0] == 3
    conn.close()
    assert db_path.read_bytes() == before
