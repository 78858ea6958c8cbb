"""The data behind the brief: position summaries, changes since a moment, follow-ups, issue reviews, and the
schema step that brought them (a version 1 file keeps every annotation and every earlier version)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from db import annotations, changes, follow_ups, issue_reviews, migrations, search, statements, summaries, timeline
from db.errors import ValidationError
from db.partial_date import PartialDate
from db.statements import NewStatement, StatementFilter
from db.store import Store

ISSUE = "peace_treaty"


def add_statement(store: Store, side: str, quote: str, day: str, issue: str = ISSUE) -> str:
    return statements.add(store, NewStatement(
        speaker="Sergey Lavrov" if side == "russia" else "Taro Kono", side=side, issue=issue,
        said_on=PartialDate.from_iso(day), quote=quote, reviewed=True,
        language="ru" if side == "russia" else "ja"))  # fmt: skip


def backdate(store: Store, uid: str, stamp: str) -> None:
    with store.transaction():
        store.conn.execute("UPDATE statements SET created_at = ? WHERE uid = ?", (stamp, uid))


def test_a_version_1_file_keeps_its_annotations_and_their_history(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(migrations, "SCHEMA_VERSION", 1)
        with Store.open(db_path) as store:
            add_statement(store, "russia", "Мирный договор возможен.", "2018-11-14")
            assert migrations.schema_version(store.conn) == 1
            with store.transaction():  # as version 1 wrote them: the code of today writes version 2 rows
                store.conn.execute(
                    "INSERT INTO annotations (uid, statement_id, author, body, kind, due_on, created_at, updated_at)"
                    " VALUES ('n1', 1, 'anna', 'первая версия', 'follow_up', '2019-01-10',"
                    " '2019-01-01T00:00:00.000000Z', '2019-01-01T00:00:00.000000Z')"
                )
                store.conn.execute("UPDATE annotations SET body = 'вторая версия 平和条約',"
                                   " updated_at = '2019-01-02T00:00:00.000000Z' WHERE uid = 'n1'")  # fmt: skip
            note_id = store.conn.execute("SELECT id FROM annotations").fetchone()[0]
    with Store.open(db_path) as store:
        assert migrations.schema_version(store.conn) == migrations.SCHEMA_VERSION
        kept = annotations.get(store, "n1")
        assert (kept.id, kept.body, kept.due_on, kept.done_at, kept.rests_on) == (
            note_id,
            "вторая версия 平和条約",
            "2019-01-10",
            None,
            (),
        )
        assert [v.body for v in annotations.history(store, "n1")] == ["вторая версия 平和条約", "первая версия"]
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        with pytest.raises(sqlite3.IntegrityError):  # still never deleted, after the rebuild
            store.conn.execute("DELETE FROM annotations")
        annotations.edit(store, "n1", body="третья")  # the history trigger works on the rebuilt table
        assert len(annotations.history(store, "n1")) == 3
        assert [hit.annotation_uid for hit in search.search(store, "третья")] == ["n1"]  # search triggers too
    backup = db_path.with_name(f"{db_path.name}.v1.backup")
    conn = sqlite3.connect(backup)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT body FROM annotations").fetchone()[0] == "вторая версия 平和条約"
    conn.close()


def test_a_summary_is_written_edited_with_history_and_withdrawn(store: Store) -> None:
    first = add_statement(store, "russia", "Курилы — российская территория.", "2019-01-14")
    second = add_statement(store, "russia", "Договор без признания итогов войны невозможен.", "2019-02-16")
    assert summaries.current(store, ISSUE, "russia") is None
    written = summaries.write(store, ISSUE, "russia", "Россия: сначала признание итогов войны.", "anna", [first])
    assert written is not None and written.kind == "summary" and written.statement_uid is None
    assert (written.issue, written.side, written.rests_on) == (ISSUE, "russia", (first,))
    assert written.uid == summaries.summary_uid(ISSUE, "russia")
    edited = summaries.write(store, ISSUE, "russia", "Россия ужесточила позицию.", "anna", [first, second])
    assert edited is not None and edited.uid == written.uid and edited.rests_on == (first, second)
    versions = annotations.history(store, written.uid)
    assert [v.body for v in versions] == ["Россия ужесточила позицию.", "Россия: сначала признание итогов войны."]
    assert versions[1].rests_on == (first,)
    assert summaries.for_issue(store, ISSUE) == {"russia": edited}
    assert summaries.write(store, ISSUE, "russia", "  ", "anna") is None  # empty: withdrawn to the bin
    assert summaries.current(store, ISSUE, "russia") is None
    again = summaries.write(store, ISSUE, "russia", "日本との対話を継続。", "anna")
    assert again is not None and again.uid == written.uid and not again.in_bin
    assert len(annotations.history(store, written.uid)) >= 4  # nothing was lost on the way


def test_a_summary_checks_what_it_rests_on_and_stays_a_summary(store: Store) -> None:
    uid = add_statement(store, "japan", "四島の帰属問題を解決する。", "2019-01-22")
    with pytest.raises(ValidationError, match="does not exist"):
        summaries.write(store, ISSUE, "japan", "Japan: four islands.", "anna", ["no-such-statement"])
    summary = summaries.write(store, ISSUE, "japan", "Japan: four islands.", "anna", [uid])
    assert summary is not None
    with pytest.raises(ValidationError, match="summary"):
        annotations.edit(store, summary.uid, kind="note")
    note = annotations.add(store, uid, "a note", "anna")
    with pytest.raises(ValidationError, match="only a summary"):
        annotations.edit(store, note.uid, rests_on=[uid])
    with pytest.raises(ValidationError, match="only a follow-up"):
        annotations.edit(store, note.uid, done_at="2019-02-01T00:00:00.000000Z")


def test_follow_ups_across_issues_by_due_date_and_done(store: Store) -> None:
    a = add_statement(store, "russia", "Переговоры продолжатся.", "2019-01-14")
    b = add_statement(store, "japan", "交渉を加速させる。", "2019-01-22", issue="fisheries")
    later = annotations.add(store, a, "Ask about the next round", "anna", kind="follow_up", due_on="2019-03-01")
    sooner = annotations.add(store, b, "漁業協定の確認", "anna", kind="follow_up", due_on="2019-02-01")
    undated = annotations.add(store, a, "Someday", "anna", kind="follow_up")
    annotations.add(store, a, "just a note", "anna")
    listed = follow_ups.open_follow_ups(store)
    assert [f.note.uid for f in listed] == [sooner.uid, later.uid, undated.uid]
    assert listed[0].issue_title != listed[1].issue_title and listed[0].statement.uid == b
    assert [f.overdue(dt.date(2019, 2, 15)) for f in listed] == [True, False, False]
    assert [f.note.uid for f in follow_ups.open_follow_ups(store, ISSUE)] == [later.uid, undated.uid]
    done = follow_ups.mark_done(store, sooner.uid)
    assert done.done_at is not None
    assert sooner.uid not in [f.note.uid for f in follow_ups.open_follow_ups(store)]
    assert annotations.history(store, sooner.uid)[1].done_at is None  # the open version is kept
    follow_ups.mark_done(store, sooner.uid, done=False)
    assert sooner.uid in [f.note.uid for f in follow_ups.open_follow_ups(store)]
    plan = store.conn.execute(
        "EXPLAIN QUERY PLAN SELECT an.uid FROM annotations an INDEXED BY annotations_open_follow_ups"
        " WHERE an.kind = 'follow_up' AND an.deleted_at IS NULL AND an.done_at IS NULL ORDER BY an.due_on"
    ).fetchall()
    assert any("annotations_open_follow_ups" in row[-1] for row in plan)


def test_changes_since_a_moment(store: Store) -> None:
    old = add_statement(store, "russia", "Старое заявление.", "2018-05-01")
    seen = add_statement(store, "japan", "既に見た発言。", "2018-06-01")
    for uid in (old, seen):
        backdate(store, uid, "2020-01-01T00:00:00.000000Z")
    moment = "2021-01-01T00:00:00.000000Z"
    new = add_statement(store, "russia", "Новое заявление о договоре.", "2017-03-06")  # said long ago, added now
    shift = annotations.add(store, old, "Позиция ужесточилась.", "anna", kind="shift")
    note = annotations.add(store, seen, "新しいメモ", "anna")
    summary = summaries.write(store, ISSUE, "japan", "Japan waits.", "anna")
    found = changes.since(store, ISSUE, moment)
    assert [s.uid for s in found.new_statements] == [new] and found.new_count == 1
    assert [(n.uid, s.uid) for n, s in found.shifts] == [(shift.uid, old)]
    assert summary is not None
    assert [n.uid for n, _s in found.annotations] == [note.uid, summary.uid]
    only_russia = changes.since(store, ISSUE, moment, sides=("russia",))
    assert only_russia.new_count == 1 and only_russia.shifts and not only_russia.annotations
    assert changes.since(store, ISSUE, "2999-01-01").empty
    flt = StatementFilter(issue=ISSUE, changed_since=moment)
    assert {s.uid for s in statements.iterate(store, flt)} == {old, seen, new}
    assert sum(c.count for c in timeline.period_counts(store, flt)) == 3
    assert statements.changed_since(statements.get(store, new), moment)
    assert not statements.changed_since(statements.get(store, new), "2999-01-01")


def test_last_review_of_an_issue(store: Store) -> None:
    assert issue_reviews.last_review(store, ISSUE) is None
    issue_reviews.mark_reviewed(store, ISSUE, "anna", at="2024-01-01T10:00:00.000000Z")
    stamp = issue_reviews.mark_reviewed(store, ISSUE, "anna")
    assert issue_reviews.last_review(store, ISSUE) == stamp > "2024-01-01T10:00:00.000000Z"
    assert issue_reviews.last_review(store, "fisheries") is None
