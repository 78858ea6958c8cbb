"""Exchanging annotations between two real databases: idempotent merge, conflicts, statements brought along,
and bad files refused without a trace."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from db import annotation_exchange, annotations, follow_ups, sample, statements, summaries
from db import annotation_exchange_format as exchange_format
from db.annotation_exchange_format import ExchangeFileError
from db.annotations import AnnotationFilter
from db.statements import StatementFilter
from db.store import Store

TABLES = ("sides", "issues", "sources", "statements", "annotations", "annotation_history")


def dump(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    return {t: store.conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in TABLES}


def copy_database(store: Store, dest: Path) -> Store:
    target = sqlite3.connect(dest)
    store.conn.backup(target)
    target.close()
    return Store.open(dest)


@pytest.fixture
def anna(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "anna.sqlite") as store:
        sample.fill(store)
        yield store


@pytest.fixture
def boris(anna: Store, tmp_path: Path) -> Iterator[Store]:
    """A colleague who started from a copy of Anna's database: the same statements, the same uids."""
    with copy_database(anna, tmp_path / "boris.sqlite") as store:
        yield store


def some_statements(store: Store, n: int = 3) -> list[str]:
    by_issue: dict[str, str] = {}
    for st in statements.iterate(store, StatementFilter()):
        by_issue.setdefault(st.issue, st.uid)
    return list(by_issue.values())[:n]


def test_merge_is_idempotent_and_reattaches(anna: Store, boris: Store, tmp_path: Path) -> None:
    s1, s2, s3 = some_statements(anna)
    note = annotations.add(anna, s1, "Сдвиг позиции: впервые без условий.", "anna", kind="shift", tags=["курилы"])
    annotations.edit(anna, note.uid, body="Сдвиг позиции: впервые без предварительных условий.")
    contra = annotations.add(anna, s2, "Противоречит заявлению 2016 года", "anna", kind="contradiction",
                             linked_statement_uid=s3)  # fmt: skip
    annotations.add(anna, s3, "次回会合で確認", "anna", kind="follow_up", due_on="2026-12-01")
    path = tmp_path / "anna.json"
    summary = annotation_exchange.export_to_file(anna, path, exported_by="anna")
    assert (summary.annotations, summary.statements) == (3, 3)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert (document["format"], document["version"]) == ("positions-annotations", 1)

    before = dump(boris)
    report = annotation_exchange.import_file(boris, path)
    assert len(report.added) == 3 and not report.statements_added and not report.skipped
    assert report.versions_added == 1
    assert dump(boris)["statements"] == before["statements"]
    assert annotations.for_statement_uid(boris, s2)[0].linked_statement_uid == s3
    assert [v.body for v in annotations.history(boris, note.uid)] == [
        v.body for v in annotations.history(anna, note.uid)
    ]

    after_first = dump(boris)
    again = annotation_exchange.import_file(boris, path)
    assert not again.changed and len(again.unchanged) == 3
    assert dump(boris) == after_first
    # and back: Anna already has all of it
    back = tmp_path / "boris.json"
    annotation_exchange.export_to_file(boris, back)
    anna_before = dump(anna)
    assert not annotation_exchange.import_file(anna, back).changed
    assert dump(anna) == anna_before
    assert contra.uid in {n.uid for n in annotations.find(boris, AnnotationFilter(kind="contradiction"))}


def test_conflict_keeps_newer_and_both_versions(anna: Store, boris: Store, tmp_path: Path) -> None:
    (s1,) = some_statements(anna, 1)
    note = annotations.add(anna, s1, "original", "anna")
    shared = tmp_path / "shared.json"
    annotation_exchange.export_to_file(anna, shared)
    annotation_exchange.import_file(boris, shared)
    annotations.edit(anna, note.uid, body="anna's edit")
    annotations.edit(boris, note.uid, body="boris's later edit", tags=["meeting"])

    from_anna, from_boris = tmp_path / "a.json", tmp_path / "b.json"
    annotation_exchange.export_to_file(anna, from_anna)
    annotation_exchange.export_to_file(boris, from_boris)
    report_b = annotation_exchange.import_file(boris, from_anna)
    assert report_b.kept_local == [note.uid]
    report_a = annotation_exchange.import_file(anna, from_boris)
    assert report_a.updated == [note.uid]

    for store in (anna, boris):
        current = annotations.get(store, note.uid)
        assert (current.body, current.tags) == ("boris's later edit", ("meeting",))
        bodies = [v.body for v in annotations.history(store, note.uid)]
        assert bodies[0] == "boris's later edit"
        assert sorted(bodies[1:]) == ["anna's edit", "original"]
    # a second round changes nothing on either side
    for store, path in ((anna, from_boris), (boris, from_anna)):
        state = dump(store)
        assert not annotation_exchange.import_file(store, path).changed
        assert dump(store) == state


def test_bin_travels_and_newer_restore_wins(anna: Store, boris: Store, tmp_path: Path) -> None:
    (s1,) = some_statements(anna, 1)
    note = annotations.add(anna, s1, "to be binned", "anna")
    path = tmp_path / "x.json"
    annotation_exchange.export_to_file(anna, path)
    annotation_exchange.import_file(boris, path)
    annotations.move_to_bin(anna, note.uid)
    annotation_exchange.export_to_file(anna, path)
    assert annotation_exchange.import_file(boris, path).updated == [note.uid]
    assert annotations.get(boris, note.uid).in_bin
    assert annotations.for_statement_uid(boris, s1) == []


def test_statements_missing_here_come_along_with_their_source(anna: Store, tmp_path: Path) -> None:
    rows = list(statements.iterate(anna, StatementFilter()))
    first = rows[0]
    same_source = [s for s in rows if s.source and first.source and s.source.id == first.source.id][:2]
    other = next(s for s in rows if s.source and first.source and s.source.id != first.source.id)
    annotations.add(anna, same_source[0].uid, "note one", "anna")
    annotations.add(anna, same_source[1].uid, "заметка два", "anna", kind="contradiction",
                    linked_statement_uid=other.uid)  # fmt: skip
    path = tmp_path / "x.json"
    annotation_exchange.export_to_file(anna, path)

    with Store.open(tmp_path / "fresh.sqlite") as fresh:
        report = annotation_exchange.import_file(fresh, path)
        assert len(report.added) == 2
        assert sorted(report.statements_added) == sorted([same_source[0].uid, same_source[1].uid, other.uid])
        assert report.sources_added == 2
        arrived = statements.get(fresh, same_source[0].uid)
        assert (arrived.quote, arrived.speaker, arrived.side, arrived.issue, arrived.said_on) == (
            same_source[0].quote, same_source[0].speaker, same_source[0].side, same_source[0].issue,
            same_source[0].said_on,
        )  # fmt: skip
        assert arrived.source is not None and first.source is not None
        assert (arrived.source.title, arrived.source.outlet, arrived.source.published) == (
            first.source.title, first.source.outlet, first.source.published,
        )  # fmt: skip
        assert arrived.annotation_kinds == ("note",)
        state = dump(fresh)
        assert not annotation_exchange.import_file(fresh, path).changed
        assert dump(fresh) == state


def test_unknown_issue_and_side_are_created_not_lost(anna: Store, tmp_path: Path) -> None:
    (s1,) = some_statements(anna, 1)
    note = annotations.add(anna, s1, "note", "anna")
    document = annotation_exchange.build_exchange(anna)
    document["statements"][0].update(
        issue="arctic_shipping", issue_title="Arctic shipping", side="eu", side_name="European Union"
    )
    document["statements"][0]["uid"] = document["annotations"][0]["statement_uid"] = "new-statement"
    with Store.open(tmp_path / "fresh.sqlite") as fresh:
        report = annotation_exchange.import_text(fresh, json.dumps(document), allow_new_sides=True)
        assert report.issues_added == ["arctic_shipping"] and report.sides_added == ["eu"]
        assert report.added == [note.uid]
        arrived = statements.get(fresh, "new-statement")
        assert (arrived.issue, arrived.side) == ("arctic_shipping", "eu")


def test_a_link_to_a_statement_that_did_not_travel_is_kept(anna: Store, tmp_path: Path) -> None:
    s1, s2, _ = some_statements(anna)
    note = annotations.add(anna, s1, "contradicts", "anna", kind="contradiction", linked_statement_uid=s2)
    document = annotation_exchange.build_exchange(anna)
    document["statements"] = [st for st in document["statements"] if st["uid"] != s2]
    with Store.open(tmp_path / "fresh.sqlite") as fresh:
        report = annotation_exchange.import_text(fresh, json.dumps(document))
        assert report.added == [note.uid] and report.statements_added == [s1]
        assert annotations.get(fresh, note.uid).linked_statement_uid == s2


def test_export_scopes(anna: Store, tmp_path: Path) -> None:
    s1, s2, _ = some_statements(anna)
    issue = statements.get(anna, s1).issue
    a = annotations.add(anna, s1, "in the issue", "anna")
    b = annotations.add(anna, s2, "elsewhere", "anna")
    by_issue = annotation_exchange.build_exchange(anna, AnnotationFilter(issue=issue, include_deleted=True))
    assert [n["uid"] for n in by_issue["annotations"]] == [a.uid]
    assert [s["uid"] for s in by_issue["statements"]] == [s1]
    by_uid = annotation_exchange.build_exchange(anna, AnnotationFilter(uids=(b.uid,), include_deleted=True))
    assert [n["uid"] for n in by_uid["annotations"]] == [b.uid]
    old = annotation_exchange.build_exchange(anna, AnnotationFilter(date_to="2001-01-01"))
    assert old["annotations"] == [] and old["statements"] == []


def bad_documents(good: str) -> dict[str, tuple[str, str]]:
    data = json.loads(good)
    newer = {**data, "version": exchange_format.VERSION + 1}
    wrong_kind = json.loads(good)
    wrong_kind["annotations"][-1]["kind"] = "gossip"
    bad_stamp = json.loads(good)
    bad_stamp["annotations"][1]["history"] = [{**bad_stamp["annotations"][0], "valid_from": "yesterday"}]
    return {
        "truncated": (good[: len(good) // 2], "truncated"),
        "malformed": (good.replace('"annotations"', '"annotations" "', 1), "damaged at line"),
        "empty": ("", "truncated"),
        "not ours": (json.dumps({"format": "something-else", "version": 1}), "not a Positions annotations"),
        "newer": (json.dumps(newer), "newer Positions"),
        "bad kind": (json.dumps(wrong_kind), "annotations[2].kind"),
        "bad timestamp": (json.dumps(bad_stamp), "annotations[1].history[0].valid_from"),
        "not a list": (json.dumps({**data, "annotations": {}}), "annotations: missing or not a list"),
    }


def test_bad_files_are_refused_and_change_nothing(anna: Store, tmp_path: Path) -> None:
    s1, s2, s3 = some_statements(anna)
    for uid in (s1, s2, s3):
        annotations.add(anna, uid, f"note on {uid}", "anna")
    good = tmp_path / "good.json"
    annotation_exchange.export_to_file(anna, good)
    with Store.open(tmp_path / "fresh.sqlite") as fresh:
        state = dump(fresh)
        for name, (text, message) in bad_documents(good.read_text(encoding="utf-8")).items():
            path = tmp_path / f"{name}.json"
            path.write_text(text, encoding="utf-8")
            with pytest.raises(ExchangeFileError, match=re.escape(message)) as caught:
                annotation_exchange.import_file(fresh, path)
            assert str(path) in str(caught.value), name
            assert dump(fresh) == state, name
        with pytest.raises(ExchangeFileError, match="cannot read"):
            annotation_exchange.import_file(fresh, tmp_path / "missing.json")


def test_a_failure_midway_rolls_back_everything(anna: Store, tmp_path: Path) -> None:
    s1, s2, _ = some_statements(anna)
    annotations.add(anna, s1, "first", "anna")
    annotations.add(anna, s2, "second", "anna")
    document = annotation_exchange.build_exchange(anna)
    document["statements"][1]["said_on"] = "2017-02-30"  # passes nothing: refused before any write
    with Store.open(tmp_path / "fresh.sqlite") as fresh:
        state = dump(fresh)
        with pytest.raises(ExchangeFileError, match=r"statements\[1\].said_on"):
            annotation_exchange.import_text(fresh, json.dumps(document))
        assert dump(fresh) == state


def test_summaries_and_done_follow_ups_travel_and_merge_as_versions(anna: Store, boris: Store, tmp_path: Path) -> None:
    s1, s2, _ = some_statements(anna)
    issue = statements.get(anna, s1).issue
    theirs = summaries.write(boris, issue, "russia", "Борис: позиция без изменений.", "boris", [s1])
    ours = summaries.write(anna, issue, "russia", "Anna: Russia hardened its line; 北方領土 not discussed.", "anna",
                           [s1, s2])  # fmt: skip
    assert ours is not None and theirs is not None and ours.uid == theirs.uid  # one summary, two versions
    task = annotations.add(anna, s2, "Ask the embassy", "anna", kind="follow_up", due_on="2026-01-15")
    follow_ups.mark_done(anna, task.uid)
    path = tmp_path / "anna.json"
    annotation_exchange.export_to_file(anna, path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["version"] == 2
    record = next(a for a in document["annotations"] if a["kind"] == "summary")
    assert record["statement_uid"] is None and record["side"] == "russia" and record["issue"] == issue
    assert record["rests_on"] == [s1, s2]
    report = annotation_exchange.import_file(boris, path)
    assert ours.uid in report.updated and task.uid in report.added
    merged = summaries.current(boris, issue, "russia")
    assert merged is not None and merged.body == ours.body and merged.rests_on == (s1, s2)
    assert "Борис: позиция без изменений." in [v.body for v in annotations.history(boris, ours.uid)]
    assert annotations.get(boris, task.uid).done_at is not None
    assert not annotation_exchange.import_file(boris, path).changed  # idempotent


def test_a_summary_brings_its_side_and_statements_to_a_fresh_database(anna: Store, tmp_path: Path) -> None:
    s1, _, _ = some_statements(anna)
    issue = statements.get(anna, s1).issue
    summaries.write(anna, issue, "japan", "日本：対話継続。", "anna", [s1])
    document = annotation_exchange.build_exchange(anna)
    document["annotations"][0].update(side="korea", side_name="Korea")  # a side the receiver does not have
    with Store.open(tmp_path / "empty.sqlite") as fresh:
        report = annotation_exchange.import_text(fresh, json.dumps(document))
        assert report.sides_added == ["korea"] and s1 in report.statements_added
        summary = summaries.current(fresh, issue, "korea")
        assert summary is not None and summary.rests_on == (s1,) and summary.body == "日本：対話継続。"


def test_files_without_summaries_stay_version_1_and_version_1_files_still_import(anna: Store, tmp_path: Path) -> None:
    s1, _, _ = some_statements(anna)
    note = annotations.add(anna, s1, "plain note", "anna")
    document = annotation_exchange.build_exchange(anna)
    assert document["version"] == 1
    for record in document["annotations"]:  # exactly what Positions wrote before summaries existed
        for field in ("done_at", "rests_on"):
            del record[field]
    with Store.open(tmp_path / "fresh.sqlite") as fresh:
        report = annotation_exchange.import_text(fresh, json.dumps(document))
        assert report.added == [note.uid]
        assert annotations.get(fresh, note.uid).rests_on == ()
        assert not annotation_exchange.import_text(fresh, json.dumps(document)).changed


def test_a_malformed_summary_is_refused_with_its_place(anna: Store, tmp_path: Path) -> None:
    s1, _, _ = some_statements(anna)
    summaries.write(anna, statements.get(anna, s1).issue, "russia", "text", "anna")
    document = annotation_exchange.build_exchange(anna)
    document["annotations"][0]["side"] = ""
    with pytest.raises(ExchangeFileError, match=re.escape("annotations[0].side: is empty")):
        annotation_exchange.import_text(anna, json.dumps(document))
    document["annotations"][0].update(side="russia", rests_on="s1")
    with pytest.raises(ExchangeFileError, match=re.escape("annotations[0].rests_on")):
        annotation_exchange.import_text(anna, json.dumps(document))
